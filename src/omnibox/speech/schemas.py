from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class SegmentOut(BaseModel):
    start: float
    end: float
    text: str


class TranscriptOut(BaseModel):
    id: uuid.UUID
    attachment_id: uuid.UUID
    status: Literal["pending", "running", "done", "failed"]
    error: str | None
    text: str
    language: str | None
    segments: list[SegmentOut]
    engine: str | None
    model: str | None
    audio_seconds: float | None
    processing_seconds: float | None
    updated_at: datetime | None


class TranscriptRequest(BaseModel):
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2,3}$", description="Language hint (ISO 639-1), e.g. ru."
    )
