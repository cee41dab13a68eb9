"""Custom inboxes: saved filters, mine or shared, edited only by their creator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import Tenant
from tests.inbox_helpers import conversations, ids, inbound, mailbox


def _inbox(agent: Any, name: str, filters: dict[str, Any], shared: bool = False) -> dict[str, Any]:
    response = agent.client.post(
        agent.api("/custom-inboxes"), json={"name": name, "shared": shared, "filters": filters}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_custom_inbox_crud_and_sharing(tenant: Tenant) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    private = _inbox(owner, "Private", {"unanswered": True})
    shared = _inbox(owner, "Shared", {"statuses": ["open"]}, shared=True)
    own = _inbox(agent, "Agent's", {"assignees": ["me"]})

    listed = agent.client.get(agent.api("/custom-inboxes")).json()
    assert [(i["name"], i["created_by_me"]) for i in listed] == [
        ("Agent's", True),
        ("Shared", False),
    ]
    menu = agent.client.get(agent.api("/mailboxes")).json()["mailboxes"]
    custom = [(b["id"], b["created_by_me"]) for b in menu if b["kind"] == "custom"]
    assert custom == [(f"custom:{own['id']}", True), (f"custom:{shared['id']}", False)]
    # Someone else's private inbox does not exist for them; a shared one is read-only.
    assert agent.client.get(agent.api(f"/custom-inboxes/{private['id']}")).status_code == 404
    assert (
        agent.client.get(
            agent.api("/conversations"), params={"mailbox": f"custom:{private['id']}"}
        ).status_code
        == 404
    )
    assert (
        agent.client.patch(
            agent.api(f"/custom-inboxes/{shared['id']}"), json={"name": "Mine now"}
        ).status_code
        == 403
    )
    assert agent.client.delete(agent.api(f"/custom-inboxes/{shared['id']}")).status_code == 403
    patched = owner.client.patch(
        owner.api(f"/custom-inboxes/{shared['id']}"), json={"shared": False, "name": "Now private"}
    )
    assert patched.json()["name"] == "Now private"
    assert agent.client.get(agent.api(f"/custom-inboxes/{shared['id']}")).status_code == 404
    assert agent.client.delete(agent.api(f"/custom-inboxes/{own['id']}")).status_code == 204
    # Filters must name things of this workspace.
    for filters in (
        {"team_ids": ["00000000-0000-0000-0000-000000000001"]},
        {"assignees": ["00000000-0000-0000-0000-000000000001"]},
        {"channel_ids": ["00000000-0000-0000-0000-000000000001"]},
        {"contact_fields": {"nope": 1}},
        {"statuses": ["lost"]},
        {"tags": [" "]},
    ):
        bad = owner.client.post(
            owner.api("/custom-inboxes"), json={"name": "Bad", "filters": filters}
        )
        assert bad.status_code == 422, filters


def test_custom_inbox_filters(http: httpx.Client, tenant: Tenant) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    telegram_like = tenant.new_channel(name_="Second")
    channel = tenant.new_channel()
    owner.client.post(
        owner.api("/custom-fields"),
        json={"key": "tier", "label": "Tier", "kind": "list", "options": ["gold", "silver"]},
    ).raise_for_status()
    team = owner.client.post(owner.api("/teams"), json={"name": "VIP"}).json()
    a = inbound(http, channel, name="A")["conversation_id"]
    b = inbound(http, channel, name="B")["conversation_id"]
    c = inbound(http, telegram_like, name="C")["conversation_id"]
    owner.client.post(owner.api(f"/conversations/{a}/assign"), json={"assignee_id": agent.user_id})
    owner.client.post(owner.api(f"/conversations/{b}/assign"), json={"team_id": team["id"]})
    owner.client.post(owner.api(f"/conversations/{b}/messages"), json={"text": "answer"})
    owner.client.post(owner.api(f"/conversations/{c}/close"))
    contact_c = owner.client.get(owner.api(f"/conversations/{c}")).json()["contact"]["id"]
    owner.client.patch(
        owner.api(f"/contacts/{contact_c}"), json={"custom_fields": {"tier": "gold"}}
    ).raise_for_status()

    def listed(filters: dict[str, Any], **params: Any) -> list[str]:
        inbox = _inbox(owner, "f", filters)
        return ids(conversations(owner, mailbox=f"custom:{inbox['id']}", **params))

    assert set(listed({})) == {a, b, c}
    assert set(listed({"statuses": ["open"]})) == {a, b}
    assert listed({"statuses": ["open"]}, status="closed") == []
    assert listed({"assignees": [agent.user_id]}) == [a]
    assert set(listed({"assignees": ["none"]})) == {b, c}
    assert listed({"team_ids": [team["id"]]}) == [b]
    assert listed({"channel_ids": [telegram_like["id"]]}) == [c]
    assert listed({"contact_fields": {"tier": "gold"}}) == [c]
    assert set(listed({"unanswered": True})) == {a, c}
    assert listed({"unanswered": False}) == [b]
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert listed({"last_activity_after": future}) == []
    assert set(listed({"last_activity_before": future})) == {a, b, c}
    inbox = _inbox(owner, "Gold", {"contact_fields": {"tier": "gold"}})
    assert mailbox(owner, f"custom:{inbox['id']}")["counts"] == {
        "open": 0,
        "closed": 1,
        "snoozed": 0,
    }
    # A shared inbox with "me" lists each viewer's own conversations.
    mine = _inbox(owner, "Mine", {"assignees": ["me"]}, shared=True)
    assert ids(conversations(agent, mailbox=f"custom:{mine['id']}")) == [a]
    assert ids(conversations(owner, mailbox=f"custom:{mine['id']}")) == []
