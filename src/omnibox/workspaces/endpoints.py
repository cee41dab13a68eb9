from __future__ import annotations

from fastapi import APIRouter

from omnibox.auth.dependencies import Access, CurrentUser
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.models import Role
from omnibox.workspaces.schemas import (
    MemberOut,
    WorkspaceOut,
    WorkspacePreferences,
    WorkspacePreferencesPatch,
)
from omnibox.workspaces.service import (
    list_members,
    list_workspaces,
    update_preferences,
    workspace_preferences,
)

router = APIRouter(prefix="/workspaces", tags=["workspaces"])


@router.get("")
async def workspaces(user: CurrentUser, session: DbSession) -> list[WorkspaceOut]:
    return await list_workspaces(session, user.id)


@router.get("/{workspace_id}/members", responses=problems(404))
async def members(access: Access, session: DbSession) -> list[MemberOut]:
    return await list_members(session, access.workspace_id)


@router.get("/{workspace_id}/preferences", responses=problems(404))
async def get_preferences(access: Access) -> WorkspacePreferences:
    return workspace_preferences(access.workspace)


@router.patch("/{workspace_id}/preferences", responses=problems(403, 404))
async def patch_preferences(
    body: WorkspacePreferencesPatch, access: Access, session: DbSession
) -> WorkspacePreferences:
    access.require(Role.owner, Role.manager)
    return await update_preferences(session, access.workspace, body)
