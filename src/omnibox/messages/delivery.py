"""Delivery receipts from channels (sent, delivered, read, failed) applied to our messages."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.models import Channel, DeliveryStatus, Message
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind

# Receipts can arrive out of order (read before delivered): a status never moves backwards.
_RANK = {
    DeliveryStatus.queued: 0,
    DeliveryStatus.sent: 1,
    DeliveryStatus.delivered: 2,
    DeliveryStatus.read: 3,
}


async def apply_delivery_status(
    session: AsyncSession,
    channel: Channel,
    external_id: str,
    status: DeliveryStatus,
    error: str | None = None,
) -> uuid.UUID | None:
    """Move our message with this channel id to ``status``; its id, or None if unknown."""
    message = (
        await session.execute(
            select(Message)
            .where(Message.channel_id == channel.id, Message.external_id == external_id)
            .with_for_update()
        )
    ).scalar_one_or_none()
    if message is None:
        return None
    if status == DeliveryStatus.failed:
        message.status = DeliveryStatus.failed
        message.error = error or "The channel reported the message as failed."
    elif message.status == DeliveryStatus.failed or _RANK.get(
        DeliveryStatus(message.status), 0
    ) >= _RANK.get(status, 0):
        return message.id
    else:
        message.status = status
    message.updated_at = utcnow()
    await session.flush()
    await emit(
        session,
        SignalKind.message_updated,
        workspace_id=message.workspace_id,
        conversation_id=message.conversation_id,
        message_id=message.id,
    )
    return message.id
