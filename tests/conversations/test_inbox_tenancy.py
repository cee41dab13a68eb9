"""Invariant 1 for everything inbox management added: another workspace gets 404."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Tenant
from tests.inbox_helpers import inbound


def test_another_workspace_gets_404_for_everything_new(
    http: httpx.Client, make_tenant: Any
) -> None:
    a: Tenant = make_tenant()
    b: Tenant = make_tenant()
    bo = b.owner
    cid = inbound(http, b.new_channel())["conversation_id"]
    contact = bo.client.get(bo.api(f"/conversations/{cid}")).json()["contact"]["id"]
    team = bo.client.post(bo.api("/teams"), json={"name": "B team"}).json()
    inbox = bo.client.post(bo.api("/custom-inboxes"), json={"name": "B inbox"}).json()
    field = bo.client.post(
        bo.api("/custom-fields"), json={"key": "k", "label": "K", "kind": "text"}
    ).json()
    bo.client.post(bo.api(f"/conversations/{cid}/assign"), json={"team_id": team["id"]})

    ao = a.owner
    own = ao.api("")
    gets = [
        f"/conversations/{cid}",
        f"/contacts/{contact}",
        f"/custom-inboxes/{inbox['id']}",
    ]
    for path in gets:
        assert ao.client.get(own + path).status_code == 404, path
    posts: list[tuple[str, Any]] = [
        (f"/conversations/{cid}/assign", {"assignee_id": ao.user_id}),
        (f"/conversations/{cid}/unassign", None),
        (f"/conversations/{cid}/close", None),
        (f"/conversations/{cid}/reopen", None),
        (f"/conversations/{cid}/snooze", {"until": "2030-01-01T00:00:00Z"}),
        (f"/conversations/{cid}/unsnooze", None),
        (f"/contacts/{contact}/block", None),
        (f"/contacts/{contact}/unblock", None),
        (f"/teams/{team['id']}/members", {"user_id": ao.user_id}),
    ]
    for path, body in posts:
        response = ao.client.post(own + path, json=body)
        assert response.status_code in (404, 422), path
        if response.status_code == 422:
            assert path.endswith("/snooze")  # a bad time is refused before the lookup
    assert ao.client.patch(own + f"/contacts/{contact}", json={"name": "x"}).status_code == 404
    assert ao.client.patch(own + f"/teams/{team['id']}", json={"name": "x"}).status_code == 404
    assert ao.client.delete(own + f"/teams/{team['id']}").status_code == 404
    assert (
        ao.client.patch(own + f"/custom-inboxes/{inbox['id']}", json={"name": "x"}).status_code
        == 404
    )
    assert ao.client.delete(own + f"/custom-inboxes/{inbox['id']}").status_code == 404
    assert (
        ao.client.patch(own + f"/custom-fields/{field['id']}", json={"label": "x"}).status_code
        == 404
    )
    assert ao.client.delete(own + f"/custom-fields/{field['id']}").status_code == 404
    for query in ({"mailbox": f"team:{team['id']}"}, {"mailbox": f"custom:{inbox['id']}"}):
        assert ao.client.get(own + "/conversations", params=query).status_code == 404
    # A's filters can't name B's things.
    bad = ao.client.post(
        own + "/custom-inboxes", json={"name": "x", "filters": {"team_ids": [team["id"]]}}
    )
    assert bad.status_code == 422
    # Through B's workspace id, which A is not a member of: 404 for every new endpoint.
    theirs = f"/api/v1/workspaces/{b.workspace_id}"
    for path in (
        "/mailboxes",
        "/teams",
        "/custom-inboxes",
        "/custom-fields",
        "/notifications",
        "/preferences",
    ):
        assert ao.client.get(theirs + path).status_code == 404, path
    assert ao.client.post(theirs + "/contacts", json={"name": "x"}).status_code == 404
    assert ao.client.post(theirs + "/notifications/read", json={"all": True}).status_code == 404
    # And nothing of B shows in A's menu.
    menu = ao.client.get(own + "/mailboxes").json()
    assert [b["id"] for b in menu["mailboxes"]] == ["all", "mine", "unassigned", "blocked"]
    assert all(box["counts"] == {"open": 0, "closed": 0, "snoozed": 0} for box in menu["mailboxes"])
