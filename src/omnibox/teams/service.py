"""Teams: a name and members; conversations assigned to a team fill its inbox."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.errors import Conflict, InvalidPayload, NotFound
from omnibox.models import Membership, Team, TeamMember
from omnibox.teams.schemas import TeamIn, TeamOut, TeamPatch


async def _members(
    session: AsyncSession, team_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    if team_ids:
        rows = await session.execute(
            select(TeamMember.team_id, TeamMember.user_id)
            .where(TeamMember.team_id.in_(team_ids))
            .order_by(TeamMember.created_at, TeamMember.user_id)
        )
        for team_id, user_id in rows:
            found[team_id].append(user_id)
    return found


async def list_teams(session: AsyncSession, workspace_id: uuid.UUID) -> list[TeamOut]:
    teams = (
        (
            await session.execute(
                select(Team).where(Team.workspace_id == workspace_id).order_by(Team.name)
            )
        )
        .scalars()
        .all()
    )
    members = await _members(session, [t.id for t in teams])
    return [TeamOut(id=t.id, name=t.name, member_ids=members[t.id]) for t in teams]


async def get_team(session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID) -> Team:
    team = (
        await session.execute(
            select(Team).where(Team.id == team_id, Team.workspace_id == workspace_id)
        )
    ).scalar_one_or_none()
    if team is None:
        raise NotFound("No such team.")
    return team


async def team_out(session: AsyncSession, team: Team) -> TeamOut:
    return TeamOut(
        id=team.id, name=team.name, member_ids=(await _members(session, [team.id]))[team.id]
    )


async def _check_members(
    session: AsyncSession, workspace_id: uuid.UUID, user_ids: Sequence[uuid.UUID]
) -> None:
    if not user_ids:
        return
    found = set(
        (
            await session.execute(
                select(Membership.user_id).where(
                    Membership.workspace_id == workspace_id, Membership.user_id.in_(user_ids)
                )
            )
        ).scalars()
    )
    missing = [str(u) for u in user_ids if u not in found]
    if missing:
        raise InvalidPayload(
            "Team members must be members of this workspace.",
            errors=[{"field": "user_id", "message": f"not a member: {u}"} for u in missing],
        )


async def _flush_unique(session: AsyncSession, name: str) -> None:
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        raise Conflict(f"A team named {name!r} already exists.") from exc


async def add_members(session: AsyncSession, team: Team, user_ids: Sequence[uuid.UUID]) -> None:
    await _check_members(session, team.workspace_id, user_ids)
    if user_ids:
        await session.execute(
            insert(TeamMember)
            .values(
                [
                    {"team_id": team.id, "user_id": u, "workspace_id": team.workspace_id}
                    for u in dict.fromkeys(user_ids)
                ]
            )
            .on_conflict_do_nothing()
        )


async def create_team(session: AsyncSession, workspace_id: uuid.UUID, body: TeamIn) -> TeamOut:
    team = Team(workspace_id=workspace_id, name=body.name.strip())
    session.add(team)
    await _flush_unique(session, team.name)
    await add_members(session, team, body.member_ids)
    return await team_out(session, team)


async def rename_team(
    session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID, body: TeamPatch
) -> TeamOut:
    team = await get_team(session, workspace_id, team_id)
    team.name = body.name.strip()
    await _flush_unique(session, team.name)
    return await team_out(session, team)


async def delete_team(session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID) -> None:
    """Its conversations stay, with no team (the foreign key sets it to null)."""
    team = await get_team(session, workspace_id, team_id)
    await session.delete(team)
    await session.flush()


async def remove_member(
    session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    team = await get_team(session, workspace_id, team_id)
    result = await session.execute(
        delete(TeamMember).where(TeamMember.team_id == team.id, TeamMember.user_id == user_id)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise NotFound("That user is not in this team.")
