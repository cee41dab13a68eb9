from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin


class AttachmentStatus(StrEnum):
    pending = "pending"  # to be downloaded from the channel
    ready = "ready"
    failed = "failed"


class Attachment(IdMixin, CreatedMixin, Base):
    __tablename__ = "attachments"

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    # None while an agent's upload waits to be sent with a message.
    message_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True, default=None
    )
    # A file of a saved reply (``snippets``): never sent itself, copied into each message.
    snippet_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("snippets.id", ondelete="CASCADE"), index=True, default=None
    )
    uploaded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    media_type: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    storage_key: Mapped[str | None] = mapped_column(String(300), default=None)
    source_url: Mapped[str | None] = mapped_column(Text, default=None)
    status: Mapped[str] = mapped_column(String(16), default=AttachmentStatus.ready)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    waveform: Mapped[list[float] | None] = mapped_column(JSONB, default=None)
    rendition_key: Mapped[str | None] = mapped_column(String(300), default=None)
    rendition_media_type: Mapped[str | None] = mapped_column(String(100), default=None)
    meta: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
