"""Storing what a Telegram update says: a new message (idempotent), or an edit of one."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.base import InboundMessage
from omnibox.channels.telegram.parse import ParsedUpdate
from omnibox.media.storage import LocalStorage
from omnibox.messages.inbound import ingest
from omnibox.models import Channel, Direction, Message
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpdateOutcome:
    message_id: uuid.UUID | None
    conversation_id: uuid.UUID | None
    duplicate: bool = False
    edited: bool = False


async def store_update(
    session: AsyncSession,
    channel: Channel,
    update: ParsedUpdate,
    *,
    storage: LocalStorage,
    max_attachment_bytes: int,
) -> UpdateOutcome:
    """Store one parsed update in the caller's transaction (the caller commits)."""
    event = update.message
    if event is None:
        log.info("telegram update %s carries no chat message; nothing to store", update.update_id)
        return UpdateOutcome(None, None)
    if update.edited:
        edited = await apply_edit(session, channel, event)
        if edited is not None:
            return UpdateOutcome(edited.id, edited.conversation_id, edited=True)
        # An edit of a message we never saw (sent before the bot was connected): store it.
    result = await ingest(
        session, channel, event, storage=storage, max_attachment_bytes=max_attachment_bytes
    )
    return UpdateOutcome(result.message_id, result.conversation_id, duplicate=result.duplicate)


async def apply_edit(
    session: AsyncSession, channel: Channel, event: InboundMessage
) -> Message | None:
    """Give the stored message (by channel and external id) its edited text; None if unknown.

    Repeated or out-of-order edits are harmless: an edit older than the one stored is ignored,
    and only a real change moves the message's version and tells the agents.
    """
    message = (
        await session.execute(
            select(Message)
            .where(
                Message.channel_id == channel.id,
                Message.external_id == event.external_id,
                Message.direction == Direction.incoming,
            )
            .with_for_update()
        )
    ).scalar_one_or_none()
    if message is None:
        return None
    if _edit_date(event.raw) < _edit_date(message.raw) or message.text == event.text:
        return message
    message.text = event.text
    message.raw = event.raw
    message.updated_at = utcnow()
    await session.flush()
    await emit(
        session,
        SignalKind.message_updated,
        workspace_id=message.workspace_id,
        conversation_id=message.conversation_id,
        message_id=message.id,
    )
    return message


def _edit_date(raw: dict[str, Any] | None) -> int:
    edited = (raw or {}).get("edited_message")
    value = edited.get("edit_date") if isinstance(edited, dict) else None
    return value if isinstance(value, int) else 0
