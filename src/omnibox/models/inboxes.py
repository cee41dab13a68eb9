from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin


class CustomInbox(IdMixin, CreatedMixin, Base):
    """A saved filter over the workspace's conversations, created by one user."""

    __tablename__ = "custom_inboxes"

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    shared: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    # ``inboxes.schemas.InboxFilters`` as JSON.
    filters: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")


class CustomFieldDefinition(IdMixin, CreatedMixin, Base):
    """A typed contact field of one workspace (values live in ``contacts.custom_fields``)."""

    __tablename__ = "custom_field_definitions"
    __table_args__ = (UniqueConstraint("workspace_id", "key"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    options: Mapped[list[str]] = mapped_column(JSONB, default=list, server_default="[]")
    position: Mapped[int] = mapped_column(default=0, server_default="0")
