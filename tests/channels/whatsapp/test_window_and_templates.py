"""The 24-hour customer service window and message templates."""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from omnibox.settings import Settings
from tests.channels.whatsapp.conftest import WhatsApp, new_wa_id
from tests.conftest import post_inbound, run_db
from tests.fakes.graph_server import FakeGraph

ORDER_UPDATE: dict[str, Any] = {
    "name": "order_update",
    "language": "en_US",
    "status": "APPROVED",
    "category": "UTILITY",
    "parameter_format": "POSITIONAL",
    "id": "9001",
    "components": [
        {"type": "HEADER", "format": "TEXT", "text": "Order news"},
        {
            "type": "BODY",
            "text": "Hi {{1}}, your order {{2}} has shipped.",
            "example": {"body_text": [["Ana", "#12"]]},
        },
        {"type": "FOOTER", "text": "Reply STOP to opt out"},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Thanks"}]},
    ],
}
WELCOME_BACK: dict[str, Any] = {
    "name": "welcome_back",
    "language": "ru",
    "status": "APPROVED",
    "category": "MARKETING",
    "parameter_format": "NAMED",
    "id": "9002",
    "components": [
        {
            "type": "BODY",
            "text": "Здравствуйте, {{first_name}}! Ваш менеджер — {{manager}}.",
            "example": {
                "body_text_named_params": [
                    {"param_name": "first_name", "example": "Мария"},
                    {"param_name": "manager", "example": "Олег"},
                ]
            },
        }
    ],
}
PROMO_WITH_IMAGE: dict[str, Any] = {
    "name": "spring_promo",
    "language": "en_US",
    "status": "APPROVED",
    "category": "MARKETING",
    "id": "9003",
    "components": [{"type": "HEADER", "format": "IMAGE"}, {"type": "BODY", "text": "Sale!"}],
}
DRAFT: dict[str, Any] = {
    "name": "draft_notice",
    "language": "en_US",
    "status": "PENDING",
    "category": "UTILITY",
    "id": "9004",
    "components": [{"type": "BODY", "text": "Soon"}],
}


@pytest.fixture
def templates(wa: WhatsApp, graph: FakeGraph) -> list[dict[str, Any]]:
    found = [copy.deepcopy(t) for t in (ORDER_UPDATE, WELCOME_BACK, PROMO_WITH_IMAGE, DRAFT)]
    graph.templates[wa.number.waba_id] = found
    return found


def age_messages(settings: Settings, conversation_id: str, hours: float) -> None:
    """Move the conversation's messages into the past, as if they were that old."""
    from sqlalchemy import update

    from omnibox.models import Message

    async def move(session: Any) -> None:
        await session.execute(
            update(Message)
            .where(Message.conversation_id == uuid.UUID(conversation_id))
            .values(created_at=Message.created_at - timedelta(hours=hours))
        )

    run_db(settings, move)


def window(wa: WhatsApp, conversation_id: str, **params: str) -> httpx.Response:
    return wa.tenant.owner.client.get(
        wa.tenant.owner.api(f"/conversations/{conversation_id}/window"), params=params
    )


def test_the_window_is_open_for_24_hours_after_the_contacts_last_message(
    wa: WhatsApp, settings: Settings
) -> None:
    wa_id = new_wa_id()
    conversation_id = wa.say(wa_id, "Hello")
    now = window(wa, conversation_id).json()
    assert now["channel_id"] == wa.channel["id"] and now["open"] is True
    assert now["window_hours"] == 24
    last = datetime.fromisoformat(now["last_incoming_at"])
    assert datetime.fromisoformat(now["closes_at"]) - last == timedelta(hours=24)

    age_messages(settings, conversation_id, 23)
    assert window(wa, conversation_id).json()["open"] is True
    age_messages(settings, conversation_id, 2)
    closed = window(wa, conversation_id).json()
    assert closed["open"] is False
    # A new message from the contact opens it again.
    wa.say(wa_id, "Me again")
    assert window(wa, conversation_id).json()["open"] is True


def test_free_form_after_24_hours_is_refused_with_the_reason(
    wa: WhatsApp, settings: Settings
) -> None:
    conversation_id = wa.say(new_wa_id(), "Hello")
    age_messages(settings, conversation_id, 25)
    refused = wa.reply(conversation_id, text="Are you still interested?")
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["type"].endswith("/messaging-window-closed")
    assert problem["reason"] == "messaging_window_closed"
    assert "24-hour window" in problem["detail"] and "template" in problem["detail"]
    assert problem["closes_at"]
    assert len(wa.messages(conversation_id)) == 1  # nothing stored
    assert wa.graph.sent(wa.number) == []


def test_a_template_goes_out_after_the_window_with_its_words_stored(
    wa: WhatsApp, settings: Settings, templates: list[dict[str, Any]]
) -> None:
    wa_id = new_wa_id()
    conversation_id = wa.say(wa_id, "Where is my order?")
    age_messages(settings, conversation_id, 30)
    response = wa.reply(
        conversation_id,
        template={"name": "order_update", "language": "en_US", "variables": ["Ana", "#12"]},
    )
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["text"] == (
        "Order news\n\nHi Ana, your order #12 has shipped.\n\nReply STOP to opt out"
    )
    [sent] = wa.graph.wait_sent(wa.number, 1)
    assert sent == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": wa_id,
        "type": "template",
        "template": {
            "name": "order_update",
            "language": {"code": "en_US"},
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {"type": "text", "text": "Ana"},
                        {"type": "text", "text": "#12"},
                    ],
                }
            ],
        },
    }
    assert wa.wait_status(conversation_id, stored["id"], "sent")["external_id"]


