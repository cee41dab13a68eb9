"""Conversation actions: assign, unassign, close, reopen. Each one emits
``conversation.updated`` in the same transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.conversations.visibility import Viewer, visible_conversation
from omnibox.errors import Conflict, InvalidPayload
from omnibox.models import (
    Conversation,
    ConversationStatus,
    Membership,
    NotificationKind,
    Team,
)
from omnibox.models.base import utcnow
from omnibox.notifications.service import notify
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind

_UNSET = object()


def invalid(field: str, detail: str) -> InvalidPayload:
    return InvalidPayload(detail, errors=[{"field": field, "message": detail}])


async def changed(
    session: AsyncSession,
    conversation: Conversation,
    *,
    also_tell: uuid.UUID | None = None,
) -> None:
    """Flush and tell every client; ``also_tell``: a user who may no longer see it (the
    previous assignee), so their lists drop it."""
    await session.flush()
    await emit(
        session,
        SignalKind.conversation_updated,
        workspace_id=conversation.workspace_id,
        conversation_id=conversation.id,
    )
    if also_tell is not None:
        await emit(
            session,
            SignalKind.conversation_updated,
            workspace_id=conversation.workspace_id,
            conversation_id=conversation.id,
            user_id=also_tell,
        )


async def _check_member(session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID) -> None:
    found = (
        await session.execute(
            select(Membership.id).where(
                Membership.workspace_id == workspace_id, Membership.user_id == user_id
            )
        )
    ).scalar_one_or_none()
    if found is None:
        raise invalid("assignee_id", "The assignee must be a member of this workspace.")


async def _check_team(session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID) -> None:
    found = (
        await session.execute(
            select(Team.id).where(Team.workspace_id == workspace_id, Team.id == team_id)
        )
    ).scalar_one_or_none()
    if found is None:
        raise invalid("team_id", "No such team in this workspace.")


async def assign(
    session: AsyncSession,
    viewer: Viewer,
    conversation_id: uuid.UUID,
    *,
    assignee_id: uuid.UUID | object | None = _UNSET,
    team_id: uuid.UUID | object | None = _UNSET,
) -> Conversation:
    """Set the assignee and/or the team (``None`` clears); the new assignee is notified."""
    conversation = await visible_conversation(session, viewer, conversation_id, lock=True)
    previous = conversation.assignee_id
    if isinstance(assignee_id, uuid.UUID):
        await _check_member(session, viewer.workspace_id, assignee_id)
    if isinstance(team_id, uuid.UUID):
        await _check_team(session, viewer.workspace_id, team_id)
    if assignee_id is not _UNSET:
        conversation.assignee_id = assignee_id  # type: ignore[assignment]
    if team_id is not _UNSET:
        conversation.team_id = team_id  # type: ignore[assignment]
    new = conversation.assignee_id
    if new is not None and new != previous and new != viewer.user_id and not conversation.blocked:
        await notify(
            session,
            workspace_id=viewer.workspace_id,
            user_id=new,
            kind=NotificationKind.assigned,
            conversation_id=conversation.id,
            actor_id=viewer.user_id,
            data={"team_id": str(conversation.team_id)} if conversation.team_id else {},
        )
    await changed(
        session, conversation, also_tell=previous if previous not in (None, new) else None
    )
    return conversation


async def unassign(
    session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID
) -> Conversation:
    """No user and no team: back to Unassigned."""
    return await assign(session, viewer, conversation_id, assignee_id=None, team_id=None)


async def close(
    session: AsyncSession,
    viewer: Viewer,
    conversation_id: uuid.UUID,
    *,
    note: str | None,
    category: str | None,
) -> Conversation:
    conversation = await visible_conversation(session, viewer, conversation_id, lock=True)
    prefs = viewer.preferences
    note = (note or "").strip() or None
    category = (category or "").strip() or None
    if prefs.closing_notes == "off":
        if note is not None or category is not None:
            raise invalid("note", "Closing notes are turned off in this workspace.")
    else:
        if category is not None and category not in prefs.closing_categories:
            raise invalid(
                "category",
                "Pick one of the workspace's closing categories: "
                + ", ".join(prefs.closing_categories),
            )
        if prefs.closing_notes == "mandatory":
            missing = [
                {"field": name, "message": "required"}
                for name, value in (("note", note), ("category", category))
                if value is None
            ]
            if missing:
                raise InvalidPayload(
                    "This workspace requires a closing note and a category.", errors=missing
                )
    if conversation.status == ConversationStatus.closed:
        raise Conflict("The conversation is already closed.")
    conversation.status = ConversationStatus.closed
    conversation.closed_at = utcnow()
    conversation.closing_note = note
    conversation.closing_category = category
    conversation.snoozed_until = None
    conversation.snoozed_at = None
    conversation.last_snoozed_until = None
    await changed(session, conversation)
    return conversation


async def reopen(session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID) -> Conversation:
    conversation = await visible_conversation(session, viewer, conversation_id, lock=True)
    if conversation.status == ConversationStatus.open:
        raise Conflict("The conversation is already open.")
    open_now(conversation)
    await changed(session, conversation)
    return conversation


def open_now(conversation: Conversation) -> None:
    """Back to Open: a "was snoozed until" marker from an earlier wake-up no longer applies
    (``wake`` sets it again after calling this)."""
    conversation.status = ConversationStatus.open
    conversation.opened_at = utcnow()
    conversation.closed_at = None
    conversation.snoozed_until = None
    conversation.snoozed_at = None
    conversation.last_snoozed_until = None
