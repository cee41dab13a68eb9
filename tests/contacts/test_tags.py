"""Contact tags: written normalised, shown on the contact and its conversation, listed for
pickers (scoped like everything else), filtering the list and custom inboxes, live."""

from __future__ import annotations

from typing import Any

import httpx

from omnibox.settings import Settings
from tests.conftest import Agent, Tenant
from tests.conversations.test_mailbox_counters import check
from tests.inbox_helpers import (
    conversations,
    ids,
    inbound,
    mailbox,
    set_preferences,
    socket,
    wait_for_event,
)


def _contact(agent: Agent, name: str, tags: list[str] | bool | None = False) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name}
    if tags is not False:
        body["tags"] = tags  # None: sent as null
    response = agent.client.post(agent.api("/contacts"), json=body)
    assert response.status_code == 201, response.text
    contact: dict[str, Any] = response.json()
    return contact


def _tag(agent: Agent, contact_id: str, tags: list[str]) -> dict[str, Any]:
    response = agent.client.patch(agent.api(f"/contacts/{contact_id}"), json={"tags": tags})
    assert response.status_code == 200, response.text
    contact: dict[str, Any] = response.json()
    return contact


def _tags_in_use(agent: Agent, **params: Any) -> list[tuple[str, int]]:
    response = agent.client.get(agent.api("/tags"), params=params)
    assert response.status_code == 200, response.text
    return [(t["name"], t["count"]) for t in response.json()]


def test_tags_are_normalised_and_shown_with_the_conversation(tenant: Tenant) -> None:
    owner = tenant.owner
    created = _contact(owner, "Anna", ["  VIP ", "new \t  lead", "vip", "Новый", "НОВЫЙ"])
    assert created["tags"] == ["VIP", "new lead", "Новый"]
    contact_id, conversation_id = created["id"], created["conversation_id"]
    assert owner.client.get(owner.api(f"/contacts/{contact_id}")).json()["tags"] == [
        "VIP",
        "new lead",
        "Новый",
    ]
    # The conversation (list item and single) carries its contact's tags.
    item = next(c for c in conversations(owner) if c["id"] == conversation_id)
    assert item["contact"]["tags"] == ["VIP", "new lead", "Новый"]
    single = owner.client.get(owner.api(f"/conversations/{conversation_id}")).json()
    assert single["contact"]["tags"] == ["VIP", "new lead", "Новый"]

    # A patch replaces them all; other fields sent without tags leave them alone.
    assert _tag(owner, contact_id, ["b", "a", "B"])["tags"] == ["b", "a"]
    renamed = owner.client.patch(owner.api(f"/contacts/{contact_id}"), json={"name": "Anna K"})
    assert renamed.json()["tags"] == ["b", "a"]
    assert _tag(owner, contact_id, [])["tags"] == []
    assert _contact(owner, "No tags")["tags"] == []
    assert _contact(owner, "Null tags", None)["tags"] == []


def test_bad_tags_are_refused_and_nothing_is_written(tenant: Tenant) -> None:
    owner = tenant.owner
    contact = _contact(owner, "Boris", ["keep"])
    for tags in (
        [""],
        ["   "],
        ["ok", "\t"],
        ["x" * 51],
        [f"tag {i}" for i in range(31)],
    ):
        bad = owner.client.patch(owner.api(f"/contacts/{contact['id']}"), json={"tags": tags})
        assert bad.status_code == 422, tags
        assert bad.headers["content-type"].startswith("application/problem+json")
        assert bad.json()["errors"][0]["field"] == "body.tags"
        created = owner.client.post(owner.api("/contacts"), json={"name": "New", "tags": tags})
        assert created.status_code == 422, tags
    # 50 characters and 30 tags are fine; repeats don't count towards 30.
    fine = [f"tag {i}" for i in range(29)] + ["y" * 50, "TAG 0"]
    assert len(_tag(owner, contact["id"], fine)["tags"]) == 30
    assert _tag(owner, contact["id"], ["keep"])["tags"] == ["keep"]
    names = [c["contact"]["name"] for c in conversations(owner)]
    assert names == ["Boris"]


