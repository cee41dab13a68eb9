"""The inbox list: mailboxes, tabs, search, sorts, keyset pagination; one conversation."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Row,
    Uuid,
    bindparam,
    false,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from omnibox.contacts.masking import mask_digits_in, mask_phone
from omnibox.contacts.schemas import ContactBrief
from omnibox.contacts.tags import has_any_tag
from omnibox.conversations.cursor import Cursor
from omnibox.conversations.schemas import (
    ChannelBrief,
    ConversationOut,
    LastMessageOut,
    SortOrder,
    StatusTab,
)
from omnibox.conversations.visibility import Viewer
from omnibox.errors import Forbidden, InvalidPayload, NotFound
from omnibox.inboxes.filters import filter_clauses
from omnibox.inboxes.schemas import InboxFilters
from omnibox.models import (
    Attachment,
    Channel,
    Contact,
    Conversation,
    CustomInbox,
    Message,
    ReadState,
    Team,
)
from omnibox.models.contacts import UNACCENT_FN


@dataclass(frozen=True)
class Placement:
    """What the mailbox menu's grouped counts know of a conversation."""

    status: str
    assignee_id: uuid.UUID | None
    team_id: uuid.UUID | None
    unanswered: bool
    blocked: bool


@dataclass(frozen=True)
class Mailbox:
    id: str
    kind: str
    name: str
    # The mailbox's condition in SQL (the list) and in Python over grouped counts (the menu).
    clauses: list[ColumnElement[bool]]
    matches: Callable[[Placement], bool]
    created_by_me: bool | None = None
    # A custom inbox whose filter the groups can't express in full is counted in a scope of
    # its own (``models.counters``), and ``matches`` applies the rest of its filter there.
    counted_in: uuid.UUID | None = None


def system_mailboxes(viewer: Viewer) -> list[Mailbox]:
    not_blocked = ~Conversation.blocked
    me = viewer.user_id
    return [
        Mailbox("all", "all", "All", [not_blocked], lambda p: not p.blocked),
        Mailbox(
            "mine",
            "mine",
            "Mine",
            [not_blocked, Conversation.assignee_id == me],
            lambda p: not p.blocked and p.assignee_id == me,
        ),
        Mailbox(
            "unassigned",
            "unassigned",
            "Unassigned",
            [not_blocked, Conversation.assignee_id.is_(None)],
            lambda p: not p.blocked and p.assignee_id is None,
        ),
    ]


def team_mailbox(team: Team) -> Mailbox:
    team_id = team.id
    return Mailbox(
        f"team:{team.id}",
        "team",
        team.name,
        [~Conversation.blocked, Conversation.team_id == team.id],
        lambda p: not p.blocked and p.team_id == team_id,
    )


def custom_mailbox(inbox: CustomInbox, viewer: Viewer) -> Mailbox:
    filters = InboxFilters.model_validate(inbox.filters)
    return Mailbox(
        f"custom:{inbox.id}",
        "custom",
        inbox.name,
        [~Conversation.blocked, *filter_clauses(filters, viewer.user_id)],
        filter_matcher(filters, viewer.user_id),
        created_by_me=inbox.owner_id == viewer.user_id,
        counted_in=inbox.id if has_own_counts(filters) else None,
    )


def blocked_mailbox() -> Mailbox:
    return Mailbox(
        "blocked",
        "blocked",
        "Blocked contacts",
        [cast(ColumnElement[bool], Conversation.blocked)],
        lambda p: p.blocked,
    )


def has_own_counts(filters: InboxFilters) -> bool:
    """Whether a saved filter has conditions the grouped counts don't know (channels, contact
    fields, tags, last activity). The same test as ``omnibox_inbox_has_own_counts`` in PostgreSQL,
    which keeps the counters of such an inbox's scope."""
    return (
        filters.channel_ids is not None
        or filters.contact_fields is not None
        or filters.last_activity_after is not None
        or filters.last_activity_before is not None
        or filters.tags is not None
    )


