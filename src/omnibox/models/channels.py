from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin


class ChannelKind(StrEnum):
    api = "api"
    telegram = "telegram"
    whatsapp = "whatsapp"
    email = "email"
    webchat = "webchat"


class ChannelStatus(StrEnum):
    connected = "connected"
    failing = "failing"


class Channel(IdMixin, CreatedMixin, Base):
    __tablename__ = "channels"

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    # Public settings (callback URL, ...); secrets never leave the server.
    settings: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
    secrets: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
    inbound_token: Mapped[str] = mapped_column(String(64), unique=True)
    # What the adapter keeps between runs (a polling offset, webhook registration, ...).
    state: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
    status: Mapped[str] = mapped_column(String(16), default=ChannelStatus.connected)
    status_reason: Mapped[str | None] = mapped_column(Text, default=None)
