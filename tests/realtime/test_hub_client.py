"""A socket that can't keep up is closed (so its client catches up through REST), never
silently short of events."""

from __future__ import annotations

import asyncio
import concurrent.futures
import uuid
from typing import Any

import pytest

from omnibox.realtime import hub as hub_module
from omnibox.realtime.endpoints import CLOSE_RECONNECT, _send_loop
from omnibox.realtime.hub import Client


class FakeSocket:
    def __init__(self) -> None:
        self.sent: list[str] = []
        self.closed: tuple[int, str] | None = None

    async def send_text(self, payload: str) -> None:
        self.sent.append(payload)

    async def close(self, code: int, reason: str) -> None:
        self.closed = (code, reason)


def run(coroutine: Any) -> Any:
    # Its own loop in its own thread: the browser tests' sync Playwright keeps one running here.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_overflow_closes_instead_of_dropping(monkeypatch: pytest.MonkeyPatch) -> None:
    run(_overflow(monkeypatch))


def test_queued_events_go_out_in_order() -> None:
    run(_in_order())


async def _overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub_module, "_CLIENT_QUEUE", 3)
    socket = FakeSocket()
    client = Client(websocket=socket, user_id=uuid.uuid4(), workspace_id=uuid.uuid4())  # type: ignore[arg-type]
    for n in range(5):
        client.offer(f"event-{n}")
    assert client.must_reconnect.is_set()
    await asyncio.wait_for(_send_loop(client), timeout=5)
    assert socket.closed is not None and socket.closed[0] == CLOSE_RECONNECT
    assert socket.sent == []  # a client that must resync gets nothing half-way


async def _in_order() -> None:
    socket = FakeSocket()
    client = Client(websocket=socket, user_id=uuid.uuid4(), workspace_id=uuid.uuid4())  # type: ignore[arg-type]
    for n in range(50):
        client.offer(f"event-{n}")
    task: asyncio.Task[Any] = asyncio.create_task(_send_loop(client))
    for _ in range(100):
        if len(socket.sent) == 50:
            break
        await asyncio.sleep(0.01)
    client.drop()
    await asyncio.wait_for(task, timeout=5)
    assert socket.sent == [f"event-{n}" for n in range(50)]
    assert socket.closed is not None
