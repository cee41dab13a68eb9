from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from omnibox.conversations.visibility import CurrentViewer
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.inboxes import service
from omnibox.inboxes.schemas import CustomInboxIn, CustomInboxOut, CustomInboxPatch

router = APIRouter(prefix="/workspaces/{workspace_id}/custom-inboxes", tags=["conversations"])


@router.get("", responses=problems(404))
async def list_inboxes(viewer: CurrentViewer, session: DbSession) -> list[CustomInboxOut]:
    """Yours first, then those others shared (``created_by_me`` tells which)."""
    return await service.list_inboxes(session, viewer)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(404))
async def create_inbox(
    body: CustomInboxIn, viewer: CurrentViewer, session: DbSession
) -> CustomInboxOut:
    """A saved filter; list it with ``GET .../conversations?mailbox=custom:<id>``."""
    return await service.create_inbox(session, viewer, body)


@router.get("/{inbox_id}", responses=problems(404))
async def get_inbox(
    inbox_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> CustomInboxOut:
    return service.inbox_out(viewer, await service.get_inbox(session, viewer, inbox_id))


@router.patch("/{inbox_id}", responses=problems(403, 404))
async def update_inbox(
    inbox_id: uuid.UUID, body: CustomInboxPatch, viewer: CurrentViewer, session: DbSession
) -> CustomInboxOut:
    """Only its creator."""
    return await service.update_inbox(session, viewer, inbox_id, body)


@router.delete("/{inbox_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(403, 404))
async def delete_inbox(inbox_id: uuid.UUID, viewer: CurrentViewer, session: DbSession) -> Response:
    """Only its creator."""
    await service.delete_inbox(session, viewer, inbox_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
