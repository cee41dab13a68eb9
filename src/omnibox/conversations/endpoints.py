from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from omnibox.auth.dependencies import Access
from omnibox.conversations import service
from omnibox.conversations.schemas import ConversationOut
from omnibox.db.session import DbSession
from omnibox.errors import problems

router = APIRouter(prefix="/workspaces/{workspace_id}/conversations", tags=["conversations"])


@router.get("", responses=problems(404))
async def list_conversations(
    access: Access,
    session: DbSession,
    status: service.StatusFilter = "all",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[
        datetime | None, Query(description="Only conversations whose last message is older.")
    ] = None,
) -> list[ConversationOut]:
    return await service.list_conversations(
        session, access.workspace_id, access.user.id, status=status, limit=limit, before=before
    )


@router.get("/{conversation_id}", responses=problems(404))
async def get_conversation(
    conversation_id: uuid.UUID, access: Access, session: DbSession
) -> ConversationOut:
    return await service.get_conversation(
        session, access.workspace_id, access.user.id, conversation_id
    )


@router.post(
    "/{conversation_id}/read", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404)
)
async def mark_read(conversation_id: uuid.UUID, access: Access, session: DbSession) -> Response:
    await service.mark_read(session, access.workspace_id, access.user.id, conversation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
