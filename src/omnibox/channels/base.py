"""The channel contract: what every adapter turns inbound deliveries into and sends out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import httpx

from omnibox.models import Channel, MessageKind


@dataclass(frozen=True)
class Capabilities:
    reply_to: bool = False
    typing: bool = False
    # Hours after the contact's last message during which free-form replies may go out.
    messaging_window_hours: int | None = None


@dataclass
class InboundAttachment:
    media_type: str
    filename: str | None
    data: bytes | None = None
    # Where the channel keeps it: a URL, or an adapter's own reference (a Telegram file id,
    # a WhatsApp media id) that its ``fetch_media`` understands. Downloaded by a job.
    url: str | None = None


@dataclass
class InboundContact:
    external_id: str
    name: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass
class InboundMessage:
    external_id: str
    contact: InboundContact
    text: str = ""
    attachments: list[InboundAttachment] = field(default_factory=list)
    reply_to_external_id: str | None = None
    raw: dict[str, Any] | None = None
    # Set by adapters that know better than the attachments do (Telegram's voice vs audio).
    kind: MessageKind | None = None


@dataclass
class OutboundAttachment:
    media_type: str
    filename: str
    # A signed link anyone can fetch (for channels that pull files by URL)...
    url: str
    # ...and the stored file, for channels that want the bytes uploaded.
    path: Path


@dataclass(frozen=True)
class OutboundTemplate:
    """A pre-approved message template (WhatsApp) and the values of its body variables."""

    name: str
    language: str
    variables: list[str] = field(default_factory=list)
    # The template's variable names when it names them ({{first_name}}) instead of numbering.
    variable_names: list[str] | None = None


@dataclass
class OutboundMessage:
    id: str
    conversation_id: str
    contact_external_id: str | None
    text: str
    attachments: list[OutboundAttachment]
    reply_to_external_id: str | None
    created_at: str
    # "voice" when the one attachment is a voice note (send it as one: Ogg/Opus).
    kind: str = "text"
    # Send this template instead of free text (``text`` then holds its filled-in words).
    template: OutboundTemplate | None = None


@dataclass
class SendResult:
    external_id: str | None


class DeliveryError(Exception):
    """A send that did not go through; ``retryable`` decides between backoff and failing now."""

    def __init__(self, reason: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


class ChannelAdapter(Protocol):
    kind: str
    capabilities: Capabilities

    async def send(
        self, channel: Channel, message: OutboundMessage, http: httpx.AsyncClient
    ) -> SendResult:
        """Deliver one message; raise ``DeliveryError`` saying whether a retry may help."""
        ...

    async def fetch_media(
        self, channel: Channel, source: str, http: httpx.AsyncClient, limit: int
    ) -> bytes:
        """The bytes behind an ``InboundAttachment.url``; raise ``MediaUnavailable``."""
        ...

    async def send_typing(
        self, channel: Channel, contact_external_id: str, http: httpx.AsyncClient
    ) -> None:
        """Show the contact that an agent is typing, where the channel can (else do nothing)."""
        ...


@runtime_checkable
class Disconnects(Protocol):
    """An adapter that set something up at the channel's side (a Telegram webhook) and takes
    it down when the channel is removed. Best effort: it must not raise."""

    async def disconnect(self, channel: Channel, http: httpx.AsyncClient) -> None: ...
