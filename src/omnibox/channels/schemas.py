from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, Field


class ChannelOut(BaseModel):
    id: uuid.UUID
    kind: str
    name: str
    status: Literal["connected", "failing"]
    status_reason: str | None
    settings: dict[str, str | int | bool | None]
    webhook_url: str = Field(description="Where the external side posts inbound messages.")
    created_at: datetime


class ChannelCreatedOut(ChannelOut):
    signing_secret: str | None = Field(
        default=None,
        description="Shown once: verifies the X-Omnibox-Signature header of outbound callbacks.",
    )


class ApiChannelCreate(BaseModel):
    kind: Literal["api"] = "api"
    name: str = Field(min_length=1, max_length=200)
    callback_url: AnyHttpUrl | None = None
