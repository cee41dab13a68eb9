"""WebSocket ``/api/v1/ws?workspace_id=...``: the session cookie authenticates it."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from urllib.parse import urlsplit

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from sqlalchemy import select

from omnibox.auth.service import SESSION_COOKIE, user_for_token
from omnibox.models import Membership
from omnibox.realtime.events import PingEvent
from omnibox.realtime.hub import Client, Hub

router = APIRouter()

PING_SECONDS = 25.0
CLOSE_UNAUTHORIZED = 4401
CLOSE_NOT_FOUND = 4404
CLOSE_FORBIDDEN_ORIGIN = 4403
CLOSE_RECONNECT = 1012  # "service restart": the client reconnects and refetches


def _same_origin(websocket: WebSocket) -> bool:
    origin = websocket.headers.get("origin")
    if not origin:
        return True  # not a browser: cross-site WebSocket hijacking needs one
    return urlsplit(origin).netloc == websocket.headers.get("host")


@router.websocket("/ws")
async def realtime(websocket: WebSocket, workspace_id: uuid.UUID) -> None:
    if not _same_origin(websocket):
        await _refuse(websocket, CLOSE_FORBIDDEN_ORIGIN, "cross-origin connection refused")
        return
    token = websocket.cookies.get(SESSION_COOKIE)
    async with websocket.app.state.db.sessions() as session:
        user = await user_for_token(session, token) if token else None
        if user is None:
            await _refuse(websocket, CLOSE_UNAUTHORIZED, "log in first")
            return
        member = (
            await session.execute(
                select(Membership.id).where(
                    Membership.workspace_id == workspace_id, Membership.user_id == user.id
                )
            )
        ).scalar_one_or_none()
    if member is None:
        await _refuse(websocket, CLOSE_NOT_FOUND, "no such workspace")
        return

    hub: Hub = websocket.app.state.hub
    client = Client(websocket=websocket, user_id=user.id, workspace_id=workspace_id)
    # Listening before the client sees "open": it refetches through REST on open, so anything
    # committed after that refetch started reaches it as an event (queued until accepted).
    hub.register(client)
    try:
        await websocket.accept()
    except Exception:
        hub.unregister(client)
        raise
    sender = asyncio.create_task(_send_loop(client))
    try:
        while True:
            await (
                websocket.receive_text()
            )  # the client sends nothing we need; keeps the read side alive
    except WebSocketDisconnect:
        pass
    finally:
        hub.unregister(client)
        sender.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sender


async def _refuse(websocket: WebSocket, code: int, reason: str) -> None:
    """Accept, then close with a code the browser can read (a refused handshake has none)."""
    await websocket.accept()
    await websocket.close(code, reason)


async def _send_loop(client: Client) -> None:
    ping = PingEvent().model_dump_json()
    while True:
        try:
            # asyncio.timeout, not wait_for: no extra task per event on Python 3.11.
            async with asyncio.timeout(PING_SECONDS):
                payloads = [await client.outbox.get()]
        except TimeoutError:
            payloads = [ping]
        while not client.outbox.empty():  # send everything queued while we were away
            payloads.append(client.outbox.get_nowait())
        if client.must_reconnect.is_set():
            await client.websocket.close(CLOSE_RECONNECT, "please reconnect and catch up")
            return
        for payload in payloads:
            await client.websocket.send_text(payload)
