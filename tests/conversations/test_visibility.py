"""Who sees what: agents limited to their own and their teams' conversations, blocked
contacts, over REST and the WebSocket."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from tests.conftest import Tenant
from tests.inbox_helpers import (
    conversations,
    drain,
    ids,
    inbound,
    mailbox,
    set_preferences,
    socket,
    wait_for_event,
)


def test_agents_see_only_their_own_and_their_teams(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    teammate = tenant.new_agent()
    manager = tenant.new_agent("manager")
    channel = tenant.new_channel()
    team = owner.client.post(
        owner.api("/teams"), json={"name": "Team", "member_ids": [agent.user_id]}
    ).json()
    mine = inbound(http, channel, name="Mine")["conversation_id"]
    teams = inbound(http, channel, name="Team's")["conversation_id"]
    hidden = inbound(
        http,
        channel,
        name="Hidden",
        text="secret",
    )
    hidden_id = hidden["conversation_id"]
    for cid, body in ((mine, {"assignee_id": agent.user_id}), (teams, {"team_id": team["id"]})):
        owner.client.post(owner.api(f"/conversations/{cid}/assign"), json=body).raise_for_status()
    # Before the preference: agents see everything.
    assert hidden_id in ids(conversations(agent))
    set_preferences(tenant, agent_visibility="assigned")

    assert set(ids(conversations(agent))) == {mine, teams}
    assert set(ids(conversations(agent, mailbox="unassigned"))) == {teams}
    assert set(ids(conversations(agent, q="Hidden"))) == set()
    assert set(ids(conversations(manager))) == {mine, teams, hidden_id}
    assert ids(conversations(teammate)) == []
    assert mailbox(agent, "all")["counts"]["open"] == 2
    assert {b["id"] for b in agent.client.get(agent.api("/mailboxes")).json()["mailboxes"]} >= {
        f"team:{team['id']}"
    }
    hidden_contact = owner.client.get(owner.api(f"/conversations/{hidden_id}")).json()["contact"]
    for path in (
        f"/conversations/{hidden_id}",
        f"/conversations/{hidden_id}/messages",
        f"/contacts/{hidden_contact['id']}",
    ):
        assert agent.client.get(agent.api(path)).status_code == 404, path
    for path, body in (
        (f"/conversations/{hidden_id}/read", None),
        (f"/conversations/{hidden_id}/messages", {"text": "hi"}),
        (f"/conversations/{hidden_id}/close", None),
        (f"/conversations/{hidden_id}/assign", {"assignee_id": agent.user_id}),
        (f"/messages/{hidden['message_id']}/retry", None),
    ):
        assert agent.client.post(agent.api(path), json=body).status_code == 404, path
    assert [c["conversation_id"] for c in agent.client.get(agent.api("/contacts")).json()] != []
    assert hidden_id not in [
        c["conversation_id"] for c in agent.client.get(agent.api("/contacts")).json()
    ]

    # Live: the agent gets events of their conversations only.
    with socket(base_url, agent) as ws, socket(base_url, manager) as boss:
        inbound(http, channel, name="Hidden", text="again")  # a new contact: unassigned
        inbound(http, channel, name="Someone", text="unseen")
        mine_contact = owner.client.get(owner.api(f"/conversations/{mine}")).json()
        assert mine_contact
        owner.client.post(owner.api(f"/conversations/{mine}/read")).raise_for_status()
        owner.client.post(owner.api(f"/conversations/{mine}/close")).raise_for_status()
        assert wait_for_event(boss, "message.created")
        events = drain(ws, 2.0)
        assert {e["conversation_id"] for e in events} == {mine}
        assert all(e["type"] == "conversation.updated" for e in events)

    # Assigned to them: visible at once, and its files too.
    owner.client.post(
        owner.api(f"/conversations/{hidden_id}/assign"), json={"assignee_id": agent.user_id}
    ).raise_for_status()
    assert agent.client.get(agent.api(f"/conversations/{hidden_id}")).status_code == 200
    assert agent.client.get(agent.api(f"/conversations/{hidden_id}/messages")).status_code == 200


def test_files_and_transcripts_follow_their_conversation(
    http: httpx.Client, tenant: Tenant
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    channel = tenant.new_channel()
    accepted = http.post(
        channel["webhook_url"],
        json={
            "id": "with-file",
            "contact": {"id": "f"},
            "text": "see",
            "attachments": [{"data": "aGVsbG8=", "media_type": "text/plain", "filename": "a.txt"}],
        },
    ).json()
    cid = accepted["conversation_id"]
    attachment = owner.client.get(owner.api(f"/conversations/{cid}/messages")).json()[0][
        "attachments"
    ][0]
    assert agent.client.get(attachment["url"]).status_code == 200
    set_preferences(tenant, agent_visibility="assigned")
    assert agent.client.get(attachment["url"]).status_code == 404
    aid = attachment["id"]
    assert agent.client.get(agent.api(f"/attachments/{aid}/transcript")).status_code == 404
    assert agent.client.post(agent.api(f"/attachments/{aid}/transcript")).status_code == 404
    assert owner.client.get(attachment["url"]).status_code == 200


def test_blocked_contacts(http: httpx.Client, tenant: Tenant, base_url: str) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    channel = tenant.new_channel()
    cid = inbound(http, channel, contact_id="spam", name="Spammer")["conversation_id"]
    other = inbound(http, channel, name="Fine")["conversation_id"]
    contact_id = owner.client.get(owner.api(f"/conversations/{cid}")).json()["contact"]["id"]
    owner.client.post(owner.api(f"/conversations/{cid}/close")).raise_for_status()

    with socket(base_url, owner) as ws:
        blocked = owner.client.post(owner.api(f"/contacts/{contact_id}/block"))
        assert blocked.status_code == 200 and blocked.json()["blocked"] is True
        assert wait_for_event(ws, "conversation.updated")["conversation_id"] == cid
    assert owner.client.post(owner.api(f"/contacts/{contact_id}/block")).status_code == 409

    # It leaves the normal mailboxes for Blocked contacts.
    assert ids(conversations(owner)) == [other]
    assert ids(conversations(owner, mailbox="blocked")) == [cid]
    assert ids(conversations(owner, mailbox="blocked", status="closed")) == [cid]
    menu = owner.client.get(owner.api("/mailboxes")).json()
    assert menu["has_blocked_contacts"] is True
    assert mailbox(owner, "blocked")["counts"]["closed"] == 1

    # Their new messages are kept but don't reopen it, and reach no agent who can't see them.
    with socket(base_url, agent) as agent_ws, socket(base_url, owner) as owner_ws:
        inbound(http, channel, contact_id="spam", text="buy now")
        assert wait_for_event(owner_ws, "message.created")["conversation_id"] == cid
        assert drain(agent_ws, 1.0) == []
    got = owner.client.get(owner.api(f"/conversations/{cid}")).json()
    assert got["status"] == "closed" and got["last_message"]["text"] == "buy now"
    assert got["blocked"] is True
    messages = owner.client.get(owner.api(f"/conversations/{cid}/messages")).json()
    assert [m["text"] for m in messages][-1] == "buy now"

    # Agents don't see blocked contacts' conversations, unless the workspace allows it.
    assert agent.client.get(agent.api(f"/conversations/{cid}")).status_code == 404
    assert agent.client.get(agent.api(f"/contacts/{contact_id}")).status_code == 404
    assert agent.client.post(agent.api(f"/contacts/{contact_id}/unblock")).status_code == 404
    assert (
        agent.client.get(agent.api("/conversations"), params={"mailbox": "blocked"}).status_code
        == 403
    )
    set_preferences(tenant, agents_see_blocked=True)
    assert ids(conversations(agent, mailbox="blocked")) == [cid]
    assert "blocked" in {
        b["id"] for b in agent.client.get(agent.api("/mailboxes")).json()["mailboxes"]
    }

    # Blocked contacts can't be snoozed; unblocking brings the conversation back.
    owner.client.post(owner.api(f"/conversations/{cid}/reopen")).raise_for_status()
    snooze = owner.client.post(
        owner.api(f"/conversations/{cid}/snooze"),
        json={"until": (datetime.now(UTC) + timedelta(days=1)).isoformat()},
    )
    assert snooze.status_code == 409
    assert (
        owner.client.post(owner.api(f"/contacts/{contact_id}/unblock")).json()["blocked"] is False
    )
    assert set(ids(conversations(owner))) == {cid, other}
    inbound(http, channel, contact_id="spam", text="sorry")
    assert owner.client.get(owner.api(f"/conversations/{cid}")).json()["status"] == "open"
