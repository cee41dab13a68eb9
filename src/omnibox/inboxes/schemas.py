from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from omnibox.contacts.schemas import normalized_tags

FieldValue = str | int | float | bool


class InboxFilters(BaseModel):
    """A saved filter: every condition given must hold (a list matches any of its items)."""

    model_config = ConfigDict(extra="forbid")

    statuses: list[Literal["open", "closed", "snoozed"]] | None = Field(
        default=None, description="Only these states (the tabs then narrow further)."
    )
    assignees: list[uuid.UUID | Literal["me", "none"]] | None = Field(
        default=None, description='Assigned to one of these users; "me": whoever looks, "none".'
    )
    team_ids: list[uuid.UUID] | None = Field(default=None, description="In one of these teams.")
    channel_ids: list[uuid.UUID] | None = Field(
        default=None, description="The contact is reachable on one of these channels."
    )
    contact_fields: dict[str, FieldValue] | None = Field(
        default=None, description="Custom contact fields equal to these values (by field key)."
    )
    tags: list[str] | None = Field(
        default=None,
        max_length=100,
        description="The contact has any of these tags (in any case; written as tags are).",
    )
    unanswered: bool | None = Field(
        default=None, description="true: the last message is the contact's; false: it isn't."
    )
    last_activity_after: AwareDatetime | None = None
    last_activity_before: AwareDatetime | None = None

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else normalized_tags(value, limit=None)


class CustomInboxIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    shared: bool = Field(default=False, description="Other members see it (read-only).")
    filters: InboxFilters = Field(default_factory=InboxFilters)


class CustomInboxPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    shared: bool | None = None
    filters: InboxFilters | None = None


class CustomInboxOut(BaseModel):
    id: uuid.UUID
    name: str
    shared: bool
    filters: InboxFilters
    owner_id: uuid.UUID
    created_by_me: bool
    created_at: datetime
