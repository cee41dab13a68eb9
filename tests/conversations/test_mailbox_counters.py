"""The mailbox menu's counters (kept by triggers) against a brute-force COUNT of the same
mailboxes, after every kind of change and under concurrent writers."""

from __future__ import annotations

import random
import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg
from sqlalchemy import and_, func, select, text

from omnibox.conversations.listing import resolve_mailbox
from omnibox.conversations.mailboxes import fold_counters, workspaces_to_fold
from omnibox.conversations.visibility import Viewer, team_ids_of
from omnibox.models import Conversation, ConversationStatus, Membership, ReadState, Role, Workspace
from omnibox.settings import Settings
from omnibox.workspaces.service import workspace_preferences
from tests.conftest import Agent, Tenant, run_db
from tests.inbox_helpers import inbound, set_preferences

Counts = dict[str, Any]


async def _viewer(session: Any, workspace_id: str, user_id: str) -> Viewer:
    ws = uuid.UUID(workspace_id)
    user = uuid.UUID(user_id)
    workspace = await session.get(Workspace, ws)
    role = (
        await session.execute(
            select(Membership.role).where(Membership.workspace_id == ws, Membership.user_id == user)
        )
    ).scalar_one()
    return Viewer(
        user_id=user,
        workspace_id=ws,
        role=Role(role),
        preferences=workspace_preferences(workspace),
        team_ids=await team_ids_of(session, ws, user),
    )


def brute_force(settings: Settings, agent: Agent, box_ids: list[str]) -> dict[str, Counts]:
    """Each mailbox counted straight from its SQL conditions (what the menu did per request)."""

    async def go(session: Any) -> dict[str, Counts]:
        viewer = await _viewer(session, agent.workspace_id, agent.user_id)
        unread = and_(
            Conversation.status == ConversationStatus.open,
            Conversation.incoming_count > func.coalesce(ReadState.read_count, 0),
        )
        out: dict[str, Counts] = {}
        for box_id in box_ids:
            box = await resolve_mailbox(session, viewer, box_id)
            rows = await session.execute(
                select(Conversation.status, func.count(), func.count().filter(unread))
                .outerjoin(
                    ReadState,
                    (ReadState.conversation_id == Conversation.id)
                    & (ReadState.user_id == viewer.user_id),
                )
                .where(*viewer.visible(), *box.clauses)
                .group_by(Conversation.status)
            )
            counts = {"open": 0, "closed": 0, "snoozed": 0}
            unread_count = 0
            for status, count, unread_here in rows:
                counts[status] = count
                unread_count += unread_here
            out[box_id] = {"counts": counts, "unread": unread_count}
        blocked = (
            await session.execute(
                select(func.count()).where(
                    Conversation.workspace_id == viewer.workspace_id, Conversation.blocked
                )
            )
        ).scalar_one()
        out["has_blocked_contacts"] = {"value": blocked > 0}
        return out

    result: dict[str, Counts] = run_db(settings, go)
    return result


def menu(agent: Agent) -> dict[str, Counts]:
    response = agent.client.get(agent.api("/mailboxes"))
    assert response.status_code == 200, response.text
    body = response.json()
    out: dict[str, Counts] = {
        box["id"]: {"counts": box["counts"], "unread": box["unread"]} for box in body["mailboxes"]
    }
    out["has_blocked_contacts"] = {"value": body["has_blocked_contacts"]}
    return out


def counters_are_exact(settings: Settings, workspace_id: str) -> None:
    """The deltas add up to what a rebuild from scratch counts (every user, every scope)."""

    async def go(session: Any) -> None:
        ws = uuid.UUID(workspace_id)
        totals = text(
            "SELECT inbox_id, status, assignee_id, team_id, unanswered, blocked,"
            " sum(conversations), sum(with_incoming) FROM conversation_counts"
            " WHERE workspace_id = :ws GROUP BY 1, 2, 3, 4, 5, 6"
            " HAVING sum(conversations) <> 0 OR sum(with_incoming) <> 0"
        )
        caught_up = text(
            "SELECT user_id, inbox_id, assignee_id, team_id, unanswered, blocked,"
            " sum(conversations) FROM caught_up_counts"
            " WHERE workspace_id = :ws GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(conversations) <> 0"
        )
        counted = text(
            "SELECT * FROM counted_conversations WHERE workspace_id = :ws ORDER BY conversation_id"
        )

        async def snapshot() -> tuple[set[Any], set[Any], list[Any]]:
            return (
                set((await session.execute(totals, {"ws": ws})).all()),
                set((await session.execute(caught_up, {"ws": ws})).all()),
                list((await session.execute(counted, {"ws": ws})).all()),
            )

        kept = await snapshot()
        await session.execute(text("SELECT omnibox_counts_rebuild(:ws)"), {"ws": ws})
        rebuilt = await snapshot()
        await session.rollback()
        assert kept[0] == rebuilt[0], "conversation counts drifted"
        assert kept[1] == rebuilt[1], "caught-up counts drifted"
        assert kept[2] == rebuilt[2], "counted conversations drifted"

    run_db(settings, go)


