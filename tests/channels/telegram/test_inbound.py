"""Everything a contact can send a bot, as it lands in the inbox (webhook and polling share
the parser): text, files of every kind, places, contacts, edits, replies, and the rest."""

from __future__ import annotations

import json
import secrets
from typing import Any

import pytest
from websockets.sync.client import connect as ws_connect

from tests.channels.telegram.conftest import Telegram, person
from tests.conftest import wait_until
from tests.fakes.telegram_server import FakeBotApi
from tests.speech.conftest import voice_bytes


def file_ref(api: FakeBotApi, kind: str, data: bytes, **extra: Any) -> dict[str, Any]:
    """A file as Telegram describes it in a message, with its bytes ready for getFile."""
    file_id = f"{kind}-{secrets.token_hex(8)}"
    api.add_file(file_id, data, f"{kind}s/{file_id}.bin")
    return {"file_id": file_id, "file_unique_id": file_id[-10:], "file_size": len(data), **extra}


def arrived(telegram: Telegram, update: dict[str, Any]) -> dict[str, Any]:
    response = telegram.deliver(update)
    assert response.status_code == 200, response.text
    answer = response.json()
    return telegram.message(answer["conversation_id"], answer["message_id"])


def downloaded(telegram: Telegram, message: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Wait for the download job; the attachment and its bytes as the agent fetches them."""
    conversation_id = message["conversation_id"]
    ready = telegram.wait_message(
        conversation_id, message["id"], lambda m: m["attachments"][0]["status"] != "pending"
    )
    attachment = ready["attachments"][0]
    assert attachment["status"] == "ready", attachment
    content = telegram.tenant.owner.client.get(attachment["url"])
    assert content.status_code == 200
    return attachment, content.content


def test_a_photo_keeps_its_largest_size_and_caption(telegram: Telegram) -> None:
    api = telegram.api
    sizes = [
        file_ref(api, "photo", b"small" * 10, width=90, height=67),
        file_ref(api, "photo", b"large" * 100, width=1280, height=960),
        file_ref(api, "photo", b"medium" * 50, width=320, height=240),
    ]
    message = arrived(telegram, telegram.update(photo=sizes, caption="This one"))
    assert message["kind"] == "text" and message["text"] == "This one"
    attachment, data = downloaded(telegram, message)
    assert attachment["media_type"] == "image/jpeg" and data == b"large" * 100


def test_a_voice_note_is_a_voice_message_that_plays(telegram: Telegram) -> None:
    ogg = voice_bytes("ogg-opus")
    voice = file_ref(telegram.api, "voice", ogg, duration=6, mime_type="audio/ogg")
    message = arrived(telegram, telegram.update(voice=voice))
    assert message["kind"] == "voice" and message["text"] == ""
    attachment, data = downloaded(telegram, message)
    assert attachment["media_type"] == "audio/ogg" and data == ogg
    # The downloaded note goes through the audio pipeline like any other voice message.
    playable = telegram.wait_message(
        message["conversation_id"], message["id"], lambda m: m["attachments"][0]["playback_url"]
    )
    assert abs(playable["attachments"][0]["duration"] - 5.66) < 0.15


FILES: list[tuple[str, str, dict[str, Any], str, str, str]] = [
    # (case, field, extra fields, media type, file name, kind)
    (
        "document",
        "document",
        {"file_name": "prices.pdf", "mime_type": "application/pdf"},
        "application/pdf",
        "prices.pdf",
        "media",
    ),
    (
        "audio file",
        "audio",
        {"duration": 200, "file_name": "song.mp3", "mime_type": "audio/mpeg", "title": "Song"},
        "audio/mpeg",
        "song.mp3",
        "media",
    ),
    (
        "video",
        "video",
        {"duration": 3, "width": 640, "height": 360, "mime_type": "video/mp4"},
        "video/mp4",
        "video.mp4",
        "media",
    ),
    (
        "video note",
        "video_note",
        {"duration": 3, "length": 240},
        "video/mp4",
        "video_note.mp4",
        "media",
    ),
    (
        "sticker",
        "sticker",
        {"width": 512, "height": 512, "is_animated": False, "is_video": False, "type": "regular"},
        "image/webp",
        "sticker.webp",
        "media",
    ),
    (
        "animated sticker",
        "sticker",
        {"width": 512, "height": 512, "is_animated": True, "is_video": False, "emoji": "👍"},
        "application/x-tgsticker",
        "sticker.tgs",
        "text",
    ),
    (
        "GIF",
        "animation",
        {"duration": 2, "width": 200, "height": 200, "mime_type": "video/mp4"},
        "video/mp4",
        "animation.mp4",
        "media",
    ),
]


@pytest.mark.parametrize(
    ("case", "field", "extra", "media_type", "filename", "kind"),
    FILES,
    ids=[f[0] for f in FILES],
)
def test_files_of_every_kind_are_downloaded(
    telegram: Telegram,
    case: str,
    field: str,
    extra: dict[str, Any],
    media_type: str,
    filename: str,
    kind: str,
) -> None:
    data = f"{case} bytes".encode() * 20
    content: dict[str, Any] = {field: file_ref(telegram.api, field, data, **extra)}
    if field == "animation":  # Telegram sends a GIF as both
        content["document"] = content["animation"]
    message = arrived(telegram, telegram.update(**content))
    assert message["kind"] == kind
    if case == "animated sticker":
        assert message["text"] == "👍"
    attachment, fetched = downloaded(telegram, message)
    assert (attachment["media_type"], attachment["filename"]) == (media_type, filename)
    assert fetched == data


def test_a_file_gone_from_telegram_fails_with_the_reason(telegram: Telegram) -> None:
    missing = {"file_id": "deleted-file", "file_unique_id": "x", "file_name": "a.pdf"}
    message = arrived(telegram, telegram.update(document=missing))
    failed = telegram.wait_message(
        message["conversation_id"],
        message["id"],
        lambda m: m["attachments"][0]["status"] == "failed",
    )
    assert "invalid file_id" in failed["attachments"][0]["error"]


def test_places_and_contacts_become_text(telegram: Telegram) -> None:
    location = arrived(
        telegram, telegram.update(location={"latitude": 55.751244, "longitude": 37.618423})
    )
    assert location["kind"] == "text"
    assert location["text"].startswith("Location: 55.751244, 37.618423\n")
    assert "https://www.openstreetmap.org/?mlat=55.751244&mlon=37.618423" in location["text"]

    venue = arrived(
        telegram,
        telegram.update(
            location={"latitude": 59.9386, "longitude": 30.3141},
            venue={
                "location": {"latitude": 59.9386, "longitude": 30.3141},
                "title": "Hermitage",
                "address": "Palace Square, 2",
            },
        ),
    )
    assert venue["text"].splitlines()[:2] == ["Hermitage", "Palace Square, 2"]

    shared = arrived(
        telegram,
        telegram.update(
            contact={"phone_number": "+79990001122", "first_name": "Anna", "last_name": "Smirnova"}
        ),
    )
    assert shared["text"] == "Contact: Anna Smirnova, +79990001122"


def test_what_we_cannot_show_is_kept_as_unsupported(telegram: Telegram) -> None:
    poll = {"id": "1", "question": "Red or blue?", "options": [], "total_voter_count": 0}
    message = arrived(telegram, telegram.update(poll=poll))
    assert message["kind"] == "unsupported" and message["text"] == ""
    assert telegram.stored() == 1

    # Updates of a kind we don't subscribe to, but that carry a chat message, are kept too.
    post = {
        "message_id": 7,
        "chat": {"id": -100123, "type": "channel", "title": "News"},
        "date": 1,
        "text": "hello subscribers",
    }
    response = telegram.deliver({"update_id": 123456, "channel_post": post})
    assert response.status_code == 200 and response.json()["message_id"]
    assert telegram.stored() == 2


def test_an_edit_changes_the_stored_text_and_tells_the_agents(
    telegram: Telegram, base_url: str
) -> None:
    original = telegram.update(text="I want 2 pcs")
    first = telegram.deliver(original).json()
    message_id = original["message"]["message_id"]
    before = telegram.message(first["conversation_id"], first["message_id"])
    url = base_url.replace("http", "ws") + f"/api/v1/ws?workspace_id={telegram.tenant.workspace_id}"
    with ws_connect(url, additional_headers={"Cookie": telegram.tenant.owner.cookie}) as ws:
        edit = telegram.update(text="I want 3 pcs", edited_id=message_id)
        answer = telegram.deliver(edit).json()
        assert answer["edited"] is True and answer["message_id"] == first["message_id"]
        while (event := json.loads(ws.recv(timeout=10)))["type"] != "message.updated":
            pass
        assert event["message"]["id"] == first["message_id"]
        assert event["message"]["text"] == "I want 3 pcs"
    [after] = telegram.messages(first["conversation_id"])
    assert after["text"] == "I want 3 pcs" and after["updated_at"] > before["updated_at"]
    # The same edit again, or an older one arriving late, changes nothing.
    assert telegram.deliver(edit).json()["edited"] is True
    stale = json.loads(json.dumps(edit))
    stale["update_id"] += 1
    stale["edited_message"].update(
        text="I want 1 pcs", edit_date=edit["edited_message"]["edit_date"] - 60
    )
    telegram.deliver(stale)
    assert telegram.messages(first["conversation_id"])[0]["text"] == "I want 3 pcs"


def test_an_edit_of_a_message_never_seen_is_stored_as_new(telegram: Telegram) -> None:
    answer = telegram.deliver(telegram.update(text="edited before we met", edited_id=41)).json()
    assert answer["edited"] is False and answer["duplicate"] is False
    assert telegram.message(answer["conversation_id"], answer["message_id"])["text"] == (
        "edited before we met"
    )


def test_a_reply_points_at_the_message_it_answers(telegram: Telegram) -> None:
    first_update = telegram.update(text="Do you deliver?")
    first = telegram.deliver(first_update).json()
    reply = telegram.update(text="…to Kazan?", reply_to_message=first_update["message"])
    second = telegram.deliver(reply).json()
    assert (
        telegram.message(second["conversation_id"], second["message_id"])["reply_to_id"]
        == (first["message_id"])
    )


def test_the_chat_is_the_contact(telegram: Telegram) -> None:
    nameless = person(first_name="", last_name=None, username="night_owl")
    answer = telegram.deliver(telegram.update(nameless, text="hi")).json()
    conversation = telegram.tenant.owner.client.get(
        telegram.tenant.owner.api(f"/conversations/{answer['conversation_id']}")
    ).json()
    assert conversation["contact"]["name"] == "@night_owl"

    # Two messages of one chat are one conversation; another person is another.
    again = telegram.deliver(telegram.update(nameless, text="still there?")).json()
    other = telegram.deliver(telegram.update(person("Olga", "Ivanova"), text="hello")).json()
    assert again["conversation_id"] == answer["conversation_id"] != other["conversation_id"]
    wait_until(lambda: telegram.stored() == 3)
