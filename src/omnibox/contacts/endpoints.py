from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from omnibox.contacts import service, tags
from omnibox.contacts.schemas import ContactCreate, ContactOut, ContactPatch, TagOut
from omnibox.conversations.visibility import CurrentViewer
from omnibox.db.session import DbSession
from omnibox.errors import problems

router = APIRouter(prefix="/workspaces/{workspace_id}/contacts", tags=["contacts"])
tags_router = APIRouter(prefix="/workspaces/{workspace_id}/tags", tags=["contacts"])


@tags_router.get("", responses=problems(404))
async def list_tags(
    viewer: CurrentViewer,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=50, description="Part of the tag, any case.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[TagOut]:
    """The contacts' tags in use, most used first, with how many contacts (that you can see)
    have each: for pickers. Tags match in any case, so each appears once."""
    return await tags.tags_in_use(session, viewer, q, limit)


@router.get("", responses=problems(404))
async def list_contacts(
    viewer: CurrentViewer,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=200, description="Name, phone or e-mail.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ContactOut]:
    return await service.search_contacts(session, viewer, q, limit)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(404))
async def create_contact(
    body: ContactCreate, viewer: CurrentViewer, session: DbSession
) -> ContactOut:
    """A new contact; its conversation starts in the Closed tab. Custom field values are
    checked against the workspace's fields (422 naming the field)."""
    return await service.create_contact(session, viewer, body)


@router.get("/{contact_id}", responses=problems(404))
async def get_contact(
    contact_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> ContactOut:
    return await service.get_contact(session, viewer, contact_id)


@router.patch("/{contact_id}", responses=problems(404))
async def update_contact(
    contact_id: uuid.UUID, body: ContactPatch, viewer: CurrentViewer, session: DbSession
) -> ContactOut:
    """Fields sent change. Where phones are masked for you, a number you add is saved but
    stays hidden, and the masked value sent back changes nothing."""
    return await service.update_contact(session, viewer, contact_id, body)


@router.post("/{contact_id}/block", responses=problems(404, 409))
async def block_contact(
    contact_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> ContactOut:
    """Their messages are still kept, but no longer open the conversation or notify anyone;
    it moves to Blocked contacts."""
    return await service.set_blocked(session, viewer, contact_id, blocked=True)


@router.post("/{contact_id}/unblock", responses=problems(404, 409))
async def unblock_contact(
    contact_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> ContactOut:
    return await service.set_blocked(session, viewer, contact_id, blocked=False)
