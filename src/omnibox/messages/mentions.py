"""Mentions in internal comments: who may be mentioned, and telling them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.errors import InvalidPayload
from omnibox.models import Conversation, Mention, Message, NotificationKind, User
from omnibox.notifications.service import notify
from omnibox.realtime.scopes import load_scopes

EXCERPT_CHARS = 140


def _refuse(detail: str) -> InvalidPayload:
    return InvalidPayload(detail, errors=[{"field": "mentions", "message": detail}])


async def check_mentions(
    session: AsyncSession, conversation: Conversation, user_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """The mentioned users (id -> name), each a member who can see the conversation."""
    wanted = list(dict.fromkeys(user_ids))
    if not wanted:
        return {}
    workspace_id = conversation.workspace_id
    # The same rules the realtime fan-out applies: a mention must not reveal a conversation
    # to someone who would get 404 for it.
    scopes = await load_scopes(session, {workspace_id: wanted}, [conversation.id])
    names = {
        uid: name
        for uid, name in await session.execute(
            select(User.id, User.name).where(User.id.in_(wanted))
        )
    }
    for user_id in wanted:
        if scopes.viewer(workspace_id, user_id) is None:
            # No name: a user of another workspace stays unknown here.
            raise _refuse(f"User {user_id} is not a member of this workspace.")
        if not scopes.may_see(workspace_id, user_id, conversation.id):
            raise _refuse(
                f"{names.get(user_id, 'This user')} can't see this conversation, "
                "so they can't be mentioned in it."
            )
    return {user_id: names.get(user_id, "") for user_id in wanted}


def excerpt(text: str) -> str:
    return text.strip()[:EXCERPT_CHARS]


async def record_mentions(
    session: AsyncSession, message: Message, author_id: uuid.UUID, users: Sequence[uuid.UUID]
) -> None:
    """Store the mentions and notify each mentioned user but the author (live, on commit)."""
    if not users:
        return
    session.add_all(
        Mention(
            message_id=message.id,
            user_id=user_id,
            workspace_id=message.workspace_id,
            created_at=message.created_at,
        )
        for user_id in users
    )
    await session.flush()
    for user_id in users:
        if user_id == author_id:
            continue
        await notify(
            session,
            workspace_id=message.workspace_id,
            user_id=user_id,
            kind=NotificationKind.mentioned,
            conversation_id=message.conversation_id,
            actor_id=author_id,
            data={"message_id": str(message.id), "excerpt": excerpt(message.text)},
        )
