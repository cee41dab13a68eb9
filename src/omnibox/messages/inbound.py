"""Ingesting an inbound message: idempotent on (channel, external id), one transaction.

A delivery repeated any number of times stores one message; the conversation's counters,
the realtime signals and the jobs only happen for the delivery that inserted it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.base import InboundMessage
from omnibox.jobs.app import defer_in
from omnibox.media.pipeline import on_attachment_ready
from omnibox.media.service import safe_filename, store_bytes
from omnibox.media.storage import LocalStorage
from omnibox.models import (
    Attachment,
    AttachmentStatus,
    AuthorType,
    Channel,
    Contact,
    ContactHandle,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Message,
    MessageKind,
)
from omnibox.models.base import new_id, utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind


@dataclass
class IngestResult:
    message_id: uuid.UUID
    conversation_id: uuid.UUID
    duplicate: bool


async def _contact_for(
    session: AsyncSession, channel: Channel, event: InboundMessage
) -> tuple[uuid.UUID, bool]:
    """The contact behind this sender on this channel, and whether it already existed."""
    found = (
        await session.execute(
            select(ContactHandle.contact_id, Contact.name, Contact.phone, Contact.email)
            .join(Contact, Contact.id == ContactHandle.contact_id)
            .where(
                ContactHandle.channel_id == channel.id,
                ContactHandle.external_id == event.contact.external_id,
            )
        )
    ).one_or_none()
    if found is not None:
        incoming = {
            "name": event.contact.name,
            "phone": event.contact.phone,
            "email": event.contact.email,
        }
        # Only write when something actually differs (most messages change nothing).
        changes = {k: v for k, v in incoming.items() if v and getattr(found, k) != v}
        if changes:
            await session.execute(
                update(Contact)
                .where(Contact.id == found.contact_id)
                .values(**changes, updated_at=utcnow())
            )
        return found.contact_id, True
    contact_id = new_id()
    await session.execute(
        insert(Contact).values(
            id=contact_id,
            workspace_id=channel.workspace_id,
            name=event.contact.name
            or event.contact.phone
            or event.contact.email
            or event.contact.external_id,
            phone=event.contact.phone,
            email=event.contact.email,
            custom_fields={},
            updated_at=utcnow(),
        )
    )
    inserted = (
        await session.execute(
            insert(ContactHandle)
            .values(
                id=new_id(),
                workspace_id=channel.workspace_id,
                contact_id=contact_id,
                channel_id=channel.id,
                external_id=event.contact.external_id,
            )
            .on_conflict_do_nothing(index_elements=["channel_id", "external_id"])
            .returning(ContactHandle.contact_id)
        )
    ).scalar_one_or_none()
    if inserted is None:
        # A concurrent delivery created this contact first: use theirs, drop ours.
        await session.execute(delete(Contact).where(Contact.id == contact_id))
        theirs = (
            await session.execute(
                select(ContactHandle.contact_id).where(
                    ContactHandle.channel_id == channel.id,
                    ContactHandle.external_id == event.contact.external_id,
                )
            )
        ).scalar_one()
        return theirs, True
    return contact_id, False


async def _conversation_for(
    session: AsyncSession, workspace_id: uuid.UUID, contact_id: uuid.UUID, *, known_contact: bool
) -> uuid.UUID:
    if known_contact:
        existing = (
            await session.execute(
                select(Conversation.id).where(Conversation.contact_id == contact_id)
            )
        ).scalar_one_or_none()
        if existing is not None:
            return existing
    conversation_id = (
        await session.execute(
            insert(Conversation)
            .values(
                id=new_id(),
                workspace_id=workspace_id,
                contact_id=contact_id,
                status=ConversationStatus.open,
                opened_at=utcnow(),
                incoming_count=0,
            )
            .on_conflict_do_nothing(index_elements=["contact_id"])
            .returning(Conversation.id)
        )
    ).scalar_one_or_none()
    if conversation_id is not None:
        return conversation_id
    return (
        await session.execute(select(Conversation.id).where(Conversation.contact_id == contact_id))
    ).scalar_one()


def _kind(event: InboundMessage) -> MessageKind:
    if event.kind is not None:
        return event.kind
    if not event.attachments or event.text:
        return MessageKind.text
    # A lone audio file with no words around it is what messengers call a voice message.
    if len(event.attachments) == 1 and event.attachments[0].media_type.startswith("audio/"):
        return MessageKind.voice
    return MessageKind.media


async def ingest(
    session: AsyncSession,
    channel: Channel,
    event: InboundMessage,
    *,
    storage: LocalStorage,
    max_attachment_bytes: int,
) -> IngestResult:
    from omnibox.media.tasks import download_attachment

    existing = (
        await session.execute(
            select(Message.id, Message.conversation_id).where(
                Message.channel_id == channel.id, Message.external_id == event.external_id
            )
        )
    ).one_or_none()
    if existing is not None:
        return IngestResult(existing.id, existing.conversation_id, duplicate=True)

    contact_id, known_contact = await _contact_for(session, channel, event)
    conversation_id = await _conversation_for(
        session, channel.workspace_id, contact_id, known_contact=known_contact
    )
    reply_to_id = None
    if event.reply_to_external_id:
        reply_to_id = (
            await session.execute(
                select(Message.id).where(
                    Message.channel_id == channel.id,
                    Message.external_id == event.reply_to_external_id,
                )
            )
        ).scalar_one_or_none()
    now = utcnow()
    message_id = (
        await session.execute(
            insert(Message)
            .values(
                id=new_id(),
                workspace_id=channel.workspace_id,
                conversation_id=conversation_id,
                channel_id=channel.id,
                direction=Direction.incoming,
                author_type=AuthorType.contact,
                kind=_kind(event),
                text=event.text,
                reply_to_id=reply_to_id,
                external_id=event.external_id,
                status=DeliveryStatus.received,
                attempts=0,
                raw=event.raw,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["channel_id", "external_id"])
            .returning(Message.id)
        )
    ).scalar_one_or_none()
    if message_id is None:
        # Lost a race with the same delivery arriving concurrently: theirs is the message.
        row = (
            await session.execute(
                select(Message.id, Message.conversation_id).where(
                    Message.channel_id == channel.id, Message.external_id == event.external_id
                )
            )
        ).one()
        return IngestResult(row.id, row.conversation_id, duplicate=True)

    # A blocked contact's messages are kept but don't open (or reopen) the conversation.
    reopen = (Conversation.status != ConversationStatus.open) & ~Conversation.blocked
    await session.execute(
        update(Conversation)
        .where(Conversation.id == conversation_id)
        .values(
            status=case((reopen, ConversationStatus.open), else_=Conversation.status),
            opened_at=case((reopen, now), else_=Conversation.opened_at),
            closed_at=case((reopen, None), else_=Conversation.closed_at),
            snoozed_until=case((reopen, None), else_=Conversation.snoozed_until),
            snoozed_at=case((reopen, None), else_=Conversation.snoozed_at),
            last_message_id=message_id,
            last_message_at=now,
            last_incoming_at=now,
            last_channel_id=channel.id,
            incoming_count=Conversation.incoming_count + 1,
        )
    )

    pending_downloads: list[uuid.UUID] = []
    ready: list[Attachment] = []
    for position, item in enumerate(event.attachments):
        attachment = Attachment(
            id=new_id(),
            workspace_id=channel.workspace_id,
            message_id=message_id,
            position=position,
            media_type=item.media_type,
            filename=safe_filename(item.filename, item.media_type),
            source_url=item.url,
            status=AttachmentStatus.pending,
        )
        if item.data is not None:
            store_bytes(storage, attachment, item.data, max_attachment_bytes)
            ready.append(attachment)
        else:
            pending_downloads.append(attachment.id)
        session.add(attachment)
    if event.attachments:
        await session.flush()
    for attachment in ready:
        await on_attachment_ready(session, attachment)
    for attachment_id in pending_downloads:
        await defer_in(session, download_attachment, attachment_id=str(attachment_id))

    await emit(
        session,
        SignalKind.message_created,
        workspace_id=channel.workspace_id,
        conversation_id=conversation_id,
        message_id=message_id,
    )  # implies conversation.updated (see realtime.hub)
    return IngestResult(message_id, conversation_id, duplicate=False)
