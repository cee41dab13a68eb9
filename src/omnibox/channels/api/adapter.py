"""The API channel: any system posts JSON to our webhook and receives replies at its callback.

Outbound callbacks carry ``X-Omnibox-Signature: sha256=<hex HMAC-SHA256 of the raw body>``,
keyed with the channel's signing secret, so the receiver can check they come from us.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from omnibox.channels.base import (
    Capabilities,
    DeliveryError,
    InboundAttachment,
    InboundContact,
    InboundMessage,
    OutboundMessage,
    SendResult,
)
from omnibox.channels.http import fetch_limited
from omnibox.errors import InvalidPayload
from omnibox.models import Channel

SIGNATURE_HEADER = "X-Omnibox-Signature"
TIMESTAMP_HEADER = "X-Omnibox-Timestamp"


class ApiContactIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1, max_length=300)
    name: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=320)


class ApiAttachmentIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    url: str | None = Field(default=None, max_length=4000, pattern=r"^https?://")
    data: str | None = None
    media_type: str = Field(
        default="application/octet-stream", max_length=200, pattern=r"^[\w.+-]+/[\w.+-]+"
    )
    filename: str | None = Field(default=None, max_length=300)

    @model_validator(mode="after")
    def _one_source(self) -> ApiAttachmentIn:
        if (self.url is None) == (self.data is None):
            raise ValueError("give exactly one of 'url' or 'data' (base64)")
        return self


class ApiWebhookIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1, max_length=300, description="Your message id (deduplicates).")
    contact: ApiContactIn
    text: str = Field(default="", max_length=20_000)
    attachments: list[ApiAttachmentIn] = Field(default_factory=list, max_length=50)
    reply_to: str | None = Field(default=None, max_length=300)

    @model_validator(mode="after")
    def _not_empty(self) -> ApiWebhookIn:
        if not self.text.strip() and not self.attachments:
            raise ValueError("a message needs 'text' or 'attachments'")
        return self


def _problem_errors(exc: ValidationError) -> list[dict[str, str]]:
    return [
        {"field": ".".join(str(p) for p in err["loc"]), "message": err["msg"]}
        for err in exc.errors(include_url=False, include_input=False)
    ]


def parse_webhook(body: bytes) -> InboundMessage:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidPayload(f"The body is not valid JSON: {exc}") from exc
    try:
        data = ApiWebhookIn.model_validate(payload)
    except ValidationError as exc:
        raise InvalidPayload(
            "The message does not match the API channel's format.", errors=_problem_errors(exc)
        ) from exc
    attachments = []
    for index, item in enumerate(data.attachments):
        raw: bytes | None = None
        if item.data is not None:
            try:
                raw = base64.b64decode(item.data, validate=True)
            except (binascii.Error, ValueError) as exc:
                raise InvalidPayload(f"attachments.{index}.data is not valid base64.") from exc
        attachments.append(
            InboundAttachment(
                media_type=item.media_type, filename=item.filename, data=raw, url=item.url
            )
        )
    return InboundMessage(
        external_id=data.id,
        contact=InboundContact(
            external_id=data.contact.id,
            name=data.contact.name,
            phone=data.contact.phone,
            email=data.contact.email,
        ),
        text=data.text,
        attachments=attachments,
        reply_to_external_id=data.reply_to,
    )


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class ApiChannelAdapter:
    kind = "api"
    capabilities = Capabilities(reply_to=True)

    async def send_typing(
        self, channel: Channel, contact_external_id: str, http: httpx.AsyncClient
    ) -> None:
        return None  # the API channel has no typing indicator

    async def fetch_media(
        self, channel: Channel, source: str, http: httpx.AsyncClient, limit: int
    ) -> bytes:
        return await fetch_limited(http, source, limit)

    async def send(
        self, channel: Channel, message: OutboundMessage, http: httpx.AsyncClient
    ) -> SendResult:
        url = channel.settings.get("callback_url")
        if not url:
            raise DeliveryError("This API channel has no callback URL.", retryable=False)
        body = json.dumps(
            {
                "id": message.id,
                "conversation_id": message.conversation_id,
                "contact": {"id": message.contact_external_id},
                "text": message.text,
                "attachments": [
                    {"url": a.url, "media_type": a.media_type, "filename": a.filename}
                    for a in message.attachments
                ],
                "reply_to": message.reply_to_external_id,
                "created_at": message.created_at,
            },
            ensure_ascii=False,
        ).encode()
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(channel.secrets["signing_secret"], body),
            TIMESTAMP_HEADER: str(int(time.time())),
            "User-Agent": "omnibox",
        }
        try:
            response = await http.post(str(url), content=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise DeliveryError(
                f"The callback URL timed out ({type(exc).__name__}).", retryable=True
            ) from exc
        except httpx.HTTPError as exc:
            raise DeliveryError(f"Could not reach the callback URL: {exc}", retryable=True) from exc
        if response.status_code >= 500 or response.status_code in (408, 429):
            retry_after = response.headers.get("Retry-After")
            raise DeliveryError(
                f"The callback URL answered {response.status_code}.",
                retryable=True,
                retry_after=float(retry_after) if retry_after and retry_after.isdigit() else None,
            )
        if response.status_code >= 400:
            raise DeliveryError(
                f"The callback URL refused the message ({response.status_code}): "
                f"{response.text[:200]}",
                retryable=False,
            )
        external_id = None
        try:
            reply = response.json()
            if isinstance(reply, dict) and reply.get("id") is not None:
                external_id = str(reply["id"])[:300]
        except ValueError:
            pass
        return SendResult(external_id=external_id)
