"""The transcription job, on its own queue so speech workers can run on other machines."""

from __future__ import annotations

import logging
import uuid

import anyio
from sqlalchemy import select

from omnibox.db.session import unit_of_work
from omnibox.jobs.app import job_app
from omnibox.jobs.context import job_context
from omnibox.media.audio import AudioError
from omnibox.models import Attachment, Transcript, TranscriptStatus
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit_message_updated
from omnibox.speech.engines import SpeechEngineError
from omnibox.speech.transcribe import TranscriptionRun, transcribe_bytes

log = logging.getLogger(__name__)

SPEECH_QUEUE = "speech"
_limiter: anyio.CapacityLimiter | None = None


def _speech_limiter(concurrency: int) -> anyio.CapacityLimiter:
    global _limiter
    if _limiter is None:
        _limiter = anyio.CapacityLimiter(max(1, concurrency))
    return _limiter


@job_app.task(name="transcribe_attachment", queue=SPEECH_QUEUE)
async def transcribe_attachment(transcript_id: str) -> None:
    ctx = job_context()
    async with unit_of_work(ctx.db.sessions) as session:
        transcript = (
            await session.execute(
                select(Transcript)
                .where(Transcript.id == uuid.UUID(transcript_id))
                .with_for_update()
            )
        ).scalar_one_or_none()
        if transcript is None or transcript.status != TranscriptStatus.pending:
            return
        attachment = await session.get(Attachment, transcript.attachment_id)
        assert attachment is not None and attachment.storage_key is not None
        storage_key, language = attachment.storage_key, transcript.language_hint
        transcript.status = TranscriptStatus.running
        transcript.updated_at = utcnow()
        await session.flush()
        await emit_message_updated(session, transcript.message_id)

    run: TranscriptionRun | None = None
    error: str | None = None
    try:
        data = ctx.storage.read(storage_key)
        run = await anyio.to_thread.run_sync(
            transcribe_bytes,
            ctx.settings,
            data,
            language,
            limiter=_speech_limiter(ctx.settings.speech_concurrency),
        )
    except (AudioError, SpeechEngineError) as exc:
        error = str(exc)
    except Exception as exc:  # never crash the worker over one file
        log.exception("transcription of %s failed", transcript_id)
        error = f"The speech engine failed: {type(exc).__name__}: {exc}"

    async with unit_of_work(ctx.db.sessions) as session:
        transcript = await session.get(Transcript, uuid.UUID(transcript_id), with_for_update=True)
        if transcript is None:
            return
        if run is not None:
            transcript.status = TranscriptStatus.done
            transcript.text = run.result.text
            transcript.language = run.result.language
            transcript.segments = [
                {"start": s.start, "end": s.end, "text": s.text} for s in run.result.segments
            ]
            transcript.engine = run.engine
            transcript.model = run.model
            transcript.audio_seconds = run.audio_seconds
            transcript.processing_seconds = run.processing_seconds
            transcript.error = None
        else:
            transcript.status = TranscriptStatus.failed
            transcript.error = error
        transcript.updated_at = utcnow()
        await session.flush()
        await emit_message_updated(session, transcript.message_id)
