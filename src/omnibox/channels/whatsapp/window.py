"""The customer service window: WhatsApp takes free-form messages only within 24 hours of the
contact's last message to that number; after that, only approved templates go out.

Written against ``Capabilities.messaging_window_hours``, so any channel that declares a
window gets the same rule (WhatsApp is the one that does today).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.registry import adapter_for
from omnibox.errors import Conflict
from omnibox.models import Channel, Direction, Message
from omnibox.models.base import utcnow


class MessagingWindowClosed(Conflict):
    slug = "messaging-window-closed"
    title = "Messaging window closed"


@dataclass(frozen=True)
class MessagingWindow:
    channel_id: uuid.UUID
    hours: int | None
    last_incoming_at: datetime | None
    closes_at: datetime | None
    open: bool


async def messaging_window(
    session: AsyncSession, conversation_id: uuid.UUID, channel: Channel
) -> MessagingWindow:
    hours = adapter_for(channel.kind).capabilities.messaging_window_hours
    if hours is None:
        return MessagingWindow(channel.id, None, None, None, open=True)
    # The window is per business number: only what the contact sent on this channel counts.
    last_incoming_at = (
        await session.execute(
            select(func.max(Message.created_at)).where(
                Message.conversation_id == conversation_id,
                Message.channel_id == channel.id,
                Message.direction == Direction.incoming,
            )
        )
    ).scalar_one()
    closes_at = last_incoming_at + timedelta(hours=hours) if last_incoming_at else None
    return MessagingWindow(
        channel.id,
        hours,
        last_incoming_at,
        closes_at,
        open=closes_at is not None and closes_at > utcnow(),
    )


async def require_open_window(
    session: AsyncSession, conversation_id: uuid.UUID, channel: Channel
) -> None:
    """Refuse a free-form message the channel would refuse anyway, before it is queued."""
    window = await messaging_window(session, conversation_id, channel)
    if window.open:
        return
    if window.closes_at is not None:
        since = (
            f"closed at {window.closes_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC, "
            f"{window.hours} hours after the contact's last message"
        )
    else:
        since = "is not open: the contact has not written on this channel yet"
    raise MessagingWindowClosed(
        f"The {window.hours}-hour window for free-form {channel.kind} messages {since}. "
        "Send an approved template instead; it reopens the conversation when they answer.",
        reason="messaging_window_closed",
        closes_at=window.closes_at.isoformat() if window.closes_at else None,
    )
