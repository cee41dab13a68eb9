"""WhatsApp's webhook: ``GET`` for Meta's verification handshake, ``POST`` for notifications."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import PlainTextResponse

from omnibox.channels.hooks import read_limited_body
from omnibox.channels.service import channel_by_token
from omnibox.channels.whatsapp import service
from omnibox.channels.whatsapp.inbound import SIGNATURE_HEADER, parse_notification, verify_signature
from omnibox.channels.whatsapp.schemas import WhatsAppWebhookAccepted
from omnibox.db.session import DbSession
from omnibox.errors import Forbidden, InvalidPayload, problems
from omnibox.settings import Settings

router = APIRouter(prefix="/hooks/whatsapp", tags=["webhooks"])


@router.get(
    "/{token}",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}}, **problems(403, 404, 422)},
)
async def verify_whatsapp_webhook(
    token: str,
    session: DbSession,
    mode: Annotated[str | None, Query(alias="hub.mode")] = None,
    verify_token: Annotated[str | None, Query(alias="hub.verify_token")] = None,
    challenge: Annotated[str | None, Query(alias="hub.challenge", max_length=200)] = None,
) -> PlainTextResponse:
    """Meta checks the callback URL once: it echoes ``hub.challenge`` if the token matches."""
    channel = await channel_by_token(session, "whatsapp", token)
    expected = str(channel.secrets["verify_token"])
    if mode != "subscribe" or not hmac.compare_digest(
        (verify_token or "").encode(), expected.encode()
    ):
        raise Forbidden("The verify token does not match this channel's.")
    if not challenge:
        raise InvalidPayload("hub.challenge is missing.")
    return PlainTextResponse(challenge)


@router.post("/{token}", responses=problems(401, 404, 413, 422))
async def whatsapp_webhook(
    token: str, request: Request, session: DbSession
) -> WhatsAppWebhookAccepted:
    """Messages and delivery receipts, signed with the app secret (``X-Hub-Signature-256``)."""
    settings: Settings = request.app.state.settings
    channel = await channel_by_token(session, "whatsapp", token)
    body = await read_limited_body(request, settings.max_webhook_bytes)
    verify_signature(
        str(channel.secrets["app_secret"]), body, request.headers.get(SIGNATURE_HEADER)
    )
    return await service.receive(
        session,
        channel,
        parse_notification(body),
        storage=request.app.state.storage,
        max_attachment_bytes=settings.max_attachment_bytes,
    )
