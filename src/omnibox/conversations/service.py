"""Conversation basics shared by other domains: one row by id, marking read.

The list lives in ``listing``, the menu in ``mailboxes``, actions in ``actions`` and
``snooze``; who sees what in ``visibility``.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.conversations.visibility import Viewer, visible_conversation
from omnibox.errors import NotFound
from omnibox.models import Conversation, ReadState
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind


async def get_conversation_row(
    session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID
) -> Conversation:
    """By id within the workspace, whoever asks (callers check visibility themselves)."""
    conversation = (
        await session.execute(
            select(Conversation).where(
                Conversation.id == conversation_id, Conversation.workspace_id == workspace_id
            )
        )
    ).scalar_one_or_none()
    if conversation is None:
        raise NotFound("No such conversation.")
    return conversation


async def mark_read(session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID) -> None:
    conversation = await visible_conversation(session, viewer, conversation_id)
    stmt = insert(ReadState).values(
        user_id=viewer.user_id,
        conversation_id=conversation.id,
        workspace_id=viewer.workspace_id,
        read_count=conversation.incoming_count,
        last_read_at=utcnow(),
    )
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[ReadState.user_id, ReadState.conversation_id],
            set_={
                "read_count": stmt.excluded.read_count,
                "last_read_at": stmt.excluded.last_read_at,
            },
        )
    )
    await emit(
        session,
        SignalKind.conversation_read,
        workspace_id=viewer.workspace_id,
        conversation_id=conversation.id,
        user_id=viewer.user_id,
    )
