"""Internal comments: seen by the team (live too), never sent to the contact, and they don't
answer the conversation."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from omnibox.settings import Settings
from tests.conftest import Tenant
from tests.fakes.callback_server import CallbackServer
from tests.inbox_helpers import socket, wait_for_event
from tests.messages.conftest import (
    counts,
    delivery_jobs,
    messages,
    open_conversation,
    post_message,
    upload,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_comment_is_never_delivered_and_leaves_the_conversation_unanswered(
    http: httpx.Client,
    tenant: Tenant,
    callback: CallbackServer,
    settings: Settings,
    base_url: str,
) -> None:
    owner = tenant.owner
    colleague = tenant.new_agent()
    cid = open_conversation(http, tenant, callback, text="Where is my order?")
    before = owner.client.get(owner.api(f"/conversations/{cid}")).json()
    assert before["unanswered"] is True
    file_id = upload(owner, "invoice.pdf", PDF)

    with socket(base_url, colleague) as ws:
        sent = post_message(
            owner,
            cid,
            text="Checked the warehouse: it ships tomorrow",
            attachment_ids=[file_id],
            internal=True,
            client_id="note-1",
        )
        assert sent.status_code == 201, sent.text
        event = wait_for_event(ws, "message.created")
    comment = sent.json()
    assert comment["kind"] == "comment" and comment["direction"] == "out"
    assert comment["channel_id"] is None and comment["status"] == "sent"
    assert comment["author"] == {"type": "user", "id": owner.user_id, "name": "Olga Owner"}
    assert [a["filename"] for a in comment["attachments"]] == ["invoice.pdf"]
    assert comment["mentions"] == []
    # Other agents see it live.
    assert event["message"]["id"] == comment["id"] and event["message"]["kind"] == "comment"

    # Nothing goes out: no delivery job, nothing at the callback, and it stays "sent".
    assert delivery_jobs(settings, comment["id"]) == 0
    time.sleep(1.0)
    assert callback.deliveries == []
    assert messages(owner, cid)[-1]["status"] == "sent"

    # The contact is still waiting: unanswered, and the preview is still their message.
    after = owner.client.get(owner.api(f"/conversations/{cid}")).json()
    assert after["unanswered"] is True
    assert after["last_message"] == before["last_message"]
    assert after["last_message_at"] == before["last_message_at"]

    # The same client_id again is the same comment.
    again = post_message(owner, cid, text="twice?", internal=True, client_id="note-1")
    assert again.status_code == 200 and again.json()["id"] == comment["id"]

    # A real reply afterwards answers it and is delivered (comments don't get in the way).
    reply = post_message(owner, cid, text="It ships tomorrow!")
    assert reply.status_code == 201
    [delivery] = callback.wait_for(1)
    assert delivery.json["text"] == "It ships tomorrow!"
    assert owner.client.get(owner.api(f"/conversations/{cid}")).json()["unanswered"] is False


def test_a_conversation_without_any_channel_still_takes_comments(
    tenant: Tenant,
) -> None:
    owner = tenant.owner
    contact = owner.client.post(owner.api("/contacts"), json={"name": "Walk-in"})
    assert contact.status_code == 201, contact.text
    cid = contact.json()["conversation_id"]
    assert post_message(owner, cid, text="no channel yet").status_code == 409
    sent = post_message(owner, cid, text="Met them at the shop", internal=True)
    assert sent.status_code == 201, sent.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"reply_to_id": "00000000-0000-0000-0000-000000000001"}, "reply_to_id"),
        ({"channel_id": "00000000-0000-0000-0000-000000000001"}, "channel_id"),
        ({"voice_note": True}, "voice_note"),
        ({"template": {"name": "hello", "language": "en_US"}}, "template"),
    ],
)
def test_what_a_comment_cannot_have_is_refused(
    http: httpx.Client,
    tenant: Tenant,
    settings: Settings,
    body: dict[str, Any],
    message: str,
) -> None:
    cid = open_conversation(http, tenant)
    before = counts(settings, tenant.workspace_id)
    refused = post_message(tenant.owner, cid, text="note", internal=True, **body)
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["status"] == 422 and message in problem["errors"][0]["message"]
    assert counts(settings, tenant.workspace_id) == before


def test_an_empty_comment_and_mentions_in_a_reply_are_refused(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    cid = open_conversation(http, tenant)
    before = counts(settings, tenant.workspace_id)
    empty = post_message(tenant.owner, cid, text="  ", internal=True)
    assert empty.status_code == 422 and "needs text or files" in empty.text
    mention = post_message(tenant.owner, cid, text="hi", mentions=[tenant.owner.user_id])
    assert mention.status_code == 422 and "only an internal comment" in mention.text
    assert counts(settings, tenant.workspace_id) == before


def test_comments_of_another_workspace_or_a_hidden_conversation_are_404(
    http: httpx.Client, tenant: Tenant, make_tenant: Any
) -> None:
    cid = open_conversation(http, tenant)
    other = make_tenant()
    assert post_message(other.owner, cid, text="x", internal=True).status_code == 404
    agent = tenant.new_agent()
    tenant.owner.client.patch(
        tenant.owner.api("/preferences"), json={"agent_visibility": "assigned"}
    ).raise_for_status()
    assert post_message(agent, cid, text="x", internal=True).status_code == 404
