"""A voice message through the product: stored, made playable, transcribed on demand or
automatically, with every agent seeing the text arrive live."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
from websockets.sync.client import connect

from tests.conftest import Tenant, post_inbound, wait_until
from tests.speech.conftest import FORMATS, ROOTS_TEXT, voice_bytes, word_error_rate


def send_voice(
    http: httpx.Client, channel: dict[str, Any], fmt: str = "ogg-opus", data: bytes | None = None
) -> dict[str, Any]:
    _, _, _, media_type, filename = FORMATS[fmt]
    payload = base64.b64encode(data if data is not None else voice_bytes(fmt)).decode()
    response = post_inbound(
        http,
        channel,
        text="",
        attachments=[{"data": payload, "media_type": media_type, "filename": filename}],
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def voice_attachment(tenant: Tenant, accepted: dict[str, Any]) -> dict[str, Any]:
    messages = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{accepted['conversation_id']}/messages")
    ).json()
    message = next(m for m in messages if m["id"] == accepted["message_id"])
    assert message["kind"] == "voice"
    return message["attachments"][0]  # type: ignore[no-any-return]


def test_voice_message_gets_duration_waveform_and_a_playable_rendition(
    http: httpx.Client, tenant: Tenant
) -> None:
    accepted = send_voice(http, tenant.new_channel(), "amr")
    attachment = wait_until(lambda: (a := voice_attachment(tenant, accepted))["playback_url"] and a)
    assert abs(attachment["duration"] - 5.66) < 0.15
    assert len(attachment["waveform"]) == 64
    playable = tenant.owner.client.get(attachment["playback_url"])
    assert playable.status_code == 200 and playable.headers["content-type"] == "audio/mp4"
    assert playable.content[4:8] == b"ftyp"
    # The original stays available, byte for byte.
    assert tenant.owner.client.get(attachment["url"]).content == voice_bytes("amr")


def test_pressing_t_transcribes_once_and_every_agent_sees_the_text_live(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    colleague = tenant.new_agent()
    accepted = send_voice(http, tenant.new_channel())
    attachment = voice_attachment(tenant, accepted)
    ws_url = base_url.replace("http", "ws") + f"/api/v1/ws?workspace_id={tenant.workspace_id}"
    with connect(ws_url, additional_headers={"Cookie": colleague.cookie}) as ws:
        path = tenant.owner.api(f"/attachments/{attachment['id']}/transcript")
        first = tenant.owner.client.post(path)
        again = colleague.client.post(colleague.api(f"/attachments/{attachment['id']}/transcript"))
        assert first.status_code == 202 and first.json()["status"] == "pending"
        assert again.json()["id"] == first.json()["id"]  # two presses, one transcript, one job

        while True:
            event = json.loads(ws.recv(timeout=30))
            if (
                event["type"] != "message.updated"
                or event["message"]["id"] != accepted["message_id"]
            ):
                continue
            transcript = event["message"]["attachments"][0]["transcript"]
            if transcript and transcript["status"] == "done":
                break
    assert word_error_rate(ROOTS_TEXT, transcript["text"]) <= 0.2
    assert transcript["language"] == "en" and transcript["engine"] == "faster-whisper"
    assert transcript["segments"] and abs(transcript["audio_seconds"] - 5.66) < 0.15
    assert transcript["processing_seconds"] > 0
    stored = tenant.owner.client.get(path).json()
    assert stored["text"] == transcript["text"]
    # Asking again once it is done changes nothing and runs nothing.
    done_again = tenant.owner.client.post(path)
    assert done_again.status_code == 200 and done_again.json()["updated_at"] == stored["updated_at"]


def test_unreadable_audio_fails_with_a_reason_and_can_be_retried(
    http: httpx.Client, tenant: Tenant
) -> None:
    accepted = send_voice(http, tenant.new_channel(), data=b"OggS" + b"\x13" * 4000)
    attachment = wait_until(lambda: (a := voice_attachment(tenant, accepted))["error"] and a)
    assert "can't be decoded" in attachment["error"]
    path = tenant.owner.api(f"/attachments/{attachment['id']}/transcript")
    first = tenant.owner.client.post(path).json()
    failed = wait_until(
        lambda: (t := tenant.owner.client.get(path).json())["status"] == "failed" and t
    )
    assert "can't be decoded" in failed["error"]
    retried = tenant.owner.client.post(path)
    assert retried.status_code == 202 and retried.json()["status"] == "pending"
    assert retried.json()["id"] == first["id"]
    wait_until(lambda: tenant.owner.client.get(path).json()["status"] == "failed")


def test_auto_transcription_has_the_text_ready_on_arrival(
    http: httpx.Client, tenant: Tenant
) -> None:
    prefs = tenant.owner.client.patch(
        tenant.owner.api("/preferences"),
        json={"auto_transcribe": True, "transcribe_language": "en"},
    )
    assert prefs.status_code == 200
    assert (prefs.json()["auto_transcribe"], prefs.json()["transcribe_language"]) == (True, "en")
    accepted = send_voice(http, tenant.new_channel(), "m4a-aac")
    transcript = wait_until(
        lambda: (
            (t := voice_attachment(tenant, accepted)["transcript"]) and t["status"] == "done" and t
        ),
        timeout=30,
    )
    assert word_error_rate(ROOTS_TEXT, transcript["text"]) <= 0.2


def test_agents_cannot_change_preferences_and_bad_values_are_refused(tenant: Tenant) -> None:
    agent = tenant.new_agent("agent")
    assert (
        agent.client.patch(agent.api("/preferences"), json={"auto_transcribe": True}).status_code
        == 403
    )
    bad = tenant.owner.client.patch(
        tenant.owner.api("/preferences"), json={"transcribe_language": "Russian"}
    )
    assert bad.status_code == 422
    assert (
        tenant.owner.client.get(tenant.owner.api("/preferences")).json()["auto_transcribe"] is False
    )


def test_only_audio_can_be_transcribed_and_other_workspaces_get_404(
    http: httpx.Client,
    tenant: Tenant,
    make_tenant,  # type: ignore[no-untyped-def]
) -> None:
    channel = tenant.new_channel()
    accepted = post_inbound(
        http,
        channel,
        attachments=[{"data": "aGk=", "media_type": "text/plain", "filename": "a.txt"}],
    ).json()
    messages = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{accepted['conversation_id']}/messages")
    ).json()
    text_file = messages[0]["attachments"][0]
    refused = tenant.owner.client.post(
        tenant.owner.api(f"/attachments/{text_file['id']}/transcript")
    )
    assert refused.status_code == 409 and "Only audio" in refused.json()["detail"]

    voice = voice_attachment(tenant, send_voice(http, channel))
    other = make_tenant()
    assert (
        other.owner.client.post(
            other.owner.api(f"/attachments/{voice['id']}/transcript")
        ).status_code
        == 404
    )
    assert (
        other.owner.client.get(
            other.owner.api(f"/attachments/{voice['id']}/transcript")
        ).status_code
        == 404
    )
    assert (
        other.owner.client.get(other.owner.api(f"/attachments/{voice['id']}/playback")).status_code
        == 404
    )
