from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator


class NotificationOut(BaseModel):
    id: uuid.UUID
    kind: Literal["assigned", "snooze_ended", "mentioned"] = Field(
        description="assigned: a conversation was assigned to you; snooze_ended: a snoozed "
        "conversation came back to Open; mentioned: someone mentioned you in a comment."
    )
    conversation_id: uuid.UUID | None
    contact_name: str | None = Field(description="The conversation's contact.")
    actor_id: uuid.UUID | None = Field(description="Who did it (none for the system).")
    actor_name: str | None
    data: dict[str, Any] = Field(
        description="snooze_ended: snoozed_until; assigned: team_id when a team was set; "
        "mentioned: message_id (the comment) and excerpt (its first 140 characters)."
    )
    created_at: datetime
    read_at: datetime | None


class NotificationsPage(BaseModel):
    items: list[NotificationOut]
    unread_count: int


class NotificationsRead(BaseModel):
    ids: list[uuid.UUID] | None = Field(default=None, max_length=500)
    all: bool = Field(default=False, description="Mark every notification read.")

    @model_validator(mode="after")
    def _one_of(self) -> NotificationsRead:
        if not self.all and not self.ids:
            raise ValueError("give ids, or all: true")
        return self


class UnreadCount(BaseModel):
    unread_count: int
