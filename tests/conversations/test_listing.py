"""The inbox list: mailboxes, tabs, sorts, keyset pagination, filters and search."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from omnibox.settings import Settings
from tests.conftest import Tenant, run_db
from tests.inbox_helpers import conversations, ids, inbound, mailbox


def _set(settings: Settings, conversation_id: str, **values: Any) -> None:
    async def go(session: Any) -> None:
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        await session.execute(
            text(f"UPDATE conversations SET {assignments} WHERE id = :id"),
            {**values, "id": uuid.UUID(conversation_id)},
        )

    run_db(settings, go)


def _states(http: httpx.Client, tenant: Tenant, settings: Settings) -> dict[str, str]:
    """Four conversations with known activity and state times (minutes ago)."""
    channel = tenant.new_channel()
    base = datetime.now(UTC) - timedelta(hours=10)
    made: dict[str, str] = {}
    # name: (last message minutes after base, status, state since minutes after base)
    plan = {
        "a": (10, "open", 300),
        "b": (20, "open", 100),
        "c": (30, "closed", 200),
        "d": (40, "snoozed", 50),
    }
    for name, (activity, status, since) in plan.items():
        cid = inbound(http, channel, name=f"Contact {name}")["conversation_id"]
        made[name] = cid
        at = base + timedelta(minutes=activity)
        since_at = base + timedelta(minutes=since)
        values: dict[str, Any] = {
            "last_message_at": at,
            "last_incoming_at": at,
            "status": status,
            "opened_at": since_at if status == "open" else None,
            "closed_at": since_at if status == "closed" else None,
            "snoozed_at": since_at if status == "snoozed" else None,
            "snoozed_until": datetime.now(UTC) + timedelta(days=1) if status == "snoozed" else None,
        }
        _set(settings, cid, **values)
    return made


def test_tabs_and_sorts(http: httpx.Client, tenant: Tenant, settings: Settings) -> None:
    c = _states(http, tenant, settings)
    owner = tenant.owner
    assert ids(conversations(owner)) == [c["d"], c["c"], c["b"], c["a"]]  # newest first
    assert ids(conversations(owner, sort="oldest")) == [c["a"], c["b"], c["c"], c["d"]]
    assert ids(conversations(owner, status="open")) == [c["b"], c["a"]]
    assert ids(conversations(owner, status="closed")) == [c["c"]]
    assert ids(conversations(owner, status="snoozed")) == [c["d"]]
    # Time in the current state: open since 300 (a) / 100 (b) ...
    assert ids(conversations(owner, status="open", sort="longest")) == [c["b"], c["a"]]
    assert ids(conversations(owner, status="open", sort="shortest")) == [c["a"], c["b"]]
    assert ids(conversations(owner, sort="longest")) == [c["d"], c["b"], c["c"], c["a"]]
    first = conversations(owner, status="snoozed")[0]
    assert first["status"] == "snoozed" and first["snoozed_until"] is not None
    assert first["state_since"] is not None


def test_keyset_pagination_for_every_sort(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    channel = tenant.new_channel()
    made = [inbound(http, channel, name=f"Page {i}")["conversation_id"] for i in range(7)]
    # Two share the same time: the id breaks the tie, nothing is skipped or repeated.
    same = datetime.now(UTC) - timedelta(minutes=5)
    _set(settings, made[1], last_message_at=same, opened_at=same)
    _set(settings, made[2], last_message_at=same, opened_at=same)
    owner = tenant.owner
    for sort in ("newest", "oldest", "longest", "shortest"):
        whole = ids(conversations(owner, sort=sort, limit=50))
        assert sorted(whole) == sorted(made)
        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            params: dict[str, Any] = {"sort": sort, "limit": 3}
            if cursor:
                params["cursor"] = cursor
            response = owner.client.get(owner.api("/conversations"), params=params)
            assert response.status_code == 200
            seen += ids(response.json())
            pages += 1
            cursor = response.headers.get("x-next-cursor")
            if not cursor:
                break
        assert seen == whole, sort
        assert pages == 3
    # A cursor of one sort is refused by another, and garbage is refused.
    response = owner.client.get(owner.api("/conversations"), params={"limit": 3})
    cursor = response.headers["x-next-cursor"]
    for params in ({"sort": "oldest", "cursor": cursor}, {"cursor": "not-a-cursor"}):
        bad = owner.client.get(owner.api("/conversations"), params=params)
        assert bad.status_code == 422
        assert bad.headers["content-type"] == "application/problem+json"


def test_first_version_params_still_work(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    first = inbound(http, channel, name="Old")["conversation_id"]
    second = inbound(http, channel, name="New")["conversation_id"]
    owner = tenant.owner
    listed = conversations(owner, status="open", limit=1)
    assert ids(listed) == [second]
    older = conversations(owner, before=listed[0]["last_message_at"])
    assert ids(older) == [first]


def test_unanswered_is_kept_on_ingest_and_reply(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    waiting = inbound(http, channel, name="Waiting")["conversation_id"]
    answered = inbound(http, channel, contact_id="answered", name="Answered")["conversation_id"]
    owner = tenant.owner
    sent = owner.client.post(
        owner.api(f"/conversations/{answered}/messages"), json={"text": "Hi there"}
    )
    assert sent.status_code == 201, sent.text
    assert ids(conversations(owner, unanswered="true")) == [waiting]
    assert ids(conversations(owner, unanswered="false")) == [answered]
    got = owner.client.get(owner.api(f"/conversations/{waiting}")).json()
    assert got["unanswered"] is True
    # The contact writes again: unanswered again.
    inbound(http, channel, contact_id="answered", text="and?")
    assert set(ids(conversations(owner, unanswered="true"))) == {waiting, answered}


def test_search_in_russian_and_english(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    smirnova = inbound(
        http,
        channel,
        name="Анна Смирнова",
        phone="+7 916 123-45-67",
        email="smirnova@example.ru",
    )["conversation_id"]
    alena = inbound(http, channel, name="Алёна Ёлкина", phone="+7 925 000-11-22")["conversation_id"]
    john = inbound(http, channel, name="John Smith", email="john.smith@example.com")[
        "conversation_id"
    ]
    jose = inbound(http, channel, name="José Álvarez")["conversation_id"]
    owner = tenant.owner

    def search(q: str) -> list[str]:
        return ids(conversations(owner, q=q))

    assert search("Смирнова") == [smirnova]
    assert search("смирн") == [smirnova]
    assert search("анна смирнова") == [smirnova]
    assert search("smirnova@") == [smirnova]
    assert search("+7916") == [smirnova]
    assert search("916 123") == [smirnova]
    assert search("+7 9") == [alena, smirnova] or set(search("+7 9")) == {alena, smirnova}
    assert search("алена") == [alena]  # ё written as е
    assert search("ЁЛКИНА") == [alena]
    assert search("SMITH") == [john]
    assert search("jose alvarez") == [jose]  # accents aside
    assert search("100%") == []
    assert search("nobody") == []
    # Search combines with the mailbox and the tab.
    assert ids(conversations(owner, q="Смирнова", status="closed")) == []
    # Contacts search uses the same matching.
    found = owner.client.get(owner.api("/contacts"), params={"q": "+7916"}).json()
    assert [c["conversation_id"] for c in found] == [smirnova]


def test_mailboxes_menu_counts(http: httpx.Client, tenant: Tenant, settings: Settings) -> None:
    channel = tenant.new_channel()
    owner = tenant.owner
    agent = tenant.new_agent()
    team = owner.client.post(
        owner.api("/teams"), json={"name": "Sales", "member_ids": [agent.user_id]}
    ).json()
    a = inbound(http, channel, name="A")["conversation_id"]
    b = inbound(http, channel, name="B")["conversation_id"]
    c = inbound(http, channel, name="C")["conversation_id"]
    owner.client.post(
        owner.api(f"/conversations/{a}/assign"), json={"assignee_id": owner.user_id}
    ).raise_for_status()
    owner.client.post(
        owner.api(f"/conversations/{b}/assign"), json={"team_id": team["id"]}
    ).raise_for_status()
    owner.client.post(owner.api(f"/conversations/{c}/close")).raise_for_status()
    owner.client.post(owner.api(f"/conversations/{a}/read")).raise_for_status()

    menu = owner.client.get(owner.api("/mailboxes")).json()
    boxes = {box["id"]: box for box in menu["mailboxes"]}
    assert list(boxes)[:3] == ["all", "mine", "unassigned"]
    assert boxes["all"]["counts"] == {"open": 2, "closed": 1, "snoozed": 0}
    assert boxes["all"]["unread"] == 1  # open ones: b (a was read, c is closed)
    assert boxes["mine"]["counts"] == {"open": 1, "closed": 0, "snoozed": 0}
    assert boxes["mine"]["unread"] == 0
    assert boxes["unassigned"]["counts"] == {"open": 1, "closed": 1, "snoozed": 0}
    assert boxes[f"team:{team['id']}"]["counts"]["open"] == 1
    assert boxes[f"team:{team['id']}"]["name"] == "Sales"
    assert menu["has_blocked_contacts"] is False
    assert "blocked" in boxes and menu["can_see_blocked"] is True
    # The same mailboxes list their conversations.
    assert ids(conversations(owner, mailbox="mine")) == [a]
    assert set(ids(conversations(owner, mailbox="unassigned"))) == {b, c}
    assert ids(conversations(owner, mailbox=f"team:{team['id']}")) == [b]
    assert ids(conversations(owner, mailbox="mine", status="closed")) == []
    # Agents see the blocked entry only when the workspace allows it.
    agent_menu = agent.client.get(agent.api("/mailboxes")).json()
    assert "blocked" not in {box["id"] for box in agent_menu["mailboxes"]}
    assert agent_menu["can_see_blocked"] is False
    assert (
        agent.client.get(agent.api("/conversations"), params={"mailbox": "blocked"}).status_code
        == 403
    )
    # Unknown mailboxes.
    for bad, code in (
        ("nope", 422),
        ("team:xyz", 422),
        (f"team:{uuid.uuid4()}", 404),
        (f"custom:{uuid.uuid4()}", 404),
    ):
        response = owner.client.get(owner.api("/conversations"), params={"mailbox": bad})
        assert response.status_code == code, bad
    assert mailbox(owner, "all")["counts"]["open"] == 2
