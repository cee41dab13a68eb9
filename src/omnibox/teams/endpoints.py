from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from omnibox.auth.dependencies import Access
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.models import Role
from omnibox.teams import service
from omnibox.teams.schemas import TeamIn, TeamMemberIn, TeamOut, TeamPatch

router = APIRouter(prefix="/workspaces/{workspace_id}/teams", tags=["teams"])


@router.get("", responses=problems(404))
async def list_teams(access: Access, session: DbSession) -> list[TeamOut]:
    return await service.list_teams(session, access.workspace_id)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(403, 404, 409))
async def create_team(body: TeamIn, access: Access, session: DbSession) -> TeamOut:
    """Owners and managers. Members must belong to the workspace."""
    access.require(Role.owner, Role.manager)
    return await service.create_team(session, access.workspace_id, body)


@router.patch("/{team_id}", responses=problems(403, 404, 409))
async def rename_team(
    team_id: uuid.UUID, body: TeamPatch, access: Access, session: DbSession
) -> TeamOut:
    access.require(Role.owner, Role.manager)
    return await service.rename_team(session, access.workspace_id, team_id, body)


@router.delete("/{team_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(403, 404))
async def delete_team(team_id: uuid.UUID, access: Access, session: DbSession) -> Response:
    """Its conversations keep their assignee and lose the team."""
    access.require(Role.owner, Role.manager)
    await service.delete_team(session, access.workspace_id, team_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{team_id}/members", responses=problems(403, 404))
async def add_member(
    team_id: uuid.UUID, body: TeamMemberIn, access: Access, session: DbSession
) -> TeamOut:
    access.require(Role.owner, Role.manager)
    team = await service.get_team(session, access.workspace_id, team_id)
    await service.add_members(session, team, [body.user_id])
    return await service.team_out(session, team)


@router.delete(
    "/{team_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems(403, 404),
)
async def remove_member(
    team_id: uuid.UUID, user_id: uuid.UUID, access: Access, session: DbSession
) -> Response:
    access.require(Role.owner, Role.manager)
    await service.remove_member(session, access.workspace_id, team_id, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
