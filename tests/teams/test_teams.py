"""Teams: owners and managers manage them; members must belong to the workspace."""

from __future__ import annotations

import uuid

import httpx

from tests.conftest import Tenant
from tests.inbox_helpers import conversations, ids, inbound


def test_team_crud_and_roles(http: httpx.Client, tenant: Tenant) -> None:
    owner = tenant.owner
    manager = tenant.new_agent("manager")
    agent = tenant.new_agent()
    created = manager.client.post(
        manager.api("/teams"), json={"name": "Sales", "member_ids": [agent.user_id]}
    )
    assert created.status_code == 201, created.text
    team = created.json()
    assert team["member_ids"] == [agent.user_id]
    assert owner.client.post(owner.api("/teams"), json={"name": "Sales"}).status_code == 409
    assert agent.client.post(agent.api("/teams"), json={"name": "Mine"}).status_code == 403
    assert agent.client.get(agent.api("/teams")).json() == [team]
    stranger = str(uuid.uuid4())
    bad = owner.client.post(owner.api("/teams"), json={"name": "X", "member_ids": [stranger]})
    assert bad.status_code == 422

    tid = team["id"]
    renamed = owner.client.patch(owner.api(f"/teams/{tid}"), json={"name": "Sales EU"})
    assert renamed.json()["name"] == "Sales EU"
    assert agent.client.patch(agent.api(f"/teams/{tid}"), json={"name": "x"}).status_code == 403
    added = owner.client.post(owner.api(f"/teams/{tid}/members"), json={"user_id": manager.user_id})
    assert set(added.json()["member_ids"]) == {agent.user_id, manager.user_id}
    assert (
        owner.client.post(
            owner.api(f"/teams/{tid}/members"), json={"user_id": stranger}
        ).status_code
        == 422
    )
    assert (
        agent.client.delete(agent.api(f"/teams/{tid}/members/{manager.user_id}")).status_code == 403
    )
    assert (
        owner.client.delete(owner.api(f"/teams/{tid}/members/{manager.user_id}")).status_code == 204
    )
    assert (
        owner.client.delete(owner.api(f"/teams/{tid}/members/{manager.user_id}")).status_code == 404
    )

    # Deleting a team keeps its conversations, without a team.
    cid = inbound(http, tenant.new_channel())["conversation_id"]
    owner.client.post(
        owner.api(f"/conversations/{cid}/assign"), json={"team_id": tid}
    ).raise_for_status()
    assert ids(conversations(owner, mailbox=f"team:{tid}")) == [cid]
    assert agent.client.delete(agent.api(f"/teams/{tid}")).status_code == 403
    assert owner.client.delete(owner.api(f"/teams/{tid}")).status_code == 204
    assert owner.client.get(owner.api(f"/conversations/{cid}")).json()["team_id"] is None
    assert owner.client.get(owner.api("/teams")).json() == []
