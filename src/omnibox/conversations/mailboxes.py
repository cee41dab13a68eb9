"""The mailbox menu: every mailbox this user has, with its counts per tab and unread.

Counts come from two grouped index-only scans (``ix_conversations_counts``): conversations by
(status, assignee, team, unanswered, blocked), and the open ones with unread messages for
this user; each mailbox adds up the groups it matches. A custom inbox that filters on more
(channels, contact fields, last activity) is counted by SQL, one query each.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.conversations.listing import (
    Mailbox,
    Placement,
    blocked_mailbox,
    custom_mailbox,
    system_mailboxes,
    team_mailbox,
)
from omnibox.conversations.schemas import MailboxCounts, MailboxesOut, MailboxOut
from omnibox.conversations.visibility import Viewer
from omnibox.models import (
    Conversation,
    ConversationStatus,
    CustomInbox,
    ReadState,
    Team,
    TeamMember,
)

_STATUSES = ("open", "closed", "snoozed")


async def has_blocked_contacts(session: AsyncSession, viewer: Viewer) -> bool:
    return bool(
        (
            await session.execute(
                select(
                    exists().where(
                        Conversation.workspace_id == viewer.workspace_id, Conversation.blocked
                    )
                )
            )
        ).scalar_one()
    )


async def _mailboxes(session: AsyncSession, viewer: Viewer) -> list[Mailbox]:
    boxes = system_mailboxes(viewer)
    teams = select(Team).where(Team.workspace_id == viewer.workspace_id).order_by(Team.name)
    if viewer.restricted:
        # Agents who see only their own and their teams' conversations get their teams' boxes.
        teams = teams.where(
            Team.id.in_(select(TeamMember.team_id).where(TeamMember.user_id == viewer.user_id))
        )
    boxes += [team_mailbox(team) for team in (await session.execute(teams)).scalars()]
    inboxes = (
        await session.execute(
            select(CustomInbox)
            .where(
                CustomInbox.workspace_id == viewer.workspace_id,
                or_(CustomInbox.owner_id == viewer.user_id, CustomInbox.shared),
            )
            .order_by(CustomInbox.owner_id != viewer.user_id, CustomInbox.name, CustomInbox.id)
        )
    ).scalars()
    boxes += [custom_mailbox(inbox, viewer) for inbox in inboxes]
    if viewer.sees_blocked:
        boxes.append(blocked_mailbox())
    return boxes


_GROUP = (
    Conversation.status,
    Conversation.assignee_id,
    Conversation.team_id,
    Conversation.unanswered,
    Conversation.blocked,
)


async def _grouped(
    session: AsyncSession, viewer: Viewer
) -> tuple[list[tuple[Placement, int]], list[tuple[Placement, int]]]:
    totals = await session.execute(
        select(*_GROUP, func.count()).where(*viewer.visible()).group_by(*_GROUP)
    )
    unread = await session.execute(
        select(*_GROUP, func.count())
        .outerjoin(
            ReadState,
            (ReadState.conversation_id == Conversation.id) & (ReadState.user_id == viewer.user_id),
        )
        .where(
            *viewer.visible(),
            Conversation.status == ConversationStatus.open,
            Conversation.incoming_count > func.coalesce(ReadState.read_count, 0),
        )
        .group_by(*_GROUP)
    )
    return (
        [(Placement(*row[:5]), row[5]) for row in totals],
        [(Placement(*row[:5]), row[5]) for row in unread],
    )


async def _counted_by_sql(
    session: AsyncSession, viewer: Viewer, box: Mailbox
) -> tuple[int, int, int, int]:
    """(open, closed, snoozed, unread) of one mailbox, straight from its SQL conditions."""
    unread = and_(
        Conversation.status == ConversationStatus.open,
        Conversation.incoming_count > func.coalesce(ReadState.read_count, 0),
    )
    rows = await session.execute(
        select(Conversation.status, func.count(), func.count().filter(unread))
        .outerjoin(
            ReadState,
            (ReadState.conversation_id == Conversation.id) & (ReadState.user_id == viewer.user_id),
        )
        .where(*viewer.visible(), *box.clauses)
        .group_by(Conversation.status)
    )
    per = {status: 0 for status in _STATUSES}
    unread_count = 0
    for status, count, unread_here in rows:
        per[status] = count
        unread_count += unread_here
    return per["open"], per["closed"], per["snoozed"], unread_count


async def mailbox_menu(session: AsyncSession, viewer: Viewer) -> MailboxesOut:
    boxes = await _mailboxes(session, viewer)
    totals, unread = await _grouped(session, viewer)
    out = []
    for box in boxes:
        if box.matches is None:
            o, c, s, u = await _counted_by_sql(session, viewer, box)
        else:
            match = box.matches
            per = {status: 0 for status in _STATUSES}
            for placement, count in totals:
                if match(placement):
                    per[placement.status] = per.get(placement.status, 0) + count
            o, c, s = per["open"], per["closed"], per["snoozed"]
            u = sum(count for placement, count in unread if match(placement))
        out.append(
            MailboxOut(
                id=box.id,
                kind=box.kind,
                name=box.name,
                counts=MailboxCounts(open=o, closed=c, snoozed=s),
                unread=u,
                created_by_me=box.created_by_me,
            )
        )
    return MailboxesOut(
        mailboxes=out,
        has_blocked_contacts=await has_blocked_contacts(session, viewer),
        can_see_blocked=viewer.sees_blocked,
    )
