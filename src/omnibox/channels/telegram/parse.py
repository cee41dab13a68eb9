"""One parser for Telegram updates, whether they came by webhook or by polling.

External ids: a message is ``"<chat id>:<message id>"`` (Telegram numbers messages per chat),
a contact is the chat id. Files stay at Telegram as ``tg-file:<file_id>`` until the download
job asks the adapter for them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from omnibox.channels.base import InboundAttachment, InboundContact, InboundMessage
from omnibox.channels.telegram.schemas import (
    TgChat,
    TgFile,
    TgLocation,
    TgMessage,
    TgSticker,
    TgUpdate,
    TgUser,
    TgVenue,
)
from omnibox.errors import InvalidPayload
from omnibox.models import MessageKind

FILE_REF_PREFIX = "tg-file:"
_MEDIA_TYPE = re.compile(r"^[\w.+-]+/[\w.+-]+$")


@dataclass(frozen=True)
class ParsedUpdate:
    update_id: int
    # None for updates that carry no message of a chat (nothing to show in the inbox).
    message: InboundMessage | None
    edited: bool = False


@dataclass
class _Content:
    text: str = ""
    attachments: list[InboundAttachment] = field(default_factory=list)
    kind: MessageKind | None = None


def message_external_id(chat_id: int | str, message_id: int | str) -> str:
    return f"{chat_id}:{message_id}"


def parse_body(body: bytes) -> ParsedUpdate:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidPayload(f"The body is not valid JSON: {exc}") from exc
    return parse_update(payload)


def parse_update(payload: Any) -> ParsedUpdate:
    """A Telegram ``Update`` as we store it; ``InvalidPayload`` when it is not one."""
    if not isinstance(payload, dict):
        raise InvalidPayload("A Telegram update is a JSON object.")
    try:
        update = TgUpdate.model_validate(payload)
    except ValidationError as exc:
        raise InvalidPayload(
            "The update does not match Telegram's Update object.", errors=_problem_errors(exc)
        ) from exc
    if update.message is not None:
        return ParsedUpdate(update.update_id, _inbound(update.message, payload))
    if update.edited_message is not None:
        return ParsedUpdate(update.update_id, _inbound(update.edited_message, payload), True)
    other = _other_message(payload)
    if other is not None:
        # A kind of update we don't read yet (a channel post, ...): shown, never dropped.
        event = _inbound(other, payload)
        event.text, event.attachments, event.kind = "", [], MessageKind.unsupported
        return ParsedUpdate(update.update_id, event)
    return ParsedUpdate(update.update_id, None)


def _problem_errors(exc: ValidationError) -> list[dict[str, str]]:
    return [
        {"field": ".".join(str(p) for p in err["loc"]), "message": err["msg"]}
        for err in exc.errors(include_url=False, include_input=False)
    ]


def _other_message(payload: dict[str, Any]) -> TgMessage | None:
    for key, value in payload.items():
        if key == "update_id" or not isinstance(value, dict) or "message_id" not in value:
            continue
        try:
            return TgMessage.model_validate(value)
        except ValidationError:
            continue
    return None


def _inbound(message: TgMessage, raw: dict[str, Any]) -> InboundMessage:
    content = _content(message)
    reply = message.reply_to_message
    return InboundMessage(
        external_id=message_external_id(message.chat.id, message.message_id),
        contact=_contact(message.chat, message.from_user),
        text=content.text,
        attachments=content.attachments,
        reply_to_external_id=(
            message_external_id(message.chat.id, reply.message_id) if reply else None
        ),
        raw=raw,
        kind=content.kind,
    )


def _contact(chat: TgChat, sender: TgUser | None) -> InboundContact:
    """The chat is the contact (a private chat's id is the user's); its username stays in raw."""
    if chat.type == "private":
        first = chat.first_name or (sender.first_name if sender else "")
        last = chat.last_name or (sender.last_name if sender else None)
        username = chat.username or (sender.username if sender else None)
        name = " ".join(p for p in (first, last) if p) or (f"@{username}" if username else None)
    else:
        name = chat.title or (f"@{chat.username}" if chat.username else None)
    return InboundContact(external_id=str(chat.id), name=name)


def _file(item: TgFile, media_type: str, filename: str) -> InboundAttachment:
    claimed = item.mime_type if item.mime_type and _MEDIA_TYPE.match(item.mime_type) else None
    return InboundAttachment(
        media_type=claimed or media_type,
        filename=item.file_name or filename,
        url=FILE_REF_PREFIX + item.file_id,
    )


def _content(m: TgMessage) -> _Content:
    caption = m.caption or ""
    if m.text is not None:
        return _Content(m.text)
    if m.photo:
        # Telegram sends every size it made; the largest is the one worth keeping.
        largest = max(m.photo, key=lambda p: (p.width * p.height, p.file_size or 0))
        return _Content(caption, [_file(largest, "image/jpeg", "photo.jpg")])
    if m.voice is not None:
        voice = _file(m.voice, "audio/ogg", "voice.ogg")
        voice.media_type = "audio/ogg"  # a voice note is Ogg/Opus whatever the client says
        return _Content(caption, [voice], MessageKind.voice)
    if m.audio is not None:
        # Music or a recording sent as a file: not a voice message, even without words.
        name = m.audio.file_name or f"{m.audio.title or 'audio'}.mp3"
        kind = MessageKind.text if caption else MessageKind.media
        return _Content(caption, [_file(m.audio, "audio/mpeg", name)], kind)
    return _visual_content(m, caption) or _text_content(m) or _Content(kind=MessageKind.unsupported)


def _visual_content(m: TgMessage, caption: str) -> _Content | None:
    # An animation (GIF) also comes with a ``document`` field: it is read first.
    if m.animation is not None:
        return _Content(caption, [_file(m.animation, "video/mp4", "animation.mp4")])
    if m.video is not None:
        return _Content(caption, [_file(m.video, "video/mp4", "video.mp4")])
    if m.video_note is not None:
        return _Content(caption, [_file(m.video_note, "video/mp4", "video_note.mp4")])
    if m.sticker is not None:
        return _sticker(m.sticker)
    if m.document is not None:
        return _Content(caption, [_file(m.document, "application/octet-stream", "file")])
    return None


def _sticker(sticker: TgSticker) -> _Content:
    if sticker.is_animated:
        # Lottie (.tgs) plays in no browser: the emoji it stands for says what it meant.
        item = _file(sticker, "application/x-tgsticker", "sticker.tgs")
        return _Content(sticker.emoji or "", [item])
    if sticker.is_video:
        return _Content("", [_file(sticker, "video/webm", "sticker.webm")])
    return _Content("", [_file(sticker, "image/webp", "sticker.webp")])


def _text_content(m: TgMessage) -> _Content | None:
    if m.venue is not None:
        return _Content(_venue_text(m.venue))
    if m.location is not None:
        return _Content(_location_text(m.location))
    if m.contact is not None:
        name = " ".join(p for p in (m.contact.first_name, m.contact.last_name) if p)
        return _Content(f"Contact: {name}, {m.contact.phone_number}".replace(": , ", ": "))
    return None


def map_link(location: TgLocation) -> str:
    lat, lon = f"{location.latitude:.6f}", f"{location.longitude:.6f}"
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


def _location_text(location: TgLocation) -> str:
    return f"Location: {location.latitude:.6f}, {location.longitude:.6f}\n{map_link(location)}"


def _venue_text(venue: TgVenue) -> str:
    lines = [venue.title, venue.address, map_link(venue.location)]
    return "\n".join(line for line in lines if line)
