"""Every kind of WhatsApp message a contact can send, media downloads, and receipts."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.channels.whatsapp.conftest import WhatsApp, new_wa_id
from tests.conftest import wait_until
from tests.fakes.graph_server import message, notification, status, text
from tests.speech.conftest import voice_bytes

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def only_message(wa: WhatsApp, wa_id: str) -> dict[str, Any]:
    [received] = wa.messages(wa.conversation_of(wa_id))
    return received


def test_text_creates_the_contact_with_name_and_phone(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="
    wa.receive(text(wa_id, "Does it come in another color?", wamid=wamid), name="Sheena Nelson")
    conversation = wa.tenant.owner.client.get(
        wa.tenant.owner.api(f"/conversations/{wa.conversation_of(wa_id)}")
    ).json()
    assert conversation["contact"]["name"] == "Sheena Nelson"
    assert conversation["contact"]["phone"] == "+" + wa_id
    assert conversation["last_channel"]["id"] == wa.channel["id"]
    received = only_message(wa, wa_id)
    assert received["text"] == "Does it come in another color?"
    assert received["external_id"] == wamid
    assert received["kind"] == "text" and received["direction"] == "in"
    assert received["author"]["name"] == "Sheena Nelson"


def test_a_reply_links_to_the_message_quoted(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    first = text(wa_id, "Price?")
    wa.receive(first)
    wa.receive(text(wa_id, "…and delivery?", context={"from": wa_id, "id": first["id"]}))
    original, answer = wa.messages(wa.conversation_of(wa_id))
    assert answer["reply_to_id"] == original["id"]


@pytest.mark.parametrize(
    ("kind", "content", "expected"),
    [
        (
            "location",
            {
                "latitude": 55.751244,
                "longitude": 37.618423,
                "name": "Red Square",
                "address": "Moscow",
            },
            "📍 Red Square, Moscow\nhttps://www.google.com/maps/search/?api=1&query=55.751244,37.618423",
        ),
        (
            "contacts",
            [
                {
                    "name": {"formatted_name": "Ivan Petrov", "first_name": "Ivan"},
                    "phones": [
                        {"phone": "+7 999 000-11-22", "wa_id": "79990001122", "type": "CELL"}
                    ],
                    "emails": [{"email": "ivan@example.ru", "type": "WORK"}],
                }
            ],
            "👤 Ivan Petrov, +7 999 000-11-22, ivan@example.ru",
        ),
        (
            "interactive",
            {"type": "button_reply", "button_reply": {"id": "yes-1", "title": "Yes, book it"}},
            "Yes, book it",
        ),
        (
            "interactive",
            {
                "type": "list_reply",
                "list_reply": {"id": "s-2", "title": "Tuesday 10:00", "description": "2 left"},
            },
            "Tuesday 10:00",
        ),
        (
            "interactive",
            {
                "type": "nfm_reply",
                "nfm_reply": {"name": "flow", "body": "Sent", "response_json": '{"size": "M"}'},
            },
            "Sent",
        ),
        ("button", {"payload": "STOP", "text": "Stop promotions"}, "Stop promotions"),
    ],
)
def test_structured_messages_become_readable_text(
    wa: WhatsApp, kind: str, content: Any, expected: str
) -> None:
    wa_id = new_wa_id()
    sent = message(wa_id, kind, content)
    wa.receive(sent)
    received = only_message(wa, wa_id)
    assert received["kind"] == "text"
    assert received["text"] == expected


def test_a_reaction_is_kept_as_a_reply_to_the_message_reacted_to(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    first = text(wa_id, "Thanks!")
    wa.receive(first)
    wa.receive(message(wa_id, "reaction", {"message_id": first["id"], "emoji": "👍"}))
    wa.receive(message(wa_id, "reaction", {"message_id": first["id"]}))  # taken back
    original, reacted, removed = wa.messages(wa.conversation_of(wa_id))
    assert reacted["text"] == "Reacted 👍" and reacted["reply_to_id"] == original["id"]
    assert removed["text"] == "Removed a reaction" and removed["reply_to_id"] == original["id"]


def test_unknown_types_are_kept_as_unsupported(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    unknown = message(wa_id, "unsupported", None)
    unknown["errors"] = [
        {
            "code": 131051,
            "title": "Message type unknown",
            "message": "Message type unknown",
            "error_data": {"details": "Message type is currently not supported."},
        }
    ]
    wa.receive(unknown)
    wa.receive(message(wa_id, "order", {"catalog_id": "1", "product_items": []}))
    first, second = wa.messages(wa.conversation_of(wa_id))
    assert first["kind"] == "unsupported"
    assert first["text"] == (
        "Unsupported WhatsApp message (unsupported): "
        "Message type unknown (#131051): Message type is currently not supported."
    )
    assert second["kind"] == "unsupported" and "(order)" in second["text"]


def test_a_changed_number_is_a_system_message(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    notice = message(
        wa_id,
        "system",
        {
            "body": "User A changed from 16505551234 to 16505559999",
            "wa_id": "16505559999",
            "type": "user_changed_number",
        },
    )
    wa.receive(notice)
    received = only_message(wa, wa_id)
    assert received["kind"] == "system"
    assert received["text"] == "User A changed from 16505551234 to 16505559999"


def wait_ready(wa: WhatsApp, wa_id: str) -> dict[str, Any]:
    def ready() -> dict[str, Any] | None:
        found = only_message(wa, wa_id)
        return found if found["attachments"][0]["status"] != "pending" else None

    result: dict[str, Any] = wait_until(ready, timeout=20)
    return result


def test_an_image_is_downloaded_with_the_bearer_token(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    media_id = wa.graph.add_media(wa.number, PNG, "image/png")
    wa.receive(
        message(
            wa_id,
            "image",
            {"caption": "This one", "mime_type": "image/png", "sha256": "x", "id": media_id},
        )
    )
    received = wait_ready(wa, wa_id)
    assert received["text"] == "This one"
    [attachment] = received["attachments"]
    assert attachment["status"] == "ready" and attachment["media_type"] == "image/png"
    content = wa.tenant.owner.client.get(attachment["url"])
    assert content.content == PNG
    # Graph was asked for the URL, and the URL fetched, both with the channel's token.
    [lookup] = [c for c in wa.graph.calls if c.path.endswith("/" + media_id)]
    assert lookup.headers["authorization"] == f"Bearer {wa.number.token}"
    assert lookup.query["phone_number_id"] == wa.number.id
    [download] = [d for d in wa.graph.downloads if d["mid"] == media_id]
    assert download["authorization"] == f"Bearer {wa.number.token}"


def test_a_voice_note_is_kind_voice_and_an_audio_file_is_media(wa: WhatsApp) -> None:
    voice_id = new_wa_id()
    ogg = voice_bytes("ogg-opus")
    media_id = wa.graph.add_media(wa.number, ogg, "audio/ogg; codecs=opus")
    wa.receive(
        message(
            voice_id,
            "audio",
            {"mime_type": "audio/ogg; codecs=opus", "sha256": "x", "id": media_id, "voice": True},
        )
    )
    voice = wait_ready(wa, voice_id)
    assert voice["kind"] == "voice"
    assert voice["attachments"][0]["media_type"] == "audio/ogg"
    assert voice["attachments"][0]["status"] == "ready"

    song_id = new_wa_id()
    mp3 = wa.graph.add_media(wa.number, voice_bytes("mp3"), "audio/mpeg")
    wa.receive(message(song_id, "audio", {"mime_type": "audio/mpeg", "id": mp3, "voice": False}))
    assert wait_ready(wa, song_id)["kind"] == "media"


@pytest.mark.parametrize(
    ("kind", "content", "kind_out", "filename"),
    [
        ("video", {"mime_type": "video/mp4", "caption": "Unboxing"}, "text", None),
        (
            "document",
            {"mime_type": "application/pdf", "filename": "invoice 12.pdf", "caption": "Invoice"},
            "text",
            "invoice 12.pdf",
        ),
        ("document", {"mime_type": "application/pdf", "filename": "scan.pdf"}, "media", "scan.pdf"),
        ("sticker", {"mime_type": "image/webp", "animated": False}, "media", None),
    ],
)
def test_video_documents_and_stickers_arrive_as_files(
    wa: WhatsApp, kind: str, content: dict[str, Any], kind_out: str, filename: str | None
) -> None:
    wa_id = new_wa_id()
    data = b"%PDF-1.4 fake" if kind == "document" else b"\x00\x01binary"
    media_id = wa.graph.add_media(wa.number, data, content["mime_type"])
    wa.receive(message(wa_id, kind, {**content, "sha256": "x", "id": media_id}))
    received = wait_ready(wa, wa_id)
    assert received["kind"] == kind_out
    assert received["text"] == content.get("caption", "")
    [attachment] = received["attachments"]
    assert attachment["media_type"] == content["mime_type"]
    assert attachment["status"] == "ready"
    if filename:
        assert attachment["filename"] == filename
    assert wa.tenant.owner.client.get(attachment["url"]).content == data


def test_media_gone_from_whatsapp_fails_with_the_reason(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    wa.receive(message(wa_id, "image", {"mime_type": "image/jpeg", "id": "4242"}))
    attachment = wait_ready(wa, wa_id)["attachments"][0]
    assert attachment["status"] == "failed"
    assert "does not exist" in attachment["error"]


def test_statuses_move_our_message_forward_never_back(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    conversation_id = wa.say(wa_id, "Hello?")
    sent = wa.reply(conversation_id, text="Hi! How can I help?").json()
    wamid = wa.wait_status(conversation_id, sent["id"], "sent")["external_id"]
    assert wamid.startswith("wamid.")

    # Read arrives before delivered (Meta does not promise order): read stays.
    read = wa.post(notification(wa.number, statuses=[status(wamid, "read", wa_id)]))
    assert read.json()["statuses"] == 1
    assert wa.message(conversation_id, sent["id"])["status"] == "read"
    late = wa.post(notification(wa.number, statuses=[status(wamid, "delivered", wa_id)]))
    assert late.status_code == 200
    assert wa.message(conversation_id, sent["id"])["status"] == "read"
    # Receipts for messages sent from elsewhere (the WhatsApp Business app) are acknowledged.
    other = wa.post(notification(wa.number, statuses=[status("wamid.other", "sent", wa_id)]))
    assert other.json() == {"messages": 0, "duplicates": 0, "statuses": 0, "ignored": 1}


def test_delivered_then_failed_shows_whatsapps_reason(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    conversation_id = wa.say(wa_id, "Hello?")
    sent = wa.reply(conversation_id, text="Our offer").json()
    wamid = wa.wait_status(conversation_id, sent["id"], "sent")["external_id"]
    wa.post(notification(wa.number, statuses=[status(wamid, "delivered", wa_id)]))
    assert wa.message(conversation_id, sent["id"])["status"] == "delivered"
    error = {
        "code": 131026,
        "title": "Message undeliverable",
        "message": "Message undeliverable",
        "error_data": {"details": "Message could not be delivered to the recipient."},
    }
    wa.post(notification(wa.number, statuses=[status(wamid, "failed", wa_id, errors=[error])]))
    failed = wa.message(conversation_id, sent["id"])
    assert failed["status"] == "failed"
    assert failed["error"] == (
        "WhatsApp: Message undeliverable (#131026): "
        "Message could not be delivered to the recipient."
    )


def test_a_delivery_can_mix_messages_and_statuses(wa: WhatsApp) -> None:
    wa_id = new_wa_id()
    conversation_id = wa.say(wa_id, "Hello?")
    sent = wa.reply(conversation_id, text="Hi").json()
    wamid = wa.wait_status(conversation_id, sent["id"], "sent")["external_id"]
    payload = notification(
        wa.number,
        messages=[text(wa_id, "Got it")],
        statuses=[status(wamid, "delivered", wa_id), status(wamid, "deleted", wa_id)],
        contacts=[{"profile": {"name": "Ana"}, "wa_id": wa_id}],
    )
    assert wa.post(payload).json() == {"messages": 1, "duplicates": 0, "statuses": 1, "ignored": 1}
    assert [m["text"] for m in wa.messages(conversation_id)] == ["Hello?", "Hi", "Got it"]
