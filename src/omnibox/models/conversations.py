from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Computed,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin, utcnow


class ConversationStatus(StrEnum):
    open = "open"
    closed = "closed"
    snoozed = "snoozed"


class Conversation(IdMixin, CreatedMixin, Base):
    """One thread per contact per workspace, across channels."""

    __tablename__ = "conversations"
    # The inbox list is keyset-paginated on (activity_at, id) or (state_since, id), inside a
    # workspace, a tab (status) and a mailbox; blocked contacts live apart (partial indexes).
    __table_args__ = (
        Index(
            "ix_conversations_status_activity",
            "workspace_id",
            "status",
            "activity_at",
            "id",
            postgresql_where=text("NOT blocked"),
        ),
        Index(
            "ix_conversations_activity",
            "workspace_id",
            "activity_at",
            "id",
            postgresql_where=text("NOT blocked"),
        ),
        Index(
            "ix_conversations_status_since",
            "workspace_id",
            "status",
            "state_since",
            "id",
            postgresql_where=text("NOT blocked"),
        ),
        Index(
            "ix_conversations_since",
            "workspace_id",
            "state_since",
            "id",
            postgresql_where=text("NOT blocked"),
        ),
        Index(
            "ix_conversations_assignee",
            "workspace_id",
            "assignee_id",
            "status",
            "activity_at",
            "id",
            postgresql_where=text("NOT blocked"),
        ),
        Index(
            "ix_conversations_team",
            "workspace_id",
            "team_id",
            "status",
            "activity_at",
            "id",
            postgresql_where=text("NOT blocked AND team_id IS NOT NULL"),
        ),
        # The mailbox menu's counts: one index-only scan, grouped.
        Index(
            "ix_conversations_counts",
            "workspace_id",
            "status",
            "assignee_id",
            "team_id",
            "unanswered",
            "blocked",
            postgresql_include=["incoming_count", "id"],
        ),
        Index(
            "ix_conversations_blocked",
            "workspace_id",
            "status",
            "activity_at",
            "id",
            postgresql_where=text("blocked"),
        ),
        Index(
            "ix_conversations_snoozed_until",
            "snoozed_until",
            postgresql_where=text("status = 'snoozed'"),
        ),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(16), default=ConversationStatus.open)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), default=None
    )
    # The contact is blocked (a copy of contacts.blocked: one conversation per contact).
    blocked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    snoozed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    snoozed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    # Set when a snooze ran out and reopened the conversation ("snoozed until ..." bar).
    last_snoozed_until: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), default=None
    )
    closing_category: Mapped[str | None] = mapped_column(String(100), default=None)
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
    # Kept by PostgreSQL from the columns above (no code has to remember them):
    # the last message is the contact's;
    unanswered: Mapped[bool] = mapped_column(
        Boolean,
        Computed(
            "last_incoming_at IS NOT NULL"
            " AND (last_outgoing_at IS NULL OR last_incoming_at > last_outgoing_at)",
            persisted=True,
        ),
    )
    # newest/oldest sort key: the last message, or the creation of a conversation without one;
    activity_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        Computed("COALESCE(last_message_at, created_at)", persisted=True),
    )
    # longest/shortest sort key: since when the conversation is in its current state.
    state_since: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        Computed(
            "COALESCE(CASE status WHEN 'open' THEN opened_at WHEN 'closed' THEN closed_at"
            " WHEN 'snoozed' THEN snoozed_at END, created_at)",
            persisted=True,
        ),
    )


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