def filter_matcher(filters: InboxFilters, user_id: uuid.UUID) -> Callable[[Placement], bool]:
    """A saved filter as a Python condition on groups: what the groups know of it (the rest,
    if any, is the inbox's own scope of counters)."""
    statuses = set(filters.statuses) if filters.statuses is not None else None
    assignees: set[uuid.UUID | None] | None = None
    if filters.assignees is not None:
        assignees = {a for a in filters.assignees if isinstance(a, uuid.UUID)}
        if "me" in filters.assignees:
            assignees.add(user_id)
        if "none" in filters.assignees:
            assignees.add(None)
    teams = set(filters.team_ids) if filters.team_ids is not None else None
    unanswered = filters.unanswered

    def matches(p: Placement) -> bool:
        return (
            not p.blocked
            and (statuses is None or p.status in statuses)
            and (assignees is None or p.assignee_id in assignees)
            and (teams is None or p.team_id in teams)
            and (unanswered is None or p.unanswered == unanswered)
        )

    return matches


def _id_of(mailbox: str, prefix: str) -> uuid.UUID:
    try:
        return uuid.UUID(mailbox[len(prefix) :])
    except ValueError as exc:
        raise _bad("mailbox", f"{mailbox!r} is not a mailbox id.") from exc


async def resolve_mailbox(session: AsyncSession, viewer: Viewer, mailbox: str) -> Mailbox:
    for system in system_mailboxes(viewer):
        if system.id == mailbox:
            return system
    if mailbox == "blocked":
        if not viewer.sees_blocked:
            raise Forbidden("Your role does not allow seeing blocked contacts.")
        return blocked_mailbox()
    if mailbox.startswith("team:"):
        team = (
            await session.execute(
                select(Team).where(
                    Team.id == _id_of(mailbox, "team:"), Team.workspace_id == viewer.workspace_id
                )
            )
        ).scalar_one_or_none()
        if team is None:
            raise NotFound("No such team.")
        return team_mailbox(team)
    if mailbox.startswith("custom:"):
        inbox = (
            await session.execute(
                select(CustomInbox).where(
                    CustomInbox.id == _id_of(mailbox, "custom:"),
                    CustomInbox.workspace_id == viewer.workspace_id,
                    or_(CustomInbox.owner_id == viewer.user_id, CustomInbox.shared),
                )
            )
        ).scalar_one_or_none()
        if inbox is None:
            raise NotFound("No such custom inbox.")
        return custom_mailbox(inbox, viewer)
    raise _bad(
        "mailbox", "mailbox is one of all, mine, unassigned, blocked, team:<id>, custom:<id>."
    )


def _bad(name: str, detail: str) -> InvalidPayload:
    return InvalidPayload(detail, errors=[{"field": name, "message": detail}])


# --- search ---------------------------------------------------------------------------------

_PHONE_LIKE = re.compile(r"^[+\d\s().\-]+$")


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def search_clauses(
    session: AsyncSession, viewer: Viewer, q: str
) -> list[ColumnElement[bool]]:
    """Every word must match the contact's name or e-mail (case and accents aside) or, for
    those who may see numbers, a run of the phone's digits."""
    q = q.strip()
    if not q:
        return []
    # A query of digits (and +, spaces, dashes, brackets) is one phone number, spaces or not.
    digits_only = bool(_PHONE_LIKE.match(q)) and any(c.isdigit() for c in q)
    words = [q] if digits_only else q.split()[:8]
    # Normalise in PostgreSQL, with the very function that built the stored keys.
    normalized = (
        await session.execute(
            select(*[func.lower(getattr(func, UNACCENT_FN)(literal(w))) for w in words])
        )
    ).one()
    clauses: list[ColumnElement[bool]] = []
    for word, norm in zip(words, normalized, strict=True):
        if viewer.masks_phones and any(c.isdigit() for c in word):
            # Digits could probe a masked number (contacts without a name are named after
            # it): where phones are masked, a word with digits matches nothing.
            clauses.append(false())
            continue
        options = [Contact.search_name.like(_like(norm), escape="\\")] if not digits_only else []
        digits = re.sub(r"\D", "", word)
        if digits and _PHONE_LIKE.match(word) and not viewer.masks_phones:
            options.append(Contact.phone_digits.like(_like(digits), escape="\\"))
        if not options:
            options.append(Contact.search_name.like(_like(norm), escape="\\"))
        clauses.append(or_(*options))
    return clauses


