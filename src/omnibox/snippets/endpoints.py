from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from omnibox.auth.dependencies import Access
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.models import Role
from omnibox.snippets import service
from omnibox.snippets.schemas import SnippetIn, SnippetOut, SnippetPatch

router = APIRouter(prefix="/workspaces/{workspace_id}/snippets", tags=["snippets"])

# Everybody uses saved replies; owners and managers decide what they say.
_MANAGERS = (Role.owner, Role.manager)


@router.get("", responses=problems(404))
async def list_snippets(
    access: Access,
    session: DbSession,
    q: Annotated[
        str | None, Query(max_length=100, description="Part of the name or text (any case).")
    ] = None,
) -> list[SnippetOut]:
    """The workspace's saved replies, by name."""
    return await service.list_snippets(session, access.workspace_id, q)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(403, 404))
async def create_snippet(body: SnippetIn, access: Access, session: DbSession) -> SnippetOut:
    """Owners and managers: a saved reply with text (variables allowed) and files."""
    access.require(*_MANAGERS)
    return await service.create_snippet(session, access, body)


@router.get("/{snippet_id}", responses=problems(404))
async def get_snippet(snippet_id: uuid.UUID, access: Access, session: DbSession) -> SnippetOut:
    return await service.get_snippet(session, access.workspace_id, snippet_id)


@router.patch("/{snippet_id}", responses=problems(403, 404))
async def update_snippet(
    snippet_id: uuid.UUID, body: SnippetPatch, access: Access, session: DbSession
) -> SnippetOut:
    access.require(*_MANAGERS)
    return await service.update_snippet(session, access, snippet_id, body)


@router.delete(
    "/{snippet_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(403, 404)
)
async def delete_snippet(snippet_id: uuid.UUID, access: Access, session: DbSession) -> Response:
    access.require(*_MANAGERS)
    await service.delete_snippet(session, access.workspace_id, snippet_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
