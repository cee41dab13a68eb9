"""The API channel's webhook: contacts, conversations, attachments, idempotency, bad input."""

from __future__ import annotations

import base64
import uuid
from typing import Any

import httpx
import pytest

from tests.conftest import Tenant, post_inbound, run_db, wait_until


def conversations(tenant: Tenant) -> list[dict[str, Any]]:
    return tenant.owner.client.get(tenant.owner.api("/conversations")).json()


def messages(tenant: Tenant, conversation_id: str) -> list[dict[str, Any]]:
    response = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{conversation_id}/messages")
    )
    assert response.status_code == 200
    return response.json()


def test_first_message_creates_contact_and_open_conversation(
    http: httpx.Client, tenant: Tenant
) -> None:
    channel = tenant.new_channel()
    response = http.post(
        channel["webhook_url"],
        json={
            "id": "ext-1",
            "contact": {
                "id": "u-42",
                "name": "Мария Иванова",
                "phone": "+79990001122",
                "email": "m@example.ru",
            },
            "text": "Здравствуйте!",
        },
    )
    assert response.status_code == 200
    [conversation] = conversations(tenant)
    assert conversation["status"] == "open"
    assert conversation["contact"] | {"id": None} == {
        "id": None,
        "name": "Мария Иванова",
        "phone": "+79990001122",
        "email": "m@example.ru",
        "tags": [],
    }
    assert conversation["unread_count"] == 1
    assert conversation["last_message"]["text"] == "Здравствуйте!"
    assert conversation["last_channel"]["id"] == channel["id"]
    [message] = messages(tenant, conversation["id"])
    assert message["direction"] == "in" and message["author"]["name"] == "Мария Иванова"
    assert message["external_id"] == "ext-1" and message["status"] == "received"


