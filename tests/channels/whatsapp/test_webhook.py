"""The webhook: Meta's handshake, signatures, malformed notifications, idempotency."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.channels.whatsapp.conftest import WhatsApp, connect, new_wa_id
from tests.conftest import Tenant
from tests.fakes.graph_server import FakeGraph, message, notification, sign, text


def handshake(wa: WhatsApp, **params: str) -> httpx.Response:
    return wa.http.get(wa.path, params=params)


def test_handshake_echoes_the_challenge_as_plain_text(wa: WhatsApp) -> None:
    response = handshake(
        wa,
        **{
            "hub.mode": "subscribe",
            "hub.verify_token": wa.channel["verify_token"],
            "hub.challenge": "1158201444",
        },
    )
    assert response.status_code == 200
    assert response.text == "1158201444"
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    "params",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": "VERIFY", "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
def test_handshake_with_a_wrong_token_is_forbidden(wa: WhatsApp, params: dict[str, str]) -> None:
    params = {k: wa.channel["verify_token"] if v == "VERIFY" else v for k, v in params.items()}
    response = handshake(wa, **params)
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")


def test_unknown_webhook_url_is_not_found(http: httpx.Client) -> None:
    assert http.get("/hooks/whatsapp/nobody", params={"hub.mode": "subscribe"}).status_code == 404
    assert http.post("/hooks/whatsapp/nobody", content=b"{}").status_code == 404


def stored(wa: WhatsApp) -> list[Any]:
    listed = wa.tenant.owner.client.get(wa.tenant.owner.api("/conversations")).json()
    return list(listed["items"] if isinstance(listed, dict) else listed)


@pytest.mark.parametrize("signature", [None, "sha256=" + "0" * 64, "sha1=abc", "garbage"])
def test_missing_or_bad_signature_is_refused_and_nothing_is_stored(
    wa: WhatsApp, signature: str | None
) -> None:
    body = json.dumps(notification(wa.number, messages=[text(new_wa_id(), "hi")])).encode()
    headers = {"content-type": "application/json"}
    if signature is not None:
        headers["X-Hub-Signature-256"] = signature
    response = wa.http.post(wa.path, content=body, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "X-Hub-Signature-256" in response.json()["detail"]
    assert stored(wa) == []


def test_signature_with_another_apps_secret_is_refused(wa: WhatsApp) -> None:
    payload = notification(wa.number, messages=[text(new_wa_id(), "hi")])
    assert wa.post(payload, secret="another app").status_code == 401
    # The body must be the one signed: re-serialising it changes the bytes.
    body = json.dumps(payload).encode()
    tampered = body.replace(b'"hi"', b'"ho"')
    response = wa.http.post(
        wa.path, content=tampered, headers={"X-Hub-Signature-256": sign(wa.app_secret, body)}
    )
    assert response.status_code == 401
    assert stored(wa) == []


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"object": "page", "entry": []}', "not a WhatsApp Business Account notification"),
        (b'{"object": "whatsapp_business_account"}', "not a WhatsApp Business Account"),
    ],
)
def test_malformed_notifications_get_a_clear_422(wa: WhatsApp, body: bytes, detail: str) -> None:
    response = wa.post(body)
    assert response.status_code == 422
    assert detail in response.json()["detail"]
    assert stored(wa) == []


@pytest.mark.parametrize(
    ("broken", "field"),
    [
        ({"id": "", "from": "1", "type": "text", "text": {"body": "x"}}, "messages.1.id"),
        ({"id": "wamid.1", "type": "text", "text": {"body": "x"}}, "messages.1.from"),
        ({"id": "wamid.1", "from": "1", "type": "image"}, "messages.1"),
        ({"id": "wamid.1", "from": "1", "type": "text", "text": {}}, "messages.1.text.body"),
    ],
)
def test_a_malformed_message_refuses_the_whole_delivery(
    wa: WhatsApp, broken: dict[str, Any], field: str
) -> None:
    good = text(new_wa_id(), "I am fine")
    response = wa.post(notification(wa.number, messages=[good, broken]))
    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert any(f.startswith("entry.0.changes.0.value." + field) for f in fields), fields
    assert stored(wa) == []  # the good one in the same delivery is not stored either


def test_same_delivery_five_times_stores_one_message(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    payload = notification(
        wa.number,
        messages=[text(wa_id, "only once")],
        contacts=[{"profile": {"name": "Ana"}, "wa_id": wa_id}],
    )
    answers = [wa.post(payload).json() for _ in range(5)]
    assert answers[0] == {"messages": 1, "duplicates": 0, "statuses": 0, "ignored": 0}
    assert all(a["duplicates"] == 1 and a["messages"] == 0 for a in answers[1:])
    conversation_id = wa.conversation_of(wa_id)
    assert [m["text"] for m in wa.messages(conversation_id)] == ["only once"]


def test_changes_for_other_numbers_go_to_their_channel_or_nowhere(
    wa: WhatsApp, graph: FakeGraph, tenant: Tenant
) -> None:
    # The same Meta app (same secret) posts all its numbers to one callback URL.
    second_number = graph.add_number()
    second = connect(tenant, second_number, app_secret=wa.app_secret).json()
    wa_id = new_wa_id()
    payload = notification(wa.number, messages=[text(wa_id, "to the second number")])
    payload["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = second_number.id
    assert wa.post(payload).json()["messages"] == 1
    conversation = wa.tenant.owner.client.get(
        wa.tenant.owner.api(f"/conversations/{wa.conversation_of(wa_id, second['id'])}")
    ).json()
    assert conversation["last_channel"]["id"] == second["id"]
    # A number no channel of this workspace has: acknowledged (Meta stops retrying), not stored.
    stray = notification(wa.number, messages=[text(new_wa_id(), "?")], phone_number_id="999")
    assert wa.post(stray).json() == {"messages": 0, "duplicates": 0, "statuses": 0, "ignored": 1}


def test_other_webhook_fields_are_acknowledged(wa: WhatsApp) -> None:
    payload = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": wa.number.waba_id,
                "changes": [
                    {
                        "field": "message_template_status_update",
                        "value": {"event": "APPROVED", "message_template_name": "hello"},
                    }
                ],
            }
        ],
    }
    response = wa.post(payload)
    assert response.status_code == 200
    assert response.json() == {"messages": 0, "duplicates": 0, "statuses": 0, "ignored": 0}


def test_a_delivery_with_several_messages_stores_each(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    response = wa.receive(
        text(wa_id, "one"), message(wa_id, "text", {"body": "two"}), text(wa_id, "three")
    )
    assert response.json()["messages"] == 3
    texts = [m["text"] for m in wa.messages(wa.conversation_of(wa_id))]
    assert sorted(texts) == ["one", "three", "two"]
