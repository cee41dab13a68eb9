from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from omnibox.conversations.visibility import CurrentViewer
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.notifications import service
from omnibox.notifications.schemas import NotificationsPage, NotificationsRead, UnreadCount

router = APIRouter(prefix="/workspaces/{workspace_id}/notifications", tags=["notifications"])


@router.get("", responses=problems(404))
async def list_notifications(
    viewer: CurrentViewer,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[datetime | None, Query(description="Only older than this.")] = None,
    unread: Annotated[bool, Query(description="Only unread ones.")] = False,
) -> NotificationsPage:
    """Your notifications in this workspace, newest first, with your unread count."""
    return await service.list_notifications(
        session,
        viewer.workspace_id,
        viewer.user_id,
        limit=limit,
        before=before,
        unread_only=unread,
        mask_phones=viewer.masks_phones,
    )


@router.post("/read", responses=problems(404))
async def mark_read(
    body: NotificationsRead, viewer: CurrentViewer, session: DbSession
) -> UnreadCount:
    """Mark some (``ids``) or every (``all``) notification read."""
    count = await service.mark_read(
        session, viewer.workspace_id, viewer.user_id, None if body.all else body.ids
    )
    return UnreadCount(unread_count=count)
