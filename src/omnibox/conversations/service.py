"""Conversation use cases: the inbox list, one conversation, marking read."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Row, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from omnibox.contacts.schemas import ContactBrief
from omnibox.conversations.schemas import ChannelBrief, ConversationOut, LastMessageOut
from omnibox.errors import NotFound
from omnibox.models import Attachment, Channel, Contact, Conversation, Message, ReadState
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind

StatusFilter = Literal["open", "closed", "snoozed", "all"]


async def get_conversation_row(
    session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID
) -> Conversation:
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


def _list_query(workspace_id: uuid.UUID, user_id: uuid.UUID) -> Any:
    last = aliased(Message)
    attachment_count = (
        select(func.count())
        .where(Attachment.message_id == last.id)
        .correlate(last)
        .scalar_subquery()
    )
    return (
        select(
            Conversation,
            Contact.name.label("contact_name"),
            Contact.phone,
            Contact.email,
            last.id.label("last_id"),
            last.text.label("last_text"),
            last.kind.label("last_kind"),
            last.direction.label("last_direction"),
            last.created_at.label("last_created_at"),
            attachment_count.label("last_attachment_count"),
            Channel.kind.label("channel_kind"),
            Channel.name.label("channel_name"),
            func.coalesce(ReadState.read_count, 0).label("read_count"),
        )
        .join(Contact, Contact.id == Conversation.contact_id)
        .outerjoin(last, last.id == Conversation.last_message_id)
        .outerjoin(Channel, Channel.id == Conversation.last_channel_id)
        .outerjoin(
            ReadState,
            (ReadState.conversation_id == Conversation.id) & (ReadState.user_id == user_id),
        )
        .where(Conversation.workspace_id == workspace_id)
    )


def _out(row: Row[Any]) -> ConversationOut:
    c: Conversation = row[0]
    return ConversationOut(
        id=c.id,
        status=c.status,
        contact=ContactBrief(
            id=c.contact_id, name=row.contact_name, phone=row.phone, email=row.email
        ),
        assignee_id=c.assignee_id,
        last_message=LastMessageOut(
            id=row.last_id,
            text=row.last_text[:300],
            kind=row.last_kind,
            direction=row.last_direction,
            created_at=row.last_created_at,
            attachment_count=row.last_attachment_count,
        )
        if row.last_id
        else None,
        last_message_at=c.last_message_at,
        unread_count=max(c.incoming_count - row.read_count, 0),
        last_channel=ChannelBrief(
            id=c.last_channel_id, kind=row.channel_kind, name=row.channel_name
        )
        if c.last_channel_id
        else None,
        opened_at=c.opened_at,
        closed_at=c.closed_at,
    )


async def list_conversations(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    user_id: uuid.UUID,
    *,
    status: StatusFilter,
    limit: int,
    before: datetime | None,
) -> list[ConversationOut]:
    stmt = _list_query(workspace_id, user_id)
    if status != "all":
        stmt = stmt.where(Conversation.status == status)
    if before is not None:
        stmt = stmt.where(Conversation.last_message_at < before)
    stmt = stmt.order_by(Conversation.last_message_at.desc().nulls_last(), Conversation.id).limit(
        limit
    )
    return [_out(row) for row in await session.execute(stmt)]


async def get_conversation(
    session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID, conversation_id: uuid.UUID
) -> ConversationOut:
    row = (
        await session.execute(
            _list_query(workspace_id, user_id).where(Conversation.id == conversation_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such conversation.")
    return _out(row)


async def mark_read(
    session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID, conversation_id: uuid.UUID
) -> None:
    conversation = await get_conversation_row(session, workspace_id, conversation_id)
    stmt = insert(ReadState).values(
        user_id=user_id,
        conversation_id=conversation.id,
        workspace_id=workspace_id,
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
        workspace_id=workspace_id,
        conversation_id=conversation.id,
        user_id=user_id,
    )
