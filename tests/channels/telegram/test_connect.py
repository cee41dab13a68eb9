"""Connecting a bot: the token is checked with Telegram, then a webhook or polling is set up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.channels.telegram.conftest import PUBLIC_URL, Telegram
from tests.conftest import Tenant
from tests.fakes.telegram_server import FakeBotApi, Fault


def test_without_a_public_url_the_bot_is_polled(
    connect: Callable[..., Telegram], bot_api: FakeBotApi
) -> None:
    telegram = connect(name="Support")
    channel, bot = telegram.channel, telegram.bot
    assert channel["kind"] == "telegram" and channel["name"] == "Support"
    assert channel["status"] == "connected" and channel["status_reason"] is None
    assert channel["settings"] == {
        "bot_id": bot.id,
        "bot_username": bot.username,
        "bot_name": bot.first_name,
        "mode": "polling",
    }
    assert channel["capabilities"] == {
        "reply_to": True,
        "typing": True,
        "messaging_window_hours": None,
    }
    # No webhook: it is deleted, so getUpdates works (Telegram refuses both at once).
    assert bot_api.calls_of(bot, "getMe") and bot_api.calls_of(bot, "deleteWebhook")
    assert not bot_api.calls_of(bot, "setWebhook")
    listed = telegram.channel_now()
    assert "secrets" not in listed and bot.token not in str(listed)


def test_with_a_public_https_url_a_webhook_is_set_with_a_secret(
    webhook_mode: None, connect: Callable[..., Telegram], bot_api: FakeBotApi
) -> None:
    telegram = connect()
    [call] = bot_api.calls_of(telegram.bot, "setWebhook")
    token = telegram.channel["webhook_url"].rsplit("/", 1)[1]
    assert call.params["url"] == f"{PUBLIC_URL}/hooks/telegram/{token}"
    assert telegram.channel["webhook_url"] == call.params["url"]
    assert len(call.params["secret_token"]) >= 32
    assert call.params["allowed_updates"] == ["message", "edited_message"]
    assert telegram.channel["settings"]["mode"] == "webhook"
    assert call.params["secret_token"] not in str(telegram.channel_now())


@pytest.mark.parametrize(
    ("token", "detail"),
    [
        ("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_", "does not accept this bot token"),
        ("not a token", "Some fields are missing or wrong"),
    ],
)
def test_a_bad_token_is_refused_and_nothing_is_stored(
    tenant: Tenant, bot_api: FakeBotApi, token: str, detail: str
) -> None:
    response = tenant.owner.client.post(
        tenant.owner.api("/channels/telegram"), json={"name": "Bot", "bot_token": token}
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert detail in response.json()["detail"]
    assert token not in response.text
    assert tenant.owner.client.get(tenant.owner.api("/channels")).json() == []


def test_a_refused_webhook_stores_nothing(
    webhook_mode: None, tenant: Tenant, bot_api: FakeBotApi
) -> None:
    bot = bot_api.new_bot()
    bot_api.fail(bot, "setWebhook", Fault(400, "Bad Request: bad webhook: Failed to resolve host"))
    response = tenant.owner.client.post(
        tenant.owner.api("/channels/telegram"), json={"name": "Bot", "bot_token": bot.token}
    )
    assert response.status_code == 422
    assert "Failed to resolve host" in response.json()["detail"]
    assert tenant.owner.client.get(tenant.owner.api("/channels")).json() == []


def test_telegram_down_is_a_502_and_stores_nothing(tenant: Tenant, bot_api: FakeBotApi) -> None:
    bot = bot_api.new_bot()
    bot_api.fail(bot, "getMe", Fault(502, "Bad Gateway"))
    response = tenant.owner.client.post(
        tenant.owner.api("/channels/telegram"), json={"name": "Bot", "bot_token": bot.token}
    )
    assert response.status_code == 502 and "try again" in response.json()["detail"]
    assert tenant.owner.client.get(tenant.owner.api("/channels")).json() == []


def test_one_bot_connects_once_and_only_managers_connect(
    connect: Callable[..., Telegram], tenant: Tenant
) -> None:
    telegram = connect()
    again = tenant.owner.client.post(
        tenant.owner.api("/channels/telegram"),
        json={"name": "Twice", "bot_token": telegram.bot.token},
    )
    assert again.status_code == 409 and "already connected" in again.json()["detail"]
    agent = tenant.new_agent("agent")
    refused = agent.client.post(
        agent.api("/channels/telegram"), json={"name": "x", "bot_token": telegram.bot.token}
    )
    assert refused.status_code == 403


def test_a_new_token_of_the_same_bot_replaces_the_old_one(
    connect: Callable[..., Telegram], bot_api: FakeBotApi
) -> None:
    telegram = connect()
    client = telegram.tenant.owner.client
    path = telegram.tenant.owner.api(f"/channels/telegram/{telegram.channel['id']}")
    old_token = telegram.bot.token
    new_token = bot_api.revoke(telegram.bot)

    # The old one is refused by Telegram now; another bot's token is not this bot's.
    assert client.patch(path, json={"bot_token": old_token}).status_code == 422
    other = bot_api.new_bot()
    mismatch = client.patch(path, json={"bot_token": other.token})
    assert mismatch.status_code == 422 and f"@{other.username}" in mismatch.json()["detail"]

    changed = client.patch(path, json={"bot_token": new_token, "name": "Renamed"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["name"] == "Renamed" and changed.json()["status"] == "connected"
    assert any(c.token == new_token for c in bot_api.calls_of(telegram.bot, "deleteWebhook"))


def test_removing_a_webhook_channel_takes_its_webhook_down(
    webhook_mode: None, connect: Callable[..., Telegram], bot_api: FakeBotApi
) -> None:
    telegram = connect()
    assert telegram.bot.webhook is not None
    assert telegram.tenant.owner.client.delete(telegram.channel_path).status_code == 204
    assert bot_api.calls_of(telegram.bot, "deleteWebhook")
    assert telegram.bot.webhook is None
    # Its webhook URL answers no more.
    update = telegram.update(text="anyone?")
    assert telegram.http.post(telegram.webhook_path, json=update).status_code == 404
