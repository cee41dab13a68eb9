"""Ingestion benchmark: inbound webhooks in, ``message.created`` events out to a connected agent.

It posts N inbound API-channel webhooks from C concurrent senders (closed loop, HTTP/1.1
keep-alive) while an agent's WebSocket is connected to the same workspace, and prints:

* throughput: messages per second (first request sent to last response received);
* webhook latency (request sent to response received) p50/p95/p99/max;
* webhook-to-WebSocket latency p50/p95/p99/max: from the moment a webhook request is sent to
  the moment the agent's socket receives the ``message.created`` event with the same
  ``external_id``;
* events that never arrived (must be 0), errors by status;
* CPU: cores used and CPU milliseconds per message by the server, its PostgreSQL, this
  benchmark and everything else on the machine (other work skews the figures, so it says so).

The senders speak HTTP/1.1 over plain asyncio streams by default: httpx costs 1-2 ms of CPU per
request on a small machine, which would take a core from the server being measured at the
target rate. ``--sender httpx`` uses one ``httpx.AsyncClient`` instead.

All timestamps come from ``time.perf_counter()`` in this one process. This is a benchmark that
prints figures next to the targets (at least 500 messages/s, p99 webhook-to-WebSocket under
100 ms); it is not a test. The exit status is 1 when something went wrong (HTTP errors,
duplicates, missing events) and 2 when it could not run, never because a figure missed its
target.

Run it (``make bench`` runs the first form):

    .venv/bin/python bench/ingest.py                     # own server, 5000 messages, 32 senders
    .venv/bin/python bench/ingest.py -n 2000 -c 32 --json  # also the figures as one JSON line
    .venv/bin/python bench/ingest.py --url http://127.0.0.1:8000 \\
        --email admin@example.com --password '...'      # a server you started yourself
    .venv/bin/python bench/ingest.py --channel whatsapp  # signed WhatsApp Cloud API webhooks
    .venv/bin/python bench/ingest.py --channel telegram  # Telegram updates, secret-token header

By default it starts ``omnibox serve`` on a free port of 127.0.0.1 with a fresh temporary
``OMNIBOX_DATA_DIR`` (so an embedded PostgreSQL; ``OMNIBOX_*`` variables of the caller are not
passed on), logs in as the bootstrap owner, measures, then stops the server with SIGINT (which
stops its PostgreSQL too; SIGTERM would not), checks that no PostgreSQL of that data dir is
left running (stopping it if so), and deletes the directory (``--keep-data`` keeps it, with
the server log). With ``--url`` the credentials may come from ``OMNIBOX_BENCH_EMAIL`` /
``OMNIBOX_BENCH_PASSWORD``; each run creates a new API channel named ``bench <time>`` in the
workspace (an owner or a manager is needed).

``--channel`` picks what the webhooks are (``CHANNEL_MODES``): ``api`` (the default) posts API
channel messages; ``whatsapp`` connects a WhatsApp channel and posts WhatsApp Cloud API
notifications (one text message each) signed with ``X-Hub-Signature-256``. Connecting checks
the credentials with the Graph API, so the benchmark answers those calls itself: a small stub
on 127.0.0.1 that the server it starts is pointed at (``OMNIBOX_WHATSAPP_API_URL``); with
``--url``, start your server with ``OMNIBOX_WHATSAPP_API_URL=http://127.0.0.1:<port>/v21.0``
and pass the same ``--graph-port``. ``telegram`` connects a bot (against the fake Bot API of
``tests/fakes``, run by the benchmark) in webhook mode and posts Telegram updates (one text
message each) with the ``X-Telegram-Bot-Api-Secret-Token`` header that was registered; the server
it starts gets ``OMNIBOX_TELEGRAM_API_URL`` and an HTTPS ``OMNIBOX_PUBLIC_URL`` (never contacted:
the benchmark posts to the server directly). With ``--url``, start your server with those two
and pass the same ``--telegram-port``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
import psutil
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, WebSocketException

TARGET_RATE = 500.0
TARGET_WS_P99_MS = 100.0
BOOTSTRAP_EMAIL = "admin@example.com"
STARTUP_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 30.0
HEALTH_PATH = "/api/v1/health"


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class Options:
    url: str | None
    email: str | None
    password: str | None
    workspace_id: str | None
    messages: int
    concurrency: int
    contacts: int
    warmup: int
    drain_timeout: float
    sender: str
    server_log_level: str
    keep_data: bool
    json: bool
    channel: str = "api"
    graph_port: int | None = None
    telegram_port: int | None = None


def parse_options(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        description="Benchmark inbound webhook ingestion and realtime delivery to an agent.",
    )
    parser.add_argument(
        "--url", help="Base URL of a running server (default: start one on 127.0.0.1)."
    )
    parser.add_argument("--email", default=os.environ.get("OMNIBOX_BENCH_EMAIL"))
    parser.add_argument("--password", default=os.environ.get("OMNIBOX_BENCH_PASSWORD"))
    parser.add_argument("--workspace-id", help="Workspace to use (default: the first you manage).")
    parser.add_argument("-n", "--messages", type=int, default=5000, help="Measured messages.")
    parser.add_argument("-c", "--concurrency", type=int, default=32, help="Concurrent senders.")
    parser.add_argument("--contacts", type=int, default=500, help="Distinct contacts.")
    parser.add_argument("--warmup", type=int, default=200, help="Messages sent first, not counted.")
    parser.add_argument(
        "--drain-timeout",
        type=float,
        default=10.0,
        help="Seconds to wait for the last WebSocket events after the last response.",
    )
    parser.add_argument(
        "--sender",
        choices=("raw", "httpx"),
        default="raw",
        help="HTTP client of the senders: raw asyncio HTTP/1.1 (default, cheapest) or httpx.",
    )
    parser.add_argument(
        "--server-log-level",
        default="info",
        help="OMNIBOX_LOG_LEVEL of the server it starts (info logs every request, as by default).",
    )
    parser.add_argument(
        "--keep-data", action="store_true", help="Keep the started server's data dir and log."
    )
    parser.add_argument("--json", action="store_true", help="Also print the figures as JSON.")
    parser.add_argument(
        "--channel",
        choices=sorted(CHANNEL_MODES),
        default="api",
        help="Which channel's webhooks to post (default: api).",
    )
    parser.add_argument(
        "--graph-port",
        type=int,
        help="whatsapp: port of the benchmark's Graph API stub (default: a free one).",
    )
    parser.add_argument(
        "--telegram-port",
        type=int,
        help="telegram: port of the benchmark's fake Bot API (default: a free one).",
    )
    ns = parser.parse_args(argv)
    if ns.messages < 1 or ns.concurrency < 1 or ns.contacts < 1 or ns.warmup < 0:
        parser.error("--messages, --concurrency and --contacts must be positive, --warmup >= 0")
    if ns.url and ns.sender == "raw" and not ns.url.startswith("http://"):
        parser.error("the raw sender speaks plain http: use --sender httpx for https")
    if ns.url and not (ns.email and ns.password):
        parser.error("--url needs --email and --password (or OMNIBOX_BENCH_EMAIL/_PASSWORD)")
    return Options(
        url=ns.url.rstrip("/") if ns.url else None,
        email=ns.email,
        password=ns.password,
        workspace_id=ns.workspace_id,
        messages=ns.messages,
        concurrency=ns.concurrency,
        contacts=ns.contacts,
        warmup=ns.warmup,
        drain_timeout=ns.drain_timeout,
        sender=ns.sender,
        server_log_level=ns.server_log_level,
        keep_data=ns.keep_data,
        json=ns.json,
        channel=ns.channel,
        graph_port=ns.graph_port,
        telegram_port=ns.telegram_port,
    )


# --------------------------------------------------------------------------- managed server


@dataclass(frozen=True)
class CpuSample:
    """CPU seconds (user + system) used so far, and when they were read.

    ``server`` and ``postgres`` are None when the benchmark did not start the server;
    ``machine`` is every CPU of this machine, busy (so other work on it shows).
    """

    at: float
    client: float
    machine: float
    server: float | None = None
    postgres: float | None = None


def _machine_busy_seconds() -> float:
    t = psutil.cpu_times()
    return float(t.user + t.nice + t.system + getattr(t, "irq", 0.0) + getattr(t, "softirq", 0.0))


def _cpu_seconds(proc: psutil.Process, *, reaped_children: bool = False) -> float:
    times = proc.cpu_times()
    total = times.user + times.system
    if reaped_children:
        total += times.children_user + times.children_system
    return float(total)


def _tree_cpu_seconds(root: psutil.Process | None, *, reaped_children: bool = False) -> float:
    """CPU of a process and its live descendants (plus its reaped children, when asked)."""
    if root is None:
        return 0.0
    total = 0.0
    with contextlib.suppress(psutil.NoSuchProcess):
        total += _cpu_seconds(root, reaped_children=reaped_children)
        for child in root.children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess):
                total += _cpu_seconds(child)
    return total


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _omnibox_command() -> list[str]:
    script = Path(sys.executable).parent / "omnibox"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from omnibox.cli import main; main()"]


class ManagedServer:
    """``omnibox serve`` in its own process group, on a fresh data dir with embedded PostgreSQL."""

    def __init__(
        self, *, log_level: str, keep_data: bool, env: dict[str, str] | None = None
    ) -> None:
        self.extra_env = env or {}
        self.root = Path(tempfile.mkdtemp(prefix="omnibox-bench-"))
        self.data_dir = self.root / "data"
        self.pgdata = (self.data_dir / "pg").resolve()
        self.log_path = self.root / "server.log"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.email = BOOTSTRAP_EMAIL
        self.password = secrets.token_urlsafe(16)
        self.log_level = log_level
        self.keep_data = keep_data
        self.process: subprocess.Popen[bytes] | None = None

    def _environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("OMNIBOX_")}
        env.update(
            OMNIBOX_DATA_DIR=str(self.data_dir),
            OMNIBOX_BOOTSTRAP_EMAIL=self.email,
            OMNIBOX_BOOTSTRAP_PASSWORD=self.password,
            OMNIBOX_LOG_LEVEL=self.log_level,
        )
        env.update(self.extra_env)
        return env

    def start(self) -> None:
        command = [*_omnibox_command(), "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=self.root,  # no stray .env file is read
                env=self._environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the server exited ({self.process.returncode})")
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(self.url + HEALTH_PATH).status_code == 200:
                        return
                time.sleep(0.2)
        raise RuntimeError(f"the server was not healthy within {STARTUP_TIMEOUT_S:.0f} s")

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def postmaster(self) -> psutil.Process | None:
        """The embedded PostgreSQL of this data dir, if it runs (it is not our child)."""
        for proc in psutil.process_iter(["name", "cmdline"]):
            cmdline = proc.info["cmdline"] or []
            if proc.info["name"] == "postgres" and str(self.pgdata) in cmdline:
                return proc
        return None

    def cpu_sample(self) -> CpuSample:
        server = psutil.Process(self.process.pid) if self.process else None
        return CpuSample(
            at=time.perf_counter(),
            client=time.process_time(),
            machine=_machine_busy_seconds(),
            server=_tree_cpu_seconds(server),
            postgres=_tree_cpu_seconds(self.postmaster(), reaped_children=True),
        )

    def stop(self) -> list[str]:
        """Stop the server (and so its PostgreSQL); return problems worth reporting."""
        problems: list[str] = []
        if self.process is not None and self.process.poll() is None:
            # SIGINT, not SIGTERM: uvicorn re-raises the signal it caught once it has shut down,
            # and a re-raised SIGTERM kills the process before the embedded PostgreSQL's atexit
            # hook can stop it; a re-raised SIGINT is a KeyboardInterrupt, so atexit runs.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                problems.append("the server ignored SIGINT; killed it")
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        problems.extend(self._stop_leftover_postgres())
        if self.keep_data:
            problems.append(f"kept the data dir and server log in {self.root}")
        else:
            shutil.rmtree(self.root, ignore_errors=True)
        return problems

    def _stop_leftover_postgres(self) -> list[str]:
        postmaster = self.postmaster()
        if postmaster is None:
            return []
        with contextlib.suppress(psutil.NoSuchProcess):
            postmaster.send_signal(signal.SIGINT)  # PostgreSQL's "fast" shutdown
            try:
                postmaster.wait(STOP_TIMEOUT_S)
            except psutil.TimeoutExpired:
                postmaster.kill()
        return [f"PostgreSQL (pid {postmaster.pid}) outlived the server; stopped it"]


def client_cpu_sample() -> CpuSample:
    return CpuSample(
        at=time.perf_counter(), client=time.process_time(), machine=_machine_busy_seconds()
    )


# --------------------------------------------------------------------------- workspace setup


@dataclass(frozen=True)
class Session:
    base_url: str
    cookie: str
    workspace_id: str
    webhook_url: str


async def open_session(
    base_url: str, email: str, password: str, workspace: str | None, mode: ChannelMode
) -> Session:
    """Log in, pick a workspace the user manages, and create a fresh channel in it."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0) as client:
        login = await client.post("/api/v1/auth/login", json={"email": email, "password": password})
        if login.status_code != 200:
            raise RuntimeError(f"login failed ({login.status_code}): {login.text[:300]}")
        cookie = login.cookies.get("omnibox_session")
        if not cookie:
            raise RuntimeError("login answered without an omnibox_session cookie")
        workspace_id = workspace or _managed_workspace(login.json()["workspaces"])
        created = await mode.create_channel(client, workspace_id)
        if created.status_code != 201:
            raise RuntimeError(f"creating a channel failed ({created.status_code}): {created.text}")
    # The server builds webhook URLs from its public URL; we talk to the address we were given.
    path = "/hooks/" + created.json()["webhook_url"].split("/hooks/", 1)[1]
    return Session(base_url, cookie, workspace_id, base_url + path)