def test_tags_in_use_are_counted_for_what_you_can_see(make_tenant: Any) -> None:
    tenant: Tenant = make_tenant()
    other: Tenant = make_tenant()
    owner = tenant.owner
    agent = tenant.new_agent()
    a = _contact(owner, "A", ["VIP", "Lead"])
    _contact(owner, "B", ["vip"])
    _contact(owner, "C", ["VIP", "Партнёр"])
    _contact(other.owner, "Elsewhere", ["VIP", "secret"])
    # Spellings that differ in case are one tag, as most contacts spell it.
    assert _tags_in_use(owner) == [("VIP", 3), ("Lead", 1), ("Партнёр", 1)]
    assert _tags_in_use(owner, q="ПАРТ") == [("Партнёр", 1)]
    assert _tags_in_use(owner, q=" le ") == [("Lead", 1)]
    assert _tags_in_use(owner, q="%") == []
    assert _tags_in_use(owner, limit=1) == [("VIP", 3)]
    assert _tags_in_use(other.owner) == [("secret", 1), ("VIP", 1)]
    # Another workspace's tags are not yours to list.
    foreign = owner.client.get(f"/api/v1/workspaces/{other.workspace_id}/tags")
    assert foreign.status_code == 404
    # An agent who sees only their own conversations counts only their contacts.
    set_preferences(tenant, agent_visibility="assigned")
    assert _tags_in_use(agent) == []
    owner.client.post(
        owner.api(f"/conversations/{a['conversation_id']}/assign"),
        json={"assignee_id": agent.user_id},
    ).raise_for_status()
    assert _tags_in_use(agent) == [("Lead", 1), ("VIP", 1)]


def test_the_list_filters_on_tags(http: httpx.Client, tenant: Tenant) -> None:
    owner = tenant.owner
    channel = tenant.new_channel()
    a = inbound(http, channel, name="A")["conversation_id"]
    b = inbound(http, channel, name="B")["conversation_id"]
    c = inbound(http, channel, name="C")["conversation_id"]
    contact = {
        cid: owner.client.get(owner.api(f"/conversations/{cid}")).json()["contact"]["id"]
        for cid in (a, b, c)
    }
    _tag(owner, contact[a], ["VIP"])
    _tag(owner, contact[b], ["lead", "vip"])
    assert set(ids(conversations(owner, tag="vip"))) == {a, b}
    assert ids(conversations(owner, tag="Lead")) == [b]
    assert set(ids(conversations(owner, tag=["lead", "VIP"]))) == {a, b}
    assert ids(conversations(owner, tag="nobody")) == []
    assert ids(conversations(owner, tag="vip", q="B")) == [b]
    bad = owner.client.get(owner.api("/conversations"), params={"tag": " "})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "tag"


def test_changing_tags_tells_every_client(tenant: Tenant, base_url: str) -> None:
    owner = tenant.owner
    contact = _contact(owner, "Live")
    with socket(base_url, owner) as ws:
        _tag(owner, contact["id"], ["hot"])
        event = wait_for_event(ws, "conversation.updated")
    assert event["conversation_id"] == contact["conversation_id"]


def test_custom_inbox_on_tags_lists_and_counts_the_same(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    channel = tenant.new_channel()
    a = inbound(http, channel, name="A")["conversation_id"]
    b = inbound(http, channel, name="B")["conversation_id"]
    c = inbound(http, channel, name="C")["conversation_id"]
    contact = {
        cid: owner.client.get(owner.api(f"/conversations/{cid}")).json()["contact"]["id"]
        for cid in (a, b, c)
    }
    owner.client.post(owner.api(f"/conversations/{c}/close")).raise_for_status()
    _tag(owner, contact[a], ["VIP"])
    _tag(owner, contact[c], ["vip", "lead"])

    created = owner.client.post(
        owner.api("/custom-inboxes"),
        json={"name": "VIPs", "shared": True, "filters": {"tags": ["  Vip "]}},
    )
    assert created.status_code == 201, created.text
    inbox = created.json()
    assert inbox["filters"]["tags"] == ["Vip"]
    box = f"custom:{inbox['id']}"
    none = owner.client.post(
        owner.api("/custom-inboxes"), json={"name": "Nothing", "filters": {"tags": []}}
    ).json()

    def listed(status: str = "all") -> set[str]:
        return set(ids(conversations(owner, mailbox=box, status=status)))

    assert listed() == {a, c}
    assert mailbox(owner, box)["counts"] == {"open": 1, "closed": 1, "snoozed": 0}
    assert ids(conversations(owner, mailbox=f"custom:{none['id']}")) == []
    check(settings, tenant, owner, agent)

    # Tags come and go: the inbox's list and counts follow.
    _tag(owner, contact[b], ["VIP"])
    _tag(owner, contact[a], ["lead"])
    assert listed() == {b, c}
    assert listed("open") == {b}
    assert mailbox(owner, box)["counts"] == {"open": 1, "closed": 1, "snoozed": 0}
    check(settings, tenant, owner, agent)
    _tag(owner, contact[c], [])
    assert listed() == {b}
    assert mailbox(owner, box)["counts"] == {"open": 1, "closed": 0, "snoozed": 0}
    # The filter changes: the inbox is recounted.
    owner.client.patch(
        owner.api(f"/custom-inboxes/{inbox['id']}"), json={"filters": {"tags": ["LEAD", "vip"]}}
    ).raise_for_status()
    assert listed() == {a, b}
    assert mailbox(owner, box)["counts"] == {"open": 2, "closed": 0, "snoozed": 0}
    check(settings, tenant, owner, agent)
