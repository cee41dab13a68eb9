from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse

from omnibox.auth.dependencies import Access
from omnibox.conversations.visibility import CurrentViewer, ensure_attachment_visible
from omnibox.db.session import DbSession
from omnibox.errors import NotFound, problems
from omnibox.media.service import (
    get_attachment,
    get_attachment_anywhere,
    safe_filename,
    store_bytes,
)
from omnibox.media.signing import verify_signature
from omnibox.media.storage import LocalStorage
from omnibox.media.uploads import check_upload
from omnibox.messages.schemas import AttachmentOut
from omnibox.messages.views import attachment_out
from omnibox.models import Attachment

router = APIRouter(prefix="/workspaces/{workspace_id}/attachments", tags=["media"])
uploads_router = APIRouter(prefix="/workspaces/{workspace_id}/uploads", tags=["media"])
signed_router = APIRouter(prefix="/files", tags=["media"])

# Types a browser may render inline from our origin; anything else downloads.
_INLINE_PREFIXES = ("image/png", "image/jpeg", "image/gif", "image/webp", "audio/", "video/")


@router.get("/{attachment_id}/content", responses=problems(404), response_class=FileResponse)
async def attachment_content(
    attachment_id: uuid.UUID,
    access: Access,
    viewer: CurrentViewer,
    session: DbSession,
    request: Request,
    download: Annotated[bool, Query()] = False,
) -> FileResponse:
    await ensure_attachment_visible(session, viewer, attachment_id)
    attachment = await get_attachment(session, access.workspace_id, attachment_id)
    return _file_response(request, attachment, download=download)


@router.get("/{attachment_id}/playback", responses=problems(404), response_class=FileResponse)
async def attachment_playback(
    attachment_id: uuid.UUID,
    access: Access,
    viewer: CurrentViewer,
    session: DbSession,
    request: Request,
) -> FileResponse:
    """The browser-playable rendition of an audio file (AAC in MP4)."""
    await ensure_attachment_visible(session, viewer, attachment_id)
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


@uploads_router.post("", status_code=201, responses=problems(404, 413, 415))
async def upload(
    access: Access,
    session: DbSession,
    request: Request,
    file: Annotated[UploadFile, File(description="The file; its type is checked by content.")],
    voice: Annotated[bool, Form(description="A voice note recorded in the browser.")] = False,
) -> AttachmentOut:
    """Upload a file to send with a message (``attachment_ids`` of the new message)."""
    settings = request.app.state.settings
    filename = safe_filename(file.filename, file.content_type or "application/octet-stream")
    data = await file.read(settings.max_attachment_bytes + 1)
    checked = check_upload(data, filename, max_bytes=settings.max_attachment_bytes)
    media_type = checked.media_type
    if voice and media_type in ("video/webm", "audio/ogg", "audio/mp4", "video/mp4"):
        media_type = "audio/" + media_type.split("/", 1)[1]
    attachment = Attachment(
        workspace_id=access.workspace_id,
        uploaded_by_id=access.user.id,
        media_type=media_type,
        filename=filename,
    )
    store_bytes(request.app.state.storage, attachment, data, settings.max_attachment_bytes)
    session.add(attachment)
    await session.flush()
    return attachment_out(access.workspace_id, attachment)
