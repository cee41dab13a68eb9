"""Per-process fan-out: LISTEN for signals, load what they name once, push to local sockets.

Signals are tiny (ids and a kind) so NOTIFY stays far below its 8 kB limit; each web node
loads the message once per batch of signals, however many agents watch it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

import psycopg
from fastapi import WebSocket
from pydantic import ValidationError

from omnibox.db.engine import Database
from omnibox.messages.views import message_outs_by_id
from omnibox.notifications.schemas import NotificationOut
from omnibox.notifications.service import notification_outs_by_id
from omnibox.realtime.events import (
    NOTIFY_CHANNEL,
    ConversationReadEvent,
    ConversationUpdatedEvent,
    MessageCreatedEvent,
    MessageUpdatedEvent,
    NotificationCreatedEvent,
    ServerEvent,
    Signal,
    SignalKind,
    TypingEvent,
)
from omnibox.realtime.scopes import BatchScopes, load_scopes, masked_variant

log = logging.getLogger(__name__)

_BATCH_MAX = 500
_CLIENT_QUEUE = 1000


@dataclass(eq=False)
class Client:
    websocket: WebSocket
    user_id: uuid.UUID
    workspace_id: uuid.UUID
    outbox: asyncio.Queue[str] = field(default_factory=lambda: asyncio.Queue(_CLIENT_QUEUE))
    # Set when this client must reconnect and catch up through REST (it fell behind, or
    # this node may have missed signals); the send loop then closes the socket.
    must_reconnect: asyncio.Event = field(default_factory=asyncio.Event)

    def offer(self, payload: str) -> None:
        if self.must_reconnect.is_set():
            return
        try:
            self.outbox.put_nowait(payload)
        except asyncio.QueueFull:
            log.warning("closing a realtime client that fell behind")
            self.drop()

    def drop(self) -> None:
        self.must_reconnect.set()
        with contextlib.suppress(asyncio.QueueFull):
            self.outbox.put_nowait("")  # wake the send loop if it is waiting


class Hub:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.clients: dict[uuid.UUID, set[Client]] = defaultdict(set)
        self._signals: asyncio.Queue[Signal] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self.listening = asyncio.Event()

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._listen(), name="realtime-listen"),
            asyncio.create_task(self._dispatch(), name="realtime-dispatch"),
        ]
        await asyncio.wait_for(self.listening.wait(), timeout=30)

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def register(self, client: Client) -> None:
        self.clients[client.workspace_id].add(client)

    def unregister(self, client: Client) -> None:
        group = self.clients.get(client.workspace_id)
        if group is not None:
            group.discard(client)
            if not group:
                del self.clients[client.workspace_id]

    async def _listen(self) -> None:
        delay = 0.5
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.db.url, autocommit=True
                ) as conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    if self.listening.is_set():
                        # We were cut off and may have missed signals: make every client resync.
                        self._drop_all_clients()
                    self.listening.set()
                    delay = 0.5
                    async for notify in conn.notifies():
                        try:
                            self._signals.put_nowait(Signal.model_validate_json(notify.payload))
                        except ValidationError:
                            log.warning("ignoring malformed signal %r", notify.payload[:200])
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("realtime listener lost its connection; reconnecting")
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)

    def _drop_all_clients(self) -> None:
        for group in list(self.clients.values()):
            for client in list(group):
                client.drop()

    async def _dispatch(self) -> None:
        while True:
            batch = [await self._signals.get()]
            while len(batch) < _BATCH_MAX and not self._signals.empty():
                batch.append(self._signals.get_nowait())
            try:
                await self._deliver(batch)
            except Exception:
                log.exception("failed to deliver %d realtime signals", len(batch))

    async def _deliver(self, batch: list[Signal]) -> None:
        relevant = [
            derived
            for s in batch
            if self.clients.get(s.workspace_id)
            for derived in _with_implied(s)
        ]
        if not relevant:
            return
        wanted: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for s in relevant:
            if s.message_id is not None:
                wanted[s.workspace_id].append(s.message_id)
        loaded = {}
        notifications: dict[uuid.UUID, NotificationOut] = {}
        async with self.db.sessions() as session:
            # Who may see what (visibility, blocked contacts, phone masking), per batch.
            scopes: BatchScopes = await load_scopes(
                session,
                {
                    s.workspace_id: {c.user_id for c in self.clients.get(s.workspace_id, ())}
                    for s in relevant
                },
                {s.conversation_id for s in relevant if s.user_id is None},
            )
            for workspace_id, ids in wanted.items():
                loaded.update(await message_outs_by_id(session, workspace_id, ids))
            for s in relevant:
                if s.notification_id is not None and s.user_id is not None:
                    notifications.update(
                        await notification_outs_by_id(
                            session,
                            [s.notification_id],
                            mask_phones=scopes.masks_phones(s.workspace_id, s.user_id),
                        )
                    )
        for s in relevant:
            event: ServerEvent
            if s.kind == SignalKind.conversation_updated:
                event = ConversationUpdatedEvent(
                    workspace_id=s.workspace_id, conversation_id=s.conversation_id
                )
            elif s.kind == SignalKind.typing:
                if s.actor_id is None:
                    continue
                event = TypingEvent(
                    workspace_id=s.workspace_id,
                    conversation_id=s.conversation_id,
                    user_id=s.actor_id,
                    user_name=s.actor_name or "",
                )
            elif s.kind == SignalKind.notification_created:
                notification = notifications.get(s.notification_id) if s.notification_id else None
                if notification is None:
                    continue
                event = NotificationCreatedEvent(
                    workspace_id=s.workspace_id, notification=notification
                )
            elif s.kind == SignalKind.conversation_read:
                event = ConversationReadEvent(
                    workspace_id=s.workspace_id, conversation_id=s.conversation_id
                )
            else:
                message = loaded.get(s.message_id) if s.message_id else None
                if message is None:
                    continue
                cls = (
                    MessageCreatedEvent
                    if s.kind == SignalKind.message_created
                    else MessageUpdatedEvent
                )
                event = cls(
                    workspace_id=s.workspace_id, conversation_id=s.conversation_id, message=message
                )
            payload = event.model_dump_json()
            masked_payload: str | None = None
            for client in list(self.clients.get(s.workspace_id, ())):
                if s.user_id is not None and client.user_id != s.user_id:
                    continue
                if s.actor_id is not None and client.user_id == s.actor_id:
                    continue  # nobody needs to be told they are typing
                if s.user_id is None and not scopes.may_see(
                    s.workspace_id, client.user_id, s.conversation_id
                ):
                    continue  # the REST API would answer 404 for it
                if scopes.masks_phones(s.workspace_id, client.user_id):
                    if masked_payload is None:
                        masked = masked_variant(event)
                        masked_payload = masked.model_dump_json() if masked else payload
                    client.offer(masked_payload)
                    continue
                client.offer(payload)


def _with_implied(signal: Signal) -> list[Signal]:
    """A new message always changes its conversation (order, preview, unread): one NOTIFY
    says both, and the conversation event is derived here."""
    if signal.kind != SignalKind.message_created:
        return [signal]
    implied = Signal(
        kind=SignalKind.conversation_updated,
        workspace_id=signal.workspace_id,
        conversation_id=signal.conversation_id,
    )
    return [signal, implied]
