"""Downloading attachments that arrived as URLs."""

from __future__ import annotations

import logging
import uuid

import anyio
from sqlalchemy import select

from omnibox.channels.http import MediaUnavailable
from omnibox.channels.registry import adapter_for
from omnibox.db.session import unit_of_work
from omnibox.errors import PayloadTooLarge
from omnibox.jobs.app import defer_in, job_app
from omnibox.jobs.backoff import backoff_seconds
from omnibox.jobs.context import job_context
from omnibox.media.audio import AudioError, analyse, to_m4a
from omnibox.media.pipeline import on_attachment_ready
from omnibox.media.service import store_bytes
from omnibox.models import Attachment, AttachmentStatus, Channel, Message, Workspace
from omnibox.realtime.emit import emit_message_updated

log = logging.getLogger(__name__)

MAX_DOWNLOAD_ATTEMPTS = 5


@job_app.task(name="download_attachment", queue="media")
async def download_attachment(attachment_id: str, attempt: int = 1) -> None:
    ctx = job_context()
    async with unit_of_work(ctx.db.sessions) as session:
        attachment = (
            await session.execute(
                select(Attachment)
                .where(Attachment.id == uuid.UUID(attachment_id))
                .with_for_update()
            )
        ).scalar_one_or_none()
        if (
            attachment is None
            or attachment.status != AttachmentStatus.pending
            or not attachment.source_url
        ):
            return
        message = await session.get(Message, attachment.message_id)
        channel = (
            await session.get(Channel, message.channel_id)
            if message and message.channel_id
            else None
        )
        try:
            if channel is None:
                raise MediaUnavailable("the channel it came from was removed", retryable=False)
            data = await adapter_for(channel.kind).fetch_media(
                channel, attachment.source_url, ctx.http, ctx.settings.max_attachment_bytes
            )
            store_bytes(ctx.storage, attachment, data, ctx.settings.max_attachment_bytes)
        except MediaUnavailable as exc:
            if exc.retryable and attempt < MAX_DOWNLOAD_ATTEMPTS:
                attachment.error = str(exc)
                await defer_in(
                    session,
                    download_attachment.configure(
                        schedule_in={"seconds": int(backoff_seconds(attempt))}
                    ),
                    attachment_id=attachment_id,
                    attempt=attempt + 1,
                )
                return
            attachment.status = AttachmentStatus.failed
            attachment.error = f"Download failed: {exc}"
        except PayloadTooLarge as exc:
            attachment.status = AttachmentStatus.failed
            attachment.error = f"Download failed: {exc}"
        await session.flush()
        if attachment.status == AttachmentStatus.ready:
            await on_attachment_ready(session, attachment)
        assert attachment.message_id is not None
        await emit_message_updated(session, attachment.message_id)


@job_app.task(name="process_audio", queue="media")
async def process_audio(attachment_id: str) -> None:
    """Duration, waveform and an AAC/M4A rendition; then auto-transcription if the workspace
    wants it. Undecodable audio is recorded on the attachment, never a crashed worker."""
    from omnibox.speech.service import request_transcript
    from omnibox.workspaces.service import workspace_preferences

    ctx = job_context()
    async with unit_of_work(ctx.db.sessions) as session:
        attachment = await session.get(Attachment, uuid.UUID(attachment_id), with_for_update=True)
        if attachment is None or attachment.storage_key is None or attachment.rendition_key:
            return
        data = ctx.storage.read(attachment.storage_key)
        try:
            info, samples = await anyio.to_thread.run_sync(analyse, data)
            rendition = await anyio.to_thread.run_sync(to_m4a, samples)
        except AudioError as exc:
            attachment.meta = {**attachment.meta, "audio_error": str(exc)}
        else:
            stored = ctx.storage.put(rendition)
            attachment.rendition_key = stored.key
            attachment.rendition_media_type = "audio/mp4"
            attachment.duration_ms = round(info.duration_s * 1000)
            attachment.waveform = info.waveform
            workspace = await session.get(Workspace, attachment.workspace_id)
            assert workspace is not None
            preferences = workspace_preferences(workspace)
            if preferences.auto_transcribe:
                await request_transcript(
                    session,
                    attachment.workspace_id,
                    attachment.id,
                    language=preferences.transcribe_language,
                    requested_by=None,
                )
        await session.flush()
        assert attachment.message_id is not None
        await emit_message_updated(session, attachment.message_id)
