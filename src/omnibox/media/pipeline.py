"""What happens once a file is stored: audio gets measured, drawn and made playable."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.jobs.app import defer_in
from omnibox.models import Attachment


def is_audio(attachment: Attachment) -> bool:
    return attachment.media_type.startswith("audio/")


async def on_attachment_ready(session: AsyncSession, attachment: Attachment) -> None:
    from omnibox.media.tasks import process_audio

    if is_audio(attachment):
        await defer_in(session, process_audio, attachment_id=str(attachment.id))
