"""Agent-side message use cases: list a conversation's messages, send a reply, retry."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.dependencies import WorkspaceAccess
from omnibox.channels.base import OutboundTemplate
from omnibox.channels.registry import adapter_for
from omnibox.channels.whatsapp.service import template_message
from omnibox.channels.whatsapp.window import require_open_window
from omnibox.conversations.service import get_conversation_row
from omnibox.errors import Conflict, InvalidPayload, NotFound
from omnibox.jobs.app import defer_in
from omnibox.media.pipeline import on_attachment_ready
from omnibox.media.service import claim_uploads
from omnibox.messages.variable_values import fill_variables
from omnibox.models import (
    Attachment,
    AuthorType,
    Channel,
    ContactHandle,
    Conversation,
    DeliveryStatus,
    Direction,
    Message,
    MessageKind,
)
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind
from omnibox.snippets.service import snippet_file_copies


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


@dataclass(frozen=True)
class Reply:
    text: str
    client_id: str | None = None
    attachment_ids: Sequence[uuid.UUID] = ()
    reply_to_id: uuid.UUID | None = None
    channel_id: uuid.UUID | None = None
    voice_note: bool = False
    template: OutboundTemplate | None = None
    snippet_file_ids: Sequence[uuid.UUID] = ()
    # The sender may not see phone numbers (``{{contact.phone}}`` is refused).
    masks_phones: bool = False


async def reply_channel(
    session: AsyncSession, conversation: Conversation, channel_id: uuid.UUID | None
) -> Channel:
    """The requested channel if the contact is reachable there, else the one they used last."""
    wanted = channel_id or conversation.last_channel_id
    if wanted is None:
        raise Conflict("This contact has no channel to reply on yet.")
    channel = (
        await session.execute(
            select(Channel)
            .join(ContactHandle, ContactHandle.channel_id == Channel.id)
            .where(
                Channel.id == wanted,
                Channel.workspace_id == conversation.workspace_id,
                ContactHandle.contact_id == conversation.contact_id,
            )
        )
    ).scalar_one_or_none()
    if channel is None:
        raise Conflict("The contact can't be reached on that channel.")
    return channel


async def _check_reply_to(
    session: AsyncSession, conversation: Conversation, channel: Channel, reply_to_id: uuid.UUID
) -> None:
    target = (
        await session.execute(
            select(Message.status).where(
                Message.id == reply_to_id, Message.conversation_id == conversation.id
            )
        )
    ).scalar_one_or_none()
    if target is None:
        raise InvalidPayload("The message replied to is not in this conversation.")
    if target == DeliveryStatus.queued:
        raise Conflict("That message is still being sent; reply to it once it has gone out.")
    if not adapter_for(channel.kind).capabilities.reply_to:
        raise Conflict(f"Replies to a specific message can't be sent on {channel.kind} channels.")


async def attach_files(
    session: AsyncSession, message: Message, files: Sequence[Attachment], *, voice: bool = False
) -> None:
    """Make ``files`` (claimed uploads, snippet file copies) the message's, in order; audio not
    processed yet gets its waveform and playable rendition."""
    for position, attachment in enumerate(files):
        attachment.message_id = message.id
        attachment.position = position
        if voice:
            attachment.media_type = "audio/" + attachment.media_type.split("/", 1)[1]
        session.add(attachment)
    await session.flush()
    for attachment in files:
        if attachment.rendition_key is None:
            await on_attachment_ready(session, attachment)


def _kind(reply: Reply, uploads: list[Attachment], text: str) -> MessageKind:
    if reply.voice_note:
        if not uploads[0].media_type.startswith(("audio/", "video/webm")):
            raise InvalidPayload("A voice note must be an audio recording.")
        return MessageKind.voice
    return MessageKind.media if uploads and not text.strip() else MessageKind.text


async def send_reply(
    session: AsyncSession, access: WorkspaceAccess, conversation_id: uuid.UUID, reply: Reply
) -> tuple[Message, bool]:
    """Store an outbound message as queued and defer its delivery; (message, created)."""
    from omnibox.channels.tasks import deliver_message

    conversation = await get_conversation_row(session, access.workspace_id, conversation_id)
    if reply.client_id:
        existing = (
            await session.execute(
                select(Message).where(
                    Message.conversation_id == conversation.id,
                    Message.client_id == reply.client_id,
                )
            )
        ).scalar_one_or_none()
        if existing is not None:
            return existing, False
    channel = await reply_channel(session, conversation, reply.channel_id)
    text, raw = reply.text, None
    if reply.template is not None:
        text, template = await template_message(channel, reply.template)
        raw = {"template": asdict(template)}  # what the delivery job sends
    else:
        text = await fill_variables(
            session, access, conversation, reply.text, masks_phones=reply.masks_phones
        )
        await require_open_window(session, conversation.id, channel)
    if reply.reply_to_id is not None:
        await _check_reply_to(session, conversation, channel, reply.reply_to_id)
    uploads = [
        *await claim_uploads(session, access, reply.attachment_ids),
        *await snippet_file_copies(session, access, reply.snippet_file_ids),
    ]
    if not text.strip() and not uploads:
        raise InvalidPayload("The message is empty once its variables are filled in.")
    now = utcnow()
    message = Message(
        workspace_id=access.workspace_id,
        conversation_id=conversation.id,
        channel_id=channel.id,
        direction=Direction.outgoing,
        author_type=AuthorType.user,
        author_user_id=access.user.id,
        kind=_kind(reply, uploads, text),
        text=text,
        reply_to_id=reply.reply_to_id,
        client_id=reply.client_id,
        status=DeliveryStatus.queued,
        raw=raw,
        created_at=now,
        updated_at=now,
    )
    session.add(message)
    await session.flush()
    await attach_files(session, message, uploads, voice=reply.voice_note)
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
    )  # implies conversation.updated (see realtime.hub)
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