def test_named_variables_are_sent_by_name(wa: WhatsApp, templates: list[dict[str, Any]]) -> None:
    conversation_id = wa.say(new_wa_id(), "Привет")
    response = wa.reply(
        conversation_id,
        template={"name": "welcome_back", "language": "ru", "variables": ["Мария", "Олег"]},
    )
    assert response.status_code == 201, response.text
    assert response.json()["text"] == "Здравствуйте, Мария! Ваш менеджер — Олег."
    [sent] = wa.graph.wait_sent(wa.number, 1)
    assert sent["template"]["components"] == [
        {
            "type": "body",
            "parameters": [
                {"type": "text", "text": "Мария", "parameter_name": "first_name"},
                {"type": "text", "text": "Олег", "parameter_name": "manager"},
            ],
        }
    ]


@pytest.mark.parametrize(
    ("template", "detail"),
    [
        ({"name": "order_update", "language": "en_US", "variables": ["Ana"]}, "2 variable(s)"),
        ({"name": "order_update", "language": "en_US", "variables": ["Ana", " "]}, "needs a value"),
        ({"name": "order_update", "language": "de", "variables": ["A", "B"]}, "no template"),
        ({"name": "nonexistent", "language": "en_US"}, "no template 'nonexistent'"),
        ({"name": "draft_notice", "language": "en_US"}, "not approved"),
        ({"name": "spring_promo", "language": "en_US"}, "media file"),
    ],
)
def test_templates_that_cannot_go_out_are_refused_before_anything_is_stored(
    wa: WhatsApp, templates: list[dict[str, Any]], template: dict[str, Any], detail: str
) -> None:
    conversation_id = wa.say(new_wa_id(), "Hello")
    response = wa.reply(conversation_id, template=template)
    assert response.status_code == 422
    assert detail in response.json()["detail"]
    assert len(wa.messages(conversation_id)) == 1


def test_a_template_has_no_text_or_files_of_its_own(wa: WhatsApp) -> None:
    conversation_id = wa.say(new_wa_id(), "Hello")
    template = {"name": "order_update", "language": "en_US"}
    response = wa.reply(conversation_id, text="extra", template=template)
    assert response.status_code == 422


def test_templates_are_listed_with_their_variables(
    wa: WhatsApp, templates: list[dict[str, Any]]
) -> None:
    agent = wa.tenant.new_agent("agent")  # agents send templates too
    response = agent.client.get(agent.api(f"/channels/{wa.channel['id']}/templates"))
    assert response.status_code == 200, response.text
    by_name = {t["name"]: t for t in response.json()}
    assert set(by_name) == {"order_update", "welcome_back", "spring_promo", "draft_notice"}
    order = by_name["order_update"]
    assert order["language"] == "en_US" and order["status"] == "APPROVED"
    assert order["category"] == "UTILITY"
    assert order["body"] == "Hi {{1}}, your order {{2}} has shipped."
    assert order["variables"] == ["1", "2"] and order["variable_count"] == 2
    assert [c["type"] for c in order["components"]] == ["HEADER", "BODY", "FOOTER", "BUTTONS"]
    assert order["sendable"] is True and order["unsendable_reason"] is None
    assert by_name["welcome_back"]["variables"] == ["first_name", "manager"]
    assert by_name["spring_promo"]["sendable"] is False
    assert "media file" in by_name["spring_promo"]["unsendable_reason"]
    assert by_name["draft_notice"]["sendable"] is False
    [call] = [
        c
        for c in wa.graph.calls
        if c.path.endswith(f"/{wa.number.waba_id}/message_templates")
        and c.query.get("limit") != "1"  # not the check made when connecting
    ]
    assert call.headers["authorization"] == f"Bearer {wa.number.token}"


def test_every_page_of_templates_is_read(wa: WhatsApp, graph: FakeGraph) -> None:
    graph.templates[wa.number.waba_id] = [
        {**copy.deepcopy(DRAFT), "name": f"t_{i:03}", "id": str(i)} for i in range(230)
    ]
    response = wa.tenant.owner.client.get(
        wa.tenant.owner.api(f"/channels/{wa.channel['id']}/templates")
    )
    assert [t["name"] for t in response.json()] == [f"t_{i:03}" for i in range(230)]


def test_templates_of_a_channel_without_them(
    wa: WhatsApp, http: httpx.Client, graph: FakeGraph
) -> None:
    api_channel = wa.tenant.new_channel(name_="Site")
    listed = wa.tenant.owner.client.get(
        wa.tenant.owner.api(f"/channels/{api_channel['id']}/templates")
    )
    assert listed.status_code == 422
    # An API channel has no window and no templates.
    conversation_id = post_inbound(http, api_channel, contact_id="site-1").json()["conversation_id"]
    assert window(wa, conversation_id).json() | {"last_incoming_at": None} == {
        "channel_id": api_channel["id"],
        "window_hours": None,
        "last_incoming_at": None,
        "closes_at": None,
        "open": True,
    }
    refused = wa.reply(conversation_id, template={"name": "order_update", "language": "en_US"})
    assert refused.status_code == 422 and "api channels" in refused.json()["detail"]
    graph.down = True
    try:
        down = wa.tenant.owner.client.get(
            wa.tenant.owner.api(f"/channels/{wa.channel['id']}/templates")
        )
    finally:
        graph.down = False
    assert down.status_code == 502


def test_window_of_another_workspaces_conversation_is_not_found(
    wa: WhatsApp, make_tenant: Any
) -> None:
    conversation_id = wa.say(new_wa_id(), "Hello")
    stranger = make_tenant().owner
    response = stranger.client.get(stranger.api(f"/conversations/{conversation_id}/window"))
    assert response.status_code == 404
