"""Actions on a conversation: assign, unassign, close (closing notes), reopen, snooze."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from omnibox.settings import Settings
from tests.conftest import Tenant, run_db, wait_until
from tests.inbox_helpers import conversations, ids, inbound, set_preferences, socket, wait_for_event


def _post(agent: Any, path: str, json: Any = None) -> httpx.Response:
    response: httpx.Response = agent.client.post(agent.api(path), json=json)
    return response


def test_assign_and_unassign(http: httpx.Client, tenant: Tenant, base_url: str) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    cid = inbound(http, tenant.new_channel())["conversation_id"]
    team = _post(owner, "/teams", {"name": "Support"}).json()

    with socket(base_url, owner) as ws:
        done = _post(owner, f"/conversations/{cid}/assign", {"assignee_id": agent.user_id})
        assert done.status_code == 200, done.text
        assert done.json()["assignee_id"] == agent.user_id
        assert wait_for_event(ws, "conversation.updated")["conversation_id"] == cid
    assert ids(conversations(agent, mailbox="mine")) == [cid]

    # The team alone changes; the assignee stays.
    done = _post(owner, f"/conversations/{cid}/assign", {"team_id": team["id"]}).json()
    assert (done["assignee_id"], done["team_id"]) == (agent.user_id, team["id"])
    # null clears one of them.
    done = _post(owner, f"/conversations/{cid}/assign", {"assignee_id": None}).json()
    assert (done["assignee_id"], done["team_id"]) == (None, team["id"])
    done = _post(owner, f"/conversations/{cid}/unassign").json()
    assert (done["assignee_id"], done["team_id"]) == (None, None)
    assert cid in ids(conversations(owner, mailbox="unassigned"))

    # Bad input: clear problems, nothing written.
    other = tenant.new_agent()
    stranger = str(uuid.uuid4())
    for body, name in (
        ({"assignee_id": stranger}, "assignee_id"),
        ({"team_id": stranger}, "team_id"),
    ):
        bad = _post(owner, f"/conversations/{cid}/assign", body)
        assert bad.status_code == 422, bad.text
        assert bad.headers["content-type"] == "application/problem+json"
        assert bad.json()["errors"][0]["field"] == name
    assert _post(owner, f"/conversations/{uuid.uuid4()}/assign", {}).status_code == 404
    assert (
        _post(other, f"/conversations/{cid}/assign", {"assignee_id": other.user_id}).status_code
        == 200
    )


def test_closing_notes_modes(http: httpx.Client, tenant: Tenant) -> None:
    owner = tenant.owner
    channel = tenant.new_channel()

    def fresh() -> str:
        return str(inbound(http, channel)["conversation_id"])

    # off: plain close; a note is refused.
    cid = fresh()
    assert _post(owner, f"/conversations/{cid}/close", {"note": "x"}).status_code == 422
    closed = _post(owner, f"/conversations/{cid}/close")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert closed.json()["closed_at"] is not None
    assert _post(owner, f"/conversations/{cid}/close").status_code == 409

    # optional: a note and a category from the list may be given.
    set_preferences(tenant, closing_notes="optional", closing_categories=["Sale", "Spam"])
    cid = fresh()
    assert _post(owner, f"/conversations/{cid}/close", {"category": "Other"}).status_code == 422
    done = _post(owner, f"/conversations/{cid}/close", {"note": "bought", "category": "Sale"})
    assert (done.json()["closing_note"], done.json()["closing_category"]) == ("bought", "Sale")
    assert _post(owner, f"/conversations/{fresh()}/close").status_code == 200

    # mandatory: both required.
    set_preferences(tenant, closing_notes="mandatory")
    cid = fresh()
    missing = _post(owner, f"/conversations/{cid}/close", {"note": "  "})
    assert missing.status_code == 422
    assert {e["field"] for e in missing.json()["errors"]} == {"note", "category"}
    assert _post(owner, f"/conversations/{cid}/close", {"note": "n"}).status_code == 422
    ok = _post(owner, f"/conversations/{cid}/close", {"note": "n", "category": "Spam"})
    assert ok.status_code == 200
    assert owner.client.get(owner.api(f"/conversations/{cid}")).json()["status"] == "closed"

    # Mandatory notes need categories to pick from; agents can't change preferences.
    bad = owner.client.patch(owner.api("/preferences"), json={"closing_categories": []})
    assert bad.status_code == 422
    agent = tenant.new_agent()
    assert (
        agent.client.patch(agent.api("/preferences"), json={"closing_notes": "off"}).status_code
        == 403
    )
    assert (
        owner.client.patch(owner.api("/preferences"), json={"phone_masking": None}).status_code
        == 422
    )


def test_reopen_by_hand_and_by_a_new_message(http: httpx.Client, tenant: Tenant) -> None:
    owner = tenant.owner
    channel = tenant.new_channel()
    cid = inbound(http, channel, contact_id="back")["conversation_id"]
    _post(owner, f"/conversations/{cid}/close").raise_for_status()
    assert _post(owner, f"/conversations/{cid}/reopen").json()["status"] == "open"
    assert _post(owner, f"/conversations/{cid}/reopen").status_code == 409
    _post(owner, f"/conversations/{cid}/close").raise_for_status()
    inbound(http, channel, contact_id="back", text="me again")
    assert owner.client.get(owner.api(f"/conversations/{cid}")).json()["status"] == "open"


def _job_rows(settings: Settings, cid: str) -> list[Any]:
    async def go(session: Any) -> list[Any]:
        rows = await session.execute(
            text(
                "SELECT status, scheduled_at, args FROM procrastinate_jobs"
                " WHERE task_name = 'wake_snoozed' AND args->>'conversation_id' = :cid"
            ),
            {"cid": cid},
        )
        return list(rows)

    result: list[Any] = run_db(settings, go)
    return result


def test_snooze_validation(http: httpx.Client, tenant: Tenant) -> None:
    owner = tenant.owner
    cid = inbound(http, tenant.new_channel())["conversation_id"]
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    for until in (past, "2031-01-01T09:00:00", "not a time"):
        bad = _post(owner, f"/conversations/{cid}/snooze", {"until": until})
        assert bad.status_code == 422, until
    assert _post(owner, f"/conversations/{cid}/unsnooze").status_code == 409
    _post(owner, f"/conversations/{cid}/close").raise_for_status()
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert _post(owner, f"/conversations/{cid}/snooze", {"until": future}).status_code == 409


def test_snooze_is_a_scheduled_job_and_unsnooze(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    owner = tenant.owner
    cid = inbound(http, tenant.new_channel())["conversation_id"]
    until = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    done = _post(owner, f"/conversations/{cid}/snooze", {"until": until.isoformat()})
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["status"] == "snoozed"
    assert datetime.fromisoformat(body["snoozed_until"]) == until
    assert ids(conversations(owner, status="snoozed")) == [cid]
    assert ids(conversations(owner, status="open")) == []
    # The wake-up is a row in PostgreSQL (it survives a restart of every process).
    rows = _job_rows(settings, cid)
    assert len(rows) == 1
    assert rows[0].status == "todo" and rows[0].scheduled_at == until
    # Unsnooze: back to Open now; the job, when it comes, changes nothing.
    back = _post(owner, f"/conversations/{cid}/unsnooze").json()
    assert back["status"] == "open" and back["snoozed_until"] is None
    assert back["last_snoozed_until"] is None


def test_snooze_wakes_up_through_the_worker(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    cid = inbound(http, tenant.new_channel())["conversation_id"]
    _post(owner, f"/conversations/{cid}/assign", {"assignee_id": agent.user_id}).raise_for_status()
    until = datetime.now(UTC) + timedelta(seconds=2)
    with socket(base_url, agent) as ws:
        _post(
            agent, f"/conversations/{cid}/snooze", {"until": until.isoformat()}
        ).raise_for_status()

        def woke() -> dict[str, Any] | None:
            got: dict[str, Any] = agent.client.get(agent.api(f"/conversations/{cid}")).json()
            return got if got["status"] == "open" else None

        conversation = wait_until(woke, timeout=30, interval=0.3)
        assert datetime.fromisoformat(conversation["last_snoozed_until"]) == until
        assert conversation["snoozed_until"] is None
        event = wait_for_event(ws, "notification.created", timeout=10)
    notification = event["notification"]
    assert notification["kind"] == "snooze_ended"
    assert notification["conversation_id"] == cid
    assert datetime.fromisoformat(notification["data"]["snoozed_until"]) == until
    page = agent.client.get(agent.api("/notifications")).json()
    assert page["items"][0]["kind"] == "snooze_ended"


def test_the_sweep_wakes_what_a_lost_job_left(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    """The safety net: a conversation past its snooze with no job is woken by the sweep."""
    import asyncio
    import concurrent.futures

    from omnibox.conversations.snooze import due_snoozes, wake
    from omnibox.db.engine import open_database
    from omnibox.db.session import unit_of_work

    owner = tenant.owner
    cid = inbound(http, tenant.new_channel())["conversation_id"]
    past = datetime.now(UTC) - timedelta(minutes=1)

    async def lose_job(session: Any) -> None:
        await session.execute(
            text(
                "UPDATE conversations SET status = 'snoozed', snoozed_until = :t, snoozed_at = :t"
                " WHERE id = :id"
            ),
            {"t": past, "id": uuid.UUID(cid)},
        )

    run_db(settings, lose_job)

    async def sweep() -> None:
        db = open_database(settings, pool_size=1)
        try:
            async with unit_of_work(db.sessions) as session:
                due = await due_snoozes(session)
            assert uuid.UUID(cid) in due
            async with unit_of_work(db.sessions) as session:
                assert await wake(session, uuid.UUID(cid), None)
        finally:
            await db.dispose()

    # A thread of its own: Playwright's sync API may keep an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, sweep()).result()
    got = owner.client.get(owner.api(f"/conversations/{cid}")).json()
    assert got["status"] == "open" and got["last_snoozed_until"] is not None

    # The "was snoozed until" marker tells the client it woke up: once someone closes (or
    # reopens, or snoozes) it by hand, it no longer applies.
    closed = _post(owner, f"/conversations/{cid}/close").json()
    assert closed["status"] == "closed" and closed["last_snoozed_until"] is None
    reopened = _post(owner, f"/conversations/{cid}/reopen").json()
    assert reopened["status"] == "open" and reopened["last_snoozed_until"] is None


def test_every_action_emits_conversation_updated(
    http: httpx.Client, tenant: Tenant, base_url: str
) -> None:
    owner = tenant.owner
    cid = inbound(http, tenant.new_channel())["conversation_id"]
    contact = owner.client.get(owner.api(f"/conversations/{cid}")).json()["contact"]["id"]
    later = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    steps: list[tuple[str, Any]] = [
        (f"/conversations/{cid}/assign", {"assignee_id": owner.user_id}),
        (f"/conversations/{cid}/unassign", None),
        (f"/conversations/{cid}/snooze", {"until": later}),
        (f"/conversations/{cid}/unsnooze", None),
        (f"/conversations/{cid}/close", None),
        (f"/conversations/{cid}/reopen", None),
        (f"/contacts/{contact}/block", None),
        (f"/contacts/{contact}/unblock", None),
    ]
    with socket(base_url, owner) as ws:
        for path, body in steps:
            response = _post(owner, path, body)
            assert response.status_code == 200, (path, response.text)
            event = wait_for_event(ws, "conversation.updated")
            assert event["conversation_id"] == cid, path
        patched = owner.client.patch(owner.api(f"/contacts/{contact}"), json={"name": "New name"})
        assert patched.status_code == 200
        assert wait_for_event(ws, "conversation.updated")["conversation_id"] == cid
