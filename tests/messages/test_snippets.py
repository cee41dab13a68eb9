"""Saved replies: managed by owners and managers, read by everyone, and their files sent as
copies (the snippet keeps them)."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from omnibox.settings import Settings
from tests.conftest import Tenant
from tests.fakes.callback_server import CallbackServer
from tests.messages.conftest import counts, messages, open_conversation, post_message, upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _create(tenant: Tenant, **body: Any) -> dict[str, Any]:
    response = tenant.owner.client.post(tenant.owner.api("/snippets"), json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_owners_and_managers_manage_snippets_everybody_reads_them(tenant: Tenant) -> None:
    owner = tenant.owner
    manager = tenant.new_agent("manager")
    agent = tenant.new_agent()
    price = upload(owner, "prices.pdf", PDF)
    created = _create(
        tenant,
        name="  Прайс  ",
        text="Здравствуйте, {{contact.first_name|клиент}}! Прайс во вложении.",
        attachment_ids=[price],
    )
    assert created["name"] == "Прайс"
    assert created["created_by"] == {"id": owner.user_id, "name": "Olga Owner"}
    [file] = created["files"]
    assert file["id"] == price and file["filename"] == "prices.pdf"
    assert file["media_type"] == "application/pdf" and file["size"] == len(PDF)
    # Every member can fetch the file by its url.
    assert agent.client.get(file["url"]).content == PDF

    by_manager = manager.client.post(
        manager.api("/snippets"), json={"name": "Delivery", "text": "We deliver on Fridays."}
    )
    assert by_manager.status_code == 201
    refused = agent.client.post(agent.api("/snippets"), json={"name": "Mine", "text": "x"})
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    snippet_path = f"/snippets/{created['id']}"
    assert agent.client.patch(agent.api(snippet_path), json={"name": "x"}).status_code == 403
    assert agent.client.delete(agent.api(snippet_path)).status_code == 403

    listed = agent.client.get(agent.api("/snippets")).json()
    assert [s["name"] for s in listed] == ["Delivery", "Прайс"]
    assert [s["name"] for s in agent.client.get(agent.api("/snippets?q=прАЙС")).json()] == ["Прайс"]
    assert [s["name"] for s in agent.client.get(agent.api("/snippets?q=friday")).json()] == [
        "Delivery"
    ]
    assert agent.client.get(agent.api("/snippets?q=100%")).json() == []
    assert agent.client.get(agent.api(snippet_path)).json() == created


def test_editing_replaces_the_files_and_deleting_removes_the_snippet(tenant: Tenant) -> None:
    owner = tenant.owner
    first, second, third = (upload(owner, f"f{i}.pdf", PDF) for i in range(3))
    snippet = _create(tenant, name="Docs", text="", attachment_ids=[first, second])
    path = owner.api(f"/snippets/{snippet['id']}")
    patched = owner.client.patch(path, json={"text": "Updated", "attachment_ids": [third, first]})
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["text"] == "Updated" and body["name"] == "Docs"
    assert [f["id"] for f in body["files"]] == [third, first]
    assert body["updated_at"] > snippet["updated_at"]
    # Without attachment_ids the files stay.
    renamed = owner.client.patch(path, json={"name": "Documents"}).json()
    assert [f["id"] for f in renamed["files"]] == [third, first]
    # No text and no files is nothing to send.
    emptied = owner.client.patch(path, json={"text": " ", "attachment_ids": []})
    assert emptied.status_code == 422
    assert [f["id"] for f in owner.client.get(path).json()["files"]] == [third, first]

    assert owner.client.delete(path).status_code == 204
    assert owner.client.get(path).status_code == 404
    assert owner.client.delete(path).status_code == 404


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"name": "", "text": "x"}, 422),
        ({"name": "   ", "text": "x"}, 422),
        ({"name": "n" * 101, "text": "x"}, 422),
        ({"name": "Empty", "text": "  "}, 422),
        ({"name": "Typo", "text": "Hi {{contact.frist_name}}"}, 422),
        ({"name": "Ghost", "attachment_ids": ["00000000-0000-0000-0000-000000000001"]}, 422),
    ],
)
def test_bad_snippets_are_refused_and_nothing_is_stored(
    tenant: Tenant, body: dict[str, Any], status: int
) -> None:
    response = tenant.owner.client.post(tenant.owner.api("/snippets"), json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert tenant.owner.client.get(tenant.owner.api("/snippets")).json() == []


def test_a_file_can_belong_to_one_snippet_or_message_only(
    http: httpx.Client, tenant: Tenant
) -> None:
    owner = tenant.owner
    file_id = upload(owner, "a.pdf", PDF)
    _create(tenant, name="One", attachment_ids=[file_id])
    again = owner.client.post(
        owner.api("/snippets"), json={"name": "Two", "attachment_ids": [file_id]}
    )
    assert again.status_code == 422
    cid = open_conversation(http, tenant)
    # Nor can the snippet's file be taken away as an upload of a message.
    assert post_message(owner, cid, text="x", attachment_ids=[file_id]).status_code == 422
    # Someone else's upload can't be put in a snippet.
    manager = tenant.new_agent("manager")
    mine = upload(owner, "b.pdf", PDF)
    theirs = manager.client.post(
        manager.api("/snippets"), json={"name": "Three", "attachment_ids": [mine]}
    )
    assert theirs.status_code == 422


def test_snippet_files_are_sent_as_copies_and_the_snippet_keeps_them(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer, settings: Settings
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    snippet = _create(
        tenant,
        name="Prices",
        text="Prices attached",
        attachment_ids=[upload(owner, "prices.pdf", PDF), upload(owner, "logo.png", PNG)],
    )
    snippet_files = [f["id"] for f in snippet["files"]]
    cid = open_conversation(http, tenant, callback)
    own = upload(agent, "note.pdf", PDF)
    sent = post_message(
        agent, cid, text="Here you go", attachment_ids=[own], snippet_file_ids=snippet_files
    )
    assert sent.status_code == 201, sent.text
    attachments = sent.json()["attachments"]
    assert [a["filename"] for a in attachments] == ["note.pdf", "prices.pdf", "logo.png"]
    assert not {a["id"] for a in attachments} & set(snippet_files)
    [delivery] = callback.wait_for(1)
    assert [f["media_type"] for f in delivery.json["attachments"]] == [
        "application/pdf",
        "application/pdf",
        "image/png",
    ]
    assert httpx.get(delivery.json["attachments"][2]["url"]).content == PNG

    # The snippet still has its files, and they can be sent again (also in a comment).
    kept = agent.client.get(agent.api(f"/snippets/{snippet['id']}")).json()
    assert [f["id"] for f in kept["files"]] == snippet_files
    again = post_message(agent, cid, snippet_file_ids=snippet_files[:1], internal=True)
    assert again.status_code == 201 and again.json()["kind"] == "comment"
    assert [a["filename"] for a in again.json()["attachments"]] == ["prices.pdf"]

    # Deleting the snippet leaves the messages' copies alone.
    owner.client.delete(owner.api(f"/snippets/{snippet['id']}")).raise_for_status()
    assert [len(m["attachments"]) for m in messages(agent, cid)] == [0, 3, 1]
    url = messages(agent, cid)[1]["attachments"][1]["url"]
    assert agent.client.get(url).content == PDF


def test_unknown_snippet_files_are_refused_and_nothing_is_stored(
    http: httpx.Client,
    tenant: Tenant,
    make_tenant: Any,
    callback: CallbackServer,
    settings: Settings,
) -> None:
    other = make_tenant()
    foreign = other.owner.client.post(
        other.owner.api("/snippets"),
        json={"name": "Theirs", "attachment_ids": [upload(other.owner, "x.pdf", PDF)]},
    ).json()
    plain_upload = upload(tenant.owner, "y.pdf", PDF)
    cid = open_conversation(http, tenant, callback)
    before = counts(settings, tenant.workspace_id)
    for ids in (
        [foreign["files"][0]["id"]],
        [plain_upload],  # an upload is not a snippet file
        ["00000000-0000-0000-0000-000000000001"],
    ):
        refused = post_message(tenant.owner, cid, text="x", snippet_file_ids=ids)
        assert refused.status_code == 422
        assert refused.json()["detail"] == "Some snippet files are unknown or were removed."
    too_many = post_message(
        tenant.owner,
        cid,
        attachment_ids=[plain_upload] * 30,
        snippet_file_ids=["00000000-0000-0000-0000-000000000001"] * 21,
    )
    assert too_many.status_code == 422 and "at most 50 files" in too_many.text
    assert counts(settings, tenant.workspace_id) == before
    assert callback.deliveries == []
    # Other workspaces' snippets are not found.
    assert (
        tenant.owner.client.get(tenant.owner.api(f"/snippets/{foreign['id']}")).status_code == 404
    )
    assert (
        tenant.owner.client.delete(tenant.owner.api(f"/snippets/{foreign['id']}")).status_code
        == 404
    )


def test_an_audio_file_of_a_snippet_becomes_playable_once_sent(
    http: httpx.Client, tenant: Tenant, callback: CallbackServer
) -> None:
    from tests.conftest import wait_until
    from tests.speech.conftest import voice_bytes

    owner = tenant.owner
    audio = upload(owner, "greeting.mp3", voice_bytes("mp3"))
    snippet = _create(tenant, name="Greeting", text="", attachment_ids=[audio])
    assert snippet["files"][0]["media_type"] == "audio/mpeg"
    cid = open_conversation(http, tenant, callback)
    sent = post_message(owner, cid, snippet_file_ids=[audio])
    assert sent.status_code == 201 and sent.json()["kind"] == "media"
    playable = wait_until(
        lambda: (a := messages(owner, cid)[-1]["attachments"][0])["playback_url"] and a, 30
    )
    assert playable["duration"] > 1 and playable["waveform"]
