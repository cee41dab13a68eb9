from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from omnibox.auth.dependencies import Access
from omnibox.contacts import service
from omnibox.contacts.schemas import ContactOut
from omnibox.db.session import DbSession
from omnibox.errors import problems

router = APIRouter(prefix="/workspaces/{workspace_id}/contacts", tags=["contacts"])


@router.get("", responses=problems(404))
async def list_contacts(
    access: Access,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=200, description="Name, phone or e-mail.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ContactOut]:
    return await service.search_contacts(session, access.workspace_id, q, limit)


@router.get("/{contact_id}", responses=problems(404))
async def get_contact(contact_id: uuid.UUID, access: Access, session: DbSession) -> ContactOut:
    return await service.get_contact(session, access.workspace_id, contact_id)
