"""Contacts: create (with a conversation in Closed), edit, custom fields, phone masking."""

from __future__ import annotations

import re
from typing import Any

import httpx

from tests.conftest import Agent, Tenant
from tests.inbox_helpers import (
    conversations,
    drain,
    ids,
    inbound,
    set_preferences,
    socket,
    wait_for_event,
)


def _fields(owner: Agent) -> None:
    for body in (
        {"key": "city", "label": "City", "kind": "text"},
        {"key": "budget", "label": "Budget", "kind": "number"},
        {"key": "birthday", "label": "Birthday", "kind": "date"},
        {"key": "tier", "label": "Tier", "kind": "list", "options": ["gold", "silver"]},
        {"key": "vip", "label": "VIP", "kind": "checkbox"},
    ):
        created = owner.client.post(owner.api("/custom-fields"), json=body)
        assert created.status_code == 201, created.text


def test_custom_field_definitions(tenant: Tenant) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    _fields(owner)
    listed = owner.client.get(owner.api("/custom-fields")).json()
    assert [f["key"] for f in listed] == ["birthday", "budget", "city", "tier", "vip"]
    assert agent.client.get(agent.api("/custom-fields")).status_code == 200
    again = owner.client.post(
        owner.api("/custom-fields"), json={"key": "city", "label": "x", "kind": "text"}
    )
    assert again.status_code == 409
    for bad in (
        {"key": "Bad Key", "label": "x", "kind": "text"},
        {"key": "l", "label": "x", "kind": "list"},
        {"key": "n", "label": "x", "kind": "number", "options": ["a"]},
        {"key": "k", "label": "x", "kind": "color"},
    ):
        assert owner.client.post(owner.api("/custom-fields"), json=bad).status_code == 422
    assert (
        agent.client.post(
            agent.api("/custom-fields"), json={"key": "a", "label": "a", "kind": "text"}
        ).status_code
        == 403
    )
    tier = next(f for f in listed if f["key"] == "tier")
    patched = owner.client.patch(
        owner.api(f"/custom-fields/{tier['id']}"), json={"options": ["gold", "silver", "bronze"]}
    )
    assert patched.json()["options"] == ["gold", "silver", "bronze"]
    assert agent.client.delete(agent.api(f"/custom-fields/{tier['id']}")).status_code == 403
    assert owner.client.delete(owner.api(f"/custom-fields/{tier['id']}")).status_code == 204
    assert owner.client.delete(owner.api(f"/custom-fields/{tier['id']}")).status_code == 404


