from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Float, ForeignKey, Index, String, Text, column
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin
from omnibox.models.fulltext import search_document


class TranscriptStatus(StrEnum):
    pending = "pending"
    running = "running"
    done = "done"
    failed = "failed"


class Transcript(IdMixin, CreatedMixin, Base):
    """The text of one audio attachment (at most one per attachment)."""

    __tablename__ = "transcripts"
    # Voice messages are found by what was said (``messages.search``).
    __table_args__ = (
        Index(
            "ix_transcripts_text_search", search_document(column("text")), postgresql_using="gin"
        ),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    attachment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), unique=True
    )
    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=TranscriptStatus.pending)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    text: Mapped[str] = mapped_column(Text, default="", server_default="")
    language: Mapped[str | None] = mapped_column(String(16), default=None)
    language_hint: Mapped[str | None] = mapped_column(String(16), default=None)
    segments: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list, server_default="[]")
    engine: Mapped[str | None] = mapped_column(String(64), default=None)
    model: Mapped[str | None] = mapped_column(String(300), default=None)
    audio_seconds: Mapped[float | None] = mapped_column(Float, default=None)
    processing_seconds: Mapped[float | None] = mapped_column(Float, default=None)
    requested_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
