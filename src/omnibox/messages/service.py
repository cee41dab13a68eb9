"""Agent-side message use cases: list a conversation's messages, send a reply, retry."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.dependencies import WorkspaceAccess
from omnibox.conversations.service import get_conversation_row
from omnibox.errors import Conflict, NotFound
from omnibox.jobs.app import defer_in
from omnibox.models import (
    AuthorType,
    Conversation,
    DeliveryStatus,
    Direction,
    Message,
    MessageKind,
)
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind


async def list_messages(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    *,
    limit: int,
    before: datetime | None,
    before_id: uuid.UUID | None = None,
) -> list[Message]:
    await get_conversation_row(session, workspace_id, conversation_id)
    stmt = select(Message).where(
        Message.workspace_id == workspace_id, Message.conversation_id == conversation_id
    )
    if before is not None and before_id is not None:
        # (created_at, id) is the cursor: no message is skipped at a page edge on equal times.
        stmt = stmt.where(tuple_(Message.created_at, Message.id) < tuple_(before, before_id))
    elif before is not None:
        stmt = stmt.where(Message.created_at < before)
    rows = (
        (
            await session.execute(
                stmt.order_by(Message.created_at.desc(), Message.id.desc()).limit(limit)
            )
        )
        .scalars()
        .all()
    )
    return list(reversed(rows))


async def send_reply(
    session: AsyncSession,
    access: WorkspaceAccess,
    conversation_id: uuid.UUID,
    *,
    text: str,
    client_id: str | None,
) -> tuple[Message, bool]:
    """Store an outbound message as queued and defer its delivery; (message, created)."""
    from omnibox.channels.tasks import deliver_message

    conversation = await get_conversation_row(session, access.workspace_id, conversation_id)
    if client_id:
        existing = (
            await session.execute(
                select(Message).where(
                    Message.conversation_id == conversation.id, Message.client_id == client_id
                )
            )
        ).scalar_one_or_none()
        if existing is not None:
            return existing, False
    if conversation.last_channel_id is None:
        raise Conflict("This contact has no channel to reply on yet.")
    now = utcnow()
    message = Message(
        workspace_id=access.workspace_id,
        conversation_id=conversation.id,
        channel_id=conversation.last_channel_id,
        direction=Direction.outgoing,
        author_type=AuthorType.user,
        author_user_id=access.user.id,
        kind=MessageKind.text,
        text=text,
        client_id=client_id,
        status=DeliveryStatus.queued,
        created_at=now,
    )
    session.add(message)
    await session.flush()
    await session.execute(
        update(Conversation)
        .where(Conversation.id == conversation.id)
        .values(last_message_id=message.id, last_message_at=now, last_outgoing_at=now)
    )
    await defer_in(session, deliver_message, message_id=str(message.id))
    await emit(
        session,
        SignalKind.message_created,
        workspace_id=access.workspace_id,
        conversation_id=conversation.id,
        message_id=message.id,
    )
    await emit(
        session,
        SignalKind.conversation_updated,
        workspace_id=access.workspace_id,
        conversation_id=conversation.id,
    )
    return message, True


async def retry_message(
    session: AsyncSession, workspace_id: uuid.UUID, message_id: uuid.UUID
) -> Message:
    from omnibox.channels.tasks import deliver_message

    message = (
        await session.execute(
            select(Message)
            .where(Message.id == message_id, Message.workspace_id == workspace_id)
            .with_for_update()
        )
    ).scalar_one_or_none()
    if message is None:
        raise NotFound("No such message.")
    if message.status != DeliveryStatus.failed:
        raise Conflict("Only a failed message can be retried.")
    message.status = DeliveryStatus.queued
    message.error = None
    message.attempts = 0
    message.updated_at = utcnow()
    await session.flush()
    await defer_in(session, deliver_message, message_id=str(message.id))
    await emit(
        session,
        SignalKind.message_updated,
        workspace_id=workspace_id,
        conversation_id=message.conversation_id,
        message_id=message.id,
    )
    return message
