from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from omnibox.auth.dependencies import Access
from omnibox.db.session import DbSession
from omnibox.errors import NotFound, problems
from omnibox.media.service import get_attachment, get_attachment_anywhere
from omnibox.media.signing import verify_signature
from omnibox.media.storage import LocalStorage
from omnibox.models import Attachment

router = APIRouter(prefix="/workspaces/{workspace_id}/attachments", tags=["media"])
signed_router = APIRouter(prefix="/files", tags=["media"])

# Types a browser may render inline from our origin; anything else downloads.
_INLINE_PREFIXES = ("image/png", "image/jpeg", "image/gif", "image/webp", "audio/", "video/")


@router.get("/{attachment_id}/content", responses=problems(404), response_class=FileResponse)
async def attachment_content(
    attachment_id: uuid.UUID,
    access: Access,
    session: DbSession,
    request: Request,
    download: Annotated[bool, Query()] = False,
) -> FileResponse:
    attachment = await get_attachment(session, access.workspace_id, attachment_id)
    return _file_response(request, attachment, download=download)


@router.get("/{attachment_id}/playback", responses=problems(404), response_class=FileResponse)
async def attachment_playback(
    attachment_id: uuid.UUID, access: Access, session: DbSession, request: Request
) -> FileResponse:
    """The browser-playable rendition of an audio file (AAC in MP4)."""
    attachment = await get_attachment(session, access.workspace_id, attachment_id)
    if attachment.rendition_key is None or attachment.rendition_media_type is None:
        raise NotFound("This file has no playable rendition.")
    storage: LocalStorage = request.app.state.storage
    return FileResponse(
        storage.path(attachment.rendition_key),
        media_type=attachment.rendition_media_type,
        headers={"Cache-Control": "private, max-age=31536000, immutable"},
    )


@signed_router.get(
    "/{attachment_id}/{expires}/{signature}/{filename}",
    responses=problems(404),
    response_class=FileResponse,
)
async def signed_attachment_content(
    attachment_id: uuid.UUID,
    expires: int,
    signature: str,
    filename: str,
    session: DbSession,
    request: Request,
) -> FileResponse:
    """A file by signed link (see ``media.signing``); no session needed."""
    if not verify_signature(request.app.state.secret_key, attachment_id, expires, signature):
        raise NotFound("This link is wrong or has expired.")
    attachment = await get_attachment_anywhere(session, attachment_id)
    return _file_response(request, attachment, download=True)


def _file_response(request: Request, attachment: Attachment, *, download: bool) -> FileResponse:
    storage: LocalStorage = request.app.state.storage
    assert attachment.storage_key is not None
    inline = not download and attachment.media_type.startswith(_INLINE_PREFIXES)
    disposition = "inline" if inline else "attachment"
    return FileResponse(
        storage.path(attachment.storage_key),
        media_type=attachment.media_type if inline else "application/octet-stream",
        headers={
            "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(attachment.filename)}",
            "Cache-Control": "private, max-age=31536000, immutable",
            "X-Content-Type-Options": "nosniff",
        },
    )
