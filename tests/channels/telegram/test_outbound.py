"""Agents' replies through the Bot API: text with reply-to, files, albums, voice notes, typing,
and Telegram's errors (429 with retry_after, a blocked bot, 5xx and timeouts)."""

from __future__ import annotations

import base64
import io
import time
from typing import Any

import av

from tests.channels.telegram.conftest import Telegram
from tests.fakes.telegram_server import Call, Fault
from tests.speech.conftest import voice_bytes

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200


def conversation(telegram: Telegram) -> tuple[str, dict[str, Any]]:
    """The contact writes first; the conversation and their message."""
    answer = telegram.say("Do you have it in blue?")
    return answer["conversation_id"], telegram.message(
        answer["conversation_id"], answer["message_id"]
    )


def sent(
    telegram: Telegram, conversation_id: str, message: dict[str, Any], timeout: float = 20
) -> dict[str, Any]:
    return telegram.wait_message(
        conversation_id, message["id"], lambda m: m["status"] in ("sent", "failed"), timeout
    )


def test_a_text_reply_quotes_the_contacts_message(telegram: Telegram) -> None:
    conversation_id, theirs = conversation(telegram)
    chat_id = telegram.contact["id"]
    reply = telegram.reply(conversation_id, text="Yes, size M too.", reply_to_id=theirs["id"])
    done = sent(telegram, conversation_id, reply)
    assert done["status"] == "sent" and done["error"] is None
    [call] = telegram.api.calls_of(telegram.bot, "sendMessage")
    assert call.params["chat_id"] == str(chat_id) and call.params["text"] == "Yes, size M too."
    their_id = int(theirs["external_id"].split(":")[1])
    assert call.params["reply_parameters"] == {
        "message_id": their_id,
        "allow_sending_without_reply": True,
    }
    [out] = telegram.bot.sent
    assert done["external_id"] == f"{chat_id}:{out['message_id']}"

    # The contact quotes our reply back: it is found by that external id.
    answer = telegram.deliver(telegram.update(text="Great", reply_to_message=out)).json()
    assert telegram.message(conversation_id, answer["message_id"])["reply_to_id"] == reply["id"]


def test_a_long_text_goes_in_pieces_telegram_accepts(telegram: Telegram) -> None:
    conversation_id, _ = conversation(telegram)
    words = " ".join(f"word{i}" for i in range(1200))  # about 9,000 characters
    done = sent(telegram, conversation_id, telegram.reply(conversation_id, text=words))
    assert done["status"] == "sent"
    calls = telegram.api.calls_of(telegram.bot, "sendMessage")
    assert len(calls) == 3 and all(len(c.params["text"]) <= 4096 for c in calls)
    assert " ".join(c.params["text"] for c in calls) == words
    first = telegram.bot.sent[0]
    assert done["external_id"] == f"{telegram.contact['id']}:{first['message_id']}"


def test_a_photo_and_a_document_are_uploaded_with_the_caption_on_the_first(
    telegram: Telegram,
) -> None:
    conversation_id, _ = conversation(telegram)
    ids = [telegram.upload("blue.png", PNG), telegram.upload("prices.pdf", PDF)]
    done = sent(
        telegram, conversation_id, telegram.reply(conversation_id, text="Here", attachment_ids=ids)
    )
    assert done["status"] == "sent"
    [photo] = telegram.api.calls_of(telegram.bot, "sendPhoto")
    [document] = telegram.api.calls_of(telegram.bot, "sendDocument")
    assert photo.files["photo"].data == PNG and photo.files["photo"].filename == "blue.png"
    assert photo.params["caption"] == "Here" and "caption" not in document.params
    assert document.files["document"].data == PDF
    assert document.files["document"].content_type == "application/pdf"
    assert not telegram.api.calls_of(telegram.bot, "sendMessage")


def test_several_files_go_as_albums_that_telegram_accepts(telegram: Telegram) -> None:
    conversation_id, theirs = conversation(telegram)
    ids = [
        telegram.upload("a.png", PNG),
        telegram.upload("a.pdf", PDF),
        telegram.upload("clip.mp4", MP4),
        telegram.upload("b.png", PNG),
        telegram.upload("b.pdf", PDF),
    ]
    reply = telegram.reply(
        conversation_id, text="Catalogue", attachment_ids=ids, reply_to_id=theirs["id"]
    )
    done = sent(telegram, conversation_id, reply)
    assert done["status"] == "sent", done["error"]
    visual, documents = telegram.api.calls_of(telegram.bot, "sendMediaGroup")
    # Photos and videos share an album; documents can't join it, so they make their own.
    assert [m["type"] for m in visual.params["media"]] == ["photo", "video", "photo"]
    assert [m["type"] for m in documents.params["media"]] == ["document", "document"]
    assert visual.params["media"][0]["caption"] == "Catalogue"
    assert all("caption" not in m for m in visual.params["media"][1:] + documents.params["media"])
    assert "reply_parameters" in visual.params and "reply_parameters" not in documents.params
    names = [
        visual.files[m["media"].removeprefix("attach://")].filename for m in visual.params["media"]
    ]
    assert names == ["a.png", "clip.mp4", "b.png"]
    assert visual.files["file1"].data == MP4
    first = telegram.bot.sent[0]
    assert done["external_id"] == f"{telegram.contact['id']}:{first['message_id']}"


