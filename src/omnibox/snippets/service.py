"""Saved replies (snippets): text with variables and files, managed by owners and managers,
used by everyone. Their files are ``Attachment`` rows with ``snippet_id``; sending one copies
the row into the message (same stored bytes), so the snippet keeps its files."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.dependencies import WorkspaceAccess
from omnibox.errors import InvalidPayload, NotFound
from omnibox.media.service import attachment_url, claim_uploads
from omnibox.messages.variable_values import available_variables
from omnibox.messages.variables import check_known
from omnibox.models import Attachment, Snippet, User
from omnibox.models.base import utcnow
from omnibox.snippets.schemas import (
    SnippetAuthorOut,
    SnippetFileOut,
    SnippetIn,
    SnippetOut,
    SnippetPatch,
)


def _invalid(field: str, detail: str) -> InvalidPayload:
    return InvalidPayload(detail, errors=[{"field": field, "message": detail}])


async def snippet_outs(
    session: AsyncSession, workspace_id: uuid.UUID, snippets: Sequence[Snippet]
) -> list[SnippetOut]:
    """In three queries whatever the number of snippets."""
    if not snippets:
        return []
    files: dict[uuid.UUID, list[Attachment]] = defaultdict(list)
    for a in (
        await session.execute(
            select(Attachment)
            .where(Attachment.snippet_id.in_([s.id for s in snippets]))
            .order_by(Attachment.position)
        )
    ).scalars():
        assert a.snippet_id is not None
        files[a.snippet_id].append(a)
    author_ids = {s.created_by_id for s in snippets if s.created_by_id}
    authors: dict[uuid.UUID, str] = {}
    if author_ids:
        rows = await session.execute(select(User.id, User.name).where(User.id.in_(author_ids)))
        authors = {user_id: name for user_id, name in rows}
    return [
        SnippetOut(
            id=s.id,
            name=s.name,
            text=s.text,
            files=[
                SnippetFileOut(
                    id=a.id,
                    filename=a.filename,
                    media_type=a.media_type,
                    size=a.size,
                    url=attachment_url(workspace_id, a),
                )
                for a in files[s.id]
            ],
            created_by=(
                SnippetAuthorOut(id=s.created_by_id, name=authors.get(s.created_by_id, ""))
                if s.created_by_id
                else None
            ),
            updated_at=s.updated_at,
        )
        for s in snippets
    ]


def _escape_like(q: str) -> str:
    return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def list_snippets(
    session: AsyncSession, workspace_id: uuid.UUID, q: str | None
) -> list[SnippetOut]:
    stmt = select(Snippet).where(Snippet.workspace_id == workspace_id)
    if q and q.strip():
        pattern = f"%{_escape_like(q.strip())}%"
        matches: list[ColumnElement[bool]] = [
            Snippet.name.ilike(pattern, escape="\\"),
            Snippet.text.ilike(pattern, escape="\\"),
        ]
        stmt = stmt.where(or_(*matches))
    rows = (await session.execute(stmt.order_by(Snippet.name, Snippet.id))).scalars().all()
    return await snippet_outs(session, workspace_id, rows)


async def _get(
    session: AsyncSession, workspace_id: uuid.UUID, snippet_id: uuid.UUID, *, lock: bool = False
) -> Snippet:
    stmt = select(Snippet).where(Snippet.id == snippet_id, Snippet.workspace_id == workspace_id)
    snippet = (await session.execute(stmt.with_for_update() if lock else stmt)).scalar_one_or_none()
    if snippet is None:
        raise NotFound("No such snippet.")
    return snippet


async def get_snippet(
    session: AsyncSession, workspace_id: uuid.UUID, snippet_id: uuid.UUID
) -> SnippetOut:
    return (
        await snippet_outs(session, workspace_id, [await _get(session, workspace_id, snippet_id)])
    )[0]


async def _check_text(session: AsyncSession, workspace_id: uuid.UUID, text: str) -> None:
    """A mistyped variable is found when the snippet is saved, not when a reply is sent."""
    known = {v.key for v in await available_variables(session, workspace_id)}
    check_known(text, known)


async def _set_files(
    session: AsyncSession,
    access: WorkspaceAccess,
    snippet: Snippet,
    wanted: Sequence[uuid.UUID],
    current: Sequence[Attachment] = (),
) -> int:
    """Make ``wanted`` (current files kept, new uploads claimed) the snippet's files, in that
    order; the others are removed (their bytes stay: storage is shared by content). The
    number of files."""
    wanted = list(dict.fromkeys(wanted))
    kept = {a.id: a for a in current if a.id in wanted}
    new = await claim_uploads(session, access, [i for i in wanted if i not in kept])
    by_id = {**kept, **{a.id: a for a in new}}
    removed = [a.id for a in current if a.id not in kept]
    if removed:
        await session.execute(delete(Attachment).where(Attachment.id.in_(removed)))
    for position, attachment_id in enumerate(wanted):
        by_id[attachment_id].snippet_id = snippet.id
        by_id[attachment_id].position = position
    return len(wanted)


async def create_snippet(
    session: AsyncSession, access: WorkspaceAccess, body: SnippetIn
) -> SnippetOut:
    await _check_text(session, access.workspace_id, body.text)
    now = utcnow()
    snippet = Snippet(
        workspace_id=access.workspace_id,
        name=body.name,
        text=body.text,
        created_by_id=access.user.id,
        created_at=now,
        updated_at=now,
    )
    session.add(snippet)
    await session.flush()
    await _set_files(session, access, snippet, body.attachment_ids)
    await session.flush()
    return (await snippet_outs(session, access.workspace_id, [snippet]))[0]


async def update_snippet(
    session: AsyncSession, access: WorkspaceAccess, snippet_id: uuid.UUID, body: SnippetPatch
) -> SnippetOut:
    snippet = await _get(session, access.workspace_id, snippet_id, lock=True)
    current = (
        (
            await session.execute(
                select(Attachment)
                .where(Attachment.snippet_id == snippet.id)
                .order_by(Attachment.position)
            )
        )
        .scalars()
        .all()
    )
    text = body.text if body.text is not None else snippet.text
    wanted = body.attachment_ids if body.attachment_ids is not None else [a.id for a in current]
    if not text.strip() and not wanted:
        raise _invalid("text", "A snippet needs text or files.")
    if body.text is not None:
        await _check_text(session, access.workspace_id, body.text)
    if body.attachment_ids is not None:
        await _set_files(session, access, snippet, body.attachment_ids, current)
    if body.name is not None:
        snippet.name = body.name
    snippet.text = text
    snippet.updated_at = utcnow()
    await session.flush()
    return (await snippet_outs(session, access.workspace_id, [snippet]))[0]


async def delete_snippet(
    session: AsyncSession, workspace_id: uuid.UUID, snippet_id: uuid.UUID
) -> None:
    """Its files go with it (messages that used them have copies of their own)."""
    await session.delete(await _get(session, workspace_id, snippet_id))
    await session.flush()


async def snippet_file_copies(
    session: AsyncSession, access: WorkspaceAccess, ids: Sequence[uuid.UUID]
) -> list[Attachment]:
    """New, unsaved attachment rows copying these snippet files (for a message), in order;
    422 if any is not a file of a snippet of this workspace."""
    if not ids:
        return []
    found = {
        a.id: a
        for a in (
            await session.execute(
                select(Attachment).where(
                    Attachment.id.in_(ids),
                    Attachment.workspace_id == access.workspace_id,
                    Attachment.snippet_id.is_not(None),
                )
            )
        ).scalars()
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise _invalid("snippet_file_ids", "Some snippet files are unknown or were removed.")
    return [
        Attachment(
            workspace_id=a.workspace_id,
            uploaded_by_id=access.user.id,
            media_type=a.media_type,
            filename=a.filename,
            size=a.size,
            sha256=a.sha256,
            storage_key=a.storage_key,
            status=a.status,
            duration_ms=a.duration_ms,
            waveform=a.waveform,
            rendition_key=a.rendition_key,
            rendition_media_type=a.rendition_media_type,
            meta=dict(a.meta),
        )
        for a in (found[i] for i in ids)
    ]
