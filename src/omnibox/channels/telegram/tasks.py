"""Polling Telegram for channels that have no public webhook URL (a team behind NAT).

A periodic tick (every 2 s, deferred once across all workers) queues one poll job per polling
channel; a queueing lock keeps at most one waiting per channel. The poll itself holds the
channel's row lock (``FOR NO KEY UPDATE SKIP LOCKED``) from ``getUpdates`` to commit, so two
workers never poll one bot at once (Telegram would answer 409), and a crashed worker's lock
goes with its connection. The new offset is written in the same transaction as the messages:
Telegram only forgets updates once a later ``getUpdates`` sends that offset, so a crash before
the commit means the same updates come again, and ingestion ignores what it already has.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import httpx
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from omnibox.channels.telegram.adapter import bot_api
from omnibox.channels.telegram.client import TelegramError
from omnibox.channels.telegram.inbound import store_update
from omnibox.channels.telegram.parse import parse_update
from omnibox.channels.telegram.status import (
    TOKEN_REJECTED,
    mark_connected,
    mark_failing,
    mark_token_rejected,
)
from omnibox.db.session import unit_of_work
from omnibox.errors import InvalidPayload
from omnibox.jobs.app import job_app
from omnibox.jobs.context import job_context
from omnibox.media.storage import LocalStorage
from omnibox.models import Channel, ChannelKind
from omnibox.settings import Settings

log = logging.getLogger(__name__)

QUEUE = "telegram"
# Short polling: a long poll would hold a worker slot for its whole wait, per channel.
POLL_TIMEOUT_S = 0
POLL_LIMIT = 100
OFFSET = "offset"
POLL_AFTER = "poll_after"  # Telegram said 429: no polling before this time (epoch seconds)


class PollResult(StrEnum):
    polled = "polled"
    busy = "busy"  # another worker holds the channel (or it is gone)
    skipped = "skipped"  # not polling: webhook mode, rejected token, or rate-limited
    failed = "failed"


@dataclass(frozen=True)
class PollDeps:
    sessions: async_sessionmaker[AsyncSession]
    http: httpx.AsyncClient
    settings: Settings
    storage: LocalStorage


# croniter reads a sixth field as seconds (the last one, not the first).
@job_app.periodic(cron="* * * * * */2", periodic_id="telegram-poll")
@job_app.task(name="telegram_poll_tick", queue=QUEUE, queueing_lock="telegram-poll-tick")
async def poll_tick(timestamp: int) -> None:
    ctx = job_context()
    async with ctx.db.sessions() as session:
        channel_ids = await polling_channel_ids(session)
    for channel_id in channel_ids:
        with contextlib.suppress(AlreadyEnqueued):  # one still waits: it will do
            await poll_channel.configure(queueing_lock=f"telegram-poll:{channel_id}").defer_async(
                channel_id=str(channel_id)
            )


@job_app.task(name="telegram_poll_channel", queue=QUEUE)
async def poll_channel(channel_id: str) -> None:
    ctx = job_context()
    deps = PollDeps(ctx.db.sessions, ctx.http, ctx.settings, ctx.storage)
    await poll_once(deps, uuid.UUID(channel_id))


@job_app.periodic(cron="17 * * * *", periodic_id="telegram-forget-polls")
@job_app.task(name="telegram_forget_polls", queue=QUEUE)
async def forget_finished_polls(timestamp: int) -> None:
    """Polling makes a finished job every 2 s per channel: keep the last hour of them."""
    await job_app.job_manager.delete_old_jobs(nb_hours=1, queue=QUEUE)


async def polling_channel_ids(session: AsyncSession) -> list[uuid.UUID]:
    rows = await session.execute(
        select(Channel.id).where(
            Channel.kind == ChannelKind.telegram,
            Channel.settings["mode"].as_string() == "polling",
            Channel.state[TOKEN_REJECTED].as_boolean().is_not(True),
        )
    )
    return list(rows.scalars())


async def poll_once(deps: PollDeps, channel_id: uuid.UUID) -> PollResult:
    """One ``getUpdates`` for the channel and everything it returned, in one transaction."""
    async with unit_of_work(deps.sessions) as session:
        channel = (
            await session.execute(
                select(Channel)
                .where(Channel.id == channel_id, Channel.kind == ChannelKind.telegram)
                # NO KEY UPDATE: messages referencing the channel can still be inserted.
                .with_for_update(key_share=True, skip_locked=True)
            )
        ).scalar_one_or_none()
        if channel is None:
            return PollResult.busy
        if not _should_poll(channel):
            return PollResult.skipped
        api = bot_api(channel, deps.http, deps.settings.telegram_api_url)
        try:
            updates = await api.get_updates(
                channel.state.get(OFFSET), long_poll_s=POLL_TIMEOUT_S, limit=POLL_LIMIT
            )
        except TelegramError as exc:
            _record_failure(channel, exc)
            return PollResult.failed
        offset = await _store_updates(session, channel, updates, deps)
        if offset is not None:
            channel.state = {**channel.state, OFFSET: offset}
        mark_connected(channel)
        return PollResult.polled


def _should_poll(channel: Channel) -> bool:
    if channel.settings.get("mode") != "polling" or channel.state.get(TOKEN_REJECTED):
        return False
    poll_after = channel.state.get(POLL_AFTER)
    return not (isinstance(poll_after, int | float) and time.time() < poll_after)


async def _store_updates(
    session: AsyncSession, channel: Channel, updates: list[Any], deps: PollDeps
) -> int | None:
    """Store each update; the offset that confirms them all (None when there were none)."""
    offset: int | None = None
    for raw in updates:
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        try:
            parsed = parse_update(raw)
        except InvalidPayload as exc:
            # Telegram would send it again forever; it can't be stored, so it is passed over.
            log.warning("skipped malformed telegram update %s: %s", update_id, exc.detail)
        else:
            await store_update(
                session,
                channel,
                parsed,
                storage=deps.storage,
                max_attachment_bytes=deps.settings.max_attachment_bytes,
            )
        if isinstance(update_id, int):
            offset = max(offset or 0, update_id + 1)
    return offset


def _record_failure(channel: Channel, error: TelegramError) -> None:
    if error.token_rejected:
        mark_token_rejected(channel, error)
    elif error.code == 429:
        wait = error.retry_after or 5.0
        channel.state = {**channel.state, POLL_AFTER: time.time() + wait}
    elif error.code == 409:
        mark_failing(
            channel,
            f"Telegram refuses polling ({error.description}). Another program may be using "
            "this bot; each bot can be connected to one place only.",
        )
    else:
        mark_failing(channel, f"Polling Telegram failed: {error.description}")
    log.info("polling telegram channel %s failed: %s", channel.id, error.description)