# Up to this many matches, the list looks up their conversations (trigram indexes find them
# in a few ms); beyond, matches are dense and walking the sorted list is cheaper. PostgreSQL
# can't tell the two apart from its LIKE estimates, so the application does.
_SELECTIVE = 2000


async def matching_contacts(
    session: AsyncSession, viewer: Viewer, q: str
) -> list[ColumnElement[bool]]:
    clauses = await search_clauses(session, viewer, q)
    if not clauses:
        return []
    matches = select(Contact.id).where(Contact.workspace_id == viewer.workspace_id, *clauses)
    # Counted in PostgreSQL, up to one past the threshold: fetching 2,000 ids into Python
    # only to count them cost more than the search itself.
    found = (
        await session.execute(
            select(func.count()).select_from(matches.limit(_SELECTIVE + 1).subquery())
        )
    ).scalar_one()
    if found > _SELECTIVE:
        return clauses
    # IN (SELECT unnest((SELECT array_agg(id) ...))): PostgreSQL runs the search once (an
    # InitPlan) and looks each match up by contact (unique index), even with a generic plan;
    # "= ANY(array)" would be checked against every row it walks.
    every = (
        select(func.array_agg(Contact.id))
        .where(Contact.workspace_id == viewer.workspace_id, *clauses)
        .correlate(None)
        .scalar_subquery()
    )
    return [Conversation.contact_id.in_(select(func.unnest(every)))]


# --- the list ---------------------------------------------------------------------------------

_SORTS: dict[str, tuple[Any, bool]] = {
    # sort -> (key column, descending)
    "newest": (Conversation.activity_at, True),
    "oldest": (Conversation.activity_at, False),
    "longest": (Conversation.state_since, False),
    "shortest": (Conversation.state_since, True),
}


def _build_select() -> Any:
    last = aliased(Message)
    attachment_count = (
        select(func.count())
        .where(Attachment.message_id == last.id)
        .correlate(last)
        .scalar_subquery()
    )
    # Plain columns, not ORM entities: a page is read-only and 50 entities cost milliseconds.
    return (
        select(
            *Conversation.__table__.c,
            Contact.name.label("contact_name"),
            Contact.phone,
            Contact.email,
            Contact.tags.label("contact_tags"),
            last.id.label("last_id"),
            last.text.label("last_text"),
            last.kind.label("last_kind"),
            last.direction.label("last_direction"),
            last.created_at.label("last_created_at"),
            attachment_count.label("last_attachment_count"),
            Channel.kind.label("channel_kind"),
            Channel.name.label("channel_name"),
            func.coalesce(ReadState.read_count, 0).label("read_count"),
        )
        .join(Contact, Contact.id == Conversation.contact_id)
        .outerjoin(last, last.id == Conversation.last_message_id)
        .outerjoin(Channel, Channel.id == Conversation.last_channel_id)
        .outerjoin(
            ReadState,
            (ReadState.conversation_id == Conversation.id)
            & (ReadState.user_id == bindparam("viewer_id", type_=Uuid)),
        )
    )


# Built once (statements are immutable; building this one costs more than running it).
_BASE = _build_select()


def _select(viewer: Viewer) -> Any:
    return _BASE.where(*viewer.visible())


def contact_brief(
    viewer: Viewer,
    contact_id: uuid.UUID,
    name: str,
    phone: str | None,
    email: str | None,
    tags: list[str] | None = None,
) -> ContactBrief:
    if viewer.masks_phones:
        name, phone = mask_digits_in(name), mask_phone(phone)
    return ContactBrief.model_construct(
        id=contact_id, name=name, phone=phone, email=email, tags=tags or []
    )


