"""Search within one conversation: message and comment texts, and voice transcripts.

PostgreSQL full-text search over ``search_document`` (english + russian + simple, GIN
indexed): a word matches in any of its forms in either language ("заказы" finds "заказ",
"refunded" finds "refunds"), names and numbers as written. ``ts_headline`` cuts the excerpt
and marks the matched words with two control characters, turned into offsets here.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, bindparam, case, func, select
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.messages.schemas import ConversationSearchOut, SearchHitOut
from omnibox.models import Message, Transcript
from omnibox.models.fulltext import SEARCH_CONFIGS, regconfig, search_document

START, STOP = "\x01", "\x02"
_HEADLINE_OPTIONS = f"StartSel={START}, StopSel={STOP}, MaxWords=24, MinWords=10, ShortWord=2"
# The configuration whose headline marks the match: russian stems Latin words the English way
# too, so it covers most; english and simple catch the rest.
_HEADLINE_ORDER = ("russian", "english", "simple")


def _query(config: str) -> ColumnElement[Any]:
    return func.websearch_to_tsquery(regconfig(config), bindparam("q"), type_=TSQUERY)


def _any_query() -> ColumnElement[Any]:
    """Matches a document if the words match in any of its configurations."""
    first, *rest = SEARCH_CONFIGS
    query = _query(first)
    for config in rest:
        query = query.op("||", return_type=TSQUERY)(_query(config))
    return query


def _headline(column: Any) -> ColumnElement[str]:
    # The markers must only come from ts_headline: drop any the text itself holds.
    document = func.translate(column, START + STOP, "")
    options: ColumnElement[str] = bindparam("headline_options", _HEADLINE_OPTIONS, type_=String)
    whens = [
        (
            func.to_tsvector(regconfig(config), column).op("@@")(_query(config)),
            func.ts_headline(regconfig(config), document, _query(config), options),
        )
        for config in _HEADLINE_ORDER[:-1]
    ]
    fallback = func.ts_headline(regconfig("simple"), document, _query("simple"), options)
    return case(*whens, else_=fallback)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def highlighted(headline: str, original: str) -> tuple[str, list[tuple[int, int]]]:
    """``headline`` without its markers, "…" where it cuts ``original``, and the marked
    spans as [start, end) offsets in UTF-16 code units (what JavaScript strings index)."""
    plain = headline.replace(START, "").replace(STOP, "")
    core = plain.strip()
    whole = original.strip()
    prefix = "" if whole.startswith(core) else "… "
    suffix = "" if whole.endswith(core) else " …"
    skipped = len(plain) - len(plain.lstrip())  # leading spaces dropped by strip()
    out: list[str] = [prefix]
    length = _utf16_len(prefix)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    seen = 0  # characters of ``plain`` passed
    for ch in headline:
        if ch == START:
            start = length
            continue
        if ch == STOP:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
            continue
        seen += 1
        if seen <= skipped or seen > skipped + len(core):
            continue
        out.append(ch)
        length += _utf16_len(ch)
    out.append(suffix)
    return "".join(out), spans


async def _hits(
    session: AsyncSession,
    source: Literal["text", "transcript"],
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    q: str,
    limit: int,
) -> list[tuple[datetime, int, SearchHitOut]]:
    column: Any = Message.text if source == "text" else Transcript.text
    stmt = select(Message.id, Message.created_at, column, _headline(column).label("headline"))
    if source == "transcript":
        stmt = stmt.select_from(Transcript).join(Message, Message.id == Transcript.message_id)
    stmt = (
        stmt.where(
            Message.workspace_id == workspace_id,
            Message.conversation_id == conversation_id,
            search_document(column).op("@@")(_any_query()),
        )
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(limit)
    )
    rows = await session.execute(stmt, {"q": q})
    hits = []
    for message_id, created_at, text, headline in rows:
        excerpt, spans = highlighted(headline, text)
        hit = SearchHitOut(
            message_id=message_id,
            created_at=created_at,
            source=source,
            excerpt=excerpt,
            highlights=spans,
        )
        hits.append((created_at, 0 if source == "text" else 1, hit))
    return hits


async def search_conversation(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    q: str,
    *,
    limit: int,
) -> ConversationSearchOut:
    """The newest ``limit`` matches, oldest first (callers check visibility)."""
    found = [
        *await _hits(session, "text", workspace_id, conversation_id, q, limit),
        *await _hits(session, "transcript", workspace_id, conversation_id, q, limit),
    ]
    found.sort(key=lambda h: (h[0], h[2].message_id.int, h[1]))
    return ConversationSearchOut(hits=[hit for _, _, hit in found[-limit:]])
