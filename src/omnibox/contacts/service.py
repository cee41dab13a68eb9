from __future__ import annotations

import uuid

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.contacts.schemas import ContactOut
from omnibox.errors import NotFound
from omnibox.models import Contact, Conversation


def _query(workspace_id: uuid.UUID) -> Select[Contact, uuid.UUID]:
    return (
        select(Contact, Conversation.id)
        .outerjoin(Conversation, Conversation.contact_id == Contact.id)
        .where(Contact.workspace_id == workspace_id)
    )


def _out(contact: Contact, conversation_id: uuid.UUID | None) -> ContactOut:
    return ContactOut(
        id=contact.id,
        name=contact.name,
        phone=contact.phone,
        email=contact.email,
        language=contact.language,
        custom_fields=contact.custom_fields,
        blocked=contact.blocked,
        conversation_id=conversation_id,
    )


async def get_contact(
    session: AsyncSession, workspace_id: uuid.UUID, contact_id: uuid.UUID
) -> ContactOut:
    row = (
        await session.execute(_query(workspace_id).where(Contact.id == contact_id))
    ).one_or_none()
    if row is None:
        raise NotFound("No such contact.")
    return _out(row[0], row[1])


async def search_contacts(
    session: AsyncSession, workspace_id: uuid.UUID, query: str | None, limit: int
) -> list[ContactOut]:
    stmt = _query(workspace_id)
    if query:
        like = f"%{query.replace('%', '').replace('_', '')}%"
        stmt = stmt.where(
            or_(Contact.name.ilike(like), Contact.phone.ilike(like), Contact.email.ilike(like))
        )
    rows = await session.execute(stmt.order_by(Contact.name, Contact.id).limit(limit))
    return [_out(row[0], row[1]) for row in rows]
