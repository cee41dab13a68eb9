"""Notifications: created by use cases (assignment, snooze wake-up, later mentions), pushed
to their user live (``notification.created``), listed and marked read."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from omnibox.contacts.masking import mask_digits_in
from omnibox.models import Contact, Conversation, Notification, NotificationKind, User
from omnibox.models.base import utcnow
from omnibox.notifications.schemas import NotificationOut, NotificationsPage
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind


async def notify(
    session: AsyncSession,
    *,
    workspace_id: uuid.UUID,
    user_id: uuid.UUID,
    kind: NotificationKind,
    conversation_id: uuid.UUID,
    actor_id: uuid.UUID | None = None,
    data: dict[str, Any] | None = None,
) -> Notification:
    notification = Notification(
        workspace_id=workspace_id,
        user_id=user_id,
        kind=kind,
        conversation_id=conversation_id,
        actor_id=actor_id,
        data=data or {},
        created_at=utcnow(),
    )
    session.add(notification)
    await session.flush()
    await emit(
        session,
        SignalKind.notification_created,
        workspace_id=workspace_id,
        conversation_id=conversation_id,
        user_id=user_id,
        notification_id=notification.id,
    )
    return notification


def _select() -> Any:
    actor = aliased(User)
    return (
        select(Notification, actor.name.label("actor_name"), Contact.name.label("contact_name"))
        .outerjoin(actor, actor.id == Notification.actor_id)
        .outerjoin(Conversation, Conversation.id == Notification.conversation_id)
        .outerjoin(Contact, Contact.id == Conversation.contact_id)
    )


def _out(row: Any, *, mask_phones: bool) -> NotificationOut:
    n: Notification = row[0]
    contact_name = row.contact_name
    if contact_name and mask_phones:
        contact_name = mask_digits_in(contact_name)
    return NotificationOut(
        id=n.id,
        kind=n.kind,
        conversation_id=n.conversation_id,
        contact_name=contact_name,
        actor_id=n.actor_id,
        actor_name=row.actor_name,
        data=n.data,
        created_at=n.created_at,
        read_at=n.read_at,
    )


async def notification_outs_by_id(
    session: AsyncSession, ids: Sequence[uuid.UUID], *, mask_phones: bool
) -> dict[uuid.UUID, NotificationOut]:
    rows = await session.execute(_select().where(Notification.id.in_(ids)))
    return {row[0].id: _out(row, mask_phones=mask_phones) for row in rows}


async def unread_count(session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID) -> int:
    return int(
        (
            await session.execute(
                select(func.count()).where(
                    Notification.user_id == user_id,
                    Notification.workspace_id == workspace_id,
                    Notification.read_at.is_(None),
                )
            )
        ).scalar_one()
    )


async def list_notifications(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    user_id: uuid.UUID,
    *,
    limit: int,
    before: datetime | None,
    unread_only: bool,
    mask_phones: bool,
) -> NotificationsPage:
    stmt = _select().where(
        Notification.user_id == user_id, Notification.workspace_id == workspace_id
    )
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    if before is not None:
        stmt = stmt.where(Notification.created_at < before)
    rows = await session.execute(
        stmt.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    )
    return NotificationsPage(
        items=[_out(row, mask_phones=mask_phones) for row in rows],
        unread_count=await unread_count(session, workspace_id, user_id),
    )


async def mark_read(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    user_id: uuid.UUID,
    ids: Sequence[uuid.UUID] | None,
) -> int:
    """Mark the given notifications (or all, ``ids=None``) read; the unread count after."""
    stmt = update(Notification).where(
        Notification.user_id == user_id,
        Notification.workspace_id == workspace_id,
        Notification.read_at.is_(None),
    )
    if ids is not None:
        stmt = stmt.where(Notification.id.in_(ids))
    await session.execute(stmt.values(read_at=utcnow()))
    return await unread_count(session, workspace_id, user_id)
