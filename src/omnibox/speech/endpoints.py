from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from omnibox.auth.dependencies import Access
from omnibox.conversations.visibility import CurrentViewer, ensure_attachment_visible
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.speech import service
from omnibox.speech.schemas import TranscriptOut, TranscriptRequest
from omnibox.speech.views import transcript_out

router = APIRouter(prefix="/workspaces/{workspace_id}/attachments", tags=["speech"])


@router.post(
    "/{attachment_id}/transcript",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems(404, 409),
)
async def request_transcript(
    attachment_id: uuid.UUID,
    access: Access,
    viewer: CurrentViewer,
    session: DbSession,
    response: Response,
    body: TranscriptRequest | None = None,
) -> TranscriptOut:
    """Start transcribing (the "T" button). Idempotent; a failed transcript is retried."""
    await ensure_attachment_visible(session, viewer, attachment_id)
    transcript = await service.request_transcript(
        session,
        access.workspace_id,
        attachment_id,
        language=body.language if body else None,
        requested_by=access.user.id,
    )
    if transcript.status == "done":
        response.status_code = status.HTTP_200_OK
    return transcript_out(transcript)


@router.get("/{attachment_id}/transcript", responses=problems(404))
async def get_transcript(
    attachment_id: uuid.UUID, access: Access, viewer: CurrentViewer, session: DbSession
) -> TranscriptOut:
    await ensure_attachment_visible(session, viewer, attachment_id)
    return transcript_out(await service.get_transcript(session, access.workspace_id, attachment_id))
