from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.conftest import Tenant, post_inbound, run_db


def test_one_message_can_be_fetched_and_others_workspaces_get_404(
    http: httpx.Client, tenant: Tenant, make_tenant: Any
) -> None:
    accepted = post_inbound(http, tenant.new_channel(), text="quoted later").json()
    one = tenant.owner.client.get(tenant.owner.api(f"/messages/{accepted['message_id']}"))
    assert one.status_code == 200 and one.json()["text"] == "quoted later"
    other = make_tenant()
    assert (
        other.owner.client.get(other.owner.api(f"/messages/{accepted['message_id']}")).status_code
        == 404
    )
    assert tenant.owner.client.get(tenant.owner.api(f"/messages/{uuid.uuid4()}")).status_code == 404


def test_unsupported_messages_carry_what_the_channel_sent(
    http: httpx.Client, tenant: Tenant, settings: Any
) -> None:
    from sqlalchemy import update

    from omnibox.models import Message

    accepted = post_inbound(http, tenant.new_channel(), text="a poll").json()

    async def make_unsupported(session: Any) -> None:
        await session.execute(
            update(Message)
            .where(Message.id == uuid.UUID(accepted["message_id"]))
            .values(kind="unsupported", raw={"poll": {"question": "Tea or coffee?"}})
        )

    run_db(settings, make_unsupported)
    message = tenant.owner.client.get(
        tenant.owner.api(f"/messages/{accepted['message_id']}")
    ).json()
    assert message["kind"] == "unsupported" and message["raw"] == {
        "poll": {"question": "Tea or coffee?"}
    }


def test_a_contact_lists_the_channels_it_can_be_reached_on(
    http: httpx.Client, tenant: Tenant
) -> None:
    channel = tenant.new_channel(name_="Website")
    conversation_id = post_inbound(http, channel, contact_id="c-9").json()["conversation_id"]
    contact_id = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{conversation_id}")
    ).json()["contact"]["id"]
    contact = tenant.owner.client.get(tenant.owner.api(f"/contacts/{contact_id}")).json()
    assert contact["channels"] == [{"id": channel["id"], "kind": "api", "name": "Website"}]