def test_create_and_edit_a_contact(tenant: Tenant) -> None:
    owner = tenant.owner
    _fields(owner)
    created = owner.client.post(
        owner.api("/contacts"),
        json={
            "name": "Мария Иванова",
            "phone": "+7 999 000-11-22",
            "email": "maria@example.ru",
            "custom_fields": {"city": "Казань", "budget": 1500, "tier": "gold", "vip": True},
        },
    )
    assert created.status_code == 201, created.text
    contact = created.json()
    assert contact["tel_uri"] == "tel:+79990001122"
    assert contact["custom_fields"] == {
        "city": "Казань",
        "budget": 1500,
        "tier": "gold",
        "vip": True,
    }
    # Its conversation starts in the Closed tab.
    conversation = owner.client.get(
        owner.api(f"/conversations/{contact['conversation_id']}")
    ).json()
    assert conversation["status"] == "closed" and conversation["last_message"] is None
    assert ids(conversations(owner, status="closed")) == [contact["conversation_id"]]
    assert ids(conversations(owner, status="open")) == []

    patched = owner.client.patch(
        owner.api(f"/contacts/{contact['id']}"),
        json={"name": "Мария Петрова", "custom_fields": {"vip": None, "birthday": "1990-05-01"}},
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["name"] == "Мария Петрова" and body["phone"] == "+7 999 000-11-22"
    assert body["custom_fields"] == {
        "city": "Казань",
        "budget": 1500,
        "tier": "gold",
        "birthday": "1990-05-01",
    }
    assert ids(conversations(owner, q="петрова")) == [contact["conversation_id"]]

    # Values are checked against their field; the problem names it. Nothing is written.
    for fields, name in (
        ({"budget": "a lot"}, "custom_fields.budget"),
        ({"tier": "platinum"}, "custom_fields.tier"),
        ({"birthday": "01.05.1990"}, "custom_fields.birthday"),
        ({"vip": "yes"}, "custom_fields.vip"),
        ({"unknown": 1}, "custom_fields.unknown"),
    ):
        bad = owner.client.patch(
            owner.api(f"/contacts/{contact['id']}"), json={"custom_fields": fields}
        )
        assert bad.status_code == 422, fields
        assert bad.json()["errors"][0]["field"] == name
    for bad_body in ({"name": ""}, {"phone": "call me"}, {"email": "nope"}):
        assert owner.client.post(owner.api("/contacts"), json=bad_body).status_code == 422
    after = owner.client.get(owner.api(f"/contacts/{contact['id']}")).json()
    assert after["custom_fields"]["budget"] == 1500


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _digits_in(text: str, digits: str) -> bool:
    return digits in re.sub(r"\D", "", text)


def test_phone_masking_hides_the_digits_from_agents_everywhere(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    set_preferences(tenant, phone_masking=True)
    channel = tenant.new_channel()
    secret = "79165551267"
    bodies: list[str] = []

    def get(path: str, **params: Any) -> Any:
        response = agent.client.get(agent.api(path), params=params)
        assert response.status_code == 200, response.text
        bodies.append(response.text)
        return response.json()

    with socket(base_url, agent) as ws:
        # A contact without a name is named after the number.
        accepted = inbound(http, channel, name="", phone="+7 916 555-12-67", text="call me")
        cid = accepted["conversation_id"]
        events = [wait_for_event(ws, "message.created"), *drain(ws, 1.0)]
    assert events[0]["message"]["author"]["name"] == "+7 *** *** ** 67"
    bodies += [e["_raw"] for e in events]
    conversation = get(f"/conversations/{cid}")
    assert conversation["contact"]["phone"] == "+7 *** *** ** 67"
    contact_id = conversation["contact"]["id"]
    contact = get(f"/contacts/{contact_id}")
    assert contact["phone_masked"] is True and contact["tel_uri"] is None
    get("/conversations")
    assert get("/conversations", q="+7 916") == []
    assert get("/contacts", q="555") == []
    get("/contacts")
    get("/contacts", q="916")
    get(f"/conversations/{cid}/messages")
    # Searching by the digits finds nothing for them (no guessing the number).
    assert get("/conversations", q="9165551267") == []
    # A number the agent adds is saved, and stays hidden to them.
    created = agent.client.post(
        agent.api("/contacts"), json={"name": "New", "phone": "+7 903 777-88-99"}
    )
    assert created.status_code == 201
    bodies.append(created.text)
    kept = agent.client.patch(
        agent.api(f"/contacts/{contact_id}"), json={"phone": contact["phone"], "name": "Named"}
    )
    bodies.append(kept.text)
    for body in bodies:
        assert not _digits_in(body, secret), body
        assert not _digits_in(body, "79037778899"), body
        # Ids are random hex: "555" may well stand in one of them.
        without_ids = UUID.sub("<id>", body)
        assert "916" not in without_ids and "555" not in without_ids
    # Owners and managers see the digits; the masked value sent back changed nothing.
    full = owner.client.get(owner.api(f"/contacts/{contact_id}")).json()
    assert full["phone"] == "+7 916 555-12-67" and full["name"] == "Named"
    assert full["tel_uri"] == "tel:+79165551267"
    new = owner.client.get(owner.api(f"/contacts/{created.json()['id']}")).json()
    assert new["phone"] == "+7 903 777-88-99"
    manager = tenant.new_agent("manager")
    assert manager.client.get(manager.api(f"/contacts/{contact_id}")).json()["phone"] == (
        "+7 916 555-12-67"
    )
    assert ids(conversations(owner, q="9165551267")) == [cid]
