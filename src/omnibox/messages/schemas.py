from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from omnibox.media.uploads import MAX_FILES_PER_MESSAGE
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


class MentionOut(BaseModel):
    user_id: uuid.UUID
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
    mentions: list[MentionOut] = Field(
        description="Users mentioned in an internal comment (empty for other messages)."
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
    text: str = Field(
        default="",
        max_length=20_000,
        description="Outgoing messages may use variables ({{contact.first_name|there}}, see "
        "GET .../variables): the stored and sent text has them filled in.",
    )
    client_id: str | None = Field(
        default=None,
        max_length=64,
        description="Chosen by the client; the same id again returns the same message.",
    )
    attachment_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_FILES_PER_MESSAGE,
        description="Files uploaded with POST .../uploads, sent with this message.",
    )
    snippet_file_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_FILES_PER_MESSAGE,
        description="Files of saved replies (SnippetOut.files) to send too, after "
        "attachment_ids; the snippet keeps its files.",
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
    internal: bool = Field(
        default=False,
        description="An internal comment: seen by the team only, never sent to the contact; "
        "it doesn't answer the conversation. No reply_to_id, channel_id, voice_note or template.",
    )
    mentions: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=50,
        description="Users mentioned in an internal comment (they are notified); each must be "
        "able to see the conversation.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> MessageCreate:
        files = len(self.attachment_ids) + len(self.snippet_file_ids)
        if self.mentions and not self.internal:
            raise ValueError("only an internal comment can mention users")
        if self.internal:
            refused = [
                name
                for name, given in (
                    ("reply_to_id", self.reply_to_id is not None),
                    ("channel_id", self.channel_id is not None),
                    ("voice_note", self.voice_note),
                    ("template", self.template is not None),
                )
                if given
            ]
            if refused:
                raise ValueError("an internal comment has no " + ", ".join(refused))
        if self.template is not None:
            if self.text.strip() or files:
                raise ValueError("a template message has no text or files of its own")
            return self
        if not self.text.strip() and not files:
            raise ValueError("a message needs text or files")
        if files > MAX_FILES_PER_MESSAGE:
            raise ValueError(f"at most {MAX_FILES_PER_MESSAGE} files in one message")
        if self.voice_note and (len(self.attachment_ids) != 1 or self.snippet_file_ids):
            raise ValueError("a voice note is exactly one audio file")
        return self


class VariableOut(BaseModel):
    key: str = Field(description="Written in a text as {{key}} or {{key|fallback}}.")
    label: str = Field(description="In English; custom fields: their label as set.")
    example: str | None


class ResolvedVariableOut(BaseModel):
    key: str
    label: str
    value: str = Field(
        description="What {{key}} becomes in this conversation; empty: the fallback is used "
        "(a variable without one can't be sent). Phones are masked where masking hides them."
    )


class SearchHitOut(BaseModel):
    message_id: uuid.UUID
    created_at: datetime
    source: Literal["text", "transcript"] = Field(
        description="text: the message's (or comment's) text; transcript: a voice message's."
    )
    excerpt: str = Field(description="Plain text around the match (… where it is cut).")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) of each matched word in excerpt, in UTF-16 code units "
        "(JavaScript string indices)."
    )


class ConversationSearchOut(BaseModel):
    hits: list[SearchHitOut] = Field(
        description="Oldest first; the newest `limit` matches where there are more."
    )
