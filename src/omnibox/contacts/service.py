"""Contacts: search, one contact, create (with its conversation), edit, block."""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.contacts.masking import is_masked_value, mask_digits_in, mask_phone
from omnibox.contacts.schemas import ContactChannelOut, ContactCreate, ContactOut, ContactPatch
from omnibox.conversations.actions import changed
from omnibox.conversations.listing import search_clauses
from omnibox.conversations.visibility import Viewer
from omnibox.customfields.service import checked_values
from omnibox.errors import Conflict, NotFound
from omnibox.models import Channel, Contact, ContactHandle, Conversation, ConversationStatus
from omnibox.models.base import utcnow


def _query(viewer: Viewer) -> Select[Contact, uuid.UUID]:
    stmt = (
        select(Contact, Conversation.id)
        .outerjoin(Conversation, Conversation.contact_id == Contact.id)
        .where(Contact.workspace_id == viewer.workspace_id)
    )
    if viewer.restricted or not viewer.sees_blocked:
        # A contact is visible with its conversation.
        stmt = stmt.where(*viewer.visible())
    return stmt


def contact_out(viewer: Viewer, contact: Contact, conversation_id: uuid.UUID | None) -> ContactOut:
    masked = viewer.masks_phones
    phone = mask_phone(contact.phone) if masked else contact.phone
    tel = None
    if contact.phone and not masked:
        tel = (
            "tel:"
            + ("+" if contact.phone.strip().startswith("+") else "")
            + re.sub(r"\D", "", contact.phone)
        )
    return ContactOut(
        id=contact.id,
        name=mask_digits_in(contact.name) if masked else contact.name,
        phone=phone,
        email=contact.email,
        language=contact.language,
        custom_fields=contact.custom_fields,
        blocked=contact.blocked,
        tags=list(contact.tags),
        conversation_id=conversation_id,
        phone_masked=masked and contact.phone is not None,
        tel_uri=tel,
    )


async def _row(
    session: AsyncSession, viewer: Viewer, contact_id: uuid.UUID, *, lock: bool = False
) -> tuple[Contact, uuid.UUID | None]:
    stmt = _query(viewer).where(Contact.id == contact_id)
    if lock:
        stmt = stmt.with_for_update(of=Contact)
    row = (await session.execute(stmt)).one_or_none()
    if row is None:
        raise NotFound("No such contact.")
    return row[0], row[1]


async def get_contact(session: AsyncSession, viewer: Viewer, contact_id: uuid.UUID) -> ContactOut:
    contact, conversation_id = await _row(session, viewer, contact_id)
    out = contact_out(viewer, contact, conversation_id)
    rows = await session.execute(
        select(Channel.id, Channel.kind, Channel.name)
        .join(ContactHandle, ContactHandle.channel_id == Channel.id)
        .where(ContactHandle.contact_id == contact.id)
        .order_by(Channel.created_at)
    )
    out.channels = [ContactChannelOut(id=r.id, kind=r.kind, name=r.name) for r in rows]
    return out


async def search_contacts(
    session: AsyncSession, viewer: Viewer, query: str | None, limit: int
) -> list[ContactOut]:
    stmt = _query(viewer)
    if query:
        stmt = stmt.where(*await search_clauses(session, viewer, query))
    rows = await session.execute(stmt.order_by(Contact.name, Contact.id).limit(limit))
    return [contact_out(viewer, row[0], row[1]) for row in rows]


async def create_contact(session: AsyncSession, viewer: Viewer, body: ContactCreate) -> ContactOut:
    """A contact and its conversation, which starts in the Closed tab (nothing to answer yet).
    An agent who sees only their own conversations gets it assigned, so they can see it."""
    now = utcnow()
    contact = Contact(
        workspace_id=viewer.workspace_id,
        name=body.name.strip(),
        phone=None if body.phone and is_masked_value(body.phone) else body.phone,
        email=body.email,
        language=body.language,
        custom_fields=await checked_values(session, viewer.workspace_id, {}, body.custom_fields),
        tags=body.tags or [],
        updated_at=now,
        created_at=now,
    )
    session.add(contact)
    await session.flush()
    conversation = Conversation(
        workspace_id=viewer.workspace_id,
        contact_id=contact.id,
        status=ConversationStatus.closed,
        opened_at=None,
        closed_at=now,
        created_at=now,
        assignee_id=viewer.user_id if viewer.restricted else None,
    )
    session.add(conversation)
    await changed(session, conversation)
    return contact_out(viewer, contact, conversation.id)


async def update_contact(
    session: AsyncSession, viewer: Viewer, contact_id: uuid.UUID, body: ContactPatch
) -> ContactOut:
    contact, conversation_id = await _row(session, viewer, contact_id, lock=True)
    sent: dict[str, Any] = body.model_dump(exclude_unset=True)
    if "name" in sent:
        if sent["name"] is None or not sent["name"].strip():
            raise _invalid("name", "A contact needs a name.")
        contact.name = sent["name"].strip()
    if "phone" in sent and not (sent["phone"] and is_masked_value(sent["phone"])):
        # A masked number coming back is the one we have: only a real number replaces it.
        contact.phone = sent["phone"]
    if "email" in sent:
        contact.email = sent["email"]
    if "language" in sent:
        contact.language = sent["language"]
    if sent.get("custom_fields") is not None:
        contact.custom_fields = await checked_values(
            session, viewer.workspace_id, contact.custom_fields, sent["custom_fields"]
        )
    if sent.get("tags") is not None:
        # Already normalised (``ContactPatch``); the list replaces the contact's tags.
        contact.tags = sent["tags"]
    contact.updated_at = utcnow()
    await session.flush()
    await session.refresh(contact)
    if conversation_id is not None:
        # conversation.updated: lists show the contact's name and tags.
        await _touch_conversation(session, conversation_id)
    return contact_out(viewer, contact, conversation_id)


def _invalid(field: str, detail: str) -> Exception:
    from omnibox.errors import InvalidPayload

    return InvalidPayload(detail, errors=[{"field": field, "message": detail}])


async def _touch_conversation(session: AsyncSession, conversation_id: uuid.UUID) -> Conversation:
    conversation = (
        await session.execute(
            select(Conversation).where(Conversation.id == conversation_id).with_for_update()
        )
    ).scalar_one()
    await changed(session, conversation)
    return conversation


async def set_blocked(
    session: AsyncSession, viewer: Viewer, contact_id: uuid.UUID, *, blocked: bool
) -> ContactOut:
    """Block: the contact's messages are still stored but no longer open the conversation or
    notify anyone; the conversation leaves the mailboxes for Blocked contacts (a snooze
    ends: it is closed). Unblock brings it back as it is."""
    contact, conversation_id = await _row(session, viewer, contact_id, lock=True)
    if contact.blocked == blocked:
        raise Conflict(
            "The contact is already blocked." if blocked else "The contact is not blocked."
        )
    contact.blocked = blocked
    contact.updated_at = utcnow()
    if conversation_id is not None:
        conversation = (
            await session.execute(
                select(Conversation).where(Conversation.id == conversation_id).with_for_update()
            )
        ).scalar_one()
        conversation.blocked = blocked
        if blocked and conversation.status == ConversationStatus.snoozed:
            conversation.status = ConversationStatus.closed
            conversation.closed_at = utcnow()
            conversation.snoozed_until = None
            conversation.snoozed_at = None
        await changed(session, conversation)
    await session.flush()
    await session.refresh(contact)
    return contact_out(viewer, contact, conversation_id)
