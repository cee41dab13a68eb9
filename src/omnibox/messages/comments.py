"""Internal comments: written in the conversation for the team, never sent to the contact.

A comment is a message (kind ``comment``, no channel, status ``sent`` from the start) so it
sits in the thread in order, carries files and mentions, and goes out live like any message.
It defers no delivery job and leaves the conversation's answered state and preview alone:
the contact is still waiting for a reply.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.dependencies import WorkspaceAccess
from omnibox.conversations.service import get_conversation_row
from omnibox.media.service import claim_uploads
from omnibox.messages.mentions import check_mentions, record_mentions
from omnibox.messages.service import attach_files
from omnibox.models import AuthorType, DeliveryStatus, Direction, Message, MessageKind
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind
from omnibox.snippets.service import snippet_file_copies


@dataclass(frozen=True)
class Comment:
    text: str
    client_id: str | None = None
    attachment_ids: Sequence[uuid.UUID] = ()
    snippet_file_ids: Sequence[uuid.UUID] = ()
    mentions: Sequence[uuid.UUID] = ()


async def add_comment(
    session: AsyncSession, access: WorkspaceAccess, conversation_id: uuid.UUID, comment: Comment
) -> tuple[Message, bool]:
    """Store the comment, notify who it mentions; (message, created)."""
    conversation = await get_conversation_row(session, access.workspace_id, conversation_id)
    if comment.client_id:
        existing = (
            await session.execute(
                select(Message).where(
                    Message.conversation_id == conversation.id,
                    Message.client_id == comment.client_id,
                )
            )
        ).scalar_one_or_none()
        if existing is not None:
            return existing, False
    mentioned = await check_mentions(session, conversation, comment.mentions)
    files = [
        *await claim_uploads(session, access, comment.attachment_ids),
        *await snippet_file_copies(session, access, comment.snippet_file_ids),
    ]
    now = utcnow()
    message = Message(
        workspace_id=access.workspace_id,
        conversation_id=conversation.id,
        channel_id=None,
        direction=Direction.outgoing,
        author_type=AuthorType.user,
        author_user_id=access.user.id,
        kind=MessageKind.comment,
        text=comment.text,
        client_id=comment.client_id,
        status=DeliveryStatus.sent,
        created_at=now,
        updated_at=now,
    )
    session.add(message)
    await session.flush()
    await attach_files(session, message, files)
    await record_mentions(session, message, access.user.id, list(mentioned))
    await emit(
        session,
        SignalKind.message_created,
        workspace_id=access.workspace_id,
        conversation_id=conversation.id,
        message_id=message.id,
    )
    return message, True
