"""Connecting and changing Telegram channels (rename and removal are the generic routes)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from omnibox.auth.dependencies import Access
from omnibox.channels.schemas import ChannelOut
from omnibox.channels.service import channel_out, get_channel
from omnibox.channels.telegram import service
from omnibox.channels.telegram.schemas import TelegramChannelCreate, TelegramChannelUpdate
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.models import Role

router = APIRouter(prefix="/workspaces/{workspace_id}/channels/telegram", tags=["channels"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(403, 404, 409, 502))
async def connect_telegram(
    body: TelegramChannelCreate, access: Access, session: DbSession, request: Request
) -> ChannelOut:
    """Connect a bot by its token. With an HTTPS ``OMNIBOX_PUBLIC_URL`` Telegram delivers to
    our webhook; without one the channel polls Telegram (works behind NAT)."""
    access.require(Role.owner, Role.manager)
    settings = request.app.state.settings
    channel = await service.connect(
        session,
        settings,
        request.app.state.http,
        access.workspace_id,
        name=body.name,
        bot_token=body.bot_token,
    )
    return channel_out(settings, channel)


@router.patch("/{channel_id}", responses=problems(403, 404, 502))
async def update_telegram(
    channel_id: uuid.UUID,
    body: TelegramChannelUpdate,
    access: Access,
    session: DbSession,
    request: Request,
) -> ChannelOut:
    """Rename, or give a new token of the same bot (checked with Telegram first)."""
    access.require(Role.owner, Role.manager)
    settings = request.app.state.settings
    channel = await get_channel(session, access.workspace_id, channel_id)
    await service.update(session, settings, request.app.state.http, channel, body)
    return channel_out(settings, channel)
