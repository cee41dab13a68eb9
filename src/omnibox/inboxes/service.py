"""Custom inboxes: saved filters a user creates, optionally shares; only they edit them."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.conversations.visibility import Viewer
from omnibox.customfields.service import check_value, definitions
from omnibox.errors import Forbidden, InvalidPayload, NotFound
from omnibox.inboxes.schemas import CustomInboxIn, CustomInboxOut, CustomInboxPatch, InboxFilters
from omnibox.models import Channel, CustomInbox, Membership, Team


def inbox_out(viewer: Viewer, inbox: CustomInbox) -> CustomInboxOut:
    return CustomInboxOut(
        id=inbox.id,
        name=inbox.name,
        shared=inbox.shared,
        filters=InboxFilters.model_validate(inbox.filters),
        owner_id=inbox.owner_id,
        created_by_me=inbox.owner_id == viewer.user_id,
        created_at=inbox.created_at,
    )


def _invalid(field: str, detail: str) -> InvalidPayload:
    return InvalidPayload(detail, errors=[{"field": f"filters.{field}", "message": detail}])


async def _all_found(
    session: AsyncSession,
    column: Any,
    workspace_column: Any,
    ids: list[uuid.UUID],
    workspace_id: uuid.UUID,
) -> bool:
    found = set(
        (
            await session.execute(
                select(column).where(column.in_(ids), workspace_column == workspace_id)
            )
        ).scalars()
    )
    return found >= set(ids)


async def check_filters(
    session: AsyncSession, viewer: Viewer, filters: InboxFilters
) -> InboxFilters:
    """Everything a filter names must exist in this workspace; values fit their fields."""
    ws = viewer.workspace_id
    users = [a for a in filters.assignees or [] if isinstance(a, uuid.UUID)]
    if users and not await _all_found(
        session, Membership.user_id, Membership.workspace_id, users, ws
    ):
        raise _invalid("assignees", "Assignees must be members of this workspace.")
    if filters.team_ids and not await _all_found(
        session, Team.id, Team.workspace_id, filters.team_ids, ws
    ):
        raise _invalid("team_ids", "No such team in this workspace.")
    if filters.channel_ids and not await _all_found(
        session, Channel.id, Channel.workspace_id, filters.channel_ids, ws
    ):
        raise _invalid("channel_ids", "No such channel in this workspace.")
    if filters.contact_fields:
        known = await definitions(session, ws)
        checked = {}
        for key, value in filters.contact_fields.items():
            if key not in known:
                raise _invalid(f"contact_fields.{key}", f"There is no custom field {key!r}.")
            checked[key] = check_value(known[key], value)
        filters = filters.model_copy(update={"contact_fields": checked})
    if (
        filters.last_activity_after
        and filters.last_activity_before
        and filters.last_activity_after >= filters.last_activity_before
    ):
        raise _invalid(
            "last_activity_before", "last_activity_before must be after last_activity_after."
        )
    return filters


async def list_inboxes(session: AsyncSession, viewer: Viewer) -> list[CustomInboxOut]:
    rows = await session.execute(
        select(CustomInbox)
        .where(
            CustomInbox.workspace_id == viewer.workspace_id,
            or_(CustomInbox.owner_id == viewer.user_id, CustomInbox.shared),
        )
        .order_by(CustomInbox.owner_id != viewer.user_id, CustomInbox.name, CustomInbox.id)
    )
    return [inbox_out(viewer, inbox) for inbox in rows.scalars()]


async def get_inbox(
    session: AsyncSession, viewer: Viewer, inbox_id: uuid.UUID, *, to_edit: bool = False
) -> CustomInbox:
    inbox = (
        await session.execute(
            select(CustomInbox).where(
                CustomInbox.id == inbox_id,
                CustomInbox.workspace_id == viewer.workspace_id,
                or_(CustomInbox.owner_id == viewer.user_id, CustomInbox.shared),
            )
        )
    ).scalar_one_or_none()
    if inbox is None:
        raise NotFound("No such custom inbox.")
    if to_edit and inbox.owner_id != viewer.user_id:
        raise Forbidden("Only the one who created this inbox can change it.")
    return inbox


async def create_inbox(
    session: AsyncSession, viewer: Viewer, body: CustomInboxIn
) -> CustomInboxOut:
    filters = await check_filters(session, viewer, body.filters)
    inbox = CustomInbox(
        workspace_id=viewer.workspace_id,
        owner_id=viewer.user_id,
        name=body.name.strip(),
        shared=body.shared,
        filters=filters.model_dump(mode="json", exclude_none=True),
    )
    session.add(inbox)
    await session.flush()
    return inbox_out(viewer, inbox)


async def update_inbox(
    session: AsyncSession, viewer: Viewer, inbox_id: uuid.UUID, body: CustomInboxPatch
) -> CustomInboxOut:
    inbox = await get_inbox(session, viewer, inbox_id, to_edit=True)
    if body.name is not None:
        inbox.name = body.name.strip()
    if body.shared is not None:
        inbox.shared = body.shared
    if body.filters is not None:
        filters = await check_filters(session, viewer, body.filters)
        inbox.filters = filters.model_dump(mode="json", exclude_none=True)
    await session.flush()
    return inbox_out(viewer, inbox)


async def delete_inbox(session: AsyncSession, viewer: Viewer, inbox_id: uuid.UUID) -> None:
    await session.delete(await get_inbox(session, viewer, inbox_id, to_edit=True))
    await session.flush()
