from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from omnibox.auth.dependencies import Access
from omnibox.channels.base import OutboundTemplate
from omnibox.contacts.masking import mask_message_authors
from omnibox.conversations.visibility import (
    CurrentViewer,
    ensure_conversation_visible,
    ensure_message_visible,
)
from omnibox.db.session import DbSession
from omnibox.errors import NotFound, problems
from omnibox.messages import service
from omnibox.messages.schemas import MessageCreate, MessageOut
from omnibox.messages.views import message_outs, message_outs_by_id

router = APIRouter(prefix="/workspaces/{workspace_id}", tags=["messages"])


@router.get("/conversations/{conversation_id}/messages", responses=problems(404))
async def list_messages(
    conversation_id: uuid.UUID,
    access: Access,
    viewer: CurrentViewer,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[datetime | None, Query(description="Only messages older than this.")] = None,
    before_id: Annotated[
        uuid.UUID | None,
        Query(description="With `before`: the id of the oldest message already loaded."),
    ] = None,
) -> list[MessageOut]:
    """The latest ``limit`` messages (older ones with ``before``), oldest first."""
    await ensure_conversation_visible(session, viewer, conversation_id)
    rows = await service.list_messages(
        session,
        access.workspace_id,
        conversation_id,
        limit=limit,
        before=before,
        before_id=before_id,
    )
    return mask_message_authors(viewer.masks_phones, await message_outs(session, rows))


@router.post(
    "/conversations/{conversation_id}/messages",
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, 409),
)
async def send_message(
    conversation_id: uuid.UUID,
    body: MessageCreate,
    access: Access,
    viewer: CurrentViewer,
    session: DbSession,
    response: Response,
) -> MessageOut:
    await ensure_conversation_visible(session, viewer, conversation_id)
    message, created = await service.send_reply(
        session,
        access,
        conversation_id,
        service.Reply(
            text=body.text,
            client_id=body.client_id,
            attachment_ids=body.attachment_ids,
            reply_to_id=body.reply_to_id,
            channel_id=body.channel_id,
            voice_note=body.voice_note,
            template=OutboundTemplate(**body.template.model_dump()) if body.template else None,
        ),
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return (await message_outs(session, [message]))[0]


@router.post("/messages/{message_id}/retry", responses=problems(404, 409))
async def retry_message(
    message_id: uuid.UUID, access: Access, viewer: CurrentViewer, session: DbSession
) -> MessageOut:
    await ensure_message_visible(session, viewer, message_id)
    message = await service.retry_message(session, access.workspace_id, message_id)
    return (await message_outs(session, [message]))[0]


@router.get("/messages/{message_id}", responses=problems(404))
async def get_message(
    message_id: uuid.UUID, access: Access, viewer: CurrentViewer, session: DbSession
) -> MessageOut:
    """One message (to show a quoted message that isn't loaded yet)."""
    await ensure_message_visible(session, viewer, message_id)
    found = await message_outs_by_id(session, access.workspace_id, [message_id])
    if message_id not in found:
        raise NotFound("No such message.")
    return mask_message_authors(viewer.masks_phones, [found[message_id]])[0]
