"""Notifications: created on assignment, listed with an unread count, marked read, live."""

from __future__ import annotations

import httpx

from tests.conftest import Tenant
from tests.inbox_helpers import drain, inbound, socket, wait_for_event


def test_assignment_notifies_the_assignee(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    colleague = tenant.new_agent()
    channel = tenant.new_channel()
    first = inbound(http, channel, name="Клиент Один")["conversation_id"]
    second = inbound(http, channel, name="Client Two")["conversation_id"]
    with socket(base_url, agent) as ws, socket(base_url, colleague) as other:
        owner.client.post(
            owner.api(f"/conversations/{first}/assign"), json={"assignee_id": agent.user_id}
        ).raise_for_status()
        event = wait_for_event(ws, "notification.created")
        assert not [e for e in drain(other, 1.0) if e["type"] == "notification.created"]
    notification = event["notification"]
    assert notification["kind"] == "assigned"
    assert notification["conversation_id"] == first
    assert notification["actor_id"] == owner.user_id
    assert notification["actor_name"] == "Olga Owner"
    assert notification["contact_name"] == "Клиент Один"
    assert notification["read_at"] is None

    owner.client.post(
        owner.api(f"/conversations/{second}/assign"), json={"assignee_id": agent.user_id}
    ).raise_for_status()
    # Assigning to yourself, or again to the same person, notifies nobody.
    agent.client.post(
        agent.api(f"/conversations/{second}/assign"), json={"assignee_id": agent.user_id}
    ).raise_for_status()
    colleague.client.post(
        colleague.api(f"/conversations/{first}/assign"), json={"assignee_id": colleague.user_id}
    ).raise_for_status()

    page = agent.client.get(agent.api("/notifications")).json()
    assert page["unread_count"] == 2
    assert [n["conversation_id"] for n in page["items"]] == [second, first]
    assert colleague.client.get(colleague.api("/notifications")).json()["unread_count"] == 0
    assert owner.client.get(owner.api("/notifications")).json()["items"] == []

    read = agent.client.post(
        agent.api("/notifications/read"), json={"ids": [page["items"][1]["id"]]}
    )
    assert read.json() == {"unread_count": 1}
    unread = agent.client.get(agent.api("/notifications"), params={"unread": "true"}).json()
    assert [n["conversation_id"] for n in unread["items"]] == [second]
    # Someone else's notification ids change nothing.
    assert colleague.client.post(
        colleague.api("/notifications/read"), json={"ids": [unread["items"][0]["id"]]}
    ).json() == {"unread_count": 0}
    assert agent.client.get(agent.api("/notifications")).json()["unread_count"] == 1
    assert agent.client.post(agent.api("/notifications/read"), json={"all": True}).json() == {
        "unread_count": 0
    }
    assert agent.client.post(agent.api("/notifications/read"), json={}).status_code == 422
