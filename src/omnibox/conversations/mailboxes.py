"""The mailbox menu: every mailbox this user has, with its counts per tab and unread.

Nothing is counted per request: PostgreSQL triggers keep the counts of conversations by
group (status, assignee, team, unanswered, blocked) and, per user, of the open ones they have
read to the end (``models.counters``). The menu sums the groups each mailbox matches that this
viewer may see; unread = open conversations with incoming messages - those caught up on.
A custom inbox that filters on more than the groups know (channels, contact fields, last
activity) has counters of its own, kept by the same triggers.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import exists, func, literal, or_, select, text, union_all
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
    CaughtUpCount,
    Conversation,
    ConversationCount,
    ConversationStatus,
    CustomInbox,
    Team,
    TeamMember,
)


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


@dataclass(frozen=True)
class _Group:
    placement: Placement
    conversations: int
    # Open ones only: with incoming messages, minus those this user has read to the end.
    unread: int


_OPEN: str = ConversationStatus.open.value


async def _groups(
    session: AsyncSession, viewer: Viewer, scopes: Iterable[uuid.UUID]
) -> dict[uuid.UUID | None, list[_Group]]:
    """The counted groups of the workspace (scope None) and of these custom inboxes."""
    wanted = list(scopes)
    group = (
        ConversationCount.inbox_id,
        ConversationCount.status,
        ConversationCount.assignee_id,
        ConversationCount.team_id,
        ConversationCount.unanswered,
        ConversationCount.blocked,
    )
    # The counters are deltas: sum them (a job folds them every minute, so few rows).
    totals = (
        select(
            literal(False).label("caught_up"),
            *group,
            func.sum(ConversationCount.conversations).label("conversations"),
            func.sum(ConversationCount.with_incoming).label("with_incoming"),
        )
        .where(
            ConversationCount.workspace_id == viewer.workspace_id,
            or_(ConversationCount.inbox_id.is_(None), ConversationCount.inbox_id.in_(wanted)),
        )
        .group_by(*group)
    )
    caught_group = (
        CaughtUpCount.inbox_id,
        CaughtUpCount.assignee_id,
        CaughtUpCount.team_id,
        CaughtUpCount.unanswered,
        CaughtUpCount.blocked,
    )
    caught_up = (
        select(
            literal(True),
            CaughtUpCount.inbox_id,
            literal(_OPEN),
            *caught_group[1:],
            func.sum(CaughtUpCount.conversations),
            literal(0),
        )
        .where(
            CaughtUpCount.user_id == viewer.user_id,
            CaughtUpCount.workspace_id == viewer.workspace_id,
            or_(CaughtUpCount.inbox_id.is_(None), CaughtUpCount.inbox_id.in_(wanted)),
        )
        .group_by(*caught_group)
    )
    # One statement, so one snapshot: totals and what this user read agree with each other.
    rows = (await session.execute(union_all(totals, caught_up))).all()
    read: dict[tuple[uuid.UUID | None, Placement], int] = {}
    counted: list[tuple[uuid.UUID | None, Placement, int, int]] = []
    for (
        is_read,
        inbox_id,
        status,
        assignee_id,
        team_id,
        unanswered,
        blocked,
        count,
        incoming,
    ) in rows:
        placement = Placement(status, assignee_id, team_id, unanswered, blocked)
        if is_read:
            read[(inbox_id, placement)] = int(count)
        elif count and viewer.can_see(assignee_id=assignee_id, team_id=team_id, blocked=blocked):
            counted.append((inbox_id, placement, int(count), int(incoming)))
    groups: dict[uuid.UUID | None, list[_Group]] = defaultdict(list)
    for inbox_id, placement, count, incoming in counted:
        # Unread: open ones with incoming messages, minus those this user read to the end.
        unread = incoming - read.get((inbox_id, placement), 0) if placement.status == _OPEN else 0
        groups[inbox_id].append(_Group(placement, count, unread))
    return groups


async def workspaces_to_fold(session: AsyncSession) -> list[uuid.UUID]:
    """Workspaces whose counters have a group in several rows (or adding up to nothing)."""
    rows = await session.execute(text("SELECT omnibox_counts_to_compact()"))
    return list(rows.scalars())


async def fold_counters(session: AsyncSession, workspace_id: uuid.UUID) -> None:
    """One row per group: the counters are deltas (see ``models.counters``)."""
    await session.execute(text("SELECT omnibox_counts_compact(:ws)"), {"ws": workspace_id})


async def mailbox_menu(session: AsyncSession, viewer: Viewer) -> MailboxesOut:
    boxes = await _mailboxes(session, viewer)
    scopes = {box.counted_in for box in boxes if box.counted_in is not None}
    groups = await _groups(session, viewer, scopes)
    out = []
    for box in boxes:
        per = {"open": 0, "closed": 0, "snoozed": 0}
        unread = 0
        for group in groups.get(box.counted_in, []):
            if box.matches(group.placement):
                per[group.placement.status] += group.conversations
                unread += group.unread
        out.append(
            MailboxOut(
                id=box.id,
                kind=box.kind,
                name=box.name,
                counts=MailboxCounts(
                    open=per["open"], closed=per["closed"], snoozed=per["snoozed"]
                ),
                unread=unread,
                created_by_me=box.created_by_me,
            )
        )
    return MailboxesOut(
        mailboxes=out,
        has_blocked_contacts=await has_blocked_contacts(session, viewer),
        can_see_blocked=viewer.sees_blocked,
    )
