from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from omnibox.speech.schemas import TranscriptOut


class AttachmentOut(BaseModel):
    id: uuid.UUID
    media_type: str
    filename: str
    size: int
    status: Literal["pending", "ready", "failed"]
    url: str | None = Field(description="Where the browser fetches it; null until downloaded.")
    duration: float | None = Field(default=None, description="Seconds, for audio and video.")
    waveform: list[float] | None = Field(default=None, description="Peaks 0..1, for audio.")
    playback_url: str | None = Field(
        default=None, description="A rendition every browser plays (audio); else use url."
    )
    error: str | None = Field(default=None, description="Why it could not be downloaded or played.")
    transcript: TranscriptOut | None = None


class AuthorOut(BaseModel):
    type: Literal["contact", "user", "ai", "workflow", "system"]
    id: uuid.UUID | None
    name: str


class MessageOut(BaseModel):
    id: uuid.UUID
    conversation_id: uuid.UUID
    channel_id: uuid.UUID | None
    client_id: str | None
    direction: Literal["in", "out"]
    author: AuthorOut
    kind: Literal["text", "media", "voice", "comment", "system", "unsupported"]
    text: str
    reply_to_id: uuid.UUID | None
    external_id: str | None
    status: Literal["received", "queued", "sent", "delivered", "read", "failed"]
    error: str | None
    created_at: datetime
    updated_at: datetime = Field(
        description="Changes whenever the message, its delivery state, files or transcripts do."
    )
    attachments: list[AttachmentOut]
    raw: dict[str, Any] | None = Field(
        default=None, description="What the channel sent, for messages shown as unsupported."
    )


class TemplateIn(BaseModel):
    name: str = Field(min_length=1, max_length=512, description="The template's name.")
    language: str = Field(min_length=2, max_length=16, description="Its language code (en_US).")
    variables: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="Values of the body's variables, in order ({{1}}, {{2}}, ... or as named).",
    )


class MessageCreate(BaseModel):
    text: str = Field(default="", max_length=20_000)
    client_id: str | None = Field(
        default=None,
        max_length=64,
        description="Chosen by the client; the same id again returns the same message.",
    )
    attachment_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=50,
        description="Files uploaded with POST .../uploads, sent with this message.",
    )
    reply_to_id: uuid.UUID | None = Field(
        default=None, description="The message this one answers (where the channel supports it)."
    )
    channel_id: uuid.UUID | None = Field(
        default=None,
        description="Which of the contact's channels to send on; default: their latest.",
    )
    voice_note: bool = Field(
        default=False, description="The one audio attachment is a voice note recorded by the agent."
    )
    template: TemplateIn | None = Field(
        default=None,
        description="Send this approved WhatsApp template (no text or files of its own); it "
        "also goes out after the 24-hour window has closed.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> MessageCreate:
        if self.template is not None:
            if self.text.strip() or self.attachment_ids:
                raise ValueError("a template message has no text or files of its own")
            return self
        if not self.text.strip() and not self.attachment_ids:
            raise ValueError("a message needs text or files")
        if self.voice_note and len(self.attachment_ids) != 1:
            raise ValueError("a voice note is exactly one audio file")
        return self
