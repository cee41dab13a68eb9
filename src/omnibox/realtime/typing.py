"""An agent is typing: other agents with the conversation open see it, and so does the contact
where the channel can show it. Ephemeral: nothing is stored."""

from __future__ import annotations

import logging
import uuid

from fastapi import APIRouter, Request, Response, status
from sqlalchemy import select

from omnibox.auth.dependencies import Access
from omnibox.channels.registry import adapter_for
from omnibox.conversations.visibility import CurrentViewer, visible_conversation
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.models import Channel, ContactHandle
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind

log = logging.getLogger(__name__)

router = APIRouter(prefix="/workspaces/{workspace_id}/conversations", tags=["realtime"])


@router.post(
    "/{conversation_id}/typing", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404)
)
async def typing(
    conversation_id: uuid.UUID,
    access: Access,
    viewer: CurrentViewer,
    session: DbSession,
    request: Request,
    channel_id: uuid.UUID | None = None,
) -> Response:
    """Call every few seconds while the agent types (clients throttle to one call per ~4 s)."""
    conversation = await visible_conversation(session, viewer, conversation_id)
    await emit(
        session,
        SignalKind.typing,
        workspace_id=access.workspace_id,
        conversation_id=conversation.id,
        actor_id=access.user.id,
        actor_name=access.user.name,
    )
    target = channel_id or conversation.last_channel_id
    if target is not None:
        row = (
            await session.execute(
                select(Channel, ContactHandle.external_id)
                .join(ContactHandle, ContactHandle.channel_id == Channel.id)
                .where(Channel.id == target, ContactHandle.contact_id == conversation.contact_id)
            )
        ).one_or_none()
        if row is not None and adapter_for(row[0].kind).capabilities.typing:
            try:
                await adapter_for(row[0].kind).send_typing(row[0], row[1], request.app.state.http)
            except Exception:  # the contact not seeing "typing…" must never fail the agent
                log.warning("typing indicator on %s failed", row[0].kind, exc_info=True)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