def _managed_workspace(workspaces: list[dict[str, Any]]) -> str:
    for ws in workspaces:
        if ws.get("role") in ("owner", "manager"):
            return str(ws["id"])
    raise RuntimeError("this user is not an owner or manager of any workspace")


def websocket_url(session: Session) -> str:
    scheme, rest = session.base_url.split("://", 1)
    ws_scheme = "wss" if scheme == "https" else "ws"
    return f"{ws_scheme}://{rest}/api/v1/ws?workspace_id={session.workspace_id}"


# --------------------------------------------------------------------------- the agent's socket


@dataclass
class EventTracker:
    """When each ``message.created`` event arrived, by the message's external id."""

    arrivals: dict[str, float] = field(default_factory=dict)
    closed: str | None = None
    _pending: set[str] = field(default_factory=set)
    _all_in: asyncio.Event = field(default_factory=asyncio.Event)

    def record(self, raw: str | bytes, now: float) -> None:
        text = raw if isinstance(raw, str) else raw.decode()
        if '"message.created"' not in text:  # conversation.updated, ping: not parsed
            return
        event = json.loads(text)
        if event.get("type") != "message.created":
            return
        external_id = event["message"].get("external_id")
        if external_id is None or external_id in self.arrivals:
            return
        self.arrivals[external_id] = now
        self._pending.discard(external_id)
        if not self._pending:
            self._all_in.set()

    def expect(self, external_ids: Iterable[str]) -> None:
        self._pending = {e for e in external_ids if e not in self.arrivals}
        self._all_in = asyncio.Event()
        if not self._pending:
            self._all_in.set()

    async def wait(self, within: float) -> set[str]:
        """Wait until every expected event arrived (at most ``within`` s); return the missing."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._all_in.wait(), within)
        return set(self._pending)


async def listen(ws: ClientConnection, tracker: EventTracker) -> None:
    """Record events until the server closes the socket (cancelled at the end otherwise)."""
    with contextlib.suppress(ConnectionClosed):
        async for raw in ws:
            tracker.record(raw, time.perf_counter())
    tracker.closed = f"code {ws.close_code} {ws.close_reason or ''}".strip()


# --------------------------------------------------------------------------- the senders


@dataclass
class Phase:
    """One batch of webhooks and what happened to each (indexes match ``external_ids``)."""

    external_ids: list[str]
    bodies: list[bytes]
    # Per body, the headers it needs (a signature), computed before timing like the bodies.
    headers: list[dict[str, str]]
    sent: list[float] = field(default_factory=list)
    answered: list[float] = field(default_factory=list)
    outcome: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.external_ids)
        self.sent = [0.0] * n
        self.answered = [0.0] * n
        self.outcome = [""] * n


def build_phase(
    mode: ChannelMode, run_id: str, label: str, count: int, contacts: int, offset: int
) -> Phase:
    """Messages spread round-robin over the contacts; bodies are encoded before timing."""
    ids: list[str] = []
    bodies: list[bytes] = []
    headers: list[dict[str, str]] = []
    for i in range(count):
        k = (offset + i) % contacts
        external_id = f"{run_id}-{label}-{i}"
        text = f"Hello, this is message {i} of the {label} phase from contact {k}."
        body = mode.body(external_id, f"{run_id}-contact-{k}", k, text)
        ids.append(mode.stored_id(external_id))
        bodies.append(body)
        headers.append(mode.headers(body))
    return Phase(ids, bodies, headers)


def api_body(external_id: str, contact_id: str, k: int, text: str) -> bytes:
    payload = {
        "id": external_id,
        "contact": {
            "id": contact_id,
            "name": f"Bench contact {k}",
            "phone": f"+1555{k:07d}",
            "email": f"contact{k}@bench.example",
        },
        "text": text,
    }
    return json.dumps(payload).encode()


class Poster(Protocol):
    """Posts one webhook body; answers ``ok``, ``duplicate``, the HTTP status or the error."""

    async def post(self, body: bytes, headers: dict[str, str]) -> str: ...

    async def aclose(self) -> None: ...


def _outcome(status: int, body: bytes) -> str:
    if status != 200:
        return str(status)
    answer = json.loads(body)
    # API channel: {"duplicate": true}; WhatsApp: {"duplicates": 1, ...}.
    return "duplicate" if answer.get("duplicate") or answer.get("duplicates") else "ok"


class RawHttpPoster:
    """Keep-alive HTTP/1.1 POSTs over one connection, with just enough protocol for JSON.

    httpx costs about 1-2 ms of CPU per request here (its pool scans every connection for
    each request), so at 500 requests/s it would take a core from the server it measures;
    this costs a few tens of microseconds.
    """

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"the raw sender speaks plain http only, not {url!r}")
        self.host, self.port = parts.hostname, parts.port or 80
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.head = (
            f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/json\r\n"
        ).encode()
        self.timeout = timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, body: bytes, headers: dict[str, str]) -> str:
        try:
            async with asyncio.timeout(self.timeout):
                status, payload = await self._exchange(body, headers)
            return _outcome(status, payload)
        except (OSError, TimeoutError, ValueError, asyncio.IncompleteReadError) as exc:
            await self.aclose()
            return type(exc).__name__

    async def _exchange(self, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        extra = "".join(f"{name}: {value}\r\n" for name, value in headers.items()).encode()
        length = b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
        self.writer.write(self.head + extra + length + body)
        lines = (await self.reader.readuntil(b"\r\n\r\n")).split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip().lower()
        if b"content-length" in headers:
            payload = await self.reader.readexactly(int(headers[b"content-length"]))
        elif headers.get(b"transfer-encoding") == b"chunked":
            payload = await self._read_chunked(self.reader)
        else:  # the body ends with the connection
            payload = await self.reader.read()
            headers[b"connection"] = b"close"
        if headers.get(b"connection") == b"close":
            await self.aclose()
        return status, payload

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        chunks: list[bytes] = []
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers
            pass
        return b"".join(chunks)

    async def aclose(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


class HttpxPoster:
    """One ``httpx.AsyncClient`` shared by all senders, its pool sized to the concurrency."""

    def __init__(self, url: str, concurrency: int) -> None:
        _skip_missing_sniffio_lookups()
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        self.client = httpx.AsyncClient(limits=limits, timeout=30.0)
        self.url = url
        self.headers = {"content-type": "application/json"}

    async def post(self, body: bytes, headers: dict[str, str]) -> str:
        try:
            response = await self.client.post(
                self.url, content=body, headers={**self.headers, **headers}
            )
            return _outcome(response.status_code, await response.aread())
        except httpx.HTTPError as exc:
            return type(exc).__name__

    async def aclose(self) -> None:
        await self.client.aclose()


def _skip_missing_sniffio_lookups() -> None:
    """httpcore tries ``import sniffio`` for every lock it sets up; when sniffio is not
    installed, each failed import walks ``sys.path`` (about 1 ms per request here). A None
    entry in ``sys.modules`` makes that import fail at once, with the same result."""
    if importlib.util.find_spec("sniffio") is None:
        sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]


def open_posters(kind: str, url: str, concurrency: int) -> list[Poster]:
    """One poster per sender (raw: a connection each; httpx: the shared client)."""
    if kind == "httpx":
        return [HttpxPoster(url, concurrency)] * concurrency
    return [RawHttpPoster(url) for _ in range(concurrency)]


async def close_posters(posters: Sequence[Poster]) -> None:
    for poster in {id(p): p for p in posters}.values():
        await poster.aclose()


async def send_phase(posters: Sequence[Poster], phase: Phase) -> None:
    """Closed loop: each poster sends its next webhook as soon as the last one is answered."""
    indexes: Iterator[int] = iter(range(len(phase.external_ids)))

    async def sender(poster: Poster) -> None:
        for i in indexes:  # shared iterator: each index goes to exactly one sender
            phase.sent[i] = time.perf_counter()
            outcome = await poster.post(phase.bodies[i], phase.headers[i])
            phase.answered[i] = time.perf_counter()
            phase.outcome[i] = outcome

    await asyncio.gather(*(sender(p) for p in posters))


async def wait_until_subscribed(
    mode: ChannelMode, poster: Poster, tracker: EventTracker, run_id: str
) -> None:
    """The server registers the socket after its handshake: probe until an event comes back."""
    for attempt in range(50):
        probe = build_phase(mode, run_id, f"probe{attempt}", 1, 1, 0)
        tracker.expect(probe.external_ids)
        await send_phase([poster], probe)
        if probe.outcome[0] != "ok":
            raise RuntimeError(f"the probe webhook failed: {probe.outcome[0]}")
        if not await tracker.wait(0.5):
            return
    raise RuntimeError("no message.created event reached the agent's WebSocket")


# --------------------------------------------------------------------------- figures


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (q in 0..100)."""
    if not sorted_values:
        return float("nan")
    position = (len(sorted_values) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def distribution_ms(seconds: Iterable[float]) -> dict[str, float]:
    values = sorted(s * 1000 for s in seconds)
    return {
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": values[-1] if values else float("nan"),
        "count": len(values),
    }


@dataclass(frozen=True)
class CpuUse:
    """Who used the CPU: cores while the webhooks were sent, and CPU ms per message
    (counting the event deliveries that finished after the last response)."""

    cores: dict[str, float]
    ms_per_message: dict[str, float]

    @classmethod
    def between(
        cls, before: CpuSample, sent: CpuSample, drained: CpuSample, messages: int
    ) -> CpuUse:
        span = sent.at - before.at
        cores: dict[str, float] = {}
        per_message: dict[str, float] = {}
        for name in ("server", "postgres", "client", "machine"):
            start, middle, end = (getattr(s, name) for s in (before, sent, drained))
            if start is None or middle is None or end is None:
                continue
            cores[name] = (middle - start) / span
            per_message[name] = (end - start) * 1000 / messages
        ours = ("server", "postgres", "client")
        cores["other"] = max(0.0, cores["machine"] - sum(cores.get(k, 0.0) for k in ours))
        return cls(cores, per_message)


@dataclass(frozen=True)
class Results:
    server: str
    messages: int
    concurrency: int
    contacts: int
    warmup: int
    wall_s: float
    events_wall_s: float
    rate: float
    webhook_ms: dict[str, float]
    ws_ms: dict[str, float]
    missing: int
    errors: dict[str, int]
    socket_closed: str | None
    drain_timeout: float
    cpu: CpuUse
    load_average: float

    @property
    def rate_ok(self) -> bool:
        return self.rate >= TARGET_RATE

    @property
    def ws_ok(self) -> bool:
        return self.missing == 0 and self.ws_ms["p99"] < TARGET_WS_P99_MS

    def as_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "messages": self.messages,
            "concurrency": self.concurrency,
            "contacts": self.contacts,
            "warmup": self.warmup,
            "wall_s": round(self.wall_s, 3),
            "messages_per_s": round(self.rate, 1),
            "webhook_ms": _rounded(self.webhook_ms),
            "webhook_to_ws_ms": _rounded(self.ws_ms),
            "missing_events": self.missing,
            "errors": self.errors,
            "socket_closed": self.socket_closed,
            "cpu_cores": _rounded(self.cpu.cores),
            "cpu_ms_per_message": _rounded(self.cpu.ms_per_message),
            "load_average_before": round(self.load_average, 2),
            "targets": {
                "messages_per_s": TARGET_RATE,
                "webhook_to_ws_p99_ms": TARGET_WS_P99_MS,
                "rate_met": self.rate_ok,
                "ws_p99_met": self.ws_ok,
            },
        }


