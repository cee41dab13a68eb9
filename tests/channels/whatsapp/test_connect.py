"""Connecting a WhatsApp number: details checked with WhatsApp first, secrets never shown."""

from __future__ import annotations

from tests.channels.whatsapp.conftest import WhatsApp, connect
from tests.conftest import Tenant
from tests.fakes.graph_server import FakeGraph


def test_good_credentials_connect_and_show_what_to_paste_into_meta(
    tenant: Tenant, graph: FakeGraph
) -> None:
    number = graph.add_number(verified_name="Chai House")
    response = connect(tenant, number, app_secret="s3cret", verify_token="my-verify-token")
    assert response.status_code == 201, response.text
    channel = response.json()
    assert channel["kind"] == "whatsapp" and channel["status"] == "connected"
    assert channel["verify_token"] == "my-verify-token"
    assert "/hooks/whatsapp/" in channel["webhook_url"]
    assert channel["settings"] == {
        "phone_number_id": number.id,
        "waba_id": number.waba_id,
        "display_phone_number": number.display_phone_number,
        "verified_name": "Chai House",
    }
    assert channel["capabilities"] == {
        "reply_to": True,
        "typing": True,
        "messaging_window_hours": 24,
    }
    # WhatsApp was asked with the token, for the number and for the business account.
    [checked] = [c for c in graph.calls if c.path.endswith("/" + number.id)]
    assert checked.headers["authorization"] == f"Bearer {number.token}"
    assert any(c.path.endswith(f"/{number.waba_id}/message_templates") for c in graph.calls)
    # Listed without any secret.
    [listed] = tenant.owner.client.get(tenant.owner.api("/channels")).json()
    assert listed["id"] == channel["id"]
    text = str(listed)
    assert number.token not in text and "s3cret" not in text and "my-verify-token" not in text


def test_a_verify_token_is_generated_when_none_is_given(tenant: Tenant, graph: FakeGraph) -> None:
    response = connect(tenant, graph.add_number())
    assert response.status_code == 201
    assert len(response.json()["verify_token"]) >= 24


def test_bad_token_is_refused_with_whatsapps_reason_and_nothing_is_stored(
    tenant: Tenant, graph: FakeGraph
) -> None:
    number = graph.add_number()
    response = connect(tenant, number, access_token="EAAG-wrong")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert "Invalid OAuth access token" in problem["detail"]
    assert problem["errors"][0]["field"] == "phone_number_id"
    assert tenant.owner.client.get(tenant.owner.api("/channels")).json() == []


def test_unknown_number_or_account_is_refused(tenant: Tenant, graph: FakeGraph) -> None:
    number = graph.add_number()
    unknown_number = connect(tenant, number, phone_number_id="123")
    assert unknown_number.status_code == 422
    assert "does not exist" in unknown_number.json()["detail"]
    unknown_account = connect(tenant, number, waba_id="456")
    assert unknown_account.status_code == 422
    assert unknown_account.json()["errors"][0]["field"] == "waba_id"
    not_digits = connect(tenant, number, phone_number_id="abc")
    assert not_digits.status_code == 422
    assert tenant.owner.client.get(tenant.owner.api("/channels")).json() == []


def test_whatsapp_down_is_not_blamed_on_the_details(tenant: Tenant, graph: FakeGraph) -> None:
    number = graph.add_number()
    graph.down = True
    try:
        response = connect(tenant, number)
    finally:
        graph.down = False
    assert response.status_code == 502
    assert "Could not check the details with WhatsApp" in response.json()["detail"]
    assert tenant.owner.client.get(tenant.owner.api("/channels")).json() == []


def test_only_owners_and_managers_connect_and_a_number_connects_once(
    tenant: Tenant, graph: FakeGraph
) -> None:
    number = graph.add_number()
    agent = tenant.new_agent("agent")
    refused = agent.client.post(
        agent.api("/channels/whatsapp"),
        json={
            "name": "x",
            "phone_number_id": number.id,
            "waba_id": number.waba_id,
            "access_token": number.token,
            "app_secret": "s",
        },
    )
    assert refused.status_code == 403
    assert connect(tenant, number).status_code == 201
    again = connect(tenant, number)
    assert again.status_code == 409 and "already connected" in again.json()["detail"]


def test_update_checks_a_new_token_and_keeps_the_old_one_when_refused(
    wa: WhatsApp, graph: FakeGraph
) -> None:
    path = wa.tenant.owner.api(f"/channels/whatsapp/{wa.channel['id']}")
    refused = wa.tenant.owner.client.patch(path, json={"access_token": "EAAG-revoked"})
    assert refused.status_code == 422
    renamed = wa.tenant.owner.client.patch(
        path, json={"name": "Support line", "verify_token": "another-token"}
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Support line"
    assert renamed.json()["verify_token"] == "another-token"
    # The old token still works: the handshake and a delivery both go through.
    handshake = wa.http.get(
        wa.path,
        params={
            "hub.mode": "subscribe",
            "hub.verify_token": "another-token",
            "hub.challenge": "42",
        },
    )
    assert handshake.text == "42"
    rotated = wa.tenant.owner.client.patch(path, json={"access_token": wa.number.token})
    assert rotated.status_code == 200 and rotated.json()["status"] == "connected"
