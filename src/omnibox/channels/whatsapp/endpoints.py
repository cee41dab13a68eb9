from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from omnibox.auth.dependencies import Access
from omnibox.channels import service as channels
from omnibox.channels.whatsapp import service
from omnibox.channels.whatsapp.schemas import (
    MessagingWindowOut,
    TemplateOut,
    WhatsAppChannelCreate,
    WhatsAppChannelOut,
    WhatsAppChannelUpdate,
)
from omnibox.channels.whatsapp.window import messaging_window
from omnibox.conversations.service import get_conversation_row
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.messages.service import reply_channel
from omnibox.models import Role

router = APIRouter(prefix="/workspaces/{workspace_id}/channels", tags=["channels"])
conversation_router = APIRouter(
    prefix="/workspaces/{workspace_id}/conversations", tags=["conversations"]
)


@router.post(
    "/whatsapp", status_code=status.HTTP_201_CREATED, responses=problems(403, 404, 409, 502)
)
async def connect_whatsapp(
    body: WhatsAppChannelCreate, access: Access, session: DbSession, request: Request
) -> WhatsAppChannelOut:
    """Connect a WhatsApp Cloud API number. The details are checked with WhatsApp first
    (422 and nothing stored if it refuses them); then paste ``webhook_url`` and
    ``verify_token`` into the Meta app's webhook settings."""
    access.require(Role.owner, Role.manager)
    return await service.connect(
        session, request.app.state.settings, request.app.state.http, access.workspace_id, body
    )


@router.patch("/whatsapp/{channel_id}", responses=problems(403, 404, 502))
async def update_whatsapp(
    channel_id: uuid.UUID,
    body: WhatsAppChannelUpdate,
    access: Access,
    session: DbSession,
    request: Request,
) -> WhatsAppChannelOut:
    """Rename, or replace the token, app secret, verify token or business account
    (a new token or account is checked with WhatsApp first)."""
    access.require(Role.owner, Role.manager)
    channel = await channels.get_channel(session, access.workspace_id, channel_id)
    return await service.update(
        session, request.app.state.settings, request.app.state.http, channel, body
    )


@router.get("/{channel_id}/templates", responses=problems(404, 502))
async def list_templates(
    channel_id: uuid.UUID, access: Access, session: DbSession, request: Request
) -> list[TemplateOut]:
    """The WhatsApp Business Account's message templates, as WhatsApp has them now."""
    channel = await channels.get_channel(session, access.workspace_id, channel_id)
    return await service.templates(request.app.state.settings, request.app.state.http, channel)


@conversation_router.get("/{conversation_id}/window", responses=problems(404, 409))
async def get_messaging_window(
    conversation_id: uuid.UUID,
    access: Access,
    session: DbSession,
    channel_id: uuid.UUID | None = None,
) -> MessagingWindowOut:
    """Whether free-form replies can go out on the channel (default: the one a reply would
    use) and until when; closed means templates only."""
    conversation = await get_conversation_row(session, access.workspace_id, conversation_id)
    channel = await reply_channel(session, conversation, channel_id)
    window = await messaging_window(session, conversation.id, channel)
    return MessagingWindowOut(
        channel_id=window.channel_id,
        window_hours=window.hours,
        last_incoming_at=window.last_incoming_at,
        closes_at=window.closes_at,
        open=window.open,
    )
