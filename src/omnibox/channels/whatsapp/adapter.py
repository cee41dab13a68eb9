"""The WhatsApp channel (WhatsApp Cloud API): send, download media, show typing.

Inbound webhooks are parsed in ``inbound.py`` and received in ``hooks.py``; connecting a
number and listing templates is in ``service.py``.
"""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from omnibox.channels.base import (
    Capabilities,
    DeliveryError,
    OutboundMessage,
    SendResult,
)
from omnibox.channels.http import MediaUnavailable
from omnibox.channels.whatsapp import outbound
from omnibox.channels.whatsapp.client import GraphClient, GraphError
from omnibox.channels.whatsapp.inbound import MEDIA_PREFIX
from omnibox.errors import PayloadTooLarge
from omnibox.jobs.context import job_context
from omnibox.models import (
    Channel,
    ChannelStatus,
    ContactHandle,
    Conversation,
    Direction,
    Message,
)


def graph_for(channel: Channel, http: httpx.AsyncClient) -> GraphClient:
    # Adapters run in jobs and requests alike; the process's settings hold the API's base URL.
    base_url = job_context().settings.whatsapp_api_url
    return GraphClient(http, base_url, str(channel.secrets["access_token"]))


def _wamid(answer: dict[str, Any]) -> str:
    try:
        return str(answer["messages"][0]["id"])
    except (KeyError, IndexError, TypeError) as exc:
        raise GraphError("WhatsApp accepted the message but gave no id.", retryable=False) from exc


def _delivery_error(channel: Channel, exc: GraphError) -> DeliveryError:
    if exc.auth_failed:
        # Every send will fail the same way until someone updates the token: say so on the
        # channel, where managers look, not only on each message.
        channel.status = ChannelStatus.failing
        channel.status_reason = exc.reason
    return DeliveryError(exc.reason, retryable=exc.retryable, retry_after=exc.retry_after)


class WhatsAppAdapter:
    kind = "whatsapp"
    capabilities = Capabilities(reply_to=True, typing=True, messaging_window_hours=24)

    async def send(
        self, channel: Channel, message: OutboundMessage, http: httpx.AsyncClient
    ) -> SendResult:
        if not message.contact_external_id:
            raise DeliveryError("The contact has no WhatsApp number here.", retryable=False)
        graph = graph_for(channel, http)
        try:
            bodies = await self._bodies(graph, channel, message)
            ids = []
            for index, body in enumerate(bodies):
                payload: dict[str, Any] = {
                    "messaging_product": "whatsapp",
                    "recipient_type": "individual",
                    "to": message.contact_external_id,
                    **body,
                }
                if index == 0 and message.reply_to_external_id:
                    payload["context"] = {"message_id": message.reply_to_external_id}
                answer = await graph.post(
                    f"{channel.settings['phone_number_id']}/messages", payload
                )
                ids.append(_wamid(answer))
        except GraphError as exc:
            raise _delivery_error(channel, exc) from exc
        if channel.status == ChannelStatus.failing:
            channel.status, channel.status_reason = ChannelStatus.connected, None
        # Receipts come per WhatsApp message; ours follows the first (the one with the text).
        return SendResult(external_id=ids[0] if ids else None)

    async def _bodies(
        self, graph: GraphClient, channel: Channel, message: OutboundMessage
    ) -> list[dict[str, Any]]:
        if message.template is not None:
            return [outbound.template_body(message)]
        # Upload everything before sending anything: a failed upload then sends nothing, and
        # the retry starts clean.
        uploads = [
            await outbound.prepare_upload(a, voice=message.kind == "voice")
            for a in message.attachments
        ]
        media_ids = [await self._upload(graph, channel, u) for u in uploads]
        caption = outbound.caption_for(message, uploads[0]) if uploads else None
        texts = [] if caption else outbound.text_chunks(message.text)
        media = [
            outbound.media_body(u, media_id, caption if i == 0 else None)
            for i, (u, media_id) in enumerate(zip(uploads, media_ids, strict=True))
        ]
        return [outbound.text_body(t) for t in texts] + media

    async def _upload(self, graph: GraphClient, channel: Channel, upload: outbound.Upload) -> str:
        answer = await graph.upload(
            f"{channel.settings['phone_number_id']}/media",
            {"messaging_product": "whatsapp", "type": upload.media_type},
            upload.filename,
            upload.data,
            upload.media_type,
        )
        if not answer.get("id"):
            raise GraphError("WhatsApp took the file but gave no media id.", retryable=True)
        return str(answer["id"])

    async def fetch_media(
        self, channel: Channel, source: str, http: httpx.AsyncClient, limit: int
    ) -> bytes:
        """``wa-media:<id>``: ask Graph for the file's (short-lived) URL, then download it."""
        if not source.startswith(MEDIA_PREFIX):
            raise MediaUnavailable(f"{source!r} is not a WhatsApp media id", retryable=False)
        graph = graph_for(channel, http)
        try:
            info = await graph.get(
                source.removeprefix(MEDIA_PREFIX),
                {"phone_number_id": str(channel.settings["phone_number_id"])},
            )
        except GraphError as exc:
            raise MediaUnavailable(exc.reason, retryable=exc.retryable) from exc
        if not info.get("url"):
            raise MediaUnavailable("WhatsApp gave no download link for it", retryable=False)
        size = str(info.get("file_size") or "")
        if size.isdigit() and int(size) > limit:
            raise PayloadTooLarge(f"the file is {size} bytes; the limit is {limit} bytes")
        return await graph.download(str(info["url"]), limit)

    async def send_typing(
        self, channel: Channel, contact_external_id: str, http: httpx.AsyncClient
    ) -> None:
        """WhatsApp shows "typing…" against a message it received: the contact's latest one
        (which it also marks as read, blue ticks included)."""
        wamid = await _last_inbound_wamid(channel, contact_external_id)
        if wamid is None:
            return
        try:
            await graph_for(channel, http).post(
                f"{channel.settings['phone_number_id']}/messages",
                {
                    "messaging_product": "whatsapp",
                    "status": "read",
                    "message_id": wamid,
                    "typing_indicator": {"type": "text"},
                },
            )
        except GraphError as exc:
            raise _delivery_error(channel, exc) from exc


async def _last_inbound_wamid(channel: Channel, contact_external_id: str) -> str | None:
    # The adapter contract hands us the contact, WhatsApp wants a message id: one small read
    # on a session of its own (the caller's session isn't part of the contract).
    async with job_context().db.sessions() as session:
        return (
            await session.execute(
                select(Message.external_id)
                .join(Conversation, Conversation.id == Message.conversation_id)
                .join(ContactHandle, ContactHandle.contact_id == Conversation.contact_id)
                .where(
                    ContactHandle.channel_id == channel.id,
                    ContactHandle.external_id == contact_external_id,
                    Message.channel_id == channel.id,
                    Message.direction == Direction.incoming,
                )
                .order_by(Message.created_at.desc())
                .limit(1)
            )
        ).scalar_one_or_none()
