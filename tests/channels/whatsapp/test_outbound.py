"""Agent replies on WhatsApp: every kind of message, reply context, typing, errors, retries."""

from __future__ import annotations

import base64
import io
from typing import Any

import av
import httpx

from tests.channels.whatsapp.conftest import WhatsApp, new_wa_id
from tests.conftest import wait_until
from tests.fakes.graph_server import Scripted, graph_error
from tests.speech.conftest import voice_bytes

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free" * 8


def upload(wa: WhatsApp, name: str, data: bytes, **form: str) -> str:
    response = wa.tenant.owner.client.post(
        wa.tenant.owner.api("/uploads"), files={"file": (name, data)}, data=form
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def start(wa: WhatsApp) -> tuple[str, str]:
    wa_id = new_wa_id()
    return wa_id, wa.say(wa_id, "Hi, I have a question")


def without_envelope(sent: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in sent.items() if k not in ("messaging_product", "recipient_type", "to")}


def test_text_goes_out_and_takes_whatsapps_id(wa: WhatsApp) -> None:
    wa_id, conversation_id = start(wa)
    reply = wa.reply(conversation_id, text="Sure — see https://shop.example/faq")
    assert reply.status_code == 201 and reply.json()["status"] == "queued"
    [sent] = wa.graph.wait_sent(wa.number, 1)
    assert sent == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": wa_id,
        "type": "text",
        "text": {"body": "Sure — see https://shop.example/faq", "preview_url": True},
    }
    [call] = wa.graph.calls_to(wa.number)
    assert call.headers["authorization"] == f"Bearer {wa.number.token}"
    done = wa.wait_status(conversation_id, reply.json()["id"], "sent")
    assert done["external_id"].startswith("wamid.") and done["error"] is None