def _rounded(values: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 2) for k, v in values.items()}


def summarize(
    options: Options,
    server: str,
    phase: Phase,
    tracker: EventTracker,
    missing: set[str],
    cpu: CpuUse,
) -> Results:
    answered = [i for i, outcome in enumerate(phase.outcome) if outcome]
    start = min(phase.sent)
    end = max(phase.answered[i] for i in answered)
    ws_latencies = [
        tracker.arrivals[e] - phase.sent[i]
        for i, e in enumerate(phase.external_ids)
        if e in tracker.arrivals
    ]
    last_event = max(
        (tracker.arrivals[e] for e in phase.external_ids if e in tracker.arrivals), default=end
    )
    errors = Counter(o for o in phase.outcome if o != "ok")
    return Results(
        server=server,
        messages=len(phase.external_ids),
        concurrency=options.concurrency,
        contacts=options.contacts,
        warmup=options.warmup,
        wall_s=end - start,
        events_wall_s=last_event - start,
        rate=len(phase.external_ids) / (end - start),
        webhook_ms=distribution_ms(phase.answered[i] - phase.sent[i] for i in answered),
        ws_ms=distribution_ms(ws_latencies),
        missing=len(missing),
        errors=dict(errors),
        socket_closed=tracker.closed,
        drain_timeout=options.drain_timeout,
        cpu=cpu,
        load_average=os.getloadavg()[0],
    )


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _row(label: str, d: dict[str, float], note: str = "") -> str:
    cells = "".join(f"{d[k]:>9.1f}" for k in ("p50", "p95", "p99", "max"))
    return f"  {label:<18}{cells}   {note}".rstrip()


