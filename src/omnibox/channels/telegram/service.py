"""Connecting a Telegram bot: check its token, then a webhook (public HTTPS URL) or polling.

Everything Telegram is asked happens before the caller commits: a refused token or webhook
raises, the transaction rolls back, and nothing is stored.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.service import webhook_url
from omnibox.channels.telegram.client import BotApi, TelegramError
from omnibox.channels.telegram.schemas import TelegramChannelUpdate
from omnibox.channels.telegram.status import mark_connected
from omnibox.errors import Conflict, InvalidPayload, OmniboxError
from omnibox.models import Channel, ChannelKind
from omnibox.settings import Settings


class TelegramUnavailable(OmniboxError):
    status = 502
    slug = "telegram-unavailable"
    title = "Telegram could not be reached"


def _refused(error: TelegramError, what: str) -> OmniboxError:
    if error.retryable:
        return TelegramUnavailable(f"{what} failed, try again: {error.description}")
    if error.token_rejected:
        return InvalidPayload(
            f"Telegram does not accept this bot token ({error.description}). Copy it again "
            "from @BotFather.",
            errors=[{"field": "body.bot_token", "message": error.description}],
        )
    return InvalidPayload(f"{what} failed: Telegram answered {error.description}")


async def _check_token(api: BotApi) -> dict[str, Any]:
    try:
        me = await api.get_me()
    except TelegramError as exc:
        raise _refused(exc, "Checking the bot token") from exc
    if not isinstance(me, dict) or not isinstance(me.get("id"), int) or not me.get("is_bot"):
        raise InvalidPayload("This token does not belong to a bot.")
    return me


def uses_webhook(settings: Settings) -> bool:
    # Telegram only delivers webhooks to public HTTPS addresses; anything else polls.
    return bool(settings.public_url and settings.public_url.startswith("https://"))


async def _start_receiving(api: BotApi, settings: Settings, channel: Channel) -> str:
    """Point Telegram at us: a webhook with our secret, or none (so getUpdates works)."""
    try:
        if uses_webhook(settings):
            url = webhook_url(settings, channel)
            await api.set_webhook(url, str(channel.secrets["webhook_secret"]))
            return "webhook"
        await api.delete_webhook()
        return "polling"
    except TelegramError as exc:
        raise _refused(exc, "Setting up the bot's updates") from exc


async def _ensure_not_connected(session: AsyncSession, bot_id: int) -> None:
    # One bot, one channel: a second webhook or poller would steal the first one's updates.
    # (Compared as text: bot ids outgrow a 32-bit integer.)
    query = select(Channel.id).where(
        Channel.kind == ChannelKind.telegram, Channel.settings["bot_id"].as_string() == str(bot_id)
    )
    if (await session.execute(query.limit(1))).first() is not None:
        raise Conflict("This bot is already connected to a channel. Remove that one first.")


def _bot_settings(me: dict[str, Any], mode: str) -> dict[str, Any]:
    return {
        "bot_id": me["id"],
        "bot_username": me.get("username"),
        "bot_name": me.get("first_name"),
        "mode": mode,
    }


async def connect(
    session: AsyncSession,
    settings: Settings,
    http: httpx.AsyncClient,
    workspace_id: uuid.UUID,
    *,
    name: str,
    bot_token: str,
) -> Channel:
    api = BotApi(settings.telegram_api_url, bot_token, http)
    me = await _check_token(api)
    await _ensure_not_connected(session, me["id"])
    channel = Channel(
        workspace_id=workspace_id,
        kind=ChannelKind.telegram,
        name=name,
        settings=_bot_settings(me, "pending"),
        # The webhook secret comes back in X-Telegram-Bot-Api-Secret-Token on every delivery.
        secrets={"bot_token": bot_token, "webhook_secret": secrets.token_urlsafe(32)},
        inbound_token=secrets.token_urlsafe(24),
        state={},
    )
    session.add(channel)
    await session.flush()
    await session.refresh(channel)
    mode = await _start_receiving(api, settings, channel)
    channel.settings = _bot_settings(me, mode)
    await session.flush()
    return channel


async def update(
    session: AsyncSession,
    settings: Settings,
    http: httpx.AsyncClient,
    channel: Channel,
    body: TelegramChannelUpdate,
) -> Channel:
    if channel.kind != ChannelKind.telegram:
        raise InvalidPayload("This is not a Telegram channel.")
    if body.name is not None:
        channel.name = body.name
    if body.bot_token is not None:
        await _replace_token(session, settings, http, channel, body.bot_token)
    await session.flush()
    return channel


async def _replace_token(
    session: AsyncSession,
    settings: Settings,
    http: httpx.AsyncClient,
    channel: Channel,
    bot_token: str,
) -> None:
    api = BotApi(settings.telegram_api_url, bot_token, http)
    me = await _check_token(api)
    if me["id"] != channel.settings.get("bot_id"):
        # Its conversations belong to the old bot; another bot is another channel.
        raise InvalidPayload(
            f"This token belongs to @{me.get('username')}, not to "
            f"@{channel.settings.get('bot_username')}. Connect another bot as a new channel."
        )
    channel.secrets = {**channel.secrets, "bot_token": bot_token}
    mode = await _start_receiving(api, settings, channel)
    channel.settings = _bot_settings(me, mode)
    mark_connected(channel)
