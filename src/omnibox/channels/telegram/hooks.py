"""Telegram's webhook: ``POST /hooks/telegram/{token}``, checked by the secret we registered."""

from __future__ import annotations

import hmac
import uuid

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from omnibox.channels.hooks import read_limited_body
from omnibox.channels.service import channel_by_token
from omnibox.channels.telegram.inbound import store_update
from omnibox.channels.telegram.parse import parse_body
from omnibox.db.session import DbSession
from omnibox.errors import InvalidSignature, problems
from omnibox.settings import Settings

router = APIRouter(prefix="/hooks/telegram", tags=["webhooks"])

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 (a header name)


class TelegramUpdateAccepted(BaseModel):
    message_id: uuid.UUID | None = Field(description="Null when the update had no chat message.")
    conversation_id: uuid.UUID | None
    duplicate: bool
    edited: bool


@router.post("/{token}", responses=problems(401, 404, 413, 422))
async def telegram_webhook(
    token: str, request: Request, session: DbSession
) -> TelegramUpdateAccepted:
    """One Telegram update, as Telegram posts it to the URL given in setWebhook."""
    settings: Settings = request.app.state.settings
    channel = await channel_by_token(session, "telegram", token)
    expected = str(channel.secrets.get("webhook_secret", ""))
    given = request.headers.get(SECRET_HEADER, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise InvalidSignature(f"The {SECRET_HEADER} header is missing or wrong.")
    body = await read_limited_body(request, settings.max_webhook_bytes)
    outcome = await store_update(
        session,
        channel,
        parse_body(body),
        storage=request.app.state.storage,
        max_attachment_bytes=settings.max_attachment_bytes,
    )
    return TelegramUpdateAccepted(
        message_id=outcome.message_id,
        conversation_id=outcome.conversation_id,
        duplicate=outcome.duplicate,
        edited=outcome.edited,
    )
