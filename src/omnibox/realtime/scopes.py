"""Who may receive which realtime event: the REST visibility rules, applied per batch.

For every batch of signals a web node reads, in a few queries, the preferences of the
workspaces concerned, the role and teams of each connected user, and the assignee, team and
blocked flag of each conversation named. A change of role, team, preference or assignment
therefore applies from the next event on.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.contacts.masking import mask_message_authors
from omnibox.conversations.visibility import Viewer
from omnibox.models import Conversation, Membership, Role, TeamMember, Workspace
from omnibox.realtime.events import MessageCreatedEvent, MessageUpdatedEvent, ServerEvent
from omnibox.workspaces.schemas import WorkspacePreferences


@dataclass(frozen=True)
class _Placement:
    assignee_id: uuid.UUID | None
    team_id: uuid.UUID | None
    blocked: bool


@dataclass
class BatchScopes:
    viewers: dict[tuple[uuid.UUID, uuid.UUID], Viewer] = field(default_factory=dict)
    placements: dict[uuid.UUID, _Placement] = field(default_factory=dict)

    def viewer(self, workspace_id: uuid.UUID, user_id: uuid.UUID) -> Viewer | None:
        return self.viewers.get((workspace_id, user_id))

    def may_see(
        self, workspace_id: uuid.UUID, user_id: uuid.UUID, conversation_id: uuid.UUID
    ) -> bool:
        viewer = self.viewer(workspace_id, user_id)
        if viewer is None:
            return False  # no longer a member
        if not viewer.restricted and viewer.sees_blocked:
            return True
        placement = self.placements.get(conversation_id)
        if placement is None:
            return False
        return viewer.can_see(
            assignee_id=placement.assignee_id,
            team_id=placement.team_id,
            blocked=placement.blocked,
        )

    def masks_phones(self, workspace_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        viewer = self.viewer(workspace_id, user_id)
        return viewer is None or viewer.masks_phones


async def load_scopes(
    session: AsyncSession,
    users: Mapping[uuid.UUID, Iterable[uuid.UUID]],
    conversation_ids: Iterable[uuid.UUID],
) -> BatchScopes:
    """``users``: the connected users of each workspace concerned."""
    scopes = BatchScopes()
    wanted = {ws: set(ids) for ws, ids in users.items() if ids}
    if not wanted:
        return scopes
    preferences = {
        ws: WorkspacePreferences.model_validate(settings or {})
        for ws, settings in await session.execute(
            select(Workspace.id, Workspace.settings).where(Workspace.id.in_(wanted))
        )
    }
    all_users = {u for ids in wanted.values() for u in ids}
    roles = await session.execute(
        select(Membership.workspace_id, Membership.user_id, Membership.role).where(
            Membership.workspace_id.in_(wanted), Membership.user_id.in_(all_users)
        )
    )
    teams: dict[tuple[uuid.UUID, uuid.UUID], set[uuid.UUID]] = defaultdict(set)
    for ws, user, team_id in await session.execute(
        select(TeamMember.workspace_id, TeamMember.user_id, TeamMember.team_id).where(
            TeamMember.workspace_id.in_(wanted), TeamMember.user_id.in_(all_users)
        )
    ):
        teams[(ws, user)].add(team_id)
    filtering = False
    for ws, user, role in roles:
        if user not in wanted.get(ws, ()):
            continue
        viewer = Viewer(
            user_id=user,
            workspace_id=ws,
            role=Role(role),
            preferences=preferences[ws],
            team_ids=frozenset(teams[(ws, user)]),
        )
        scopes.viewers[(ws, user)] = viewer
        filtering = filtering or viewer.restricted or not viewer.sees_blocked
    ids = set(conversation_ids)
    if filtering and ids:
        for cid, assignee, team, blocked in await session.execute(
            select(
                Conversation.id,
                Conversation.assignee_id,
                Conversation.team_id,
                Conversation.blocked,
            ).where(Conversation.id.in_(ids))
        ):
            scopes.placements[cid] = _Placement(assignee, team, blocked)
    return scopes


def masked_variant(event: ServerEvent) -> ServerEvent | None:
    """The event as an agent of a phone-masking workspace gets it, if it differs."""
    if isinstance(event, MessageCreatedEvent | MessageUpdatedEvent):
        if event.message.author.type != "contact":
            return None
        masked = event.model_copy(deep=True)
        mask_message_authors(True, [masked.message])
        return masked if masked != event else None
    return None
