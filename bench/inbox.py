"""Inbox benchmark: the conversation list through the HTTP API on a big workspace.

It fills a database with one workspace of 100,000 contacts (one conversation each) and
1,000,000 messages (plus teams, assignees, open/closed/snoozed conversations, unanswered ones,
blocked contacts and read states), generated inside PostgreSQL with ``generate_series``
(about a minute), starts ``omnibox serve --no-worker`` on it, and prints p50/p95 latency of
``GET /api/v1/workspaces/{id}/conversations`` (as seen by an HTTP client, keep-alive) for every
mailbox x tab x sort, the unanswered filter, contact search (Russian, English, e-mail, phone
digits), the next page of a keyset cursor, an agent restricted to their own and their teams'
conversations, and the mailbox menu with its counts. The target is p95 < 50 ms.

The data lives in an embedded PostgreSQL in ``--data-dir`` (default
``/tmp/omnibox-bench-inbox``), kept between runs so a second run measures at once;
``--fresh`` rebuilds it. The load average of the machine is printed before and after (other
work on the machine skews the figures). This prints figures, it is not a test; it exits 2
when it could not run.

    .venv/bin/python bench/inbox.py                 # build once (about a minute), measure
    .venv/bin/python bench/inbox.py -n 40 --json    # 40 requests per case, also JSON
    .venv/bin/python bench/inbox.py --explain       # EXPLAIN ANALYZE of a few queries
    .venv/bin/python bench/inbox.py --only menu     # only the cases whose label has "menu"

The mailbox menu reads counters that PostgreSQL triggers keep (``models/counters.py``); the
build fills them as any writer does, through the triggers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password-1"
CONTACTS = 100_000
MESSAGES_PER_CONVERSATION = 10
AGENTS = 9
TEAMS = 4

RU_FIRST = [
    "Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Алёна",
    "Юлия", "Иван", "Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Николай", "Павел",
    "Артём", "Егор",
]  # fmt: skip
RU_LAST = [
    ("Смирнова", "smirnova"), ("Иванова", "ivanova"), ("Кузнецова", "kuznetsova"),
    ("Попова", "popova"), ("Соколова", "sokolova"), ("Лебедева", "lebedeva"),
    ("Козлова", "kozlova"), ("Новикова", "novikova"), ("Морозова", "morozova"),
    ("Петрова", "petrova"), ("Волкова", "volkova"), ("Соловьёва", "solovyova"),
    ("Васильева", "vasilyeva"), ("Зайцева", "zaytseva"), ("Павлова", "pavlova"),
    ("Семёнова", "semyonova"), ("Голубева", "golubeva"), ("Виноградова", "vinogradova"),
    ("Богданова", "bogdanova"), ("Воробьёва", "vorobyova"),
]  # fmt: skip
EN_FIRST = [
    "John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "José", "Zoë",
]  # fmt: skip
EN_LAST = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez",
]  # fmt: skip


def _array(values: list[str]) -> str:
    return "ARRAY[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# --- building the data ------------------------------------------------------------------------


async def _users(url: str) -> dict[str, Any]:
    from sqlalchemy import text

    from omnibox.auth.service import create_user
    from omnibox.db.engine import open_database
    from omnibox.db.session import unit_of_work
    from omnibox.models import Role
    from omnibox.settings import Settings

    db = open_database(Settings(database_url=url), pool_size=1)
    people: dict[str, Any] = {"agents": []}
    try:
        async with unit_of_work(db.sessions) as session:
            owner, ws = await create_user(
                session,
                email="owner@bench.example",
                password=PASSWORD,
                name="Bench Owner",
                workspace_name="Bench",
                role=Role.owner,
            )
            people["workspace_id"] = str(ws.id)
            people["owner_id"] = str(owner.id)
            for i in range(AGENTS):
                agent, _ = await create_user(
                    session,
                    email=f"agent{i}@bench.example",
                    password=PASSWORD,
                    name=f"Agent {i}",
                    workspace_name="Bench",
                    role=Role.agent,
                )
                people["agents"].append(str(agent.id))
            # A small other workspace, so every query really is scoped.
            await create_user(
                session,
                email="other@bench.example",
                password=PASSWORD,
                name="Other",
                workspace_name="Other",
                role=Role.owner,
            )
            await session.execute(
                text(
                    "INSERT INTO channels (id, workspace_id, kind, name, settings, secrets,"
                    " inbound_token, state, status) VALUES (md5('channel')::uuid, :ws, 'api',"
                    " 'Bench', '{}', '{}', md5(random()::text), '{}', 'connected')"
                ),
                {"ws": ws.id},
            )
    finally:
        await db.dispose()
    return people


def build(url: str) -> dict[str, Any]:
    started = time.perf_counter()
    people = asyncio.run(_users(url))
    ws = people["workspace_id"]
    assignees = [people["owner_id"], *people["agents"]]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT setseed(0.42)")
        teams = []
        for t in range(TEAMS):
            team_id = conn.execute(
                "INSERT INTO teams (id, workspace_id, name) VALUES (gen_random_uuid(), %s, %s)"
                " RETURNING id",
                (ws, f"Team {t}"),
            ).fetchone()[0]  # type: ignore[index]
            teams.append(str(team_id))
            for member in assignees[t * 2 : t * 2 + 3]:
                conn.execute(
                    "INSERT INTO team_members (team_id, user_id, workspace_id) VALUES (%s,%s,%s)",
                    (team_id, member, ws),
                )
        people["teams"] = teams
        print(f"  contacts ({CONTACTS:,}) ...", flush=True)
        ru_last = [r for r, _ in RU_LAST]
        ru_latin = [lat for _, lat in RU_LAST]
        conn.execute(
            f"""
            CREATE TEMP TABLE bench_conv AS
            SELECT i,
                   now() - interval '365 days' + random() * interval '360 days' AS start_at,
                   random() AS r1, random() AS r2
            FROM generate_series(1, {CONTACTS}) AS i
            """
        )
        conn.execute(
            f"""
            INSERT INTO contacts (id, workspace_id, name, phone, email, custom_fields, blocked,
                                  updated_at, created_at)
            SELECT md5('c' || i)::uuid, %(ws)s,
                   CASE WHEN i %% 3 = 0
                        THEN ({_array(EN_FIRST)})[1 + i %% {len(EN_FIRST)}] || ' '
                             || ({_array(EN_LAST)})[1 + (i / 7) %% {len(EN_LAST)}]
                        ELSE ({_array(RU_FIRST)})[1 + i %% {len(RU_FIRST)}] || ' '
                             || ({_array(ru_last)})[1 + (i / 7) %% {len(ru_last)}]
                   END,
                   '+7 9' || lpad((i %% 100)::text, 2, '0') || ' '
                       || lpad(((i::bigint * 7919) %% 10000000)::text, 7, '0'),
                   CASE WHEN i %% 3 = 0
                        THEN lower(({_array(EN_LAST)})[1 + (i / 7) %% {len(EN_LAST)}]) || i
                             || '@example.com'
                        ELSE ({_array(ru_latin)})[1 + (i / 7) %% {len(ru_latin)}] || i
                             || '@mail.example'
                   END,
                   jsonb_build_object('tier', (ARRAY['gold','silver','bronze'])[1 + i %% 3]),
                   i %% 200 = 0, start_at, start_at
            FROM bench_conv
            """,
            {"ws": ws},
        )
        print("  conversations ...", flush=True)
        step = "interval '5 minutes'"
        last = MESSAGES_PER_CONVERSATION - 1
        conn.execute(
            f"""
            INSERT INTO conversations (
                id, workspace_id, contact_id, status, assignee_id, team_id, blocked,
                opened_at, closed_at, snoozed_until, snoozed_at, last_message_at,
                last_incoming_at, last_outgoing_at, last_channel_id, incoming_count, created_at)
            SELECT md5('v' || i)::uuid, %(ws)s, md5('c' || i)::uuid,
                   CASE WHEN i %% 10 < 3 THEN 'open' WHEN i %% 10 < 9 THEN 'closed'
                        ELSE 'snoozed' END,
                   CASE WHEN i %% 13 < 10 THEN (%(assignees)s::uuid[])[1 + i %% 13] END,
                   CASE WHEN i %% 5 < 4 THEN (%(teams)s::uuid[])[1 + i %% 5] END,
                   i %% 200 = 0,
                   start_at + r1 * {last} * {step},
                   CASE WHEN i %% 10 BETWEEN 3 AND 8
                        THEN start_at + {last} * {step} + r2 * interval '3 days' END,
                   CASE WHEN i %% 10 = 9 THEN now() + r2 * interval '30 days' END,
                   CASE WHEN i %% 10 = 9
                        THEN start_at + {last} * {step} + r2 * interval '1 day' END,
                   start_at + {last} * {step},
                   start_at + (CASE WHEN i %% 3 = 0 THEN {last} ELSE {last - 1} END) * {step},
                   start_at + (CASE WHEN i %% 3 = 0 THEN {last - 2} ELSE {last} END) * {step},
                   md5('channel')::uuid,
                   CASE WHEN i %% 3 = 0 THEN 6 ELSE 5 END,
                   start_at
            FROM bench_conv
            """,
            {"ws": ws, "assignees": assignees, "teams": teams},
        )
        print(f"  messages ({CONTACTS * MESSAGES_PER_CONVERSATION:,}) ...", flush=True)
        conn.execute(
            f"""
            INSERT INTO messages (id, workspace_id, conversation_id, channel_id, direction,
                                  author_type, author_user_id, kind, text, external_id, status,
                                  attempts, created_at)
            SELECT md5('m' || i || '-' || k)::uuid, %(ws)s, md5('v' || i)::uuid,
                   md5('channel')::uuid, d, CASE d WHEN 'in' THEN 'contact' ELSE 'user' END,
                   CASE d WHEN 'out' THEN %(owner)s::uuid END, 'text',
                   CASE d WHEN 'in' THEN 'Здравствуйте! Вопрос по заказу №' || i || '-' || k
                        ELSE 'Hello, thanks for writing. We are on it (' || k || ').' END,
                   CASE d WHEN 'in' THEN 'ext-' || i || '-' || k END,
                   CASE d WHEN 'in' THEN 'received' ELSE 'delivered' END, 1,
                   start_at + k * {step}
            FROM bench_conv, generate_series(0, {last}) AS k,
                 LATERAL (SELECT CASE WHEN k %% 2 = 0 OR (k = {last} AND i %% 3 = 0)
                                      THEN 'in' ELSE 'out' END AS d) AS dir
            """,
            {"ws": ws, "owner": people["owner_id"]},
        )
        conn.execute(
            f"UPDATE conversations SET last_message_id = md5('m' || b.i || '-{last}')::uuid"
            " FROM bench_conv b WHERE conversations.id = md5('v' || b.i)::uuid"
        )
        # The owner has read about half of them.
        conn.execute(
            """
            INSERT INTO read_states (user_id, conversation_id, workspace_id, read_count,
                                     last_read_at)
            SELECT %(owner)s, md5('v' || i)::uuid, %(ws)s,
                   CASE WHEN i %% 3 = 0 THEN 6 ELSE 5 END, now()
            FROM bench_conv WHERE i %% 2 = 0
            """,
            {"ws": ws, "owner": people["owner_id"]},
        )
        inbox = conn.execute(
            """
            INSERT INTO custom_inboxes (id, workspace_id, owner_id, name, shared, filters)
            VALUES (gen_random_uuid(), %s, %s, 'Gold, unanswered, teams 0-1', true, %s)
            RETURNING id
            """,
            (
                ws,
                people["owner_id"],
                json.dumps(
                    {
                        "team_ids": teams[:2],
                        "unanswered": True,
                        "contact_fields": {"tier": "gold"},
                    }
                ),
            ),
        ).fetchone()[0]  # type: ignore[index]
        people["custom_inbox"] = str(inbox)
        # The triggers counted every row inserted above, one delta each: fold them, as the
        # worker's job does every minute (the bench serves with --no-worker).
        conn.execute("SELECT omnibox_counts_compact(ws) FROM omnibox_counts_to_compact() AS ws")
        conn.execute("VACUUM ANALYZE")
        conn.execute("CREATE TABLE IF NOT EXISTS bench_meta (data jsonb); DELETE FROM bench_meta;")
        conn.execute("INSERT INTO bench_meta VALUES (%s)", (json.dumps(people),))
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return people


# --- the server ---------------------------------------------------------------------------------


@contextmanager
def serving(url: str) -> Iterator[str]:
    port = _free_port()
    scratch = Path(tempfile.mkdtemp(prefix="omnibox-bench-inbox-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMNIBOX_")}
    env.update(
        OMNIBOX_DATABASE_URL=url,
        OMNIBOX_DATA_DIR=str(scratch),
        OMNIBOX_SECRET_KEY="bench",
        OMNIBOX_LOG_LEVEL="warning",
        OMNIBOX_BOOTSTRAP_PASSWORD=PASSWORD,
    )
    log = open(scratch / "server.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "omnibox"), "serve", "--port", str(port), "--no-worker"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the server exited: see {scratch / 'server.log'}")
            try:
                if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start in 60 s")
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
        shutil.rmtree(scratch, ignore_errors=True)


# --- measuring ----------------------------------------------------------------------------------


def _client(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    client.post(
        "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
    ).raise_for_status()
    return client


def measure(client: httpx.Client, path: str, params: dict[str, Any], n: int) -> dict[str, Any]:
    for _ in range(3):
        client.get(path, params=params).raise_for_status()
    times = []
    rows = 0
    for _ in range(n):
        t0 = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
        body = response.json()
        rows = len(body) if isinstance(body, list) else len(body.get("mailboxes", []))
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[max(0, round(0.95 * len(times)) - 1)],
        "rows": rows,
    }


def run(base: str, people: dict[str, Any], n: int, only: str | None = None) -> list[dict[str, Any]]:
    ws = people["workspace_id"]
    path = f"/api/v1/workspaces/{ws}/conversations"
    owner = _client(base, "owner@bench.example")
    results: list[dict[str, Any]] = []

    def case(label: str, client: httpx.Client, params: dict[str, Any], where: str = path) -> None:
        if only is not None and only not in label:
            return
        result = measure(client, where, params, n)
        result["case"] = label
        results.append(result)
        print(
            f"  {label:<58} p50 {result['p50']:6.1f} ms   p95 {result['p95']:6.1f} ms"
            f"   ({result['rows']} rows)",
            flush=True,
        )

    mailboxes = [
        "all",
        "mine",
        "unassigned",
        f"team:{people['teams'][0]}",
        f"custom:{people['custom_inbox']}",
        "blocked",
    ]
    for mailbox in mailboxes:
        short = mailbox.split(":")[0]
        for status in ("open", "closed", "snoozed", "all"):
            for sort in ("newest", "oldest", "longest", "shortest"):
                case(
                    f"{short:<10} {status:<8} {sort}",
                    owner,
                    {"mailbox": mailbox, "status": status, "sort": sort},
                )
    for status in ("open", "all"):
        for sort in ("newest", "longest"):
            case(
                f"unanswered {status} {sort}",
                owner,
                {"unanswered": "true", "status": status, "sort": sort},
            )
    for q in ("Смирнова", "алена смирнова", "smirnova@", "+7916", "916 000", "john smith", "jose"):
        case(f"search {q!r}", owner, {"q": q})
        case(f"search {q!r} open", owner, {"q": q, "status": "open"})
    first = owner.get(path, params={"status": "closed", "sort": "oldest"})
    case(
        "closed oldest, page 2 (cursor)",
        owner,
        {"status": "closed", "sort": "oldest", "cursor": first.headers["x-next-cursor"]},
    )
    # An agent who sees only their own and their teams' conversations.
    with psycopg.connect(people["url"], autocommit=True) as conn:
        conn.execute(
            'UPDATE workspaces SET settings = settings || \'{"agent_visibility": "assigned"}\''
            " WHERE id = %s",
            (ws,),
        )
    agent = _client(base, "agent1@bench.example")
    for status in ("open", "all"):
        for sort in ("newest", "shortest"):
            case(f"restricted agent: all {status} {sort}", agent, {"status": status, "sort": sort})
    case("restricted agent: search 'Смирнова'", agent, {"q": "Смирнова"})
    case("mailbox menu (counts), restricted agent", agent, {}, f"/api/v1/workspaces/{ws}/mailboxes")
    with psycopg.connect(people["url"], autocommit=True) as conn:
        conn.execute(
            "UPDATE workspaces SET settings = settings - 'agent_visibility' WHERE id = %s", (ws,)
        )
    case("mailbox menu (counts), owner", owner, {}, f"/api/v1/workspaces/{ws}/mailboxes")
    return results


def explain(url: str, people: dict[str, Any]) -> None:
    ws = people["workspace_id"]
    queries = {
        "all/open/newest": "AND c.status = 'open' ORDER BY c.activity_at DESC, c.id DESC",
        "all/all/longest": "ORDER BY c.state_since ASC, c.id ASC",
        "unassigned/closed/shortest": "AND c.assignee_id IS NULL AND c.status = 'closed'"
        " ORDER BY c.state_since DESC, c.id DESC",
    }
    agent = people["agents"][1]
    # The same shapes as the menu and the restricted agent's search (listing.py, mailboxes.py).
    statements: dict[str, tuple[str, tuple[Any, ...]]] = {
        label: (
            "SELECT c.id FROM conversations c"
            f" WHERE c.workspace_id = %s AND NOT c.blocked {tail} LIMIT 51",
            (ws,),
        )
        for label, tail in queries.items()
    }
    statements["menu: counters"] = (
        "SELECT inbox_id, status, assignee_id, team_id, unanswered, blocked, sum(conversations),"
        " sum(with_incoming) FROM conversation_counts"
        " WHERE workspace_id = %s AND (inbox_id IS NULL OR inbox_id = %s)"
        " GROUP BY 1, 2, 3, 4, 5, 6",
        (ws, people["custom_inbox"]),
    )
    statements["menu: caught up (owner)"] = (
        "SELECT inbox_id, assignee_id, team_id, unanswered, blocked, sum(conversations)"
        " FROM caught_up_counts WHERE user_id = %s AND workspace_id = %s"
        " AND (inbox_id IS NULL OR inbox_id = %s) GROUP BY 1, 2, 3, 4, 5",
        (people["owner_id"], ws, people["custom_inbox"]),
    )
    with psycopg.connect(url) as conn:
        teams = [
            row[0]
            for row in conn.execute(
                "SELECT team_id FROM team_members WHERE user_id = %s", (agent,)
            ).fetchall()
        ]
        statements["restricted agent: search 'смирнова' (a walk)"] = (
            "SELECT c.id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id"
            " WHERE c.workspace_id = %s AND NOT c.blocked"
            " AND (c.assignee_id = %s OR c.team_id = ANY(%s))"
            " AND ct.search_name LIKE '%%смирнова%%'"
            " ORDER BY c.activity_at DESC, c.id DESC LIMIT 51",
            (ws, agent, teams),
        )
        for label, (sql, params) in statements.items():
            if label.startswith("restricted"):
                # As the list does for such a walk: no parallel workers (see listing.py).
                conn.execute("SET max_parallel_workers_per_gather = 0")
            plan = conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params).fetchall()
            print(f"--- {label}")
            print("\n".join(row[0] for row in plan))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", default="/tmp/omnibox-bench-inbox")
    parser.add_argument("--fresh", action="store_true", help="rebuild the data")
    parser.add_argument("-n", type=int, default=30, help="requests per case (after 3 warm-ups)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE some queries")
    parser.add_argument("--only", help="only the cases whose label contains this")
    args = parser.parse_args()

    from omnibox.db.embedded import start_embedded
    from omnibox.db.migrate import migrate

    data_dir = Path(args.data_dir)
    if args.fresh and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    server, url = start_embedded(data_dir)
    migrate(url)
    with psycopg.connect(url, autocommit=True) as conn:
        found = conn.execute("SELECT to_regclass('bench_meta')").fetchone()
        meta = (
            conn.execute("SELECT data FROM bench_meta").fetchone() if found and found[0] else None
        )
    if meta is None:
        print(f"building the data in {data_dir} (load {_load()}) ...", flush=True)
        people = build(url)
    else:
        people = meta[0]
    people["url"] = url
    print(f"load average before: {_load()} ({os.cpu_count()} cores)", flush=True)
    if args.explain:
        explain(url, people)
    with serving(url) as base:
        results = run(base, people, args.n, args.only)
    print(f"load average after: {_load()}")
    worst = max(results, key=lambda r: r["p95"])
    over = [r["case"] for r in results if r["p95"] >= 50]
    print(
        f"{len(results)} cases; worst p95 {worst['p95']:.1f} ms ({worst['case']});"
        f" {len(over)} over 50 ms{': ' + ', '.join(over) if over else ''}"
    )
    if args.json:
        print(json.dumps(results))
    del server
    return 0


if __name__ == "__main__":
    sys.exit(main())
