"""Emitting realtime signals inside the caller's transaction (delivered only on commit)."""

from __future__ import annotations

import uuid

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.realtime.events import NOTIFY_CHANNEL, Signal, SignalKind


async def emit(
    session: AsyncSession,
    kind: SignalKind,
    *,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    actor_id: uuid.UUID | None = None,
    actor_name: str | None = None,
    notification_id: uuid.UUID | None = None,
) -> None:
    signal = Signal(
        kind=kind,
        workspace_id=workspace_id,
        conversation_id=conversation_id,
        message_id=message_id,
        user_id=user_id,
        actor_id=actor_id,
        actor_name=actor_name,
        notification_id=notification_id,
    )
    if kind == SignalKind.message_updated and message_id is not None:
        # Whatever changed (delivery, files, transcript), the message's version moves on,
        # so clients can tell a late answer from a newer event.
        await session.execute(
            text("UPDATE messages SET updated_at = clock_timestamp() WHERE id = :id"),
            {"id": message_id},
        )
    await session.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": NOTIFY_CHANNEL, "payload": signal.model_dump_json()},
    )


async def emit_message_updated(session: AsyncSession, message_id: uuid.UUID) -> None:
    """``message.updated`` for a message known only by id (its files or transcript changed)."""
    from omnibox.models import Message

    row = (
        await session.execute(
            select(Message.workspace_id, Message.conversation_id).where(Message.id == message_id)
        )
    ).one()
    await emit(
        session,
        SignalKind.message_updated,
        workspace_id=row.workspace_id,
        conversation_id=row.conversation_id,
        message_id=message_id,
    )
