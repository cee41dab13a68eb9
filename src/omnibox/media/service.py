"""Attachments: storing what arrives, downloading what is referenced, and serving it."""

from __future__ import annotations

import mimetypes
import re
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.dependencies import WorkspaceAccess
from omnibox.errors import InvalidPayload, NotFound, PayloadTooLarge
from omnibox.media.storage import LocalStorage
from omnibox.models import Attachment, AttachmentStatus

_SAFE_NAME = re.compile(r"[^\w.\- ()\[\]]+", re.UNICODE)


def safe_filename(name: str | None, media_type: str) -> str:
    cleaned = _SAFE_NAME.sub("_", (name or "").strip()).strip("._ ")[:200]
    if cleaned:
        return cleaned
    ext = mimetypes.guess_extension(media_type) or ".bin"
    return f"file{ext}"


def attachment_url(workspace_id: uuid.UUID, attachment: Attachment) -> str | None:
    if attachment.status != AttachmentStatus.ready:
        return None
    return f"/api/v1/workspaces/{workspace_id}/attachments/{attachment.id}/content"


def rendition_url(workspace_id: uuid.UUID, attachment: Attachment) -> str | None:
    if attachment.rendition_key is None:
        return None
    return f"/api/v1/workspaces/{workspace_id}/attachments/{attachment.id}/playback"


def store_bytes(
    storage: LocalStorage,
    attachment: Attachment,
    data: bytes,
    max_bytes: int,
) -> None:
    if len(data) > max_bytes:
        raise PayloadTooLarge(
            f"{attachment.filename} is {len(data)} bytes; the limit is {max_bytes} bytes."
        )
    stored = storage.put(data)
    attachment.storage_key = stored.key
    attachment.size = stored.size
    attachment.sha256 = stored.sha256
    attachment.status = AttachmentStatus.ready
    attachment.error = None


async def get_attachment_anywhere(session: AsyncSession, attachment_id: uuid.UUID) -> Attachment:
    """Only for callers that proved access another way (a signed link)."""
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None or attachment.storage_key is None:
        raise NotFound("No such file.")
    return attachment


async def get_attachment(
    session: AsyncSession, workspace_id: uuid.UUID, attachment_id: uuid.UUID
) -> Attachment:
    attachment = (
        await session.execute(
            select(Attachment).where(
                Attachment.id == attachment_id, Attachment.workspace_id == workspace_id
            )
        )
    ).scalar_one_or_none()
    if attachment is None or attachment.storage_key is None:
        raise NotFound("No such file.")
    return attachment


async def claim_uploads(
    session: AsyncSession, access: WorkspaceAccess, ids: Sequence[uuid.UUID]
) -> list[Attachment]:
    """The caller's own uploads, not sent yet nor kept by a snippet, in the order given."""
    if not ids:
        return []
    uploads = (
        (
            await session.execute(
                select(Attachment)
                .where(
                    Attachment.id.in_(ids),
                    Attachment.workspace_id == access.workspace_id,
                    Attachment.uploaded_by_id == access.user.id,
                    Attachment.message_id.is_(None),
                    Attachment.snippet_id.is_(None),
                )
                .with_for_update()
            )
        )
        .scalars()
        .all()
    )
    if len(uploads) != len(set(ids)):
        detail = "Some files are unknown, someone else's, or already sent or kept by a snippet."
        raise InvalidPayload(detail, errors=[{"field": "attachment_ids", "message": detail}])
    order = {attachment_id: i for i, attachment_id in enumerate(ids)}
    return sorted(uploads, key=lambda a: order[a.id])
