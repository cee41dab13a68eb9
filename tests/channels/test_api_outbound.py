"""Agent replies on the API channel: stored queued, delivered by a job, signed, retried."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Tenant, post_inbound, wait_until
from tests.fakes.callback_server import CallbackServer


def start_conversation(
    http: httpx.Client, tenant: Tenant, callback_url: str | None
) -> tuple[dict[str, Any], str]:
    channel = tenant.new_channel(callback_url=callback_url)
    accepted = post_inbound(
        http, channel, external_id="in-1", contact_id="buyer-7", text="Is it in stock?"
    )
    return channel, accepted.json()["conversation_id"]


def message_status(tenant: Tenant, conversation_id: str, message_id: str) -> dict[str, Any]:
    listed = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{conversation_id}/messages")
    ).json()
    return next(m for m in listed if m["id"] == message_id)


def test_reply_is_queued_then_delivered_with_a_valid_signature(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    channel, conversation_id = start_conversation(http, tenant, callback.url)
    response = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"),
        json={"text": "Yes, 3 left."},
    )
    assert response.status_code == 201
    message = response.json()
    assert message["status"] == "queued" and message["direction"] == "out"
    assert message["author"]["name"] == "Olga Owner"

    [delivery] = callback.wait_for(1)
    assert delivery.signature_valid(channel["signing_secret"])
    assert not delivery.signature_valid("some other secret")
    assert delivery.json["text"] == "Yes, 3 left."
    assert delivery.json["contact"] == {"id": "buyer-7"}
    assert delivery.json["id"] == message["id"]

    sent = wait_until(
        lambda: (
            (m := message_status(tenant, conversation_id, message["id"]))["status"] == "sent" and m
        )
    )
    assert sent["external_id"] == "ext-1" and sent["error"] is None
    conversation = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{conversation_id}")
    ).json()
    assert conversation["last_message"]["id"] == message["id"]


def test_same_client_id_sends_once(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    _, conversation_id = start_conversation(http, tenant, callback.url)
    path = tenant.owner.api(f"/conversations/{conversation_id}/messages")
    first = tenant.owner.client.post(path, json={"text": "once", "client_id": "c-123"})
    again = tenant.owner.client.post(path, json={"text": "once", "client_id": "c-123"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    callback.wait_for(1)
    listed = tenant.owner.client.get(path).json()
    assert [m["text"] for m in listed] == ["Is it in stock?", "once"]


def test_server_errors_are_retried_with_backoff_until_sent(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    callback.script.extend([503])
    _, conversation_id = start_conversation(http, tenant, callback.url)
    message = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"), json={"text": "retry me"}
    ).json()
    callback.wait_for(2, timeout=20)
    sent = wait_until(
        lambda: (
            (m := message_status(tenant, conversation_id, message["id"]))["status"] == "sent" and m
        ),
        timeout=20,
    )
    assert sent["error"] is None


def test_refusal_fails_with_the_reason_and_can_be_retried(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    callback.script.extend([400])
    _, conversation_id = start_conversation(http, tenant, callback.url)
    message = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"), json={"text": "bad"}
    ).json()
    failed = wait_until(
        lambda: (
            (m := message_status(tenant, conversation_id, message["id"]))["status"] == "failed"
            and m
        )
    )
    assert "refused the message (400)" in failed["error"]

    retried = tenant.owner.client.post(tenant.owner.api(f"/messages/{message['id']}/retry"))
    assert retried.status_code == 200 and retried.json()["status"] == "queued"
    wait_until(lambda: message_status(tenant, conversation_id, message["id"])["status"] == "sent")
    assert len(callback.deliveries) == 2
    # Only failed messages can be retried.
    assert (
        tenant.owner.client.post(tenant.owner.api(f"/messages/{message['id']}/retry")).status_code
        == 409
    )


def test_unreachable_callback_fails_after_the_attempts_run_out(
    http: httpx.Client, tenant: Tenant
) -> None:
    from tests.conftest import free_port

    _, conversation_id = start_conversation(http, tenant, f"http://127.0.0.1:{free_port()}/nobody")
    message = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"), json={"text": "anyone?"}
    ).json()
    failed = wait_until(
        lambda: (
            (m := message_status(tenant, conversation_id, message["id"]))["status"] == "failed"
            and m
        ),
        timeout=30,
    )
    assert "Could not reach the callback URL" in failed["error"]


def test_no_callback_url_fails_clearly(http: httpx.Client, tenant: Tenant) -> None:
    _, conversation_id = start_conversation(http, tenant, None)
    message = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"), json={"text": "hello?"}
    ).json()
    failed = wait_until(
        lambda: (
            (m := message_status(tenant, conversation_id, message["id"]))["status"] == "failed"
            and m
        )
    )
    assert failed["error"] == "This API channel has no callback URL."


def test_empty_or_invalid_reply_is_refused_and_nothing_is_stored(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    _, conversation_id = start_conversation(http, tenant, callback.url)
    path = tenant.owner.api(f"/conversations/{conversation_id}/messages")
    for body in ({"text": ""}, {}, {"text": 5}):
        response = tenant.owner.client.post(path, json=body)
        assert response.status_code == 422
        assert response.headers["content-type"].startswith("application/problem+json")
    assert len(tenant.owner.client.get(path).json()) == 1
    assert callback.deliveries == []


def test_a_sent_message_is_readable_as_soon_as_the_answer_arrives(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    # The request's transaction commits before its response is sent: read-your-writes.
    _, conversation_id = start_conversation(http, tenant, callback.url)
    path = tenant.owner.api(f"/conversations/{conversation_id}/messages")
    for i in range(30):
        sent = tenant.owner.client.post(path, json={"text": f"n{i}"}).json()
        assert sent["id"] in {m["id"] for m in tenant.owner.client.get(path).json()}
