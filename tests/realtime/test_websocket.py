from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from tests.conftest import Tenant, post_inbound
from tests.fakes.callback_server import CallbackServer


def socket(base_url: str, tenant: Tenant, cookie: str | None = None) -> ClientConnection:
    url = base_url.replace("http", "ws") + f"/api/v1/ws?workspace_id={tenant.workspace_id}"
    headers = {"Cookie": cookie or tenant.owner.cookie}
    return connect(url, additional_headers=headers)


def next_event(ws: ClientConnection, type_: str) -> dict[str, Any]:
    while True:
        event = json.loads(ws.recv(timeout=10))
        if event["type"] == type_:
            return event  # type: ignore[no-any-return]


def test_agents_of_the_workspace_see_new_messages_live(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    channel = tenant.new_channel()
    colleague = tenant.new_agent()
    with socket(base_url, tenant) as mine, socket(base_url, tenant, colleague.cookie) as theirs:
        accepted = post_inbound(http, channel, text="anyone there?").json()
        for ws in (mine, theirs):
            event = next_event(ws, "message.created")
            assert event["conversation_id"] == accepted["conversation_id"]
            assert event["message"]["id"] == accepted["message_id"]
            assert event["message"]["text"] == "anyone there?"
            assert (
                next_event(ws, "conversation.updated")["conversation_id"]
                == accepted["conversation_id"]
            )


def test_delivery_status_changes_are_pushed(
    http: httpx.Client, tenant: Tenant, base_url: str, callback: CallbackServer
) -> None:
    channel = tenant.new_channel(callback_url=callback.url)
    conversation_id = post_inbound(http, channel).json()["conversation_id"]
    with socket(base_url, tenant) as ws:
        sent = tenant.owner.client.post(
            tenant.owner.api(f"/conversations/{conversation_id}/messages"),
            json={"text": "on my way"},
        ).json()
        created = next_event(ws, "message.created")
        assert created["message"]["id"] == sent["id"] and created["message"]["status"] == "queued"
        updated = next_event(ws, "message.updated")
        assert updated["message"]["id"] == sent["id"] and updated["message"]["status"] == "sent"


def test_a_duplicate_delivery_emits_nothing(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    channel = tenant.new_channel()
    post_inbound(http, channel, external_id="once")
    with socket(base_url, tenant) as ws:
        post_inbound(http, channel, external_id="once")
        post_inbound(http, channel, external_id="twice", text="second")
        assert next_event(ws, "message.created")["message"]["external_id"] == "twice"


def test_without_a_session_the_socket_is_closed(tenant: Tenant, base_url: str) -> None:
    with (
        socket(base_url, tenant, cookie="omnibox_session=forged") as ws,
        pytest.raises(ConnectionClosed) as closed,
    ):
        ws.recv(timeout=5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401


def test_a_reconnecting_client_catches_up_through_rest(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    channel = tenant.new_channel()
    conversation_id = post_inbound(http, channel, text="before").json()["conversation_id"]
    with socket(base_url, tenant):
        pass  # connected, then dropped
    # While no socket is open, a message arrives; nothing is lost: REST has it.
    post_inbound(http, channel, text="while away")
    listed = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{conversation_id}/messages")
    ).json()
    assert [m["text"] for m in listed] == ["before", "while away"]


def test_reading_tells_only_this_users_other_tabs(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    channel = tenant.new_channel()
    colleague = tenant.new_agent()
    conversation_id = post_inbound(http, channel).json()["conversation_id"]
    with (
        socket(base_url, tenant) as other_tab,
        socket(base_url, tenant, colleague.cookie) as theirs,
    ):
        read = tenant.owner.client.post(tenant.owner.api(f"/conversations/{conversation_id}/read"))
        assert read.status_code == 204
        event = next_event(other_tab, "conversation.read")
        assert event["conversation_id"] == conversation_id
        # The colleague's next event is the next message, not someone else's read state.
        post_inbound(http, channel, text="next")
        assert next_event(theirs, "message.created")["message"]["text"] == "next"
        while (event := json.loads(theirs.recv(timeout=5)))["type"] != "conversation.updated":
            assert event["type"] != "conversation.read"
    listed = tenant.owner.client.get(tenant.owner.api("/conversations")).json()
    assert listed[0]["unread_count"] == 1  # "next" arrived after the read
    assert colleague.client.get(colleague.api("/conversations")).json()[0]["unread_count"] == 2


def test_message_versions_move_forward_with_each_update(
    http: httpx.Client, tenant: Tenant, base_url: str, callback: CallbackServer
) -> None:
    channel = tenant.new_channel(callback_url=callback.url)
    conversation_id = post_inbound(http, channel).json()["conversation_id"]
    with socket(base_url, tenant) as ws:
        sent = tenant.owner.client.post(
            tenant.owner.api(f"/conversations/{conversation_id}/messages"), json={"text": "v"}
        ).json()
        updated = next_event(ws, "message.updated")["message"]
    version = datetime.fromisoformat
    assert version(updated["updated_at"]) > version(sent["updated_at"])


def test_other_agents_see_who_is_typing_but_not_themselves(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    channel = tenant.new_channel()
    colleague = tenant.new_agent(name_="Boris")
    conversation_id = post_inbound(http, channel).json()["conversation_id"]
    with socket(base_url, tenant) as mine, socket(base_url, tenant, colleague.cookie) as theirs:
        typed = colleague.client.post(colleague.api(f"/conversations/{conversation_id}/typing"))
        assert typed.status_code == 204
        event = next_event(mine, "typing")
        assert event["conversation_id"] == conversation_id
        assert (event["user_id"], event["user_name"]) == (colleague.user_id, "Boris")
        # Boris's own socket gets the next real event, not his own typing.
        post_inbound(http, channel, text="after")
        first = json.loads(theirs.recv(timeout=5))
        assert first["type"] == "message.created"
