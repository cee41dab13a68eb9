from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from omnibox.contacts.schemas import ContactBrief

StatusTab = Literal["open", "closed", "snoozed", "all"]
SortOrder = Literal["newest", "oldest", "longest", "shortest"]


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
    team_id: uuid.UUID | None = None
    blocked: bool = Field(default=False, description="The contact is blocked.")
    unanswered: bool = Field(default=False, description="The last message is the contact's.")
    state_since: datetime | None = Field(
        default=None, description="Since when the conversation is open, closed or snoozed."
    )
    snoozed_until: datetime | None = None
    last_snoozed_until: datetime | None = Field(
        default=None,
        description="Set when a snooze ran out and reopened the conversation: it was "
        "snoozed until then.",
    )
    closing_note: str | None = None
    closing_category: str | None = None


class AssignRequest(BaseModel):
    """Fields sent change; null clears. A user must be a member, a team one of the workspace."""

    assignee_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None


class CloseRequest(BaseModel):
    note: str | None = Field(default=None, max_length=5000)
    category: str | None = Field(default=None, max_length=100)


class SnoozeRequest(BaseModel):
    until: datetime = Field(description="When it comes back to Open; must be in the future.")


class MailboxCounts(BaseModel):
    open: int
    closed: int
    snoozed: int


class MailboxOut(BaseModel):
    id: str = Field(description="all, mine, unassigned, team:<id>, custom:<id> or blocked.")
    kind: Literal["all", "mine", "unassigned", "team", "custom", "blocked"]
    name: str
    counts: MailboxCounts
    unread: int = Field(
        description="Open conversations in this mailbox with messages you have not read."
    )
    created_by_me: bool | None = Field(
        default=None, description="Custom inboxes: mine, or shared by someone else."
    )


class MailboxesOut(BaseModel):
    mailboxes: list[MailboxOut]
    has_blocked_contacts: bool = Field(
        description="The workspace has blocked contacts (the menu may hide the entry if not)."
    )
    can_see_blocked: bool
