"""The one path from audio bytes to text, used by the job and by `omnibox transcribe`."""

from __future__ import annotations

import time
from dataclasses import dataclass

from omnibox.media.audio import decode_mono
from omnibox.settings import Settings
from omnibox.speech.engines import Transcription, get_engine, model_label


@dataclass(frozen=True)
class TranscriptionRun:
    result: Transcription
    engine: str
    model: str
    audio_seconds: float
    processing_seconds: float


def transcribe_bytes(settings: Settings, data: bytes, language: str | None) -> TranscriptionRun:
    """Blocking (decode + inference): run it in a worker thread. Raises AudioError or
    SpeechEngineError with a reason a user can read."""
    started = time.perf_counter()
    samples = decode_mono(data)
    engine = get_engine(settings)
    result = engine.transcribe(samples, language)
    return TranscriptionRun(
        result=result,
        engine=engine.name,
        model=model_label(engine),
        audio_seconds=round(samples.size / 16_000, 3),
        processing_seconds=round(time.perf_counter() - started, 3),
    )