def check(settings: Settings, tenant: Tenant, *viewers: Agent) -> dict[str, dict[str, Counts]]:
    seen = {}
    for viewer in viewers:
        got = menu(viewer)
        expected = brute_force(settings, viewer, [b for b in got if b != "has_blocked_contacts"])
        assert got == expected, viewer.email
        seen[viewer.email] = got
    counters_are_exact(settings, tenant.workspace_id)
    return seen


def _post(agent: Agent, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    response = agent.client.post(agent.api(path), json=body)
    assert response.status_code in (200, 201, 204), response.text
    return response.json() if response.content else {}


def test_counts_follow_every_change(http: httpx.Client, tenant: Tenant, settings: Settings) -> None:
    owner = tenant.owner
    agent = tenant.new_agent()
    other = tenant.new_agent()
    channel = tenant.new_channel()
    second = tenant.new_channel(name_="Second")
    team = owner.client.post(
        owner.api("/teams"), json={"name": "Sales", "member_ids": [agent.user_id]}
    ).json()
    owner.client.post(
        owner.api("/custom-fields"),
        json={"key": "tier", "label": "Tier", "kind": "list", "options": ["gold", "silver"]},
    ).raise_for_status()
    people = (owner, agent, other)
    check(settings, tenant, *people)

    a = inbound(http, channel, contact_id="a", name="A")["conversation_id"]
    b = inbound(http, channel, contact_id="b", name="B")["conversation_id"]
    c = inbound(http, channel, contact_id="c", name="C")["conversation_id"]
    d = inbound(http, second, contact_id="d", name="D")["conversation_id"]
    check(settings, tenant, *people)
    # Custom inboxes: one the groups express, and ones with scopes of their own.
    gold = _post(
        owner,
        "/custom-inboxes",
        {"name": "Gold", "shared": True, "filters": {"contact_fields": {"tier": "gold"}}},
    )
    _post(
        owner,
        "/custom-inboxes",
        {
            "name": "Second channel, mine",
            "shared": True,
            "filters": {"channel_ids": [second["id"]], "assignees": ["me"]},
        },
    )
    _post(
        owner,
        "/custom-inboxes",
        {"name": "Unanswered open", "filters": {"unanswered": True, "statuses": ["open"]}},
    )
    since = _post(
        owner,
        "/custom-inboxes",
        {
            "name": "Recent",
            "filters": {
                "last_activity_after": (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
            },
        },
    )
    check(settings, tenant, *people)

    steps: list[tuple[str, dict[str, Any] | None]] = [
        (f"/conversations/{a}/assign", {"assignee_id": agent.user_id}),
        (f"/conversations/{b}/assign", {"team_id": team["id"]}),
        (f"/conversations/{d}/assign", {"assignee_id": owner.user_id}),
        (f"/conversations/{a}/read", None),
        (f"/conversations/{c}/close", None),
        (f"/conversations/{b}/messages", {"text": "An answer"}),
        (
            f"/conversations/{d}/snooze",
            {"until": (datetime.now(UTC) + timedelta(days=1)).isoformat()},
        ),
        (f"/conversations/{d}/unsnooze", None),
        (f"/conversations/{c}/reopen", None),
        (f"/conversations/{b}/unassign", None),
    ]
    for path, body in steps:
        _post(owner, path, body)
        check(settings, tenant, *people)
    _post(agent, f"/conversations/{a}/read")
    _post(agent, f"/conversations/{b}/read")
    check(settings, tenant, *people)
    # A new message: unread again for those who had read it; a closed one opens again.
    inbound(http, channel, contact_id="a", name="A", text="One more thing")
    _post(owner, f"/conversations/{c}/close")
    inbound(http, channel, contact_id="c", name="C", text="Me again")
    # The same contact on the second channel: counted in the channel's inbox now.
    inbound(http, second, contact_id="a", name="A")
    check(settings, tenant, *people)

    # Contact fields move conversations in and out of the inbox that filters on them.
    contact_c = owner.client.get(owner.api(f"/conversations/{c}")).json()["contact"]["id"]
    for tier in ("gold", "silver", "gold"):
        owner.client.patch(
            owner.api(f"/contacts/{contact_c}"), json={"custom_fields": {"tier": tier}}
        ).raise_for_status()
        check(settings, tenant, *people)
    assert menu(owner)[f"custom:{gold['id']}"]["counts"]["open"] == 1

    # Blocked contacts: out of every mailbox but "blocked"; agents may not see them.
    contact_a = owner.client.get(owner.api(f"/conversations/{a}")).json()["contact"]["id"]
    _post(owner, f"/contacts/{contact_a}/block")
    seen = check(settings, tenant, *people)
    assert seen[owner.email]["has_blocked_contacts"] == {"value": True}
    assert seen[owner.email]["blocked"]["counts"]["open"] == 1
    set_preferences(tenant, agents_see_blocked=True)
    check(settings, tenant, *people)

    # Restricted agents: only their own and their teams' conversations, in every count.
    set_preferences(tenant, agent_visibility="assigned")
    _post(owner, f"/conversations/{b}/assign", {"team_id": team["id"]})
    seen = check(settings, tenant, *people)
    assert seen[agent.email]["all"]["counts"]["open"] < seen[owner.email]["all"]["counts"]["open"]
    assert seen[other.email]["all"]["counts"] == {"open": 0, "closed": 0, "snoozed": 0}
    _post(owner, f"/contacts/{contact_a}/unblock")
    check(settings, tenant, *people)

    # Editing and deleting an inbox with its own counters.
    patched = owner.client.patch(
        owner.api(f"/custom-inboxes/{since['id']}"),
        json={"filters": {"statuses": ["open"], "contact_fields": {"tier": "gold"}}},
    )
    assert patched.status_code == 200, patched.text
    check(settings, tenant, *people)
    assert owner.client.delete(owner.api(f"/custom-inboxes/{gold['id']}")).status_code == 204
    check(settings, tenant, *people)

    # Deleting a team moves its conversations (ON DELETE SET NULL).
    assert owner.client.delete(owner.api(f"/teams/{team['id']}")).status_code == 204
    check(settings, tenant, *people)


def test_folding_the_deltas_keeps_the_counts(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    owner = tenant.owner
    channel = tenant.new_channel()
    cid = inbound(http, channel, name="A")["conversation_id"]
    for _ in range(3):
        _post(owner, f"/conversations/{cid}/close")
        _post(owner, f"/conversations/{cid}/reopen")
        _post(owner, f"/conversations/{cid}/read")
        inbound(http, channel, contact_id=None, name="B")
    before = menu(owner)

    async def rows(session: Any) -> int:
        count: int = (
            await session.execute(
                text("SELECT count(*) FROM conversation_counts WHERE workspace_id = :ws"),
                {"ws": uuid.UUID(tenant.workspace_id)},
            )
        ).scalar_one()
        return count

    async def fold(session: Any) -> None:
        # What the job does every minute (in one transaction here).
        workspaces = await workspaces_to_fold(session)
        assert uuid.UUID(tenant.workspace_id) in workspaces
        for workspace_id in workspaces:
            await fold_counters(session, workspace_id)

    many = run_db(settings, rows)
    run_db(settings, fold)
    assert run_db(settings, rows) < many
    assert menu(owner) == before
    counters_are_exact(settings, tenant.workspace_id)


def _database_url(settings: Settings) -> str:
    url = str(settings.database_url)
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_concurrent_writers_keep_the_counts_exact(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    """Threads change the same few conversations at once in every way the triggers follow
    (group, incoming messages, read states, contact fields, handles, inbox filters), each in
    transactions of a few statements; the counters must equal a recount at the end."""
    owner = tenant.owner
    agent = tenant.new_agent()
    channel = tenant.new_channel()
    team = owner.client.post(
        owner.api("/teams"), json={"name": "T", "member_ids": [agent.user_id]}
    ).json()
    owner.client.post(
        owner.api("/custom-fields"),
        json={"key": "tier", "label": "Tier", "kind": "list", "options": ["gold", "silver"]},
    ).raise_for_status()
    inbox = _post(
        owner,
        "/custom-inboxes",
        {"name": "Gold", "shared": True, "filters": {"contact_fields": {"tier": "gold"}}},
    )
    conversations = [
        inbound(http, channel, contact_id=f"k{i}", name=f"K{i}")["conversation_id"]
        for i in range(4)
    ]
    url = _database_url(settings)
    ws = tenant.workspace_id
    users = [owner.user_id, agent.user_id]
    deadlocks: list[str] = []
    failures: list[BaseException] = []

    def work(seed: int) -> None:
        rng = random.Random(seed)
        try:
            with psycopg.connect(url) as conn:
                for _ in range(25):
                    cid = rng.choice(conversations)
                    try:
                        with conn.transaction():
                            _random_change(conn, rng, cid, ws, users, team["id"], inbox["id"])
                    except psycopg.errors.DeadlockDetected as exc:
                        deadlocks.append(str(exc))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    # Locks are always taken in the same order (conversation, then its counted row).
    assert not deadlocks, deadlocks
    check(settings, tenant, owner, agent)


def _random_change(
    conn: psycopg.Connection[Any],
    rng: random.Random,
    cid: str,
    ws: str,
    users: list[str],
    team_id: str,
    inbox_id: str,
) -> None:
    kind = rng.randrange(7)
    if kind == 0:  # assign / move between teams, sometimes read it in the same transaction
        conn.execute(
            "UPDATE conversations SET assignee_id = %s, team_id = %s WHERE id = %s",
            (rng.choice([*users, None]), rng.choice([team_id, None]), cid),
        )
        if rng.random() < 0.5:
            _read(conn, rng.choice(users), cid, ws)
    elif kind == 1:  # an incoming message (reopens it), as ingestion does
        conn.execute(
            "UPDATE conversations SET status = 'open', incoming_count = incoming_count + 1,"
            " last_incoming_at = now(), last_message_at = now() WHERE id = %s",
            (cid,),
        )
    elif kind == 2:  # a reply, then maybe close it
        conn.execute(
            "UPDATE conversations SET last_outgoing_at = now(), last_message_at = now()"
            " WHERE id = %s",
            (cid,),
        )
        if rng.random() < 0.5:
            conn.execute(
                "UPDATE conversations SET status = %s WHERE id = %s",
                (rng.choice(["closed", "snoozed", "open"]), cid),
            )
    elif kind == 3:  # someone reads it (first, as mark_read does, then something else)
        _read(conn, rng.choice(users), cid, ws)
        if rng.random() < 0.5:
            conn.execute("UPDATE conversations SET blocked = NOT blocked WHERE id = %s", (cid,))
    elif kind == 4:  # the contact's fields change
        conn.execute(
            "UPDATE contacts SET custom_fields = jsonb_build_object('tier', %s::text)"
            " WHERE id = (SELECT contact_id FROM conversations WHERE id = %s)",
            (rng.choice(["gold", "silver"]), cid),
        )
    elif kind == 5:  # a handle comes or goes
        contact = conn.execute(
            "SELECT contact_id, last_channel_id FROM conversations WHERE id = %s", (cid,)
        ).fetchone()
        assert contact is not None
        if rng.random() < 0.5:
            conn.execute(
                "INSERT INTO contact_handles (id, workspace_id, contact_id, channel_id,"
                " external_id, created_at) VALUES (gen_random_uuid(), %s, %s, %s, %s, now())",
                (ws, contact[0], contact[1], uuid.uuid4().hex),
            )
        else:
            conn.execute(
                "DELETE FROM contact_handles WHERE id = (SELECT id FROM contact_handles"
                " WHERE contact_id = %s ORDER BY created_at DESC LIMIT 1)"
                " AND (SELECT count(*) FROM contact_handles WHERE contact_id = %s) > 1",
                (contact[0], contact[0]),
            )
    else:  # the inbox's filter changes (a rebuild of its scope)
        filters = rng.choice(
            [
                {"contact_fields": {"tier": "gold"}},
                {"contact_fields": {"tier": "silver"}, "statuses": ["open"]},
                {"unanswered": True},
            ]
        )
        conn.execute(
            "UPDATE custom_inboxes SET filters = %s::jsonb WHERE id = %s",
            (psycopg.types.json.Jsonb(filters), inbox_id),
        )


def _read(conn: psycopg.Connection[Any], user: str, cid: str, ws: str) -> None:
    conn.execute(
        "INSERT INTO read_states (user_id, conversation_id, workspace_id, read_count,"
        " last_read_at) SELECT %s, id, %s, incoming_count, now() FROM conversations"
        " WHERE id = %s ON CONFLICT (user_id, conversation_id)"
        " DO UPDATE SET read_count = EXCLUDED.read_count, last_read_at = now()",
        (user, ws, cid),
    )
