from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin, utcnow


class ConversationStatus(StrEnum):
    open = "open"
    closed = "closed"
    snoozed = "snoozed"


class Conversation(IdMixin, CreatedMixin, Base):
    """One thread per contact per workspace, across channels."""

    __tablename__ = "conversations"
    __table_args__ = (
        Index("ix_conversations_list", "workspace_id", "status", "last_message_at"),
        Index("ix_conversations_ws_last", "workspace_id", "last_message_at"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(16), default=ConversationStatus.open)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    opened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    closing_note: Mapped[str | None] = mapped_column(Text, default=None)
    last_message_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL", use_alter=True), default=None
    )
    last_message_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_incoming_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_outgoing_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_channel_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), default=None
    )
    # Running count of incoming messages; a reader's unread count is this minus what they read.
    incoming_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ReadState(Base):
    __tablename__ = "read_states"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    read_count: Mapped[int] = mapped_column(Integer, default=0)
    last_read_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
