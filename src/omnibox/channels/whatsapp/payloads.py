"""The shapes of WhatsApp Cloud API webhook notifications (the ``messages`` field).

Lenient where Meta adds fields over time (unknown keys are ignored, unknown message types
are kept as unsupported), strict where we need a value to store anything (ids, the sender,
the object of a known message type).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Profile(_Lenient):
    name: str | None = Field(default=None, max_length=300)


class WaContact(_Lenient):
    wa_id: str = Field(min_length=1, max_length=64)
    profile: Profile | None = None


class Metadata(_Lenient):
    phone_number_id: str = Field(min_length=1, max_length=64)
    display_phone_number: str | None = None


class Context(_Lenient):
    id: str | None = Field(default=None, max_length=300)
    forwarded: bool = False


class Text(_Lenient):
    body: str = Field(max_length=65_536)


class Media(_Lenient):
    """image, video, audio, document and sticker objects."""

    id: str = Field(min_length=1, max_length=200)
    mime_type: str = Field(default="application/octet-stream", max_length=200)
    caption: str | None = Field(default=None, max_length=65_536)
    filename: str | None = Field(default=None, max_length=300)
    voice: bool = False  # audio recorded in WhatsApp (push to talk), not an attached file


class Location(_Lenient):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None
    url: str | None = None


class CardName(_Lenient):
    formatted_name: str | None = None


class CardPhone(_Lenient):
    phone: str | None = None
    wa_id: str | None = None


class CardEmail(_Lenient):
    email: str | None = None


class ContactCard(_Lenient):
    name: CardName | None = None
    phones: list[CardPhone] = Field(default_factory=list)
    emails: list[CardEmail] = Field(default_factory=list)


class Choice(_Lenient):
    id: str | None = None
    title: str = Field(max_length=1000)
    description: str | None = None


class Interactive(_Lenient):
    type: str
    button_reply: Choice | None = None
    list_reply: Choice | None = None
    nfm_reply: dict[str, Any] | None = None  # a WhatsApp Flow's answers


class Button(_Lenient):
    text: str = Field(max_length=1000)
    payload: str | None = None


class Reaction(_Lenient):
    message_id: str = Field(min_length=1, max_length=300)
    emoji: str | None = None  # absent or empty when the reaction was taken back


class ErrorData(_Lenient):
    details: str | None = None


class WaError(_Lenient):
    code: int | None = None
    title: str | None = None
    message: str | None = None
    error_data: ErrorData | None = None


# Message types whose object must be present (``{"type": "image", "image": {...}}``).
CONTENT_TYPES = (
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "button",
    "reaction",
)


class WaMessage(_Lenient):
    id: str = Field(min_length=1, max_length=300)
    from_: str = Field(alias="from", min_length=1, max_length=64)
    timestamp: str | None = None
    type: str = Field(min_length=1, max_length=64)
    context: Context | None = None
    text: Text | None = None
    image: Media | None = None
    video: Media | None = None
    audio: Media | None = None
    document: Media | None = None
    sticker: Media | None = None
    location: Location | None = None
    contacts: list[ContactCard] | None = None
    interactive: Interactive | None = None
    button: Button | None = None
    reaction: Reaction | None = None
    errors: list[WaError] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_its_content(self) -> WaMessage:
        if self.type in CONTENT_TYPES and getattr(self, self.type) is None:
            raise ValueError(f"a message of type {self.type!r} needs its {self.type!r} object")
        return self


class WaStatus(_Lenient):
    id: str = Field(min_length=1, max_length=300)
    status: str = Field(max_length=32)
    timestamp: str | None = None
    recipient_id: str | None = None
    errors: list[WaError] = Field(default_factory=list)


class ChangeValue(_Lenient):
    metadata: Metadata
    contacts: list[WaContact] = Field(default_factory=list)
    messages: list[WaMessage] = Field(default_factory=list)
    statuses: list[WaStatus] = Field(default_factory=list)


class Change(_Lenient):
    field: str
    # Parsed as ``ChangeValue`` only for the ``messages`` field: other fields
    # (template reviews, account updates, ...) have other shapes and are not ours to read.
    value: dict[str, Any]


class Entry(_Lenient):
    id: str | None = None
    changes: list[Change] = Field(default_factory=list)


class Notification(_Lenient):
    object: Literal["whatsapp_business_account"]
    entry: list[Entry]
