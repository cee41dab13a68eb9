"""Production shape: two web nodes without workers and a separate `omnibox worker`, one database.

Proves realtime fan-out crosses processes (LISTEN/NOTIFY) and that jobs run in the worker.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from websockets.sync.client import connect

from tests.conftest import PASSWORD, free_port
from tests.fakes.callback_server import CallbackServer

OMNIBOX = str(Path(sys.executable).with_name("omnibox"))


@pytest.fixture
def scratch_database(database_url: str) -> Iterator[str]:
    name = f"omnibox_mp_{uuid.uuid4().hex[:8]}"
    admin = database_url.split("@/", 1)[0] + "@/postgres?" + database_url.split("?", 1)[1]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url.split("@/", 1)[0] + f"@/{name}?" + database_url.split("?", 1)[1]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def spawn(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [OMNIBOX, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_healthy(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"server exited: {process.stdout.read() if process.stdout else ''}"
            )
        try:
            if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("server did not become healthy")


def test_two_web_nodes_and_a_worker(
    scratch_database: str, tmp_path: Path, callback: CallbackServer
) -> None:
    base_env = {
        **os.environ,
        "OMNIBOX_DATABASE_URL": scratch_database,
        "OMNIBOX_DATA_DIR": str(tmp_path),
        "OMNIBOX_BOOTSTRAP_PASSWORD": PASSWORD,
        "OMNIBOX_LOG_LEVEL": "warning",
    }
    ports = [free_port(), free_port()]
    processes: list[subprocess.Popen[str]] = []
    try:
        for port in ports:
            env = {**base_env, "OMNIBOX_PORT": str(port)}
            processes.append(spawn(env, "serve", "--no-worker"))
            wait_healthy(f"http://127.0.0.1:{port}", processes[-1])
        node_a, node_b = (f"http://127.0.0.1:{p}" for p in ports)

        with httpx.Client(base_url=node_a) as a, httpx.Client(base_url=node_b) as b:
            session = a.post(
                "/api/v1/auth/login", json={"email": "admin@example.com", "password": PASSWORD}
            )
            assert session.status_code == 200, session.text
            wid = session.json()["workspaces"][0]["id"]
            channel = a.post(
                f"/api/v1/workspaces/{wid}/channels",
                json={"name": "API", "callback_url": callback.url},
            ).json()
            hook = channel["webhook_url"].replace(node_a, node_b)

            ws_url = node_a.replace("http", "ws") + f"/api/v1/ws?workspace_id={wid}"
            cookie = f"omnibox_session={a.cookies['omnibox_session']}"
            with connect(ws_url, additional_headers={"Cookie": cookie}) as ws:
                # Posted to node B, seen live by an agent connected to node A.
                accepted = b.post(
                    hook, json={"id": "x1", "contact": {"id": "k"}, "text": "via B"}
                ).json()
                while (event := json.loads(ws.recv(timeout=10)))["type"] != "message.created":
                    pass
                assert event["message"]["id"] == accepted["message_id"]

                reply = a.post(
                    f"/api/v1/workspaces/{wid}/conversations/{accepted['conversation_id']}/messages",
                    json={"text": "from A"},
                ).json()
                time.sleep(1.0)
                # No node runs jobs: the reply waits, queued, until a worker starts.
                assert callback.deliveries == []
                processes.append(spawn(base_env, "worker"))
                [delivery] = callback.wait_for(1, timeout=30)
                assert delivery.json["id"] == reply["id"]
                while (event := json.loads(ws.recv(timeout=10)))["type"] != "message.updated":
                    pass
                assert event["message"]["status"] == "sent"
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def test_sigterm_stops_the_embedded_postgresql(tmp_path: Path) -> None:
    import psutil

    env = {key: value for key, value in os.environ.items() if not key.startswith("OMNIBOX_")} | {
        "OMNIBOX_DATA_DIR": str(tmp_path),
        "OMNIBOX_PORT": str(free_port()),
        "OMNIBOX_LOG_LEVEL": "warning",
    }
    process = spawn(env, "serve", "--no-worker")
    try:
        wait_healthy(f"http://127.0.0.1:{env['OMNIBOX_PORT']}", process)
        pgdata = str((tmp_path / "pg").resolve())

        def postgres_running() -> bool:
            for proc in psutil.process_iter(["name", "cmdline"]):
                if proc.info["name"] == "postgres" and pgdata in " ".join(
                    proc.info["cmdline"] or []
                ):
                    return True
            return False

        assert postgres_running()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert not postgres_running()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
