from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.models import Membership, User, Workspace
from omnibox.workspaces.schemas import (
    MemberOut,
    WorkspaceOut,
    WorkspacePreferences,
    WorkspacePreferencesPatch,
)


async def list_workspaces(session: AsyncSession, user_id: uuid.UUID) -> list[WorkspaceOut]:
    rows = await session.execute(
        select(Workspace.id, Workspace.name, Membership.role)
        .join(Membership, Membership.workspace_id == Workspace.id)
        .where(Membership.user_id == user_id)
        .order_by(Workspace.name)
    )
    return [WorkspaceOut(id=r.id, name=r.name, role=r.role) for r in rows]


async def list_members(session: AsyncSession, workspace_id: uuid.UUID) -> list[MemberOut]:
    rows = await session.execute(
        select(User.id, User.name, User.email, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.workspace_id == workspace_id)
        .order_by(User.name)
    )
    return [MemberOut(user_id=r.id, name=r.name, email=r.email, role=r.role) for r in rows]


def workspace_preferences(workspace: Workspace) -> WorkspacePreferences:
    return WorkspacePreferences.model_validate(workspace.settings or {})


async def update_preferences(
    session: AsyncSession, workspace: Workspace, patch: WorkspacePreferencesPatch
) -> WorkspacePreferences:
    changes = patch.model_dump(exclude_unset=True)
    merged = WorkspacePreferences.model_validate({**(workspace.settings or {}), **changes})
    # Re-assign (not mutate) so SQLAlchemy sees the JSONB change.
    workspace.settings = {**(workspace.settings or {}), **merged.model_dump()}
    await session.flush()
    return merged
