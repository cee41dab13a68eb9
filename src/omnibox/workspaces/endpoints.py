from __future__ import annotations

from fastapi import APIRouter

from omnibox.auth.dependencies import Access, CurrentUser
from omnibox.db.session import DbSession
from omnibox.workspaces.schemas import MemberOut, WorkspaceOut
from omnibox.workspaces.service import list_members, list_workspaces

router = APIRouter(prefix="/workspaces", tags=["workspaces"])


@router.get("")
async def workspaces(user: CurrentUser, session: DbSession) -> list[WorkspaceOut]:
    return await list_workspaces(session, user.id)


@router.get("/{workspace_id}/members", responses={404: {}})
async def members(access: Access, session: DbSession) -> list[MemberOut]:
    return await list_members(session, access.workspace_id)
