from __future__ import annotations

import httpx

from tests.conftest import Tenant, post_inbound


def test_channels_are_listed_without_secrets_and_with_capabilities(tenant: Tenant) -> None:
    created = tenant.owner.client.post(
        tenant.owner.api("/channels"),
        json={"name": "Shop", "callback_url": "https://shop.example/cb"},
    ).json()
    assert created["signing_secret"]  # shown once, at creation
    [listed] = tenant.owner.client.get(tenant.owner.api("/channels")).json()
    assert "signing_secret" not in listed and "secrets" not in listed
    assert listed["capabilities"] == {
        "reply_to": True,
        "typing": False,
        "messaging_window_hours": None,
    }
    assert listed["settings"] == {"callback_url": "https://shop.example/cb"}


def test_rename_change_callback_and_remove_keeping_the_history(
    http: httpx.Client, tenant: Tenant
) -> None:
    channel = tenant.new_channel(callback_url="https://old.example/cb")
    conversation_id = post_inbound(http, channel, text="kept").json()["conversation_id"]
    path = tenant.owner.api(f"/channels/{channel['id']}")
    renamed = tenant.owner.client.patch(
        path, json={"name": "Website", "callback_url": "https://new.example/cb"}
    )
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Website"
    assert renamed.json()["settings"]["callback_url"] == "https://new.example/cb"
    assert tenant.owner.client.patch(path, json={"callback_url": "not a url"}).status_code == 422

    agent = tenant.new_agent("agent")
    assert agent.client.delete(agent.api(f"/channels/{channel['id']}")).status_code == 403
    assert tenant.owner.client.delete(path).status_code == 204
    assert tenant.owner.client.get(tenant.owner.api("/channels")).json() == []
    # Its webhook is gone, its conversation and messages are not.
    assert post_inbound(http, channel).status_code == 404
    messages = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{conversation_id}/messages")
    ).json()
    assert [m["text"] for m in messages] == ["kept"]
    reply = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{conversation_id}/messages"), json={"text": "hello?"}
    )
    assert reply.status_code == 409 and "no channel" in reply.json()["detail"]
