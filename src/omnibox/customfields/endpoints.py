from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from omnibox.auth.dependencies import Access
from omnibox.customfields import service
from omnibox.customfields.schemas import CustomFieldIn, CustomFieldOut, CustomFieldPatch
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.models import Role

router = APIRouter(prefix="/workspaces/{workspace_id}/custom-fields", tags=["contacts"])


@router.get("", responses=problems(404))
async def list_fields(access: Access, session: DbSession) -> list[CustomFieldOut]:
    found = await service.definitions(session, access.workspace_id)
    return [service.field_out(d) for d in found.values()]


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(403, 404, 409))
async def create_field(body: CustomFieldIn, access: Access, session: DbSession) -> CustomFieldOut:
    """Owners and managers: a typed contact field (text, number, date, list, checkbox)."""
    access.require(Role.owner, Role.manager)
    return await service.create_field(session, access.workspace_id, body)


@router.patch("/{field_id}", responses=problems(403, 404))
async def update_field(
    field_id: uuid.UUID, body: CustomFieldPatch, access: Access, session: DbSession
) -> CustomFieldOut:
    access.require(Role.owner, Role.manager)
    return await service.update_field(session, access.workspace_id, field_id, body)


@router.delete("/{field_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(403, 404))
async def delete_field(field_id: uuid.UUID, access: Access, session: DbSession) -> Response:
    access.require(Role.owner, Role.manager)
    await service.delete_field(session, access.workspace_id, field_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
