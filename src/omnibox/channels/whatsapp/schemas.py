from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from omnibox.channels.schemas import ChannelOut

_GRAPH_ID = r"^[0-9]{1,32}$"


class WhatsAppChannelCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    phone_number_id: str = Field(
        pattern=_GRAPH_ID, description="Phone number ID (WhatsApp > API Setup in Meta's dashboard)."
    )
    waba_id: str = Field(
        pattern=_GRAPH_ID, description="WhatsApp Business Account ID (where templates live)."
    )
    access_token: str = Field(
        min_length=1, max_length=4000, description="A system user's permanent access token."
    )
    app_secret: str = Field(
        min_length=1,
        max_length=200,
        description="The Meta app's secret: checks webhook signatures.",
    )
    verify_token: str | None = Field(
        default=None,
        min_length=8,
        max_length=200,
        description="Any string, pasted into Meta's webhook settings. Omitted: one is generated.",
    )


class WhatsAppChannelUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    waba_id: str | None = Field(default=None, pattern=_GRAPH_ID)
    access_token: str | None = Field(default=None, min_length=1, max_length=4000)
    app_secret: str | None = Field(default=None, min_length=1, max_length=200)
    verify_token: str | None = Field(default=None, min_length=8, max_length=200)


class WhatsAppChannelOut(ChannelOut):
    verify_token: str = Field(
        description="Paste it, with webhook_url as the callback URL, into the Meta app's "
        "WhatsApp webhook settings."
    )


class TemplateOut(BaseModel):
    name: str
    language: str = Field(description="Language code, e.g. en_US; send it back as is.")
    status: str = Field(description="APPROVED, PENDING, REJECTED, PAUSED, ...")
    category: str | None
    body: str = Field(description="The body text with its {{variables}}.")
    variables: list[str] = Field(
        description="The body's variables in the order values are expected ('1', '2' or names)."
    )
    variable_count: int
    components: list[dict[str, Any]] = Field(
        description="WhatsApp's components as they are (HEADER, BODY, FOOTER, BUTTONS)."
    )
    sendable: bool
    unsendable_reason: str | None = None


class MessagingWindowOut(BaseModel):
    channel_id: uuid.UUID
    window_hours: int | None = Field(description="Null: the channel has no messaging window.")
    last_incoming_at: datetime | None = Field(
        description="The contact's last message on this channel."
    )
    closes_at: datetime | None = Field(
        description="When free-form messages stop being accepted; null if never opened."
    )
    open: bool = Field(description="Free-form messages can be sent now (else templates only).")


class WhatsAppWebhookAccepted(BaseModel):
    messages: int = Field(description="Messages stored by this delivery.")
    duplicates: int = Field(description="Messages already stored by an earlier delivery.")
    statuses: int = Field(description="Delivery receipts applied to our messages.")
    ignored: int = Field(
        description="Receipts for messages we don't know and changes for other numbers."
    )
