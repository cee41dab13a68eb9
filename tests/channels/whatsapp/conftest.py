"""A connected WhatsApp channel per test, against the fake Graph API, and helpers to post
signed notifications to it and read what came of them."""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from omnibox.settings import Settings
from tests.conftest import Tenant, run_db, wait_until
from tests.fakes.graph_server import FakeGraph, Number, contact, notification, sign, text


@pytest.fixture(scope="session")
def graph() -> Iterator[FakeGraph]:
    fake = FakeGraph().start()
    yield fake
    fake.stop()


@dataclass
class WhatsApp:
    """One connected number and the tenant that connected it."""

    http: httpx.Client
    tenant: Tenant
    graph: FakeGraph
    number: Number
    channel: dict[str, Any]
    app_secret: str
    settings: Settings

    @property
    def path(self) -> str:
        return "/hooks/" + self.channel["webhook_url"].split("/hooks/", 1)[1]

    def post(self, payload: Any, *, secret: str | None = None, **headers: str) -> httpx.Response:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        signed = {"X-Hub-Signature-256": sign(secret or self.app_secret, body)}
        return self.http.post(
            self.path,
            content=body,
            headers={"content-type": "application/json", **signed, **headers},
        )

    def receive(
        self, *messages: dict[str, Any], name: str = "Maria Silva", **kwargs: Any
    ) -> httpx.Response:
        senders = {m["from"] for m in messages}
        payload = notification(
            self.number,
            messages=list(messages),
            contacts=[contact(wa_id, name) for wa_id in senders],
            **kwargs,
        )
        response = self.post(payload)
        assert response.status_code == 200, response.text
        return response

    def say(self, wa_id: str, words: str, **kwargs: Any) -> str:
        """The contact writes; the conversation's id."""
        self.receive(text(wa_id, words, **kwargs))
        return self.conversation_of(wa_id)

    def conversation_of(self, wa_id: str, channel_id: str | None = None) -> str:
        from sqlalchemy import select

        from omnibox.models import ContactHandle, Conversation

        async def find(session: Any) -> str:
            found = await session.execute(
                select(Conversation.id)
                .join(ContactHandle, ContactHandle.contact_id == Conversation.contact_id)
                .where(
                    ContactHandle.channel_id == uuid.UUID(channel_id or self.channel["id"]),
                    ContactHandle.external_id == wa_id,
                )
            )
            return str(found.scalar_one())

        result: str = run_db(self.settings, find)
        return result

    def messages(self, conversation_id: str) -> list[dict[str, Any]]:
        response = self.tenant.owner.client.get(
            self.tenant.owner.api(f"/conversations/{conversation_id}/messages")
        )
        assert response.status_code == 200, response.text
        return list(response.json())

    def reply(self, conversation_id: str, **body: Any) -> httpx.Response:
        return self.tenant.owner.client.post(
            self.tenant.owner.api(f"/conversations/{conversation_id}/messages"), json=body
        )

    def message(self, conversation_id: str, message_id: str) -> dict[str, Any]:
        return next(m for m in self.messages(conversation_id) if m["id"] == message_id)

    def wait_status(
        self, conversation_id: str, message_id: str, status: str, timeout: float = 20.0
    ) -> dict[str, Any]:
        def reached() -> dict[str, Any] | None:
            found = self.message(conversation_id, message_id)
            return found if found["status"] == status else None

        result: dict[str, Any] = wait_until(reached, timeout=timeout)
        return result


def connect(tenant: Tenant, number: Number, **overrides: Any) -> httpx.Response:
    body = {
        "name": "WhatsApp",
        "phone_number_id": number.id,
        "waba_id": number.waba_id,
        "access_token": number.token,
        "app_secret": "app-secret-" + secrets.token_hex(8),
        **overrides,
    }
    return tenant.owner.client.post(tenant.owner.api("/channels/whatsapp"), json=body)


@pytest.fixture
def wa(http: httpx.Client, tenant: Tenant, graph: FakeGraph, settings: Settings) -> WhatsApp:
    number = graph.add_number()
    app_secret = "app-secret-" + secrets.token_hex(8)
    response = connect(tenant, number, app_secret=app_secret)
    assert response.status_code == 201, response.text
    return WhatsApp(http, tenant, graph, number, response.json(), app_secret, settings)


def new_wa_id() -> str:
    return "7" + str(secrets.randbelow(10**10)).zfill(10)
