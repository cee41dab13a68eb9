from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    column,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin
from omnibox.models.fulltext import search_document


class Direction(StrEnum):
    incoming = "in"
    outgoing = "out"


class AuthorType(StrEnum):
    contact = "contact"
    user = "user"
    ai = "ai"
    workflow = "workflow"
    system = "system"


class MessageKind(StrEnum):
    text = "text"
    media = "media"
    voice = "voice"
    comment = "comment"
    system = "system"
    unsupported = "unsupported"


class DeliveryStatus(StrEnum):
    received = "received"
    queued = "queued"
    sent = "sent"
    delivered = "delivered"
    read = "read"
    failed = "failed"


class Message(IdMixin, CreatedMixin, Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("channel_id", "external_id"),
        UniqueConstraint("conversation_id", "client_id"),
        Index("ix_messages_conversation_created", "conversation_id", "created_at"),
        # Search within a conversation (``messages.search``), comments included.
        Index("ix_messages_text_search", search_document(column("text")), postgresql_using="gin"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    channel_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), default=None
    )
    direction: Mapped[str] = mapped_column(String(3))
    author_type: Mapped[str] = mapped_column(String(16))
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    kind: Mapped[str] = mapped_column(String(16), default=MessageKind.text)
    text: Mapped[str] = mapped_column(Text, default="")
    reply_to_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"), default=None
    )
    external_id: Mapped[str | None] = mapped_column(String(300), default=None)
    client_id: Mapped[str | None] = mapped_column(String(64), default=None)
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text, default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # What the channel sent, kept for messages we can't render yet and for debugging.
    raw: Mapped[dict[str, Any] | None] = mapped_column(JSONB, default=None)


class Mention(CreatedMixin, Base):
    """A user mentioned in an internal comment (they get a notification)."""

    __tablename__ = "mentions"

    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