def test_a_reply_quotes_the_contacts_message(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    [question] = wa.messages(conversation_id)
    wa.reply(conversation_id, text="Answering this", reply_to_id=question["id"])
    [sent] = wa.graph.wait_sent(wa.number, 1)
    assert sent["context"] == {"message_id": question["external_id"]}


def test_an_image_is_uploaded_and_carries_the_text_as_caption(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    wa.reply(conversation_id, text="Our colours", attachment_ids=[upload(wa, "c.png", PNG)])
    [sent] = wa.graph.wait_sent(wa.number, 1)
    media_id = sent["image"]["id"]
    assert without_envelope(sent) == {
        "type": "image",
        "image": {"id": media_id, "caption": "Our colours"},
    }
    uploaded = wa.graph.uploads[media_id]
    assert uploaded.data == PNG and uploaded.media_type == "image/png"
    assert uploaded.phone_number_id == wa.number.id


def test_several_files_become_several_messages_the_first_with_the_text(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    reply = wa.reply(
        conversation_id,
        text="Invoice and photo",
        attachment_ids=[upload(wa, "invoice 7.pdf", PDF), upload(wa, "photo.png", PNG)],
    ).json()
    document, image = wa.graph.wait_sent(wa.number, 2)
    assert document["type"] == "document"
    assert document["document"]["filename"] == "invoice 7.pdf"
    assert document["document"]["caption"] == "Invoice and photo"
    assert image["type"] == "image" and "caption" not in image["image"]
    assert wa.graph.uploads[document["document"]["id"]].media_type == "application/pdf"
    # Our message follows the first WhatsApp message's receipts.
    assert wa.wait_status(conversation_id, reply["id"], "sent")["external_id"]


def test_a_video_goes_out_as_video(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    wa.reply(conversation_id, text="", attachment_ids=[upload(wa, "clip.mp4", MP4)])
    [sent] = wa.graph.wait_sent(wa.number, 1)
    assert sent["type"] == "video" and "caption" not in sent["video"]
    assert wa.graph.uploads[sent["video"]["id"]].media_type == "video/mp4"


def test_files_whatsapp_cannot_show_go_as_documents_and_text_before_audio(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    mp3 = upload(wa, "jingle.mp3", voice_bytes("mp3"))
    csv = upload(wa, "prices.csv", "name;price\nчай;100\n".encode())
    wa.reply(conversation_id, text="Listen and compare", attachment_ids=[mp3, csv])
    words, audio, table = wa.graph.wait_sent(wa.number, 3)
    # Audio takes no caption: the text goes first, on its own.
    assert without_envelope(words) == {
        "type": "text",
        "text": {"body": "Listen and compare", "preview_url": False},
    }
    assert audio["type"] == "audio" and set(audio["audio"]) == {"id"}
    assert table["type"] == "document" and table["document"]["filename"] == "prices.csv"


def test_a_recorded_voice_note_is_converted_to_ogg_opus(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    recording = upload(wa, "recording.webm", voice_bytes("webm-opus"), voice="true")
    reply = wa.reply(conversation_id, attachment_ids=[recording], voice_note=True)
    assert reply.status_code == 201 and reply.json()["kind"] == "voice"
    [sent] = wa.graph.wait_sent(wa.number, 1)
    assert sent["type"] == "audio"
    uploaded = wa.graph.uploads[sent["audio"]["id"]]
    assert uploaded.media_type == "audio/ogg" and uploaded.filename == "voice.ogg"
    assert uploaded.data[:4] == b"OggS"
    with av.open(io.BytesIO(uploaded.data)) as container:
        assert container.format.name == "ogg"
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "opus" and stream.channels == 1
        seconds = float(stream.duration * stream.time_base) if stream.duration else 0.0
    assert abs(seconds - 5.66) < 0.2


def test_long_text_is_split_into_messages_whatsapp_accepts(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    words = ("word " * 1800).strip()  # 8999 characters
    wa.reply(conversation_id, text=words)
    parts = wa.graph.wait_sent(wa.number, 3)
    assert all(len(p["text"]["body"]) <= 4096 for p in parts)
    assert " ".join(p["text"]["body"] for p in parts) == words


def test_typing_shows_on_whatsapp_against_the_last_message_and_marks_it_read(
    wa: WhatsApp,
) -> None:
    wa_id, conversation_id = start(wa)
    wa.say(wa_id, "Are you there?")
    last = wa.messages(conversation_id)[-1]
    response = wa.tenant.owner.client.post(
        wa.tenant.owner.api(f"/conversations/{conversation_id}/typing")
    )
    assert response.status_code == 204
    [call] = wa.graph.calls_to(wa.number)
    assert call.json == {
        "messaging_product": "whatsapp",
        "status": "read",
        "message_id": last["external_id"],
        "typing_indicator": {"type": "text"},
    }
    assert call.headers["authorization"] == f"Bearer {wa.number.token}"


def failing(code: int, message: str, details: str | None = None) -> dict[str, Any]:
    return graph_error(code, message, details=details)


def test_rate_limits_and_server_errors_are_retried_until_sent(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    wa.graph.then(
        wa.number,
        Scripted(
            429,
            failing(130429, "(#130429) Rate limit hit", "Cloud API message throughput reached."),
        ),
        Scripted(500, failing(131000, "(#131000) Something went wrong")),
    )
    reply = wa.reply(conversation_id, text="Eventually").json()
    sent = wa.wait_status(conversation_id, reply["id"], "sent", timeout=30)
    assert sent["error"] is None
    assert len(wa.graph.calls_to(wa.number)) == 3


def test_pair_rate_limit_in_a_400_is_retried(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    wa.graph.then(
        wa.number,
        Scripted(
            400,
            failing(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit"),
        ),
    )
    reply = wa.reply(conversation_id, text="Again").json()
    # While it waits for the next attempt, the reason shows on the message.
    waiting = wait_until(
        lambda: (m := wa.message(conversation_id, reply["id"]))["error"] and m, timeout=10
    )
    assert "pair rate limit hit" in waiting["error"] and "Retrying" in waiting["error"]
    wa.wait_status(conversation_id, reply["id"], "sent", timeout=30)


def test_a_timeout_is_retried(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    # Longer than the test settings' 3 s outbound timeout.
    wa.graph.then(wa.number, Scripted(503, delay=4.0))
    reply = wa.reply(conversation_id, text="Slow").json()
    sent = wa.wait_status(conversation_id, reply["id"], "sent", timeout=30)
    assert sent["error"] is None
    assert len(wa.graph.calls_to(wa.number)) == 2


def test_re_engagement_error_fails_at_once_with_whatsapps_reason(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    details = (
        "Message failed to send because more than 24 hours have passed since the customer "
        "last replied to this number."
    )
    wa.graph.then(
        wa.number, Scripted(400, failing(131047, "(#131047) Re-engagement message", details))
    )
    reply = wa.reply(conversation_id, text="Still interested?").json()
    failed = wa.wait_status(conversation_id, reply["id"], "failed")
    assert failed["error"] == f"WhatsApp: (#131047) Re-engagement message: {details}"
    assert len(wa.graph.calls_to(wa.number)) == 1


def test_a_revoked_token_fails_the_message_and_flags_the_channel(wa: WhatsApp) -> None:
    _, conversation_id = start(wa)
    wa.graph.then(
        wa.number,
        Scripted(
            401,
            failing(190, "Error validating access token: The session has been invalidated."),
        ),
    )
    reply = wa.reply(conversation_id, text="Hello").json()
    failed = wa.wait_status(conversation_id, reply["id"], "failed")
    assert "Error validating access token" in failed["error"]
    [channel] = wa.tenant.owner.client.get(wa.tenant.owner.api("/channels")).json()
    assert channel["status"] == "failing"
    assert "Error validating access token" in channel["status_reason"]
    # Retrying after WhatsApp works again sends it and clears the flag.
    retried = wa.tenant.owner.client.post(wa.tenant.owner.api(f"/messages/{reply['id']}/retry"))
    assert retried.status_code == 200
    wa.wait_status(conversation_id, reply["id"], "sent")
    [channel] = wa.tenant.owner.client.get(wa.tenant.owner.api("/channels")).json()
    assert channel["status"] == "connected" and channel["status_reason"] is None


def test_attempts_run_out_and_the_last_reason_shows(wa: WhatsApp, http: httpx.Client) -> None:
    _, conversation_id = start(wa)
    down = Scripted(503, failing(2, "Service temporarily unavailable"))
    wa.graph.then(wa.number, down, down, down)  # the test settings allow 3 attempts
    reply = wa.reply(conversation_id, text="Anyone?").json()
    failed = wa.wait_status(conversation_id, reply["id"], "failed", timeout=40)
    assert failed["error"] == "WhatsApp: Service temporarily unavailable (#2)"
