"""Snoozing: the conversation leaves Open until a time, when a job scheduled in PostgreSQL
(procrastinate, deferred in the same transaction, so it survives restarts) brings it back.
A periodic sweep catches any wake-up a lost job would miss."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.conversations.actions import changed, invalid, open_now
from omnibox.conversations.visibility import Viewer, visible_conversation
from omnibox.errors import Conflict
from omnibox.jobs.app import defer_in
from omnibox.models import Conversation, ConversationStatus, NotificationKind
from omnibox.models.base import utcnow
from omnibox.notifications.service import notify

MAX_SNOOZE = timedelta(days=366 * 2)


async def snooze(
    session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID, until: datetime
) -> Conversation:
    from omnibox.conversations.tasks import wake_snoozed

    if until.tzinfo is None:
        raise invalid("until", "Give the time with its UTC offset (e.g. 2030-01-01T09:00:00Z).")
    now = utcnow()
    if until <= now:
        raise invalid("until", "The snooze must end in the future.")
    if until - now > MAX_SNOOZE:
        raise invalid("until", "A snooze can last two years at most.")
    conversation = await visible_conversation(session, viewer, conversation_id, lock=True)
    if conversation.blocked:
        raise Conflict("A blocked contact's conversation can't be snoozed.")
    if conversation.status == ConversationStatus.closed:
        raise Conflict("A closed conversation can't be snoozed; reopen it first.")
    conversation.status = ConversationStatus.snoozed
    conversation.snoozed_until = until
    conversation.snoozed_at = now
    conversation.snoozed_by_id = viewer.user_id
    conversation.last_snoozed_until = None
    await defer_in(
        session,
        wake_snoozed.configure(schedule_at=until),
        conversation_id=str(conversation.id),
        until=until.isoformat(),
    )
    await changed(session, conversation)
    return conversation


async def unsnooze(
    session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID
) -> Conversation:
    conversation = await visible_conversation(session, viewer, conversation_id, lock=True)
    if conversation.status != ConversationStatus.snoozed:
        raise Conflict("The conversation is not snoozed.")
    open_now(conversation)
    await changed(session, conversation)
    return conversation


async def wake(session: AsyncSession, conversation_id: uuid.UUID, until: datetime | None) -> bool:
    """Bring a snoozed conversation back if its snooze (the one ending at ``until``, or any
    that is over) has run out; notify its assignee, or whoever snoozed it. Idempotent."""
    conversation = (
        await session.execute(
            select(Conversation)
            .where(Conversation.id == conversation_id)
            .with_for_update(skip_locked=True)
        )
    ).scalar_one_or_none()
    if (
        conversation is None
        or conversation.status != ConversationStatus.snoozed
        or conversation.snoozed_until is None
        or conversation.snoozed_until > utcnow()
        or (until is not None and conversation.snoozed_until != until)
    ):
        return False  # reopened, re-snoozed for later, or already woken
    snoozed_until = conversation.snoozed_until
    open_now(conversation)
    conversation.last_snoozed_until = snoozed_until
    who = conversation.assignee_id or conversation.snoozed_by_id
    if who is not None and not conversation.blocked:
        await notify(
            session,
            workspace_id=conversation.workspace_id,
            user_id=who,
            kind=NotificationKind.snooze_ended,
            conversation_id=conversation.id,
            data={"snoozed_until": snoozed_until.isoformat()},
        )
    await changed(session, conversation)
    return True


async def due_snoozes(session: AsyncSession, limit: int = 500) -> list[uuid.UUID]:
    rows = await session.execute(
        select(Conversation.id)
        .where(
            Conversation.status == ConversationStatus.snoozed,
            Conversation.snoozed_until <= utcnow(),
        )
        .order_by(Conversation.snoozed_until)
        .limit(limit)
    )
    return list(rows.scalars())