def _out(viewer: Viewer, c: Row[Any]) -> ConversationOut:
    # Rows from our own tables: built without re-validation (a page has 50 of them).
    return ConversationOut.model_construct(
        id=c.id,
        status=c.status,
        contact=contact_brief(
            viewer, c.contact_id, c.contact_name, c.phone, c.email, c.contact_tags
        ),
        assignee_id=c.assignee_id,
        last_message=LastMessageOut.model_construct(
            id=c.last_id,
            text=c.last_text[:300],
            kind=c.last_kind,
            direction=c.last_direction,
            created_at=c.last_created_at,
            attachment_count=c.last_attachment_count,
        )
        if c.last_id
        else None,
        last_message_at=c.last_message_at,
        unread_count=max(c.incoming_count - c.read_count, 0),
        last_channel=ChannelBrief.model_construct(
            id=c.last_channel_id, kind=c.channel_kind, name=c.channel_name
        )
        if c.last_channel_id
        else None,
        opened_at=c.opened_at,
        closed_at=c.closed_at,
        team_id=c.team_id,
        blocked=c.blocked,
        unanswered=c.unanswered,
        state_since=c.state_since,
        snoozed_until=c.snoozed_until,
        last_snoozed_until=c.last_snoozed_until,
        closing_note=c.closing_note,
        closing_category=c.closing_category,
    )


@dataclass(frozen=True)
class ListQuery:
    mailbox: str = "all"
    status: StatusTab = "all"
    sort: SortOrder = "newest"
    q: str | None = None
    unanswered: bool | None = None
    # The contact has any of these tags (case aside).
    tags: tuple[str, ...] = ()
    limit: int = 50
    cursor: str | None = None
    before: datetime | None = None


@dataclass(frozen=True)
class Page:
    items: list[ConversationOut]
    next_cursor: str | None


async def list_conversations(session: AsyncSession, viewer: Viewer, query: ListQuery) -> Page:
    mailbox = await resolve_mailbox(session, viewer, query.mailbox)
    key, descending = _SORTS[query.sort]
    # First the page's ids (indexes on conversations do the work), then their details: the
    # joins run for the rows shown, not for every candidate the sort looks at.
    ids = select(Conversation.id, key.label("sort_key")).where(*viewer.visible(), *mailbox.clauses)
    if query.status != "all":
        ids = ids.where(Conversation.status == query.status)
    if query.unanswered is not None:
        ids = ids.where(Conversation.unanswered if query.unanswered else ~Conversation.unanswered)
    if query.tags:
        ids = ids.where(has_any_tag(list(query.tags)))
    if query.q:
        found = await matching_contacts(session, viewer, query.q)
        if any(Contact.__table__ in clause._from_objects for clause in found):
            ids = ids.join(Contact, Contact.id == Conversation.contact_id)
            # Dense matches: the page comes from walking the sorted list until 51 match. The
            # planner can't tell from its LIKE estimate that this stops early and may pick a
            # parallel walk, whose workers take longer to start (tens of ms on a busy machine)
            # than the walk itself, and walk three times as far (an agent who sees only their
            # own and their teams' conversations: p95 83 ms, 25 ms without).
            await session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
        ids = ids.where(*found)
    if query.before is not None:
        # The first version's pagination: conversations whose last activity is older.
        ids = ids.where(Conversation.activity_at < query.before)
    if query.cursor:
        cursor = Cursor.decode(query.cursor, query.sort)
        edge = tuple_(key, Conversation.id)
        after = tuple_(literal(cursor.key), literal(cursor.id))
        ids = ids.where(edge < after if descending else edge > after)
    order = (
        (key.desc(), Conversation.id.desc()) if descending else (key.asc(), Conversation.id.asc())
    )
    page = ids.order_by(*order).limit(query.limit + 1).subquery("page")
    stmt = _BASE.join(page, page.c.id == Conversation.id).order_by(*order)
    rows = (await session.execute(stmt, {"viewer_id": viewer.user_id})).all()
    items = [_out(viewer, row) for row in rows[: query.limit]]
    next_cursor = None
    if len(rows) > query.limit:
        last = rows[query.limit - 1]
        sort_key = last.activity_at if key is Conversation.activity_at else last.state_since
        next_cursor = Cursor(query.sort, sort_key, last.id).encode()
    return Page(items, next_cursor)


async def get_conversation(
    session: AsyncSession, viewer: Viewer, conversation_id: uuid.UUID
) -> ConversationOut:
    row = (
        await session.execute(
            _select(viewer).where(Conversation.id == conversation_id),
            {"viewer_id": viewer.user_id},
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such conversation.")
    return _out(viewer, row)
