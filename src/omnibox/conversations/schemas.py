from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from omnibox.contacts.schemas import ContactBrief


class LastMessageOut(BaseModel):
    id: uuid.UUID
    text: str
    kind: str
    direction: Literal["in", "out"]
    created_at: datetime
    attachment_count: int


class ChannelBrief(BaseModel):
    id: uuid.UUID
    kind: str
    name: str


class ConversationOut(BaseModel):
    id: uuid.UUID
    status: Literal["open", "closed", "snoozed"]
    contact: ContactBrief
    assignee_id: uuid.UUID | None
    last_message: LastMessageOut | None
    last_message_at: datetime | None
    unread_count: int
    last_channel: ChannelBrief | None
    opened_at: datetime | None
    closed_at: datetime | None
