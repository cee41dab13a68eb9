"""WhatsApp webhook notifications turned into our inbound messages and delivery receipts."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from omnibox.channels.base import InboundAttachment, InboundContact, InboundMessage
from omnibox.channels.whatsapp.client import describe_error
from omnibox.channels.whatsapp.payloads import ChangeValue, Notification, WaContact, WaMessage
from omnibox.errors import InvalidPayload, InvalidSignature
from omnibox.models import DeliveryStatus, MessageKind

SIGNATURE_HEADER = "X-Hub-Signature-256"
MEDIA_PREFIX = "wa-media:"

# "played" is a voice note listened to: as far as our ticks go, read.
_STATUSES = {
    "sent": DeliveryStatus.sent,
    "delivered": DeliveryStatus.delivered,
    "read": DeliveryStatus.read,
    "played": DeliveryStatus.read,
    "failed": DeliveryStatus.failed,
}


@dataclass(frozen=True)
class StatusUpdate:
    external_id: str
    status: DeliveryStatus
    error: str | None = None


@dataclass
class Batch:
    """What one change of a notification brings for one business phone number."""

    phone_number_id: str
    messages: list[InboundMessage] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)
    # Receipts we don't map (``deleted``, ``warning``, ...): counted, not stored.
    ignored: int = 0


def verify_signature(app_secret: str, body: bytes, header: str | None) -> None:
    """Meta signs every delivery with the app secret: HMAC-SHA256 of the raw body."""
    if not header:
        raise InvalidSignature(f"The {SIGNATURE_HEADER} header is missing.")
    expected = "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, header.strip()):
        raise InvalidSignature(
            f"The {SIGNATURE_HEADER} header does not match this channel's app secret."
        )


def _errors(exc: ValidationError, prefix: str) -> list[dict[str, str]]:
    return [
        {
            "field": ".".join([prefix, *(str(p) for p in err["loc"])]).strip("."),
            "message": err["msg"],
        }
        for err in exc.errors(include_url=False, include_input=False)
    ]


def parse_notification(body: bytes) -> list[Batch]:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidPayload(f"The body is not valid JSON: {exc}") from exc
    try:
        notification = Notification.model_validate(payload)
    except ValidationError as exc:
        raise InvalidPayload(
            "The body is not a WhatsApp Business Account notification.",
            errors=_errors(exc, ""),
        ) from exc
    batches = []
    for e, entry in enumerate(notification.entry):
        for c, change in enumerate(entry.changes):
            if change.field == "messages":
                batches.append(_parse_change(change.value, f"entry.{e}.changes.{c}.value"))
    return batches


def _parse_change(raw: dict[str, Any], where: str) -> Batch:
    try:
        value = ChangeValue.model_validate(raw)
    except ValidationError as exc:
        raise InvalidPayload(
            "A change in the notification does not match WhatsApp's format.",
            errors=_errors(exc, where),
        ) from exc
    batch = Batch(value.metadata.phone_number_id)
    contacts = {c.wa_id: c for c in value.contacts}
    raw_messages = raw.get("messages") or []
    for message, raw_message in zip(value.messages, raw_messages, strict=True):
        batch.messages.append(to_inbound(message, raw_message, contacts))
    for status in value.statuses:
        mapped = _STATUSES.get(status.status)
        if mapped is None:
            batch.ignored += 1
            continue
        error = None
        if mapped == DeliveryStatus.failed and status.errors:
            error = "WhatsApp: " + describe_error(status.errors[0].model_dump())
        batch.statuses.append(StatusUpdate(status.id, mapped, error))
    return batch


def to_inbound(
    message: WaMessage, raw: dict[str, Any], contacts: dict[str, WaContact]
) -> InboundMessage:
    profile = contacts.get(message.from_)
    wa_id = message.from_
    event = InboundMessage(
        external_id=message.id,
        contact=InboundContact(
            external_id=wa_id,
            name=profile.profile.name if profile and profile.profile else None,
            phone="+" + wa_id if wa_id.isdigit() else None,
        ),
        reply_to_external_id=message.context.id if message.context else None,
        raw=raw,
    )
    _CONTENT.get(message.type, _unsupported)(message, event)
    return event


def _text(message: WaMessage, event: InboundMessage) -> None:
    assert message.text is not None
    event.text = message.text.body


def _media(message: WaMessage, event: InboundMessage) -> None:
    media = getattr(message, message.type)
    media_type = media.mime_type.split(";")[0].strip().lower() or "application/octet-stream"
    event.text = media.caption or ""
    event.attachments = [
        InboundAttachment(
            media_type=media_type, filename=media.filename, url=MEDIA_PREFIX + media.id
        )
    ]
    if message.type == "audio":
        # WhatsApp says which audio is a recorded voice note; an attached song is a file.
        event.kind = MessageKind.voice if media.voice else MessageKind.media


def _location(message: WaMessage, event: InboundMessage) -> None:
    place = message.location
    assert place is not None
    label = ", ".join(p for p in (place.name, place.address) if p)
    link = (
        "https://www.google.com/maps/search/?api=1"
        f"&query={place.latitude:.6f},{place.longitude:.6f}"
    )
    event.text = f"📍 {label}\n{link}" if label else f"📍 {link}"


def _contacts(message: WaMessage, event: InboundMessage) -> None:
    lines = []
    for card in message.contacts or []:
        parts = [card.name.formatted_name if card.name and card.name.formatted_name else "Contact"]
        parts += [p.phone for p in card.phones if p.phone]
        parts += [e.email for e in card.emails if e.email]
        lines.append("👤 " + ", ".join(parts))
    event.text = "\n".join(lines) or "👤 (an empty contact card)"


def _interactive(message: WaMessage, event: InboundMessage) -> None:
    answer = message.interactive
    assert answer is not None
    choice = answer.button_reply or answer.list_reply
    if choice is not None:
        event.text = choice.title
    elif answer.nfm_reply is not None:
        event.text = str(answer.nfm_reply.get("body") or "Sent a form")
    else:
        _unsupported(message, event)


def _button(message: WaMessage, event: InboundMessage) -> None:
    assert message.button is not None
    event.text = message.button.text


def _reaction(message: WaMessage, event: InboundMessage) -> None:
    # A reaction is a message of its own on WhatsApp (with its own id): we keep it as a short
    # text that replies to the message reacted to, so nothing the contact did goes missing.
    reaction = message.reaction
    assert reaction is not None
    event.text = f"Reacted {reaction.emoji}" if reaction.emoji else "Removed a reaction"
    event.reply_to_external_id = reaction.message_id


def _system(message: WaMessage, event: InboundMessage) -> None:
    body = (event.raw or {}).get("system", {}).get("body")
    event.text = str(body or "WhatsApp system message")
    event.kind = MessageKind.system


def _unsupported(message: WaMessage, event: InboundMessage) -> None:
    event.kind = MessageKind.unsupported
    why = describe_error(message.errors[0].model_dump()) if message.errors else None
    event.text = f"Unsupported WhatsApp message ({message.type})" + (f": {why}" if why else "")


_CONTENT: dict[str, Callable[[WaMessage, InboundMessage], None]] = {
    "text": _text,
    "image": _media,
    "video": _media,
    "audio": _media,
    "document": _media,
    "sticker": _media,
    "location": _location,
    "contacts": _contacts,
    "interactive": _interactive,
    "button": _button,
    "reaction": _reaction,
    "system": _system,
}
