from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from omnibox.auth.dependencies import Access
from omnibox.db.session import DbSession
from omnibox.media.service import get_attachment
from omnibox.media.storage import LocalStorage

router = APIRouter(prefix="/workspaces/{workspace_id}/attachments", tags=["media"])

# Types a browser may render inline from our origin; anything else downloads.
_INLINE_PREFIXES = ("image/png", "image/jpeg", "image/gif", "image/webp", "audio/", "video/")


@router.get("/{attachment_id}/content", responses={404: {}}, response_class=FileResponse)
async def attachment_content(
    attachment_id: uuid.UUID,
    access: Access,
    session: DbSession,
    request: Request,
    download: Annotated[bool, Query()] = False,
) -> FileResponse:
    attachment = await get_attachment(session, access.workspace_id, attachment_id)
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
