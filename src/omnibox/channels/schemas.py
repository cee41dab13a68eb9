from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, Field


class CapabilitiesOut(BaseModel):
    reply_to: bool = Field(description="Replies can quote a specific message.")
    typing: bool = Field(description="The contact sees that an agent is typing.")
    messaging_window_hours: int | None = Field(
        description="Free-form replies only this long after the contact's last message."
    )


class ChannelOut(BaseModel):
    id: uuid.UUID
    kind: str
    name: str
    status: Literal["connected", "failing"]
    status_reason: str | None
    settings: dict[str, str | int | bool | None]
    webhook_url: str = Field(description="Where the external side posts inbound messages.")
    capabilities: CapabilitiesOut
    created_at: datetime


class ChannelCreatedOut(ChannelOut):
    signing_secret: str | None = Field(
        default=None,
        description="Shown once: verifies the X-Omnibox-Signature header of outbound callbacks.",
    )


class ChannelUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    callback_url: AnyHttpUrl | None = Field(default=None, description="API channels only.")


class ApiChannelCreate(BaseModel):
    kind: Literal["api"] = "api"
    name: str = Field(min_length=1, max_length=200)
    callback_url: AnyHttpUrl | None = None
