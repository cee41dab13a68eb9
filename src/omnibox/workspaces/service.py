from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.errors import InvalidPayload
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


_NOT_NULL = (
    "auto_transcribe",
    "closing_notes",
    "closing_categories",
    "agent_visibility",
    "phone_masking",
    "agents_see_blocked",
)


def workspace_preferences(workspace: Workspace) -> WorkspacePreferences:
    return WorkspacePreferences.model_validate(workspace.settings or {})


async def update_preferences(
    session: AsyncSession, workspace: Workspace, patch: WorkspacePreferencesPatch
) -> WorkspacePreferences:
    changes = patch.model_dump(exclude_unset=True)
    for name in _NOT_NULL:
        if name in changes and changes[name] is None:
            raise InvalidPayload(
                f"{name} can't be null.", errors=[{"field": name, "message": "can't be null"}]
            )
    merged = WorkspacePreferences.model_validate({**(workspace.settings or {}), **changes})
    if len({c.casefold() for c in merged.closing_categories}) != len(merged.closing_categories):
        raise InvalidPayload(
            "Closing categories must be different from each other.",
            errors=[{"field": "closing_categories", "message": "duplicate category"}],
        )
    if merged.closing_notes == "mandatory" and not merged.closing_categories:
        raise InvalidPayload(
            "Mandatory closing notes need at least one closing category.",
            errors=[{"field": "closing_categories", "message": "add at least one category"}],
        )
    # Re-assign (not mutate) so SQLAlchemy sees the JSONB change.
    workspace.settings = {**(workspace.settings or {}), **merged.model_dump()}
    await session.flush()
    return merged
