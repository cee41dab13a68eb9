"""A Telegram bot connected per test, against the fake Bot API, and helpers to make its
contacts write (by webhook or by polling) and to read what came of it."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from omnibox.settings import Settings
from tests.conftest import Tenant, run_db, wait_until
from tests.fakes import telegram_server
from tests.fakes.telegram_server import Bot, FakeBotApi

PUBLIC_URL = "https://inbox.example.com"


@pytest.fixture(scope="session")
def bot_api() -> Iterator[FakeBotApi]:
    fake = FakeBotApi().start(telegram_server.PORT)
    yield fake
    fake.stop()


def person(
    first_name: str = "Ivan", last_name: str | None = "Petrov", **extra: Any
) -> dict[str, Any]:
    """A Telegram user (a private chat's id is the user's id)."""
    user: dict[str, Any] = {"id": secrets.randbelow(10**9) + 10**8, "first_name": first_name}
    if last_name:
        user["last_name"] = last_name
    return {**user, **extra}


@dataclass
class Telegram:
    """One connected bot, the tenant that connected it, and the fake Bot API behind it."""

    http: httpx.Client
    tenant: Tenant
    api: FakeBotApi
    bot: Bot
    channel: dict[str, Any]
    base_url: str
    settings: Settings
    contact: dict[str, Any] = field(default_factory=person)

    @property
    def channel_path(self) -> str:
        return self.tenant.owner.api(f"/channels/{self.channel['id']}")

    @property
    def webhook_path(self) -> str:
        return "/hooks/" + self.channel["webhook_url"].split("/hooks/", 1)[1]

    def update(self, who: dict[str, Any] | None = None, **content: Any) -> dict[str, Any]:
        return self.api.message(self.bot, who or self.contact, **content)

    def deliver(self, update: dict[str, Any], **kwargs: Any) -> httpx.Response:
        """Telegram posts the update to our webhook (webhook mode)."""
        return self.api.deliver(self.bot, update, self.base_url, **kwargs)

    def say(self, text: str = "Hello!", **content: Any) -> dict[str, Any]:
        """The contact writes through the webhook; the webhook's answer."""
        response = self.deliver(self.update(text=text, **content))
        assert response.status_code == 200, response.text
        return dict(response.json())

    def messages(self, conversation_id: str) -> list[dict[str, Any]]:
        response = self.tenant.owner.client.get(
            self.tenant.owner.api(f"/conversations/{conversation_id}/messages")
        )
        assert response.status_code == 200, response.text
        return list(response.json())

    def message(self, conversation_id: str, message_id: str) -> dict[str, Any]:
        return next(m for m in self.messages(conversation_id) if m["id"] == message_id)

    def wait_message(
        self,
        conversation_id: str,
        message_id: str,
        until: Callable[[dict[str, Any]], Any],
        timeout: float = 15.0,
    ) -> dict[str, Any]:
        found: dict[str, Any] = wait_until(
            lambda: (m := self.message(conversation_id, message_id)) and until(m) and m,
            timeout=timeout,
        )
        return found

    def stored(self) -> int:
        """How many messages the channel has in the database (in and out)."""
        from sqlalchemy import func, select

        from omnibox.models import Message

        async def count(session: Any) -> int:
            query = select(func.count()).where(Message.channel_id == uuid.UUID(self.channel["id"]))
            return int((await session.execute(query)).scalar_one())

        return int(run_db(self.settings, count))

    def channel_now(self) -> dict[str, Any]:
        listed = self.tenant.owner.client.get(self.tenant.owner.api("/channels")).json()
        return dict(next(c for c in listed if c["id"] == self.channel["id"]))

    def reply(self, conversation_id: str, **body: Any) -> dict[str, Any]:
        response = self.tenant.owner.client.post(
            self.tenant.owner.api(f"/conversations/{conversation_id}/messages"), json=body
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    def upload(self, name: str, data: bytes, **form: str) -> str:
        response = self.tenant.owner.client.post(
            self.tenant.owner.api("/uploads"), files={"file": (name, data)}, data=form
        )
        assert response.status_code == 201, response.text
        return str(response.json()["id"])


@pytest.fixture
def connect(
    http: httpx.Client, tenant: Tenant, bot_api: FakeBotApi, base_url: str, settings: Settings
) -> Iterator[Callable[..., Telegram]]:
    """Connect a bot through the API; removed after the test (polling stops with it)."""
    connected: list[Telegram] = []

    def connect_(bot: Bot | None = None, name: str = "Support bot") -> Telegram:
        bot = bot or bot_api.new_bot()
        response = tenant.owner.client.post(
            tenant.owner.api("/channels/telegram"), json={"name": name, "bot_token": bot.token}
        )
        assert response.status_code == 201, response.text
        telegram = Telegram(http, tenant, bot_api, bot, response.json(), base_url, settings)
        connected.append(telegram)
        return telegram

    yield connect_
    for telegram in connected:
        tenant.owner.client.delete(telegram.channel_path)


@pytest.fixture
def webhook_mode(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """An HTTPS public URL, as a production install has: channels get a webhook."""
    monkeypatch.setattr(settings, "public_url", PUBLIC_URL)


@pytest.fixture
def telegram(webhook_mode: None, connect: Callable[..., Telegram]) -> Telegram:
    """A bot connected in webhook mode (deliveries are immediate and deterministic)."""
    return connect()


@pytest.fixture
def polling(connect: Callable[..., Telegram]) -> Telegram:
    """A bot connected without a public URL: the periodic job polls it."""
    return connect()
