from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from pydantic import TypeAdapter

from omnibox.contacts.schemas import normalized_tags
from omnibox.conversations import actions, listing, mailboxes, service, snooze
from omnibox.conversations.schemas import (
    AssignRequest,
    CloseRequest,
    ConversationOut,
    MailboxesOut,
    SnoozeRequest,
    SortOrder,
    StatusTab,
)
from omnibox.conversations.visibility import CurrentViewer, Viewer
from omnibox.db.session import DbSession
from omnibox.errors import InvalidPayload, problems
from omnibox.models import Conversation

router = APIRouter(prefix="/workspaces/{workspace_id}/conversations", tags=["conversations"])
mailbox_router = APIRouter(prefix="/workspaces/{workspace_id}", tags=["conversations"])

NEXT_CURSOR = "X-Next-Cursor"


@mailbox_router.get("/mailboxes", responses=problems(404))
async def get_mailboxes(viewer: CurrentViewer, session: DbSession) -> MailboxesOut:
    """The inbox menu for you: All, Mine, Unassigned, team inboxes, custom inboxes (yours
    first, then those shared by others) and Blocked contacts (if you may see them), each
    with its counts per tab and how many conversations in it have unread messages."""
    return await mailboxes.mailbox_menu(session, viewer)


_PAGE = TypeAdapter(list[ConversationOut])


@router.get(
    "",
    response_model=list[ConversationOut],
    responses={
        **problems(403, 404),
        200: {
            "headers": {
                NEXT_CURSOR: {
                    "description": "Pass it as `cursor` for the next page; absent on the last.",
                    "schema": {"type": "string"},
                }
            }
        },
    },
)
async def list_conversations(
    viewer: CurrentViewer,
    session: DbSession,
    status: StatusTab = "all",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[
        datetime | None, Query(description="Only conversations whose last activity is older.")
    ] = None,
    mailbox: Annotated[
        str,
        Query(
            max_length=60,
            description="all, mine, unassigned, blocked, team:<id> or custom:<id>.",
        ),
    ] = "all",
    sort: Annotated[
        SortOrder,
        Query(
            description="newest/oldest: by last message; longest/shortest: by time in the "
            "current state (open, closed or snoozed)."
        ),
    ] = "newest",
    q: Annotated[
        str | None,
        Query(max_length=200, description="Contact name words, phone digits or e-mail."),
    ] = None,
    unanswered: Annotated[
        bool | None, Query(description="true: only those whose last message is the contact's.")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=500, description="From the X-Next-Cursor header.")
    ] = None,
    tag: Annotated[
        list[str] | None,
        Query(
            max_length=30,
            description="Only contacts with any of these tags (in any case); repeat for more.",
        ),
    ] = None,
) -> Response:
    page = await listing.list_conversations(
        session,
        viewer,
        listing.ListQuery(
            mailbox=mailbox,
            status=status,
            sort=sort,
            q=q,
            unanswered=unanswered,
            tags=tuple(_tags_param(tag or [])),
            limit=limit,
            cursor=cursor,
            before=before,
        ),
    )
    # Serialised here, once (FastAPI would validate every item again first).
    response = Response(_PAGE.dump_json(page.items), media_type="application/json")
    if page.next_cursor:
        response.headers[NEXT_CURSOR] = page.next_cursor
    return response


def _tags_param(values: list[str]) -> list[str]:
    try:
        return normalized_tags(values, limit=None)
    except ValueError as exc:
        raise InvalidPayload(str(exc), errors=[{"field": "tag", "message": str(exc)}]) from exc


@router.get("/{conversation_id}", responses=problems(404))
async def get_conversation(
    conversation_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> ConversationOut:
    return await listing.get_conversation(session, viewer, conversation_id)


@router.post(
    "/{conversation_id}/read", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404)
)
async def mark_read(
    conversation_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> Response:
    await service.mark_read(session, viewer, conversation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


async def _answer(
    session: DbSession, viewer: Viewer, conversation: Conversation
) -> ConversationOut:
    return await listing.get_conversation(session, viewer, conversation.id)


@router.post("/{conversation_id}/assign", responses=problems(404))
async def assign(
    conversation_id: uuid.UUID, body: AssignRequest, viewer: CurrentViewer, session: DbSession
) -> ConversationOut:
    """Assign to a member and/or a team: fields sent change, null clears one. The new
    assignee gets a notification."""
    sent = body.model_dump(exclude_unset=True)
    conversation = await actions.assign(session, viewer, conversation_id, **sent)
    return await _answer(session, viewer, conversation)


@router.post("/{conversation_id}/unassign", responses=problems(404))
async def unassign(
    conversation_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> ConversationOut:
    """No assignee and no team: the conversation goes back to Unassigned."""
    conversation = await actions.unassign(session, viewer, conversation_id)
    return await _answer(session, viewer, conversation)


@router.post("/{conversation_id}/close", responses=problems(404, 409))
async def close(
    conversation_id: uuid.UUID,
    viewer: CurrentViewer,
    session: DbSession,
    body: CloseRequest | None = None,
) -> ConversationOut:
    """Close, with a note and a category as the workspace's ``closing_notes`` says: off (none
    allowed), optional, mandatory (both required, else 422)."""
    body = body or CloseRequest()
    conversation = await actions.close(
        session, viewer, conversation_id, note=body.note, category=body.category
    )
    return await _answer(session, viewer, conversation)


@router.post("/{conversation_id}/reopen", responses=problems(404, 409))
async def reopen(
    conversation_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> ConversationOut:
    conversation = await actions.reopen(session, viewer, conversation_id)
    return await _answer(session, viewer, conversation)


@router.post("/{conversation_id}/snooze", responses=problems(404, 409))
async def snooze_conversation(
    conversation_id: uuid.UUID, body: SnoozeRequest, viewer: CurrentViewer, session: DbSession
) -> ConversationOut:
    """Leave Open until ``until`` (in the future); then it reopens by itself, with
    ``last_snoozed_until`` set, and the assignee is notified. Blocked contacts: 409."""
    conversation = await snooze.snooze(session, viewer, conversation_id, body.until)
    return await _answer(session, viewer, conversation)


@router.post("/{conversation_id}/unsnooze", responses=problems(404, 409))
async def unsnooze(
    conversation_id: uuid.UUID, viewer: CurrentViewer, session: DbSession
) -> ConversationOut:
    conversation = await snooze.unsnooze(session, viewer, conversation_id)
    return await _answer(session, viewer, conversation)
