"""Contact tags: the conversation filter on them, and the workspace's tags in use (pickers).

A contact's tags are its conversation's (one conversation per contact): custom inboxes and the
conversation list filter on them. They match case-insensitively everywhere (PostgreSQL's
``omnibox_tag_keys``: lower-cased), and a contact keeps each tag as first spelled
(``contacts.schemas.normalized_tags``).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Text, func, select, true
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import cast

from omnibox.contacts.schemas import TagOut
from omnibox.conversations.visibility import Viewer
from omnibox.models import Contact, Conversation
from omnibox.models.contacts import TAG_KEYS_FN


def has_any_tag(tags: list[str]) -> ColumnElement[bool]:
    """Conversations whose contact has one of these tags (case aside; GIN on tag_keys)."""
    keys = getattr(func, TAG_KEYS_FN)(cast(tags, ARRAY(Text)))
    return Conversation.contact_id.in_(select(Contact.id).where(Contact.tag_keys.overlap(keys)))


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def tags_in_use(
    session: AsyncSession, viewer: Viewer, q: str | None, limit: int
) -> list[TagOut]:
    """The workspace's tags with how many contacts have each, most used first; an agent who
    sees only some conversations counts only their contacts. Spellings that differ in case
    are one tag, shown as most contacts spell it."""
    unnested = func.unnest(Contact.tags).table_valued("tag").render_derived("tags").lateral()
    tag = unnested.c.tag
    key = func.lower(tag)
    stmt = (
        select(func.mode().within_group(tag).label("name"), func.count().label("count"))
        .select_from(Contact)
        .join(unnested, true())
        .where(Contact.workspace_id == viewer.workspace_id)
    )
    if viewer.restricted or not viewer.sees_blocked:
        stmt = stmt.where(Contact.id.in_(select(Conversation.contact_id).where(*viewer.visible())))
    query = " ".join((q or "").split()).lower()
    if query:
        stmt = stmt.where(key.like(_like(query), escape="\\"))
    rows = await session.execute(stmt.group_by(key).order_by(func.count().desc(), key).limit(limit))
    return [TagOut(name=row.name, count=row.count) for row in rows]