def test_same_delivery_five_times_stores_one_message(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    results = [
        post_inbound(http, channel, external_id="dup-1", text="once").json() for _ in range(5)
    ]
    assert [r["duplicate"] for r in results] == [False, True, True, True, True]
    assert len({r["message_id"] for r in results}) == 1
    [conversation] = conversations(tenant)
    assert conversation["unread_count"] == 1
    assert [m["text"] for m in messages(tenant, conversation["id"])] == ["once"]


def test_concurrent_duplicates_store_one_message(http: httpx.Client, tenant: Tenant) -> None:
    import concurrent.futures

    channel = tenant.new_channel()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(
            pool.map(
                lambda _: (
                    post_inbound(
                        http, channel, external_id="race-1", contact_id="racer"
                    ).status_code
                ),
                range(8),
            )
        )
    assert statuses == [200] * 8
    [conversation] = conversations(tenant)
    assert len(messages(tenant, conversation["id"])) == 1


def test_messages_of_one_contact_share_a_conversation_and_update_the_contact(
    http: httpx.Client, tenant: Tenant
) -> None:
    channel = tenant.new_channel()
    post_inbound(http, channel, contact_id="same", name="Old Name", text="first")
    post_inbound(http, channel, contact_id="same", name="New Name", text="second")
    post_inbound(http, channel, contact_id="other", name="Someone", text="third")
    listed = conversations(tenant)
    assert [c["contact"]["name"] for c in listed] == ["Someone", "New Name"]
    assert [m["text"] for m in messages(tenant, listed[1]["id"])] == ["first", "second"]
    assert listed[1]["unread_count"] == 2


def test_a_new_message_reopens_a_closed_conversation(
    http: httpx.Client, tenant: Tenant, settings
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from omnibox.models import Conversation

    channel = tenant.new_channel()
    conversation_id = post_inbound(http, channel, contact_id="c").json()["conversation_id"]

    async def close(session: Any) -> None:
        await session.execute(
            update(Conversation)
            .where(Conversation.id == uuid.UUID(conversation_id))
            .values(status="closed")
        )

    run_db(settings, close)
    assert conversations(tenant)[0]["status"] == "closed"
    post_inbound(http, channel, contact_id="c", text="me again")
    assert conversations(tenant)[0]["status"] == "open"


def test_reply_to_maps_to_our_message(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    first = post_inbound(http, channel, external_id="q-1", text="question").json()
    post_inbound(http, channel, external_id="q-2", text="follow-up", reply_to="q-1")
    listed = messages(tenant, first["conversation_id"])
    assert listed[1]["reply_to_id"] == first["message_id"]


def test_inline_attachment_is_stored_and_downloadable(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    accepted = post_inbound(
        http,
        channel,
        text="",
        attachments=[
            {
                "data": base64.b64encode(png).decode(),
                "media_type": "image/png",
                "filename": "dot.png",
            }
        ],
    ).json()
    [message] = messages(tenant, accepted["conversation_id"])
    assert message["kind"] == "media"
    [attachment] = message["attachments"]
    assert attachment["status"] == "ready" and attachment["size"] == len(png)
    content = tenant.owner.client.get(attachment["url"])
    assert content.status_code == 200 and content.content == png
    assert content.headers["content-type"] == "image/png"
    assert conversations(tenant)[0]["last_message"]["attachment_count"] == 1


def test_url_attachment_is_downloaded_by_a_job(
    http: httpx.Client, tenant: Tenant, files_server
) -> None:  # type: ignore[no-untyped-def]
    channel = tenant.new_channel()
    files_server.files["/voice.ogg"] = b"OggS fake but bytes are bytes"
    accepted = post_inbound(
        http,
        channel,
        text="listen",
        attachments=[
            {
                "url": files_server.url("/voice.ogg"),
                "media_type": "audio/ogg",
                "filename": "voice.ogg",
            }
        ],
    ).json()

    def ready() -> dict[str, Any] | None:
        attachment = messages(tenant, accepted["conversation_id"])[0]["attachments"][0]
        return attachment if attachment["status"] == "ready" else None

    attachment = wait_until(ready)
    assert tenant.owner.client.get(attachment["url"]).content == b"OggS fake but bytes are bytes"


def test_a_missing_url_attachment_ends_failed_with_the_message_kept(
    http: httpx.Client,
    tenant: Tenant,
    files_server,  # type: ignore[no-untyped-def]
) -> None:
    channel = tenant.new_channel()
    accepted = post_inbound(
        http,
        channel,
        text="see file",
        attachments=[{"url": files_server.url("/gone.pdf"), "media_type": "application/pdf"}],
    ).json()

    def failed() -> dict[str, Any] | None:
        attachment = messages(tenant, accepted["conversation_id"])[0]["attachments"][0]
        return attachment if attachment["status"] == "failed" else None

    attachment = wait_until(failed)
    assert attachment["url"] is None
    assert messages(tenant, accepted["conversation_id"])[0]["text"] == "see file"


@pytest.mark.parametrize(
    ("body", "headers", "status", "detail_part"),
    [
        (b"{not json", {"content-type": "application/json"}, 422, "not valid JSON"),
        (
            b'{"id": "x", "contact": {"id": "c"}}',
            {"content-type": "application/json"},
            422,
            "format",
        ),
        (
            b'{"contact": {"id": "c"}, "text": "t"}',
            {"content-type": "application/json"},
            422,
            "format",
        ),
        (
            b'{"id": "x", "contact": {"id": "c"}, '
            b'"attachments": [{"data": "%%%", "media_type": "text/plain"}]}',
            {"content-type": "application/json"},
            422,
            "base64",
        ),
        (
            b'{"id": "x", "contact": {"id": "c"}, "attachments": [{"media_type": "text/plain"}]}',
            {"content-type": "application/json"},
            422,
            "format",
        ),
        (b"id=x", {"content-type": "application/x-www-form-urlencoded"}, 415, "application/json"),
    ],
)
def test_bad_payloads_get_a_clear_problem_and_store_nothing(
    http: httpx.Client,
    tenant: Tenant,
    body: bytes,
    headers: dict[str, str],
    status: int,
    detail_part: str,
) -> None:
    channel = tenant.new_channel()
    response = http.post(channel["webhook_url"], content=body, headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    assert detail_part in response.json()["detail"]
    assert conversations(tenant) == []
    assert tenant.owner.client.get(tenant.owner.api("/contacts")).json() == []


def test_wrong_token_is_404_and_stores_nothing(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    wrong = channel["webhook_url"].rsplit("/", 1)[0] + "/not-a-token"
    response = http.post(wrong, json={"id": "x", "contact": {"id": "c"}, "text": "hi"})
    assert response.status_code == 404
    assert conversations(tenant) == []


def test_oversized_body_is_413_and_stores_nothing(
    http: httpx.Client, tenant: Tenant, settings
) -> None:  # type: ignore[no-untyped-def]
    channel = tenant.new_channel()
    big = "x" * (settings.max_webhook_bytes + 10)
    response = post_inbound(http, channel, text=big[:10], padding=big)
    assert response.status_code == 413
    assert conversations(tenant) == []


def test_oversized_attachment_is_413_and_stores_nothing(
    http: httpx.Client, tenant: Tenant, settings
) -> None:  # type: ignore[no-untyped-def]
    channel = tenant.new_channel()
    data = base64.b64encode(b"\0" * (settings.max_attachment_bytes + 1)).decode()
    response = post_inbound(
        http,
        channel,
        attachments=[{"data": data, "media_type": "application/zip", "filename": "big.zip"}],
    )
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]
    assert conversations(tenant) == []
