"""Invariant 1: a user of workspace A gets 404 for anything of workspace B."""

from __future__ import annotations

import json

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.conftest import post_inbound


@pytest.fixture
def two_tenants(make_tenant, http: httpx.Client):  # type: ignore[no-untyped-def]
    a, b = make_tenant(), make_tenant()
    channel_b = b.new_channel()
    accepted = post_inbound(
        http,
        channel_b,
        text="secret of B",
        attachments=[{"data": "aGVsbG8=", "media_type": "text/plain", "filename": "b.txt"}],
    ).json()
    return a, b, accepted


def test_b_conversation_message_contact_and_file_are_404_for_a(two_tenants) -> None:  # type: ignore[no-untyped-def]
    a, b, accepted = two_tenants
    conversation_id = accepted["conversation_id"]
    b_messages = b.owner.client.get(
        b.owner.api(f"/conversations/{conversation_id}/messages")
    ).json()
    attachment = b_messages[0]["attachments"][0]
    contact_id = b.owner.client.get(b.owner.api(f"/conversations/{conversation_id}")).json()[
        "contact"
    ]["id"]

    # A asks for B's things through A's own workspace...
    for path in (
        f"/conversations/{conversation_id}",
        f"/conversations/{conversation_id}/messages",
        f"/contacts/{contact_id}",
        f"/attachments/{attachment['id']}/content",
    ):
        response = a.owner.client.get(a.owner.api(path))
        assert response.status_code == 404, path
    assert (
        a.owner.client.post(
            a.owner.api(f"/conversations/{conversation_id}/messages"), json={"text": "hi"}
        ).status_code
        == 404
    )
    assert (
        a.owner.client.post(a.owner.api(f"/messages/{accepted['message_id']}/retry")).status_code
        == 404
    )
    # ...and through B's workspace id, which A is not a member of.
    for path in (
        "/conversations",
        f"/conversations/{conversation_id}",
        f"/contacts/{contact_id}",
        "/channels",
    ):
        assert a.owner.client.get(f"/api/v1/workspaces/{b.workspace_id}{path}").status_code == 404
    assert a.owner.client.get(attachment["url"]).status_code == 404
    # Nothing of B leaks into A's lists.
    assert a.owner.client.get(a.owner.api("/conversations")).json() == []
    assert a.owner.client.get(a.owner.api("/contacts")).json() == []


def test_b_workspace_socket_is_refused_to_a(two_tenants, base_url: str) -> None:  # type: ignore[no-untyped-def]
    a, b, _ = two_tenants
    ws_url = base_url.replace("http", "ws") + f"/api/v1/ws?workspace_id={b.workspace_id}"
    with (
        connect(ws_url, additional_headers={"Cookie": a.owner.cookie}) as ws,
        pytest.raises(ConnectionClosed) as closed,
    ):
        ws.recv(timeout=5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4404


def test_a_socket_never_sees_b_events(two_tenants, base_url: str, http: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    a, b, _ = two_tenants
    channel_a, channel_b = a.new_channel(), b.new_channel()
    ws_url = base_url.replace("http", "ws") + f"/api/v1/ws?workspace_id={a.workspace_id}"
    with connect(ws_url, additional_headers={"Cookie": a.owner.cookie}) as ws:
        post_inbound(http, channel_b, text="for B only")
        post_inbound(http, channel_a, text="for A")
        seen = []
        while True:
            event = json.loads(ws.recv(timeout=5))
            if event["type"] == "message.created":
                seen.append(event["message"]["text"])
                break
    assert seen == ["for A"]
