"""Asking for a transcript: idempotent, so two presses (or two agents) run one job."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.errors import Conflict, NotFound
from omnibox.jobs.app import defer_in
from omnibox.models import Attachment, AttachmentStatus, Message, Transcript, TranscriptStatus
from omnibox.models.base import new_id, utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind


def is_transcribable(attachment: Attachment) -> bool:
    return attachment.media_type.startswith(("audio/", "video/"))


async def request_transcript(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    attachment_id: uuid.UUID,
    *,
    language: str | None,
    requested_by: uuid.UUID | None,
) -> Transcript:
    from omnibox.speech.tasks import transcribe_attachment

    row = (
        await session.execute(
            select(Attachment, Message.conversation_id)
            .join(Message, Message.id == Attachment.message_id)
            .where(Attachment.id == attachment_id, Attachment.workspace_id == workspace_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such file.")
    attachment, conversation_id = row
    if not is_transcribable(attachment):
        raise Conflict("Only audio and video can be transcribed.")
    if attachment.status != AttachmentStatus.ready:
        raise Conflict("The file has not been downloaded yet; try again in a moment.")

    inserted = (
        await session.execute(
            insert(Transcript)
            .values(
                id=new_id(),
                workspace_id=workspace_id,
                attachment_id=attachment.id,
                message_id=attachment.message_id,
                status=TranscriptStatus.pending,
                language_hint=language,
                requested_by_id=requested_by,
                segments=[],
                text="",
                updated_at=utcnow(),
            )
            .on_conflict_do_nothing(index_elements=["attachment_id"])
            .returning(Transcript.id)
        )
    ).scalar_one_or_none()
    transcript = (
        await session.execute(
            select(Transcript).where(Transcript.attachment_id == attachment.id).with_for_update()
        )
    ).scalar_one()
    if inserted is None:
        if transcript.status != TranscriptStatus.failed:
            return transcript  # already pending, running or done: nothing more to do
        # A retry after a failure.
        transcript.status = TranscriptStatus.pending
        transcript.error = None
        transcript.language_hint = language or transcript.language_hint
        transcript.updated_at = utcnow()
        await session.flush()
    await defer_in(session, transcribe_attachment, transcript_id=str(transcript.id))
    await emit(
        session,
        SignalKind.message_updated,
        workspace_id=workspace_id,
        conversation_id=conversation_id,
        message_id=attachment.message_id,
    )
    return transcript


async def get_transcript(
    session: AsyncSession, workspace_id: uuid.UUID, attachment_id: uuid.UUID
) -> Transcript:
    transcript = (
        await session.execute(
            select(Transcript).where(
                Transcript.attachment_id == attachment_id, Transcript.workspace_id == workspace_id
            )
        )
    ).scalar_one_or_none()
    if transcript is None:
        raise NotFound("This file has no transcript yet.")
    return transcript
