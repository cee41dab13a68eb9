"""Typed realtime events.

Two shapes: ``Signal`` is what travels through PostgreSQL NOTIFY (ids and a kind, small);
the ``*Event`` models are what a browser receives, built by the web node from a signal.
The TypeScript client declares the same shapes (web/src/api/events.ts).
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel

from omnibox.messages.schemas import MessageOut
from omnibox.notifications.schemas import NotificationOut

NOTIFY_CHANNEL = "omnibox_events"


class SignalKind(StrEnum):
    message_created = "message.created"
    message_updated = "message.updated"
    conversation_updated = "conversation.updated"
    conversation_read = "conversation.read"
    typing = "typing"
    notification_created = "notification.created"


class Signal(BaseModel):
    kind: SignalKind
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
    message_id: uuid.UUID | None = None
    # Set for events meant for one user only (their own read state).
    user_id: uuid.UUID | None = None
    # Who did it, for events everyone but them should see (typing).
    actor_id: uuid.UUID | None = None
    actor_name: str | None = None
    # The notification a notification.created signal is about (user_id says whose).
    notification_id: uuid.UUID | None = None


class MessageCreatedEvent(BaseModel):
    type: Literal["message.created"] = "message.created"
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
    message: MessageOut


class MessageUpdatedEvent(BaseModel):
    type: Literal["message.updated"] = "message.updated"
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
    message: MessageOut


class ConversationUpdatedEvent(BaseModel):
    type: Literal["conversation.updated"] = "conversation.updated"
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID


class ConversationReadEvent(BaseModel):
    """This user read the conversation (in another tab or device): clear its badge."""

    type: Literal["conversation.read"] = "conversation.read"
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID


class TypingEvent(BaseModel):
    """Another agent is typing in this conversation (sent every few seconds while they do)."""

    type: Literal["typing"] = "typing"
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
    user_id: uuid.UUID
    user_name: str


class NotificationCreatedEvent(BaseModel):
    """A new notification for this user (an assignment, a snooze that ended, ...)."""

    type: Literal["notification.created"] = "notification.created"
    workspace_id: uuid.UUID
    notification: NotificationOut


class PingEvent(BaseModel):
    type: Literal["ping"] = "ping"


ServerEvent = (
    MessageCreatedEvent
    | MessageUpdatedEvent
    | ConversationUpdatedEvent
    | ConversationReadEvent
    | TypingEvent
    | NotificationCreatedEvent
    | PingEvent
)
