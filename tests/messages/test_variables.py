"""Variables over the API: the list, their values in a conversation (masked where phones are
hidden), and filling them in on sending."""

from __future__ import annotations

from typing import Any

import httpx

from omnibox.settings import Settings
from tests.conftest import Agent, Tenant
from tests.fakes.callback_server import CallbackServer
from tests.inbox_helpers import set_preferences
from tests.messages.conftest import counts, messages, open_conversation, post_message

PHONE = "+7 916 555-12-67"


def _contact_id(agent: Agent, cid: str) -> str:
    return str(agent.client.get(agent.api(f"/conversations/{cid}")).json()["contact"]["id"])


def _custom_field(tenant: Tenant, key: str, label: str, kind: str = "text") -> None:
    body: dict[str, Any] = {"key": key, "label": label, "kind": kind}
    if kind == "list":
        body["options"] = ["Gold", "Silver"]
    created = tenant.owner.client.post(tenant.owner.api("/custom-fields"), json=body)
    assert created.status_code == 201, created.text


def test_the_list_has_the_built_in_variables_and_one_per_custom_field(tenant: Tenant) -> None:
    _custom_field(tenant, "city", "Город")
    agent = tenant.new_agent()
    listed = agent.client.get(agent.api("/variables"))
    assert listed.status_code == 200
    keys = [v["key"] for v in listed.json()]
    assert keys == [
        "contact.first_name",
        "contact.last_name",
        "contact.name",
        "contact.phone",
        "contact.email",
        "agent.name",
        "workspace.name",
        "contact.custom.city",
    ]
    assert listed.json()[0] == {
        "key": "contact.first_name",
        "label": "Contact first name",
        "example": "Ivan",
    }
    assert listed.json()[-1] == {"key": "contact.custom.city", "label": "Город", "example": None}


def test_values_in_a_conversation_with_phones_masked_for_agents_who_mask_them(
    http: httpx.Client, tenant: Tenant, make_tenant: Any
) -> None:
    _custom_field(tenant, "tier", "Tier", "list")
    owner = tenant.owner
    cid = open_conversation(http, tenant, name="Анна Каренина", phone=PHONE)
    owner.client.patch(
        owner.api(f"/contacts/{_contact_id(owner, cid)}"), json={"custom_fields": {"tier": "Gold"}}
    ).raise_for_status()
    agent = tenant.new_agent(name_="Alex Agent")
    set_preferences(tenant, phone_masking=True)

    def values(who: Agent) -> dict[str, str]:
        response = who.client.get(who.api(f"/conversations/{cid}/variables"))
        assert response.status_code == 200, response.text
        return {v["key"]: v["value"] for v in response.json()}

    assert values(owner) == {
        "contact.first_name": "Анна",
        "contact.last_name": "Каренина",
        "contact.name": "Анна Каренина",
        "contact.phone": PHONE,
        "contact.email": "",
        "agent.name": "Olga Owner",
        "workspace.name": tenant.workspace_name,
        "contact.custom.tier": "Gold",
    }
    masked = values(agent)
    assert masked["contact.phone"] == "+7 *** *** ** 67"
    assert masked["agent.name"] == "Alex Agent"
    assert masked["contact.first_name"] == "Анна"
    raw = agent.client.get(agent.api(f"/conversations/{cid}/variables")).text
    assert "916" not in raw and "555" not in raw

    assert (
        make_tenant()
        .owner.client.get(make_tenant().owner.api(f"/conversations/{cid}/variables"))
        .status_code
        == 404
    )


def test_a_contact_named_after_their_number_has_no_name_to_greet(
    http: httpx.Client, tenant: Tenant
) -> None:
    cid = open_conversation(http, tenant, name="", phone=PHONE)
    response = tenant.owner.client.get(tenant.owner.api(f"/conversations/{cid}/variables"))
    values = {v["key"]: v["value"] for v in response.json()}
    assert values["contact.first_name"] == values["contact.name"] == ""


def test_variables_are_filled_in_what_is_stored_and_sent(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    _custom_field(tenant, "order_no", "Order number", "number")
    owner = tenant.owner
    cid = open_conversation(http, tenant, callback, name="Иван Петров")
    owner.client.patch(
        owner.api(f"/contacts/{_contact_id(owner, cid)}"), json={"custom_fields": {"order_no": 42}}
    ).raise_for_status()
    text = (
        "Здравствуйте, {{contact.first_name|клиент}}! Заказ №{{contact.custom.order_no}} "
        "готов. {{contact.email|}}— {{agent.name}}"
    )
    sent = post_message(owner, cid, text=text)
    assert sent.status_code == 201, sent.text
    expected = "Здравствуйте, Иван! Заказ №42 готов. — Olga Owner"
    assert sent.json()["text"] == expected
    [delivery] = callback.wait_for(1)
    assert delivery.json["text"] == expected

    # Comments are for the team: written as typed.
    note = post_message(owner, cid, text="uses {{contact.first_name}}", internal=True)
    assert note.status_code == 201 and note.json()["text"] == "uses {{contact.first_name}}"


def test_unfillable_variables_are_refused_and_nothing_is_stored(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer, settings: Settings
) -> None:
    owner = tenant.owner
    cid = open_conversation(http, tenant, callback, name="Иван")
    before = counts(settings, tenant.workspace_id)

    empty = post_message(owner, cid, text="Dear {{contact.last_name}}")
    assert empty.status_code == 422
    assert empty.headers["content-type"] == "application/problem+json"
    assert empty.json()["detail"] == (
        "“Contact last name” is empty for this contact: add a fallback, "
        "e.g. {{contact.last_name|there}}"
    )
    unknown = post_message(owner, cid, text="Hi {{contact.nickname|you}}")
    assert unknown.status_code == 422
    assert unknown.json()["detail"] == "Unknown variable {{contact.nickname}}"
    blank = post_message(owner, cid, text="{{contact.last_name|}}")
    assert blank.status_code == 422 and "empty once its variables" in blank.json()["detail"]

    agent = tenant.new_agent()
    set_preferences(tenant, phone_masking=True)
    hidden = post_message(agent, cid, text="Your number: {{contact.phone|none}}")
    assert hidden.status_code == 422 and "Phone numbers are hidden" in hidden.json()["detail"]

    assert counts(settings, tenant.workspace_id) == before
    assert [m["text"] for m in messages(owner, cid)] == ["Hello!"]
    assert callback.deliveries == []
