"""Who sees which conversations: the one place every read and action is filtered by.

* Blocked contacts' conversations: owners and managers, agents only when the workspace
  allows it (``agents_see_blocked``).
* ``agent_visibility = assigned``: agents see only conversations assigned to them or to one of
  their teams.
* ``phone_masking``: agents get masked phone numbers (see ``contacts.masking``).

An invisible conversation answers 404, like one of another workspace.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.dependencies import Access, WorkspaceAccess
from omnibox.db.session import DbSession
from omnibox.errors import NotFound
from omnibox.models import Attachment, Conversation, Message, Role, TeamMember
from omnibox.workspaces.schemas import WorkspacePreferences
from omnibox.workspaces.service import workspace_preferences


@dataclass(frozen=True)
class Viewer:
    user_id: uuid.UUID
    workspace_id: uuid.UUID
    role: Role
    preferences: WorkspacePreferences
    # Only loaded where visibility depends on them (restricted agents).
    team_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)

    @property
    def is_agent(self) -> bool:
        return self.role == Role.agent

    @property
    def restricted(self) -> bool:
        return self.is_agent and self.preferences.agent_visibility == "assigned"

    @property
    def sees_blocked(self) -> bool:
        return not self.is_agent or self.preferences.agents_see_blocked

    @property
    def masks_phones(self) -> bool:
        return self.is_agent and self.preferences.phone_masking

    def assignment_visible(self) -> ColumnElement[bool]:
        """Conversations this viewer may see by assignment (blocked aside)."""
        if not self.restricted:
            return true()
        mine = Conversation.assignee_id == self.user_id
        if self.team_ids:
            return or_(mine, Conversation.team_id.in_(self.team_ids))
        return mine

    def visible(self) -> list[ColumnElement[bool]]:
        """WHERE clauses (besides the workspace) of every conversation this viewer sees."""
        clauses: list[ColumnElement[bool]] = [Conversation.workspace_id == self.workspace_id]
        if not self.sees_blocked:
            clauses.append(~Conversation.blocked)
        if self.restricted:
            clauses.append(self.assignment_visible())
        return clauses

    def can_see(
        self, *, assignee_id: uuid.UUID | None, team_id: uuid.UUID | None, blocked: bool
    ) -> bool:
        if blocked and not self.sees_blocked:
            return False
        if not self.restricted:
            return True
        return assignee_id == self.user_id or (team_id is not None and team_id in self.team_ids)


async def team_ids_of(
    session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID
) -> frozenset[uuid.UUID]:
    rows = await session.execute(
        select(TeamMember.team_id).where(
            TeamMember.workspace_id == workspace_id, TeamMember.user_id == user_id
        )
    )
    return frozenset(rows.scalars())


async def viewer_for(session: AsyncSession, access: WorkspaceAccess) -> Viewer:
    preferences = workspace_preferences(access.workspace)
    viewer = Viewer(
        user_id=access.user.id,
        workspace_id=access.workspace_id,
        role=access.role,
        preferences=preferences,
    )
    if viewer.restricted:
        teams = await team_ids_of(session, access.workspace_id, access.user.id)
        viewer = Viewer(
            user_id=viewer.user_id,
            workspace_id=viewer.workspace_id,
            role=viewer.role,
            preferences=preferences,
            team_ids=teams,
        )
    return viewer


async def get_viewer(access: Access, session: DbSession) -> Viewer:
    return await viewer_for(session, access)


CurrentViewer = Annotated[Viewer, Depends(get_viewer)]


async def visible_conversation(
    session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID, *, lock: bool = False
) -> Conversation:
    """The conversation if this viewer may see it, else 404 (optionally locked FOR UPDATE)."""
    stmt: Any = select(Conversation).where(Conversation.id == conversation_id, *viewer.visible())
    if lock:
        stmt = stmt.with_for_update()
    conversation: Conversation | None = (await session.execute(stmt)).scalar_one_or_none()
    if conversation is None:
        raise NotFound("No such conversation.")
    return conversation


async def ensure_conversation_visible(
    session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID
) -> None:
    found = (
        await session.execute(
            select(Conversation.id).where(Conversation.id == conversation_id, *viewer.visible())
        )
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("No such conversation.")


async def ensure_message_visible(
    session: AsyncSession, viewer: Viewer, message_id: uuid.UUID
) -> None:
    found = (
        await session.execute(
            select(Message.id)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(Message.id == message_id, *viewer.visible())
        )
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("No such message.")


async def ensure_attachment_visible(
    session: AsyncSession, viewer: Viewer, attachment_id: uuid.UUID
) -> None:
    """Files of messages follow their conversation; an upload not sent yet is its uploader's
    own business (and anyone's of the workspace, as before)."""
    if viewer.sees_blocked and not viewer.restricted:
        return
    row = (
        await session.execute(
            select(Attachment.message_id, Conversation.id)
            .outerjoin(Message, Message.id == Attachment.message_id)
            .outerjoin(Conversation, Conversation.id == Message.conversation_id)
            .where(Attachment.id == attachment_id, Attachment.workspace_id == viewer.workspace_id)
        )
    ).one_or_none()
    if row is None or row.message_id is None:
        return  # unknown (the endpoint says 404 itself) or an upload not sent yet
    await ensure_conversation_visible(session, viewer, row.id)
