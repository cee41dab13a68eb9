"""Which variables a workspace has, and their values in one conversation (see ``variables``)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.dependencies import WorkspaceAccess
from omnibox.contacts.masking import mask_digits_in, mask_phone
from omnibox.customfields.service import definitions
from omnibox.errors import InvalidPayload
from omnibox.messages.schemas import ResolvedVariableOut
from omnibox.messages.variables import (
    BUILTIN_VARIABLES,
    CUSTOM_PREFIX,
    Resolved,
    Variable,
    custom_variable,
    fill,
    format_value,
    person_name,
    placeholders,
    split_name,
)
from omnibox.models import Contact, Conversation

PHONE_KEY = "contact.phone"
# Derived from the contact's name, which may hold a number (see ``contacts.masking``).
_NAME_KEYS = ("contact.first_name", "contact.last_name", "contact.name")


async def available_variables(session: AsyncSession, workspace_id: uuid.UUID) -> list[Variable]:
    fields = await definitions(session, workspace_id)
    return [*BUILTIN_VARIABLES, *(custom_variable(d.key, d.label) for d in fields.values())]


async def resolve_variables(
    session: AsyncSession, access: WorkspaceAccess, conversation: Conversation
) -> dict[str, Resolved]:
    """Every variable's value for this conversation's contact, sent by ``access.user``."""
    contact = (
        await session.execute(select(Contact).where(Contact.id == conversation.contact_id))
    ).scalar_one()
    name = person_name(contact.name, phone=contact.phone, email=contact.email)
    first, last = split_name(name)
    values = {
        "contact.first_name": first,
        "contact.last_name": last,
        "contact.name": name,
        PHONE_KEY: contact.phone or "",
        "contact.email": contact.email or "",
        "agent.name": access.user.name,
        "workspace.name": access.workspace.name,
    }
    resolved = {}
    for variable in await available_variables(session, access.workspace_id):
        if variable.key.startswith(CUSTOM_PREFIX):
            value = format_value(contact.custom_fields.get(variable.key[len(CUSTOM_PREFIX) :]))
        else:
            value = values[variable.key]
        resolved[variable.key] = Resolved(variable.key, variable.label, value)
    return resolved


def resolved_outs(
    resolved: dict[str, Resolved], *, masks_phones: bool
) -> list[ResolvedVariableOut]:
    outs = []
    for r in resolved.values():
        value = r.value
        if masks_phones and r.key == PHONE_KEY:
            value = mask_phone(value) or ""
        elif masks_phones and r.key in _NAME_KEYS:
            value = mask_digits_in(value)
        outs.append(ResolvedVariableOut(key=r.key, label=r.label, value=value))
    return outs


async def fill_variables(
    session: AsyncSession,
    access: WorkspaceAccess,
    conversation: Conversation,
    text: str,
    *,
    masks_phones: bool,
) -> str:
    """The text of an outgoing message with its variables filled in (422 where one can't be).

    An agent who may not see phone numbers may not send one either: the stored message would
    show it to them.
    """
    found = placeholders(text)
    if not found:
        return text
    if masks_phones and any(p.key == PHONE_KEY for p in found):
        detail = "Phone numbers are hidden from you, so {{contact.phone}} can't be used."
        raise InvalidPayload(detail, errors=[{"field": "text", "message": detail}])
    return fill(text, await resolve_variables(session, access, conversation))
