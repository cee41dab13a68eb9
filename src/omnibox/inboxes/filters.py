"""A custom inbox's saved filter as SQL conditions on conversations."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, false, or_, select, true
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql.expression import cast

from omnibox.contacts.tags import has_any_tag
from omnibox.inboxes.schemas import InboxFilters
from omnibox.models import Contact, ContactHandle, Conversation


def filter_clauses(filters: InboxFilters, user_id: uuid.UUID) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if filters.statuses is not None:
        clauses.append(Conversation.status.in_(filters.statuses) if filters.statuses else false())
    if filters.assignees is not None:
        options: list[ColumnElement[bool]] = []
        ids = [a for a in filters.assignees if isinstance(a, uuid.UUID)]
        if "me" in filters.assignees:
            ids.append(user_id)
        if ids:
            options.append(Conversation.assignee_id.in_(ids))
        if "none" in filters.assignees:
            options.append(Conversation.assignee_id.is_(None))
        clauses.append(or_(*options) if options else false())
    if filters.team_ids is not None:
        clauses.append(Conversation.team_id.in_(filters.team_ids) if filters.team_ids else false())
    # IN (subquery), not EXISTS: PostgreSQL hashes the (indexed) subquery once instead of
    # probing it for every conversation it walks or counts.
    if filters.channel_ids is not None:
        clauses.append(
            Conversation.contact_id.in_(
                select(ContactHandle.contact_id).where(
                    ContactHandle.channel_id.in_(filters.channel_ids)
                )
            )
            if filters.channel_ids
            else false()
        )
    if filters.contact_fields:
        clauses.append(
            Conversation.contact_id.in_(
                select(Contact.id).where(
                    Contact.custom_fields.op("@>")(cast(filters.contact_fields, JSONB))
                )
            )
        )
    if filters.tags is not None:
        clauses.append(has_any_tag(filters.tags) if filters.tags else false())
    if filters.unanswered is not None:
        clauses.append(Conversation.unanswered.is_(true() if filters.unanswered else false()))
    if filters.last_activity_after is not None:
        clauses.append(Conversation.activity_at >= filters.last_activity_after)
    if filters.last_activity_before is not None:
        clauses.append(Conversation.activity_at < filters.last_activity_before)
    return clauses
