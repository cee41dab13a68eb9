"""What one of our outbound messages becomes on WhatsApp: one Cloud API message per part.

WhatsApp has no albums and no captions on audio: several files go out as several messages,
the first file carries the text as its caption when it can, otherwise the text goes first on
its own. Files are uploaded (``POST /{phone_number_id}/media``) and sent by media id, so
omnibox needs no public URL for WhatsApp to fetch them from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import anyio

from omnibox.channels.base import DeliveryError, OutboundAttachment, OutboundMessage
from omnibox.channels.whatsapp.templates import template_payload
from omnibox.media.audio import AudioError, decode_mono, to_ogg_opus

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
# What WhatsApp plays or shows inline; anything else goes out as a document.
_NATIVE = {
    "image/jpeg": "image",
    "image/png": "image",
    "video/mp4": "video",
    "video/3gpp": "video",
    "audio/aac": "audio",
    "audio/amr": "audio",
    "audio/mpeg": "audio",
    "audio/mp4": "audio",
    "audio/ogg": "audio",
}
_CAPTIONED = {"image", "video", "document"}


@dataclass(frozen=True)
class Upload:
    """A file as WhatsApp will get it (a voice note converted to Ogg/Opus first)."""

    kind: str  # image, video, audio, document
    media_type: str
    filename: str
    data: bytes


def text_chunks(text: str) -> list[str]:
    """Texts longer than WhatsApp takes in one message, cut at line or word ends."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > TEXT_LIMIT:
        cut = max(rest.rfind("\n", 0, TEXT_LIMIT), rest.rfind(" ", 0, TEXT_LIMIT))
        cut = cut if cut > TEXT_LIMIT // 2 else TEXT_LIMIT
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*chunks, rest] if rest else chunks


def _voice_note(data: bytes) -> bytes:
    return to_ogg_opus(decode_mono(data))


async def prepare_upload(attachment: OutboundAttachment, *, voice: bool) -> Upload:
    try:
        data = await anyio.Path(attachment.path).read_bytes()
    except OSError as exc:
        raise DeliveryError(
            f"The file {attachment.filename} is no longer stored.", retryable=False
        ) from exc
    if voice:
        # WhatsApp shows a voice note (waveform, autoplay) only for Ogg/Opus; browsers
        # record WebM or MP4. Decoding and encoding are CPU work: off the event loop.
        try:
            ogg = await anyio.to_thread.run_sync(_voice_note, data)
        except AudioError as exc:
            raise DeliveryError(
                f"The voice note can't be converted: {exc}", retryable=False
            ) from exc
        return Upload("audio", "audio/ogg", "voice.ogg", ogg)
    media_type = attachment.media_type.split(";")[0].strip().lower()
    return Upload(_NATIVE.get(media_type, "document"), media_type, attachment.filename, data)


def media_body(upload: Upload, media_id: str, caption: str | None) -> dict[str, Any]:
    content: dict[str, Any] = {"id": media_id}
    if upload.kind == "document":
        content["filename"] = upload.filename
    if caption:
        content["caption"] = caption
    return {"type": upload.kind, upload.kind: content}


def text_body(text: str) -> dict[str, Any]:
    return {"type": "text", "text": {"body": text, "preview_url": "://" in text}}


def caption_for(message: OutboundMessage, first: Upload) -> str | None:
    """The text as the first file's caption, when that file can carry it."""
    text = message.text.strip()
    if text and first.kind in _CAPTIONED and len(text) <= CAPTION_LIMIT:
        return text
    return None


def template_body(message: OutboundMessage) -> dict[str, Any]:
    assert message.template is not None
    return {"type": "template", "template": template_payload(message.template)}
