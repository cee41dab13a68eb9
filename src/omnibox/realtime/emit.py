"""Emitting realtime signals inside the caller's transaction (delivered only on commit)."""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.realtime.events import NOTIFY_CHANNEL, Signal, SignalKind


async def emit(
    session: AsyncSession,
    kind: SignalKind,
    *,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID | None = None,
) -> None:
    signal = Signal(
        kind=kind,
        workspace_id=workspace_id,
        conversation_id=conversation_id,
        message_id=message_id,
    )
    await session.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": NOTIFY_CHANNEL, "payload": signal.model_dump_json()},
    )
