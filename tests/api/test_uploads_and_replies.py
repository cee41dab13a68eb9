"""Agents' files, reply-to and channel choice, end to end through the API channel."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from tests.conftest import Tenant, post_inbound, wait_until
from tests.fakes.callback_server import CallbackServer
from tests.speech.conftest import voice_bytes

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(tenant: Tenant, name: str, data: bytes, **form: str) -> httpx.Response:
    return tenant.owner.client.post(
        tenant.owner.api("/uploads"), files={"file": (name, data)}, data=form
    )


def conversation_with(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> tuple[dict[str, Any], str]:
    channel = tenant.new_channel(callback_url=callback.url)
    accepted = post_inbound(
        http, channel, external_id="in-1", contact_id="client-1", text="Send me the price list"
    )
    return channel, accepted.json()["conversation_id"]


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("photo.png", PNG, "image/png"),
        ("prices.pdf", PDF, "application/pdf"),
        ("table.csv", "name;price\nчай;100\n".encode(), "text/csv"),
        ("notes.txt", b"plain words", "text/plain"),
    ],
)
def test_allowed_files_are_recognised_by_content(
    tenant: Tenant, name: str, data: bytes, media_type: str
) -> None:
    response = upload(tenant, name, data)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (
        body["media_type"] == media_type and body["size"] == len(data) and body["filename"] == name
    )


@pytest.mark.parametrize(
    ("name", "data", "status", "detail"),
    [
        ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 200, 415, "not a file type that can be sent"),
        ("innocent.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, 415, "not a file type"),
        ("empty.txt", b"", 415, "is empty"),
        ("huge.pdf", b"%PDF-1.4" + b"0" * (1024 * 1024), 413, "larger than"),
    ],
)
def test_refused_files_get_a_clear_reason_and_nothing_is_stored(
    tenant: Tenant, name: str, data: bytes, status: int, detail: str
) -> None:
    response = upload(tenant, name, data)
    assert response.status_code == status
    assert detail in response.json()["detail"]


def test_files_go_out_with_the_message_as_signed_links(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    _, conversation_id = conversation_with(http, tenant, callback)
    ids = [
        upload(tenant, "prices.pdf", PDF).json()["id"],
        upload(tenant, "photo.png", PNG).json()["id"],
    ]
    sent = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"),
        json={"text": "Here you go", "attachment_ids": ids},
    )
    assert sent.status_code == 201
    assert [a["filename"] for a in sent.json()["attachments"]] == ["prices.pdf", "photo.png"]
    [delivery] = callback.wait_for(1)
    files = delivery.json["attachments"]
    assert [f["media_type"] for f in files] == ["application/pdf", "image/png"]
    # The receiving system downloads them without a session, through the signed links.
    assert httpx.get(files[0]["url"]).content == PDF
    assert httpx.get(files[1]["url"]).content == PNG
    # An upload is sent once: reusing it is refused and stores nothing.
    again = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"),
        json={"text": "again", "attachment_ids": ids[:1]},
    )
    assert again.status_code == 422 and "already sent" in again.json()["detail"]


def test_another_agents_upload_cannot_be_sent(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    _, conversation_id = conversation_with(http, tenant, callback)
    colleague = tenant.new_agent()
    theirs = colleague.client.post(colleague.api("/uploads"), files={"file": ("a.pdf", PDF)}).json()
    response = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"),
        json={"text": "x", "attachment_ids": [theirs["id"]]},
    )
    assert response.status_code == 422


def test_reply_to_goes_out_with_the_channels_id_of_the_original(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    _, conversation_id = conversation_with(http, tenant, callback)
    path = tenant.owner.api(f"/conversations/{conversation_id}/messages")
    original = tenant.owner.client.get(path).json()[0]
    sent = tenant.owner.client.post(
        path, json={"text": "Attached above", "reply_to_id": original["id"]}
    )
    assert sent.status_code == 201 and sent.json()["reply_to_id"] == original["id"]
    [delivery] = callback.wait_for(1)
    assert delivery.json["reply_to"] == "in-1"


def test_a_message_still_sending_cannot_be_replied_to(http: httpx.Client, tenant: Tenant) -> None:
    from tests.conftest import free_port

    channel = tenant.new_channel(callback_url=f"http://127.0.0.1:{free_port()}/down")
    conversation_id = post_inbound(http, channel).json()["conversation_id"]
    path = tenant.owner.api(f"/conversations/{conversation_id}/messages")
    pending = tenant.owner.client.post(path, json={"text": "first"}).json()
    refused = tenant.owner.client.post(path, json={"text": "second", "reply_to_id": pending["id"]})
    assert refused.status_code == 409 and "still being sent" in refused.json()["detail"]


def test_the_agent_can_choose_another_of_the_contacts_channels(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer, settings: Any
) -> None:
    import uuid

    from omnibox.models import ContactHandle
    from tests.conftest import run_db

    first = tenant.new_channel(callback_url=callback.url, name_="Site")
    other_callback = CallbackServer().start()
    try:
        second = tenant.new_channel(callback_url=other_callback.url, name_="App")
        unused = tenant.new_channel(name_="Unused")
        conversation_id = post_inbound(http, first, contact_id="same").json()["conversation_id"]
        contact_id = tenant.owner.client.get(
            tenant.owner.api(f"/conversations/{conversation_id}")
        ).json()["contact"]["id"]

        async def also_on_second(session: Any) -> None:
            session.add(
                ContactHandle(
                    workspace_id=uuid.UUID(tenant.workspace_id),
                    contact_id=uuid.UUID(contact_id),
                    channel_id=uuid.UUID(second["id"]),
                    external_id="same-in-app",
                )
            )

        run_db(settings, also_on_second)
        path = tenant.owner.api(f"/conversations/{conversation_id}/messages")
        default = tenant.owner.client.post(path, json={"text": "on site"}).json()
        assert default["channel_id"] == first["id"]
        chosen = tenant.owner.client.post(path, json={"text": "in app", "channel_id": second["id"]})
        assert chosen.status_code == 201 and chosen.json()["channel_id"] == second["id"]
        [in_app] = other_callback.wait_for(1)
        assert in_app.json["text"] == "in app" and in_app.json["contact"] == {"id": "same-in-app"}
        assert [d.json["text"] for d in callback.wait_for(1)] == ["on site"]
        refused = tenant.owner.client.post(path, json={"text": "x", "channel_id": unused["id"]})
        assert refused.status_code == 409 and "can't be reached" in refused.json()["detail"]
    finally:
        other_callback.stop()


def test_a_recorded_voice_note_is_sent_as_a_voice_message(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    _, conversation_id = conversation_with(http, tenant, callback)
    recording = upload(tenant, "recording.webm", voice_bytes("webm-opus"), voice="true").json()
    assert recording["media_type"] == "audio/webm"
    sent = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"),
        json={"attachment_ids": [recording["id"]], "voice_note": True},
    ).json()
    assert sent["kind"] == "voice"
    path = tenant.owner.api(f"/conversations/{conversation_id}/messages")
    playable = wait_until(
        lambda: (
            (m := tenant.owner.client.get(path).json()[-1])["attachments"][0]["playback_url"] and m
        )
    )
    assert abs(playable["attachments"][0]["duration"] - 5.66) < 0.15
