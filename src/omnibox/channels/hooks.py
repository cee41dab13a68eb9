"""Inbound webhooks: ``/hooks/{kind}/{token}``."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from pydantic import BaseModel

from omnibox.channels.api.adapter import parse_webhook
from omnibox.channels.service import channel_by_token
from omnibox.db.session import DbSession
from omnibox.errors import PayloadTooLarge, UnsupportedMediaType, problems
from omnibox.messages.inbound import ingest
from omnibox.settings import Settings

router = APIRouter(prefix="/hooks", tags=["webhooks"])


class WebhookAccepted(BaseModel):
    message_id: uuid.UUID
    conversation_id: uuid.UUID
    duplicate: bool


async def read_limited_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"The body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/api/{token}", responses=problems(404, 413, 415, 422))
async def api_channel_webhook(token: str, request: Request, session: DbSession) -> WebhookAccepted:
    """Receive one message from an API channel (see the README for the payload)."""
    settings: Settings = request.app.state.settings
    content_type = request.headers.get("content-type", "application/json")
    if not content_type.split(";")[0].strip().endswith("json"):
        raise UnsupportedMediaType("Send the message as application/json.")
    channel = await channel_by_token(session, "api", token)
    body = await read_limited_body(request, settings.max_webhook_bytes)
    event = parse_webhook(body)
    result = await ingest(
        session,
        channel,
        event,
        storage=request.app.state.storage,
        max_attachment_bytes=settings.max_attachment_bytes,
    )
    return WebhookAccepted(
        message_id=result.message_id,
        conversation_id=result.conversation_id,
        duplicate=result.duplicate,
    )
