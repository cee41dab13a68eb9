from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin


class NotificationKind(StrEnum):
    assigned = "assigned"
    snooze_ended = "snooze_ended"
    mentioned = "mentioned"


class Notification(IdMixin, CreatedMixin, Base):
    """Something one user should look at (an assignment, a snooze that ended, ...)."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_feed", "user_id", "workspace_id", "created_at"),
        Index(
            "ix_notifications_user_unread",
            "user_id",
            "workspace_id",
            postgresql_where="read_at IS NULL",
        ),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    conversation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True, default=None
    )
    actor_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
