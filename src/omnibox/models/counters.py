"""The mailbox menu's counters, kept by PostgreSQL triggers (migration ``7d4f2a9c5e81``).

Every writer of conversations, read states, contacts, contact handles and custom inboxes
(API, webhooks, jobs, plain SQL) keeps them right without calling anything: triggers call
``omnibox_counts_recount(conversation, workspace)``, which compares the conversation with what
was counted of it (``counted_conversations``) and appends the difference.

The counts are append-only deltas, summed when read and folded together every minute
(``omnibox_counts_compact``): two transactions never wait for each other on a hot counter row,
and can't deadlock on two of them.

A scope (``inbox_id``) is NULL for the whole workspace, or a custom inbox whose filter has
conditions the groups can't express (channels, contact fields, last activity): its counters
count only the conversations that meet those, and the menu applies the rest of the filter
(statuses, assignees, teams, unanswered) to the groups, as for every other mailbox.

No foreign keys: these rows follow their sources through the triggers, and a deleted
workspace's or user's rows add up to nothing (and are folded away).
"""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Boolean, Identity, Index, Integer, String, Uuid, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base


class CountedConversation(Base):
    """What the counters hold of one conversation: its group, incoming messages and the
    custom inboxes it is counted in (sorted). The column order is the trigger functions'."""

    __tablename__ = "counted_conversations"

    conversation_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    workspace_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    status: Mapped[str] = mapped_column(String(16))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    team_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    unanswered: Mapped[bool] = mapped_column(Boolean)
    blocked: Mapped[bool] = mapped_column(Boolean)
    incoming_count: Mapped[int] = mapped_column(Integer)
    inbox_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(Uuid), server_default=text("'{}'::uuid[]")
    )


class ConversationCount(Base):
    """Conversations of a group within a scope (a delta: sum them)."""

    __tablename__ = "conversation_counts"
    __table_args__ = (Index("ix_conversation_counts_workspace_id", "workspace_id", "inbox_id"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    workspace_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    inbox_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(16))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    team_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    unanswered: Mapped[bool] = mapped_column(Boolean)
    blocked: Mapped[bool] = mapped_column(Boolean)
    conversations: Mapped[int] = mapped_column(Integer)
    # Of those, the ones with at least one incoming message (unread needs them).
    with_incoming: Mapped[int] = mapped_column(Integer)


class CaughtUpCount(Base):
    """Open conversations with incoming messages that a user has read to the end, by group
    within a scope (a delta). Their unread count is ``with_incoming`` minus this: a per-user
    counter that only changes for users who had read the conversation."""

    __tablename__ = "caught_up_counts"
    __table_args__ = (Index("ix_caught_up_counts_user_id", "user_id", "workspace_id", "inbox_id"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    workspace_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    inbox_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    team_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    unanswered: Mapped[bool] = mapped_column(Boolean)
    blocked: Mapped[bool] = mapped_column(Boolean)
    conversations: Mapped[int] = mapped_column(Integer)
