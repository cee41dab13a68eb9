"""Channel use cases: create, list, find by inbound token."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.registry import adapter_for
from omnibox.channels.schemas import CapabilitiesOut, ChannelCreatedOut, ChannelOut, ChannelUpdate
from omnibox.errors import InvalidPayload, NotFound
from omnibox.models import Channel, ChannelKind
from omnibox.settings import Settings


def base_url(settings: Settings) -> str:
    if settings.public_url:
        return settings.public_url.rstrip("/")
    return f"http://{settings.host}:{settings.port}"


def webhook_url(settings: Settings, channel: Channel) -> str:
    return f"{base_url(settings)}/hooks/{channel.kind}/{channel.inbound_token}"


def channel_out(settings: Settings, channel: Channel) -> ChannelOut:
    return ChannelOut(
        id=channel.id,
        kind=channel.kind,
        name=channel.name,
        status=channel.status,
        status_reason=channel.status_reason,
        settings=channel.settings,
        webhook_url=webhook_url(settings, channel),
        capabilities=CapabilitiesOut(**asdict(adapter_for(channel.kind).capabilities)),
        created_at=channel.created_at,
    )


async def create_api_channel(
    session: AsyncSession,
    settings: Settings,
    workspace_id: uuid.UUID,
    *,
    name: str,
    callback_url: str | None,
) -> ChannelCreatedOut:
    signing_secret = secrets.token_urlsafe(32)
    channel = Channel(
        workspace_id=workspace_id,
        kind=ChannelKind.api,
        name=name,
        settings={"callback_url": callback_url},
        secrets={"signing_secret": signing_secret},
        inbound_token=secrets.token_urlsafe(24),
    )
    session.add(channel)
    await session.flush()
    await session.refresh(channel)
    return ChannelCreatedOut(
        **channel_out(settings, channel).model_dump(), signing_secret=signing_secret
    )


async def list_channels(session: AsyncSession, workspace_id: uuid.UUID) -> list[Channel]:
    return list(
        (
            await session.execute(
                select(Channel)
                .where(Channel.workspace_id == workspace_id)
                .order_by(Channel.created_at)
            )
        ).scalars()
    )


async def channel_by_token(session: AsyncSession, kind: str, token: str) -> Channel:
    channel = (
        await session.execute(
            select(Channel).where(Channel.inbound_token == token, Channel.kind == kind)
        )
    ).scalar_one_or_none()
    if channel is None:
        raise NotFound("No channel answers at this webhook URL.")
    return channel


async def get_channel(
    session: AsyncSession, workspace_id: uuid.UUID, channel_id: uuid.UUID
) -> Channel:
    channel = (
        await session.execute(
            select(Channel).where(Channel.id == channel_id, Channel.workspace_id == workspace_id)
        )
    ).scalar_one_or_none()
    if channel is None:
        raise NotFound("No such channel.")
    return channel


async def update_channel(session: AsyncSession, channel: Channel, body: ChannelUpdate) -> Channel:
    if body.name is not None:
        channel.name = body.name
    if "callback_url" in body.model_fields_set:
        if channel.kind != "api":
            raise InvalidPayload("Only API channels have a callback URL.")
        url = str(body.callback_url) if body.callback_url else None
        channel.settings = {**channel.settings, "callback_url": url}
    await session.flush()
    return channel


async def remove_channel(session: AsyncSession, channel: Channel) -> None:
    """Stop the channel; its conversations and messages stay (their channel shows as removed)."""
    await session.delete(channel)
    await session.flush()
