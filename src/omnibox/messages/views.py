"""Turning message rows into ``MessageOut`` in a fixed number of queries (no N+1)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.media.service import attachment_url, rendition_url
from omnibox.messages.schemas import AttachmentOut, AuthorOut, MentionOut, MessageOut
from omnibox.models import (
    Attachment,
    AuthorType,
    Contact,
    Conversation,
    Mention,
    Message,
    MessageKind,
    Transcript,
    User,
)
from omnibox.speech.views import transcript_out


def attachment_out(
    workspace_id: uuid.UUID, a: Attachment, transcript: Transcript | None = None
) -> AttachmentOut:
    return AttachmentOut(
        id=a.id,
        media_type=a.media_type,
        filename=a.filename,
        size=a.size,
        status=a.status,
        url=attachment_url(workspace_id, a),
        duration=a.duration_ms / 1000 if a.duration_ms is not None else None,
        waveform=a.waveform,
        playback_url=rendition_url(workspace_id, a),
        error=a.error or a.meta.get("audio_error"),
        transcript=transcript_out(transcript) if transcript else None,
    )


async def message_outs(session: AsyncSession, messages: Sequence[Message]) -> list[MessageOut]:
    if not messages:
        return []
    ids = [m.id for m in messages]
    attachments: dict[uuid.UUID, list[Attachment]] = defaultdict(list)
    for a in (
        await session.execute(
            select(Attachment)
            .where(Attachment.message_id.in_(ids))
            .order_by(Attachment.message_id, Attachment.position)
        )
    ).scalars():
        if a.message_id is not None:
            attachments[a.message_id].append(a)

    transcripts: dict[uuid.UUID, Transcript] = {}
    attachment_ids = [a.id for group in attachments.values() for a in group]
    if attachment_ids:
        transcripts = {
            t.attachment_id: t
            for t in (
                await session.execute(
                    select(Transcript).where(Transcript.attachment_id.in_(attachment_ids))
                )
            ).scalars()
        }
    user_ids = {m.author_user_id for m in messages if m.author_user_id}
    users = (
        {
            uid: name
            for uid, name in await session.execute(
                select(User.id, User.name).where(User.id.in_(user_ids))
            )
        }
        if user_ids
        else {}
    )
    conversation_ids = {m.conversation_id for m in messages if m.author_type == AuthorType.contact}
    contacts: dict[uuid.UUID, tuple[uuid.UUID, str]] = {}
    if conversation_ids:
        rows = await session.execute(
            select(Conversation.id, Contact.id, Contact.name)
            .join(Contact, Contact.id == Conversation.contact_id)
            .where(Conversation.id.in_(conversation_ids))
        )
        contacts = {conversation_id: (cid, name) for conversation_id, cid, name in rows}

    mentions: dict[uuid.UUID, list[MentionOut]] = defaultdict(list)
    comment_ids = [m.id for m in messages if m.kind == MessageKind.comment]
    if comment_ids:
        for message_id, user_id, name in await session.execute(
            select(Mention.message_id, Mention.user_id, User.name)
            .join(User, User.id == Mention.user_id)
            .where(Mention.message_id.in_(comment_ids))
            .order_by(Mention.message_id, User.name)
        ):
            mentions[message_id].append(MentionOut(user_id=user_id, name=name))

    def author(m: Message) -> AuthorOut:
        if m.author_type == AuthorType.contact:
            contact_id, name = contacts.get(m.conversation_id, (None, ""))
            return AuthorOut(type="contact", id=contact_id, name=name)
        if m.author_type == AuthorType.user:
            return AuthorOut(
                type="user",
                id=m.author_user_id,
                name=users.get(m.author_user_id, ""),  # type: ignore[arg-type]
            )
        return AuthorOut(type=m.author_type, id=None, name=m.author_type)

    return [
        MessageOut(
            id=m.id,
            conversation_id=m.conversation_id,
            channel_id=m.channel_id,
            client_id=m.client_id,
            direction=m.direction,
            author=author(m),
            kind=m.kind,
            text=m.text,
            reply_to_id=m.reply_to_id,
            external_id=m.external_id,
            status=m.status,
            error=m.error,
            created_at=m.created_at,
            updated_at=m.updated_at or m.created_at,
            raw=m.raw if m.kind == MessageKind.unsupported else None,
            attachments=[
                attachment_out(m.workspace_id, a, transcripts.get(a.id)) for a in attachments[m.id]
            ],
            mentions=mentions[m.id],
        )
        for m in messages
    ]


async def message_outs_by_id(
    session: AsyncSession, workspace_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, MessageOut]:
    rows = (
        (
            await session.execute(
                select(Message).where(Message.id.in_(ids), Message.workspace_id == workspace_id)
            )
        )
        .scalars()
        .all()
    )
    return {out.id: out for out in await message_outs(session, rows)}