def test_a_recorded_voice_note_arrives_as_an_ogg_opus_voice_message(telegram: Telegram) -> None:
    conversation_id, _ = conversation(telegram)
    recording = telegram.upload("recording.webm", voice_bytes("webm-opus"), voice="true")
    reply = telegram.reply(conversation_id, attachment_ids=[recording], voice_note=True)
    done = sent(telegram, conversation_id, reply)
    assert done["status"] == "sent", done["error"]
    [call] = telegram.api.calls_of(telegram.bot, "sendVoice")
    voice = call.files["voice"]
    assert voice.content_type == "audio/ogg" and voice.filename == "voice.ogg"
    assert voice.data.startswith(b"OggS") and b"OpusHead" in voice.data[:200]
    with av.open(io.BytesIO(voice.data)) as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "opus"
        seconds = sum(frame.samples for frame in container.decode(stream)) / stream.rate
    assert abs(seconds - 5.66) < 0.15
    assert call.params["duration"] == "6"


def test_typing_shows_in_the_contacts_chat(telegram: Telegram) -> None:
    conversation_id, _ = conversation(telegram)
    response = telegram.tenant.owner.client.post(
        telegram.tenant.owner.api(f"/conversations/{conversation_id}/typing")
    )
    assert response.status_code == 204
    [call] = telegram.api.calls_of(telegram.bot, "sendChatAction")
    assert call.params == {"chat_id": str(telegram.contact["id"]), "action": "typing"}


def _send_times(calls: list[Call]) -> list[float]:
    return [c.at for c in calls]


def test_a_rate_limit_waits_as_long_as_telegram_says(telegram: Telegram) -> None:
    conversation_id, _ = conversation(telegram)
    telegram.api.fail(
        telegram.bot, "sendMessage", Fault(429, "Too Many Requests: retry after 4", retry_after=4)
    )
    done = sent(telegram, conversation_id, telegram.reply(conversation_id, text="soon"))
    assert done["status"] == "sent" and done["error"] is None
    first, second = _send_times(telegram.api.calls_of(telegram.bot, "sendMessage"))
    assert second - first >= 3.9  # not the 2 s of the first backoff step


def test_a_blocked_bot_fails_the_message_with_the_reason(telegram: Telegram) -> None:
    conversation_id, _ = conversation(telegram)
    telegram.api.block(telegram.bot, telegram.contact["id"])
    done = sent(telegram, conversation_id, telegram.reply(conversation_id, text="hello?"))
    assert done["status"] == "failed" and done["error"] == "The contact blocked the bot."
    assert len(telegram.api.calls_of(telegram.bot, "sendMessage")) == 1  # not retried


def test_server_errors_and_timeouts_are_retried_until_sent(telegram: Telegram) -> None:
    conversation_id, _ = conversation(telegram)
    telegram.api.fail(
        telegram.bot,
        "sendMessage",
        Fault(500, "Internal Server Error"),
        Fault(delay=4.0),  # longer than the outbound timeout (3 s in the tests)
    )
    started = time.monotonic()
    done = sent(telegram, conversation_id, telegram.reply(conversation_id, text="persist"), 40)
    assert done["status"] == "sent" and done["error"] is None
    assert len(telegram.api.calls_of(telegram.bot, "sendMessage")) == 3
    assert time.monotonic() - started >= 3


def test_a_revoked_token_fails_the_message_and_shows_on_the_channel(telegram: Telegram) -> None:
    conversation_id, _ = conversation(telegram)
    telegram.api.revoke(telegram.bot)
    done = sent(telegram, conversation_id, telegram.reply(conversation_id, text="hi"))
    assert done["status"] == "failed" and "no longer accepts the bot token" in done["error"]
    channel = telegram.channel_now()
    assert channel["status"] == "failing" and channel["status_reason"] == done["error"]


def test_the_bot_token_never_reaches_the_logs(telegram: Telegram, caplog: Any) -> None:
    import logging

    caplog.set_level(logging.INFO)
    conversation_id, _ = conversation(telegram)
    sent(telegram, conversation_id, telegram.reply(conversation_id, text="quiet"))
    assert any("sendMessage" in r.getMessage() for r in caplog.records)
    assert telegram.bot.token not in caplog.text
