"""Polling, for bots without a public webhook URL: the periodic job takes updates with the
offset stored in the channel, in the same transaction as the messages, one poller at a time."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from typing import Any

import httpx
import psycopg

from omnibox.channels.telegram.tasks import PollDeps, PollResult, poll_once
from omnibox.db.engine import open_database
from omnibox.media.storage import LocalStorage
from omnibox.models import Channel
from omnibox.settings import Settings
from tests.channels.telegram.conftest import Telegram
from tests.conftest import run_db, wait_until
from tests.fakes.telegram_server import Fault


def channel_state(telegram: Telegram) -> dict[str, Any]:
    async def read(session: Any) -> dict[str, Any]:
        channel = await session.get(Channel, uuid.UUID(telegram.channel["id"]))
        return dict(channel.state)

    return dict(run_db(telegram.settings, read))


def push_text(telegram: Telegram, text: str) -> dict[str, Any]:
    return telegram.api.push(telegram.bot, telegram.update(text=text))


def texts(telegram: Telegram) -> list[str]:
    async def read(session: Any) -> list[str]:
        from sqlalchemy import select

        from omnibox.models import Message

        rows = await session.execute(
            select(Message.text)
            .where(Message.channel_id == uuid.UUID(telegram.channel["id"]))
            .order_by(Message.created_at)
        )
        return list(rows.scalars())

    return list(run_db(telegram.settings, read))


def test_updates_arrive_by_polling_and_the_offset_moves_with_them(polling: Telegram) -> None:
    pushed = [push_text(polling, f"message {i}") for i in range(3)]
    wait_until(lambda: texts(polling) == ["message 0", "message 1", "message 2"])
    last = pushed[-1]["update_id"]
    assert channel_state(polling)["offset"] == last + 1
    # The next poll confirms them: Telegram forgets them, and nothing comes twice.
    wait_until(
        lambda: any(
            c.params.get("offset") == last + 1
            for c in polling.api.calls_of(polling.bot, "getUpdates")
        )
    )
    assert polling.bot.updates == []
    push_text(polling, "message 3")
    wait_until(lambda: len(texts(polling)) == 4)
    assert texts(polling)[-1] == "message 3"
    calls = polling.api.calls_of(polling.bot, "getUpdates")
    assert all(c.params["timeout"] == 0 for c in calls)
    assert calls[-1].params["allowed_updates"] == ["message", "edited_message"]


def test_while_no_worker_runs_nothing_is_lost_and_polling_resumes_from_the_offset(
    polling: Telegram, database_url: str
) -> None:
    push_text(polling, "before")
    wait_until(lambda: texts(polling) == ["before"])
    offset = channel_state(polling)["offset"]
    # Holding the channel's row lock is what a poller does: every worker now passes it by,
    # as if none were running.
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "SELECT id FROM channels WHERE id = %s FOR NO KEY UPDATE", (polling.channel["id"],)
        )
        time.sleep(0.5)
        polls_before = len(polling.api.calls_of(polling.bot, "getUpdates"))
        missed = [push_text(polling, f"while down {i}") for i in range(2)]
        time.sleep(3)
        assert len(polling.api.calls_of(polling.bot, "getUpdates")) == polls_before
        conn.rollback()
    wait_until(lambda: len(texts(polling)) == 3)
    assert texts(polling) == ["before", "while down 0", "while down 1"]
    first_after = polling.api.calls_of(polling.bot, "getUpdates")[polls_before]
    assert first_after.params["offset"] == offset
    assert channel_state(polling)["offset"] == missed[-1]["update_id"] + 1


def test_a_poller_that_dies_before_committing_loses_nothing(
    polling: Telegram, database_url: str
) -> None:
    push_text(polling, "first")
    wait_until(lambda: texts(polling) == ["first"])
    offset = channel_state(polling)["offset"]
    with psycopg.connect(database_url, autocommit=False) as blocker:
        # New messages can't be written until this lock goes: the next poll takes the update
        # from Telegram, then waits on its INSERT, and is killed there.
        blocker.execute("LOCK TABLE messages IN SHARE ROW EXCLUSIVE MODE")
        update = push_text(polling, "survives a crash")
        with psycopg.connect(database_url, autocommit=True) as admin:
            pid = wait_until(
                lambda: admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND query ILIKE 'INSERT INTO messages%%'"
                ).fetchone(),
                timeout=15,
            )[0]
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert channel_state(polling)["offset"] == offset  # nothing committed
        blocker.rollback()
    # Telegram still has the update (its offset was never confirmed): the next poll stores it.
    wait_until(lambda: texts(polling) == ["first", "survives a crash"], timeout=20)
    served = [
        c
        for c in polling.api.calls_of(polling.bot, "getUpdates")
        if c.params.get("offset") == offset
    ]
    assert len(served) >= 2  # fetched once by the poller that died, again by the next
    assert channel_state(polling)["offset"] == update["update_id"] + 1


def test_one_poller_at_a_time_however_many_workers_try(
    polling: Telegram, settings: Settings
) -> None:
    # Slow answers: every poll holds the channel for a while; five more pollers try at once
    # alongside the server's own worker.
    polling.api.fail(polling.bot, "getUpdates", *[Fault(delay=0.6) for _ in range(12)])
    push_text(polling, "once")

    async def race() -> list[PollResult]:
        db = open_database(settings, pool_size=6)
        try:
            async with httpx.AsyncClient(timeout=10) as http:
                deps = PollDeps(db.sessions, http, settings, LocalStorage(settings.files_dir))
                channel_id = uuid.UUID(polling.channel["id"])
                return await asyncio.gather(*(poll_once(deps, channel_id) for _ in range(5)))
        finally:
            await db.dispose()

    results: list[list[PollResult]] = []
    thread = threading.Thread(target=lambda: results.append(asyncio.run(race())))
    thread.start()
    thread.join(30)
    assert PollResult.busy in results[0]
    wait_until(lambda: texts(polling) == ["once"])
    assert polling.bot.polls_max == 1


def test_a_revoked_token_shows_on_the_channel_until_a_new_one_is_given(polling: Telegram) -> None:
    polling.api.revoke(polling.bot)
    failing = wait_until(lambda: (c := polling.channel_now())["status"] == "failing" and c)
    assert "no longer accepts the bot token (Unauthorized)" in failing["status_reason"]
    # Polling stops: asking again with a dead token is pointless.
    time.sleep(0.5)
    polls = len(polling.api.calls_of(polling.bot, "getUpdates"))
    time.sleep(3)
    assert len(polling.api.calls_of(polling.bot, "getUpdates")) == polls

    path = polling.tenant.owner.api(f"/channels/telegram/{polling.channel['id']}")
    fixed = polling.tenant.owner.client.patch(path, json={"bot_token": polling.bot.token})
    assert fixed.status_code == 200 and fixed.json()["status"] == "connected"
    assert fixed.json()["status_reason"] is None
    push_text(polling, "back again")
    wait_until(lambda: texts(polling) == ["back again"])


def test_a_webhook_set_elsewhere_shows_as_a_conflict(polling: Telegram) -> None:
    polling.bot.webhook = {"url": "https://elsewhere.example/hook"}
    failing = wait_until(lambda: (c := polling.channel_now())["status"] == "failing" and c)
    assert "can't use getUpdates method while webhook is active" in failing["status_reason"]
    polling.bot.webhook = None
    wait_until(lambda: polling.channel_now()["status"] == "connected")


def test_rate_limits_and_malformed_updates_do_not_stop_polling(polling: Telegram) -> None:
    polling.api.fail(
        polling.bot, "getUpdates", Fault(429, "Too Many Requests: retry after 3", retry_after=3)
    )
    limited = polling.api.wait_for(polling.bot, "getUpdates")[0]
    # A broken update is passed over (Telegram would resend it forever); the next one lands.
    polling.api.push(polling.bot, {"message": {"message_id": 1, "text": "no chat, no date"}})
    push_text(polling, "after the broken one")
    wait_until(lambda: texts(polling) == ["after the broken one"], timeout=20)
    calls = polling.api.calls_of(polling.bot, "getUpdates")
    assert calls[1].at - limited.at >= 2.5  # retry_after was honoured
    assert polling.channel_now()["status"] == "connected"
    assert polling.bot.updates == [] or wait_until(lambda: polling.bot.updates == [])
