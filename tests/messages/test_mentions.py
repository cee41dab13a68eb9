"""Mentions in internal comments: who may be mentioned, and the notification they get."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from omnibox.settings import Settings
from tests.conftest import Tenant
from tests.inbox_helpers import drain, set_preferences, socket, wait_for_event
from tests.messages.conftest import counts, messages, open_conversation, post_message


def test_mentioned_colleagues_are_notified_live_with_the_comment(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    owner = tenant.owner
    anna = tenant.new_agent(name_="Anna Agent")
    boris = tenant.new_agent("manager", name_="Boris Boss")
    bystander = tenant.new_agent()
    cid = open_conversation(http, tenant, name="Клиент Один")
    text = "Анна, Борис: клиент просит скидку. " + "Подробности " * 20
    with socket(base_url, anna) as ws, socket(base_url, bystander) as other:
        sent = post_message(
            owner,
            cid,
            text=text,
            internal=True,
            # The author mentioning themselves, and a repeated id, notify nobody twice.
            mentions=[anna.user_id, boris.user_id, owner.user_id, anna.user_id],
        )
        assert sent.status_code == 201, sent.text
        event = wait_for_event(ws, "notification.created")
        assert [e for e in drain(other, 1.0) if e["type"] == "notification.created"] == []
    comment = sent.json()
    assert comment["mentions"] == [
        {"user_id": anna.user_id, "name": "Anna Agent"},
        {"user_id": boris.user_id, "name": "Boris Boss"},
        {"user_id": owner.user_id, "name": "Olga Owner"},
    ]
    assert messages(anna, cid)[-1]["mentions"] == comment["mentions"]

    notification = event["notification"]
    assert notification["kind"] == "mentioned"
    assert notification["conversation_id"] == cid
    assert notification["actor_id"] == owner.user_id
    assert notification["contact_name"] == "Клиент Один"
    assert notification["data"] == {"message_id": comment["id"], "excerpt": text.strip()[:140]}
    assert len(notification["data"]["excerpt"]) == 140

    for user, expected in ((anna, 1), (boris, 1), (owner, 0), (bystander, 0)):
        page = user.client.get(user.api("/notifications")).json()
        assert page["unread_count"] == expected, user.email
        assert all(n["kind"] == "mentioned" for n in page["items"])


def test_only_members_who_can_see_the_conversation_can_be_mentioned(
    http: httpx.Client, tenant: Tenant, make_tenant: Any, settings: Settings
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent(name_="Restricted Rita")
    cid = open_conversation(http, tenant)
    set_preferences(tenant, agent_visibility="assigned")
    outsider = make_tenant().owner
    before = counts(settings, tenant.workspace_id)

    hidden = post_message(owner, cid, text="see this", internal=True, mentions=[agent.user_id])
    assert hidden.status_code == 422
    assert hidden.json()["detail"] == (
        "Restricted Rita can't see this conversation, so they can't be mentioned in it."
    )
    for stranger in (outsider.user_id, str(uuid.uuid4())):
        refused = post_message(
            owner, cid, text="see this", internal=True, mentions=[owner.user_id, stranger]
        )
        assert refused.status_code == 422
        assert refused.json()["detail"] == f"User {stranger} is not a member of this workspace."
        assert refused.json()["errors"][0]["field"] == "mentions"
    assert counts(settings, tenant.workspace_id) == before

    # Once it is assigned to her, she can be.
    owner.client.post(
        owner.api(f"/conversations/{cid}/assign"), json={"assignee_id": agent.user_id}
    ).raise_for_status()
    ok = post_message(owner, cid, text="see this", internal=True, mentions=[agent.user_id])
    assert ok.status_code == 201, ok.text
    kinds = [n["kind"] for n in agent.client.get(agent.api("/notifications")).json()["items"]]
    assert kinds == ["mentioned", "assigned"]
