from __future__ import annotations

from omnibox.models import Transcript
from omnibox.speech.schemas import SegmentOut, TranscriptOut


def transcript_out(t: Transcript) -> TranscriptOut:
    return TranscriptOut(
        id=t.id,
        attachment_id=t.attachment_id,
        status=t.status,
        error=t.error,
        text=t.text,
        language=t.language,
        segments=[SegmentOut(**s) for s in t.segments],
        engine=t.engine,
        model=t.model,
        audio_seconds=t.audio_seconds,
        processing_seconds=t.processing_seconds,
        updated_at=t.updated_at,
    )