def render_cpu(cpu: CpuUse) -> list[str]:
    measured = "server" in cpu.cores
    names = {
        "server": "server (Python)",
        "postgres": "PostgreSQL",
        "client": "this benchmark",
        "other": "other processes" if measured else "all the rest",
    }
    lines = [f"  {'CPU':<18}{'cores':>9}{'ms/msg':>9}   (this machine has {os.cpu_count()})"]
    for key, label in names.items():
        if key in cpu.cores:
            per_message = cpu.ms_per_message.get(key)
            cell = f"{per_message:>9.2f}" if per_message is not None else f"{'':>9}"
            lines.append(f"    {label:<16}{cpu.cores[key]:>9.2f}{cell}")
    if not measured:
        lines.append("    (the server is in 'all the rest': the benchmark did not start it)")
    elif cpu.ms_per_message["server"] > 0:
        ceiling = 1000 / cpu.ms_per_message["server"]
        lines.append(
            f"    one server process given a whole core tops out near {ceiling:,.0f} messages/s"
        )
    return lines


def render(r: Results) -> str:
    lines = [
        "",
        "omnibox ingestion benchmark",
        f"  server            {r.server}",
        f"  messages          {r.messages} measured (+{r.warmup} warm-up), "
        f"{r.concurrency} concurrent senders, {r.contacts} contacts",
        f"  wall time         {r.wall_s:.2f} s (first request sent → last response); "
        f"all events in {r.events_wall_s:.2f} s",
        f"  throughput        {r.rate:,.0f} messages/s"
        f"        target ≥ {TARGET_RATE:.0f}/s  {_mark(r.rate_ok)}",
        "",
        f"  {'latency (ms)':<18}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}",
        _row("webhook", r.webhook_ms),
        _row("webhook → WS", r.ws_ms, f"target p99 < {TARGET_WS_P99_MS:.0f} ms  {_mark(r.ws_ok)}"),
        "  (webhook: request sent → response received; webhook → WS: request sent →",
        "   message.created with the same external_id received on the agent's WebSocket)",
        "",
        f"  events missing    {r.missing}"
        + ("" if r.missing == 0 else f" (not in {r.drain_timeout:g} s after the last answer)  ✗"),
        "  errors            "
        + (", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "none"),
    ]
    if r.socket_closed:
        lines.append(f"  agent socket      closed by the server ({r.socket_closed})  ✗")
    lines += ["", *render_cpu(r.cpu)]
    if "server" in r.cpu.cores and r.cpu.cores["other"] > 0.25:
        lines.append(
            f"    other work on this machine used {r.cpu.cores['other']:.2f} cores"
            " during the run: figures are lower than on an idle machine"
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- channel modes


def _no_headers(body: bytes) -> dict[str, str]:
    return {}


def _nothing_to_close() -> None:
    return None


def _same_id(external_id: str) -> str:
    return external_id


@dataclass(frozen=True)
class ChannelMode:
    """What differs between the channels a run can post to: how its channel is created,
    what one inbound message's webhook body is and which headers it needs."""

    create_channel: Callable[[httpx.AsyncClient, str], Awaitable[httpx.Response]]
    # (external id, contact id, contact number, text) -> the webhook body.
    body: Callable[[str, str, int, str], bytes]
    headers: Callable[[bytes], dict[str, str]] = _no_headers
    server_env: dict[str, str] = field(default_factory=dict)  # for a server we start
    close: Callable[[], None] = _nothing_to_close
    # The external id the server stores for a body built with this one (what events carry).
    stored_id: Callable[[str], str] = _same_id


def _bench_name() -> str:
    return f"bench {time.strftime('%Y-%m-%d %H:%M:%S')}"


def api_mode(options: Options) -> ChannelMode:
    async def create(client: httpx.AsyncClient, workspace_id: str) -> httpx.Response:
        return await client.post(
            f"/api/v1/workspaces/{workspace_id}/channels",
            json={"name": _bench_name(), "callback_url": None},
        )

    return ChannelMode(create_channel=create, body=api_body)


class _GraphStub(BaseHTTPRequestHandler):
    """Just enough Graph API to connect a WhatsApp channel: any number, any account."""

    def do_GET(self) -> None:
        if "/message_templates" in self.path:
            answer: dict[str, Any] = {"data": []}
        else:
            phone_number_id = self.path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
            answer = {
                "id": phone_number_id,
                "display_phone_number": "+1 555-0100",
                "verified_name": "Bench",
            }
        raw = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: Any) -> None:
        pass


def whatsapp_mode(options: Options) -> ChannelMode:
    """Signed WhatsApp Cloud API notifications, one text message each, as Meta posts them."""
    stub = ThreadingHTTPServer(("127.0.0.1", options.graph_port or 0), _GraphStub)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    graph_url = f"http://127.0.0.1:{stub.server_address[1]}/v21.0"
    phone_number_id = str(secrets.randbelow(10**15) + 10**14)
    waba_id = str(secrets.randbelow(10**15) + 10**14)
    app_secret = secrets.token_hex(16)

    async def create(client: httpx.AsyncClient, workspace_id: str) -> httpx.Response:
        return await client.post(
            f"/api/v1/workspaces/{workspace_id}/channels/whatsapp",
            json={
                "name": _bench_name(),
                "phone_number_id": phone_number_id,
                "waba_id": waba_id,
                "access_token": "EAAG" + secrets.token_urlsafe(32),
                "app_secret": app_secret,
            },
        )

    def body(external_id: str, contact_id: str, k: int, text: str) -> bytes:
        wa_id = f"1555{k:07d}"  # WhatsApp's contact id is their phone number
        value = {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550100", "phone_number_id": phone_number_id},
            "contacts": [{"profile": {"name": f"Bench contact {k}"}, "wa_id": wa_id}],
            "messages": [
                {
                    "from": wa_id,
                    "id": external_id,
                    "timestamp": str(int(time.time())),
                    "type": "text",
                    "text": {"body": text},
                }
            ],
        }
        change = {"value": value, "field": "messages"}
        notification = {
            "object": "whatsapp_business_account",
            "entry": [{"id": waba_id, "changes": [change]}],
        }
        return json.dumps(notification).encode()

    def sign(body: bytes) -> dict[str, str]:
        digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
        return {"X-Hub-Signature-256": f"sha256={digest}"}

    def close() -> None:
        stub.shutdown()
        stub.server_close()

    if options.url:
        print(f"whatsapp: the server must run with OMNIBOX_WHATSAPP_API_URL={graph_url}")
    return ChannelMode(
        create_channel=create,
        body=body,
        headers=sign,
        server_env={"OMNIBOX_WHATSAPP_API_URL": graph_url},
        close=close,
    )


def telegram_mode(options: Options) -> ChannelMode:
    """Telegram updates posted to the bot's webhook with the secret token it registered."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.fakes.telegram_server import FakeBotApi

    api = FakeBotApi().start(options.telegram_port or 0)
    bot = api.new_bot(first_name="Bench bot")
    # Telegram numbers messages per chat and ids are integers: each of our external ids gets
    # the next message id, and the chats of this run start at a random base.
    chat_base = 7_000_000_000 + secrets.randbelow(10**6) * 10**4
    stored: dict[str, str] = {}  # our external id -> "<chat id>:<message id>"
    update_ids = iter(range(10**6, 10**9))

    async def create(client: httpx.AsyncClient, workspace_id: str) -> httpx.Response:
        return await client.post(
            f"/api/v1/workspaces/{workspace_id}/channels/telegram",
            json={"name": _bench_name(), "bot_token": bot.token},
        )

    def body(external_id: str, contact_id: str, k: int, text: str) -> bytes:
        # Called before ``stored_id`` for the same id (see build_phase).
        message_id = len(stored) + 1
        stored[external_id] = f"{chat_base + k}:{message_id}"
        person = {"id": chat_base + k, "first_name": f"Bench contact {k}"}
        message = {
            "message_id": message_id,
            "from": {**person, "is_bot": False},
            "chat": {**person, "type": "private"},
            "date": int(time.time()),
            "text": text,
        }
        return json.dumps({"update_id": next(update_ids), "message": message}).encode()

    def secret_header(body: bytes) -> dict[str, str]:
        # Known once the channel is connected: the secret it gave setWebhook.
        assert bot.webhook is not None, "the channel did not set a webhook (no public URL?)"
        return {"X-Telegram-Bot-Api-Secret-Token": str(bot.webhook["secret_token"])}

    if options.url:
        print(
            f"telegram: the server must run with OMNIBOX_TELEGRAM_API_URL={api.url} "
            "and an https:// OMNIBOX_PUBLIC_URL"
        )
    return ChannelMode(
        create_channel=create,
        body=body,
        headers=secret_header,
        server_env={
            "OMNIBOX_TELEGRAM_API_URL": api.url,
            "OMNIBOX_PUBLIC_URL": "https://omnibox-bench.invalid",
        },
        close=api.stop,
        stored_id=stored.__getitem__,
    )


CHANNEL_MODES: dict[str, Callable[[Options], ChannelMode]] = {
    "api": api_mode,
    "telegram": telegram_mode,
    "whatsapp": whatsapp_mode,
}


# --------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class Target:
    base_url: str
    email: str
    password: str
    label: str
    cpu_probe: Callable[[], CpuSample] = client_cpu_sample


async def benchmark(options: Options, target: Target, mode: ChannelMode) -> Results:
    session = await open_session(
        target.base_url, target.email, target.password, options.workspace_id, mode
    )
    run_id = secrets.token_hex(4)
    tracker = EventTracker()
    posters = open_posters(options.sender, session.webhook_url, options.concurrency)
    try:
        async with connect(
            websocket_url(session),
            additional_headers={"Cookie": f"omnibox_session={session.cookie}"},
            max_size=None,
        ) as ws:
            listener = asyncio.create_task(listen(ws, tracker))
            await wait_until_subscribed(mode, posters[0], tracker, run_id)
            if options.warmup:
                warmup = build_phase(mode, run_id, "warmup", options.warmup, options.contacts, 0)
                tracker.expect(warmup.external_ids)
                await send_phase(posters, warmup)
                await tracker.wait(options.drain_timeout)

            measured = build_phase(
                mode, run_id, "m", options.messages, options.contacts, options.warmup
            )
            tracker.expect(measured.external_ids)
            before = target.cpu_probe()
            await send_phase(posters, measured)
            sent = target.cpu_probe()
            missing = await tracker.wait(options.drain_timeout)
            drained = target.cpu_probe()
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener
    finally:
        await close_posters(posters)
    cpu = CpuUse.between(before, sent, drained, options.messages)
    return summarize(options, target.label, measured, tracker, missing, cpu)


def run_async(coro: Coroutine[Any, Any, Results]) -> Results:
    """uvloop when it is there (uvicorn[standard] brings it) keeps the client's CPU down."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_options(argv)
    # SIGTERM (timeout, CI) unwinds like Ctrl-C, so the server it started is always stopped.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    server: ManagedServer | None = None
    mode = CHANNEL_MODES[options.channel](options)
    try:
        if options.url:
            assert options.email and options.password
            target = Target(options.url, options.email, options.password, f"{options.url} (given)")
        else:
            server = ManagedServer(
                log_level=options.server_log_level,
                keep_data=options.keep_data,
                env=mode.server_env,
            )
            print(f"starting omnibox serve at {server.url} (data in {server.root}) …", flush=True)
            server.start()
            target = Target(
                server.url,
                server.email,
                server.password,
                f"{server.url} (started by the benchmark, embedded PostgreSQL)",
                server.cpu_sample,
            )
        results = run_async(benchmark(options, target, mode))
    except (RuntimeError, httpx.HTTPError, WebSocketException, OSError) as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        if server is not None:
            print(f"--- server log (last lines) ---\n{server.log_tail()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        if server is not None:
            for problem in server.stop():
                print(f"note: {problem}", file=sys.stderr)
        mode.close()
    print(render(results))
    if options.json:
        print(json.dumps(results.as_json()))
    return 1 if results.missing or results.errors else 0


if __name__ == "__main__":
    sys.exit(main())
