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
    visible_conversation,
)
from omnibox.db.session import DbSession
from omnibox.errors import InvalidPayload, NotFound, problems
from omnibox.messages import service
from omnibox.messages.comments import Comment, add_comment
from omnibox.messages.schemas import (
    ConversationSearchOut,
    MessageCreate,
    MessageOut,
    ResolvedVariableOut,
    VariableOut,
)
from omnibox.messages.search import search_conversation
from omnibox.messages.variable_values import (
    available_variables,
    resolve_variables,
    resolved_outs,
)
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
    """A reply to the contact, or with ``internal`` a comment for the team only."""
    await ensure_conversation_visible(session, viewer, conversation_id)
    if body.internal:
        message, created = await add_comment(
            session,
            access,
            conversation_id,
            Comment(
                text=body.text,
                client_id=body.client_id,
                attachment_ids=body.attachment_ids,
                snippet_file_ids=body.snippet_file_ids,
                mentions=body.mentions,
            ),
        )
    else:
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
                snippet_file_ids=body.snippet_file_ids,
                masks_phones=viewer.masks_phones,
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


@router.get("/variables", responses=problems(404))
async def list_variables(access: Access, session: DbSession) -> list[VariableOut]:
    """The variables a message or snippet text may use: the built-in ones, then one per
    custom contact field."""
    return [
        VariableOut(key=v.key, label=v.label, example=v.example)
        for v in await available_variables(session, access.workspace_id)
    ]


@router.get("/conversations/{conversation_id}/variables", responses=problems(404))
async def conversation_variables(
    conversation_id: uuid.UUID, access: Access, viewer: CurrentViewer, session: DbSession
) -> list[ResolvedVariableOut]:
    """What each variable becomes in this conversation, sent by you (to preview a reply and
    warn about empty values)."""
    conversation = await visible_conversation(session, viewer, conversation_id)
    resolved = await resolve_variables(session, access, conversation)
    return resolved_outs(resolved, masks_phones=viewer.masks_phones)


@router.get("/conversations/{conversation_id}/search", responses=problems(404))
async def search_messages(
    conversation_id: uuid.UUID,
    access: Access,
    viewer: CurrentViewer,
    session: DbSession,
    q: Annotated[str, Query(max_length=200, description="Words to find, in any form.")],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> ConversationSearchOut:
    """Messages, comments and voice transcripts of this conversation that contain the words
    (Russian and English word forms), oldest first, with the matched words marked."""
    if not q.strip():
        raise InvalidPayload(
            "Type something to search for.", errors=[{"field": "q", "message": "empty"}]
        )
    await ensure_conversation_visible(session, viewer, conversation_id)
    return await search_conversation(
        session, access.workspace_id, conversation_id, q.strip(), limit=limit
    )
