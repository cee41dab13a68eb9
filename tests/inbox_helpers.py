"""Helpers shared by the inbox-management tests (conversations, contacts, teams, ...)."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

from tests.conftest import Agent, Tenant


def inbound(
    http: httpx.Client,
    channel: dict[str, Any],
    *,
    contact_id: str | None = None,
    name: str = "Ivan Petrov",
    phone: str | None = None,
    email: str | None = None,
    text: str = "Hello!",
) -> dict[str, Any]:
    contact: dict[str, Any] = {"id": contact_id or uuid.uuid4().hex, "name": name}
    if phone:
        contact["phone"] = phone
    if email:
        contact["email"] = email
    response = http.post(
        channel["webhook_url"], json={"id": uuid.uuid4().hex, "contact": contact, "text": text}
    )
    assert response.status_code in (200, 201, 202), response.text
    body: dict[str, Any] = response.json()
    return body


def set_preferences(tenant: Tenant, **prefs: Any) -> dict[str, Any]:
    response = tenant.owner.client.patch(tenant.owner.api("/preferences"), json=prefs)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def conversations(agent: Agent, **params: Any) -> list[dict[str, Any]]:
    response = agent.client.get(agent.api("/conversations"), params=params)
    assert response.status_code == 200, response.text
    body: list[dict[str, Any]] = response.json()
    return body


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def mailbox(agent: Agent, mailbox_id: str) -> dict[str, Any]:
    response = agent.client.get(agent.api("/mailboxes"))
    assert response.status_code == 200, response.text
    for box in response.json()["mailboxes"]:
        if box["id"] == mailbox_id:
            return box  # type: ignore[no-any-return]
    raise AssertionError(f"no mailbox {mailbox_id}")


def socket(base_url: str, agent: Agent) -> ClientConnection:
    url = base_url.replace("http", "ws") + f"/api/v1/ws?workspace_id={agent.workspace_id}"
    return connect(url, additional_headers={"Cookie": agent.cookie})


def drain(ws: ClientConnection, seconds: float = 1.5) -> list[dict[str, Any]]:
    """Every event (pings aside) that arrives within ``seconds``, raw text kept in ``_raw``."""
    events: list[dict[str, Any]] = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            raw = ws.recv(timeout=left)
        except TimeoutError:
            break
        event = json.loads(raw)
        if event["type"] != "ping":
            event["_raw"] = raw
            events.append(event)
    return events


def wait_for_event(ws: ClientConnection, type_: str, timeout: float = 10) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        raw = ws.recv(timeout=max(deadline - time.monotonic(), 0.01))
        event = json.loads(raw)
        if event["type"] == type_:
            event["_raw"] = raw
            return event  # type: ignore[no-any-return]
