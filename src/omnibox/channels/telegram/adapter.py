"""The Telegram adapter: sends agents' replies through the Bot API, fetches contacts' files.

One reply can become several Telegram messages (long text, files that can't share an album);
the first one carries the reply-to, and its id is the message's external id.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import anyio
import httpx

from omnibox.channels.base import (
    Capabilities,
    DeliveryError,
    OutboundAttachment,
    OutboundMessage,
    SendResult,
)
from omnibox.channels.http import MediaUnavailable
from omnibox.channels.telegram import logs
from omnibox.channels.telegram.client import BotApi, TelegramError, UploadFile
from omnibox.channels.telegram.parse import FILE_REF_PREFIX, message_external_id
from omnibox.channels.telegram.status import mark_token_rejected
from omnibox.jobs.context import job_context
from omnibox.media.audio import AudioError, decode_mono, to_ogg_opus
from omnibox.models import Channel

log = logging.getLogger(__name__)
# Every process that has the adapter (web and worker) masks bot tokens in httpx's logs.
logs.install()

MAX_TEXT = 4096  # UTF-16 code units in one text message
MAX_CAPTION = 1024  # ...and in a file's caption
MAX_ALBUM = 10  # files in one sendMediaGroup
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # larger pictures go as documents
_PHOTO_TYPES = {"image/jpeg", "image/png", "image/webp"}
_AUDIO_TYPES = {"audio/mpeg", "audio/mp3", "audio/mp4", "audio/x-m4a"}
_VOICE_RATE = 16_000  # what decode_mono gives and to_ogg_opus expects


def bot_api(channel: Channel, http: httpx.AsyncClient, base_url: str | None = None) -> BotApi:
    """The channel's bot; the API's address comes from this process's settings."""
    url = base_url or job_context().settings.telegram_api_url
    return BotApi(url, str(channel.secrets["bot_token"]), http)


@dataclass(frozen=True)
class _File:
    """An outbound file as Telegram sees it: which method sends it, and its album family."""

    kind: str  # photo | video | audio | document
    attachment: OutboundAttachment

    @property
    def family(self) -> str:
        # Photos and videos share albums; documents and audio only group with their own kind.
        return "visual" if self.kind in ("photo", "video") else self.kind


def _classify(attachment: OutboundAttachment) -> _File:
    media_type = attachment.media_type.split(";")[0].strip().lower()
    if media_type in _PHOTO_TYPES and _size(attachment) <= MAX_PHOTO_BYTES:
        return _File("photo", attachment)
    if media_type == "video/mp4":
        return _File("video", attachment)
    if media_type in _AUDIO_TYPES:
        return _File("audio", attachment)
    return _File("document", attachment)


def _size(attachment: OutboundAttachment) -> int:
    try:
        return attachment.path.stat().st_size
    except OSError:
        return 0


def plan_batches(attachments: Sequence[OutboundAttachment]) -> list[list[_File]]:
    """Files grouped into albums Telegram accepts, in the order their families first appear."""
    families: dict[str, list[_File]] = {}
    for attachment in attachments:
        item = _classify(attachment)
        families.setdefault(item.family, []).append(item)
    return [
        files[i : i + MAX_ALBUM]
        for files in families.values()
        for i in range(0, len(files), MAX_ALBUM)
    ]


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji is often two)."""
    return len(text.encode("utf-16-le")) // 2


def _fitting(text: str, limit: int) -> int:
    """How many characters of ``text`` fit in ``limit`` UTF-16 code units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Pieces Telegram accepts, cut at a line break or space where possible."""
    pieces: list[str] = []
    rest = text
    while telegram_length(rest) > limit:
        fits = _fitting(rest, limit)
        cut = max(rest.rfind("\n", 0, fits), rest.rfind(" ", 0, fits))
        cut = cut if cut > fits // 2 else fits
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest.strip():
        pieces.append(rest)
    return pieces


def _reply_parameters(chat_id: str, reply_to: str | None) -> dict[str, Any] | None:
    if not reply_to:
        return None
    chat, _, message_id = reply_to.rpartition(":")
    if chat != chat_id or not message_id.isdigit():
        return None  # a message of another chat (or not Telegram's): send without the quote
    # Still send if the contact deleted the original meanwhile.
    return {"message_id": int(message_id), "allow_sending_without_reply": True}


async def _upload(attachment: OutboundAttachment) -> UploadFile:
    data = await anyio.Path(attachment.path).read_bytes()
    return (attachment.filename, data, attachment.media_type)


def _voice_note(data: bytes) -> tuple[bytes, int]:
    """Ogg/Opus (what Telegram plays as a voice note) and its length in seconds."""
    samples = decode_mono(data, _VOICE_RATE)
    return to_ogg_opus(samples), round(samples.size / _VOICE_RATE)


class _Sender:
    """Sends one outbound message as a sequence of Bot API calls; remembers the first result."""

    def __init__(self, api: BotApi, chat_id: str, reply: dict[str, Any] | None) -> None:
        self.api = api
        self.chat_id = chat_id
        self.reply = reply
        self.first: dict[str, Any] | None = None

    async def call(
        self,
        method: str,
        params: dict[str, Any],
        files: dict[str, UploadFile] | None = None,
    ) -> None:
        params = {"chat_id": self.chat_id, **params}
        if self.first is None:
            params["reply_parameters"] = self.reply
        result = await self.api.call(method, params, files)
        sent = result[0] if isinstance(result, list) and result else result
        if self.first is None and isinstance(sent, dict):
            self.first = sent

    async def text(self, text: str) -> None:
        for piece in split_text(text):
            await self.call("sendMessage", {"text": piece})

    async def voice(self, attachment: OutboundAttachment, caption: str | None) -> None:
        data = await anyio.Path(attachment.path).read_bytes()
        try:
            ogg, duration = await anyio.to_thread.run_sync(_voice_note, data)
        except AudioError as exc:
            raise DeliveryError(
                f"The voice note could not be converted for Telegram: {exc}", retryable=False
            ) from exc
        await self.call(
            "sendVoice",
            {"caption": caption, "duration": duration},
            {"voice": ("voice.ogg", ogg, "audio/ogg")},
        )

    async def batch(self, files: list[_File], caption: str | None) -> None:
        if len(files) == 1:
            item = files[0]
            upload = await _upload(item.attachment)
            method = "send" + item.kind.capitalize()
            await self.call(method, {"caption": caption}, {item.kind: upload})
            return
        media: list[dict[str, Any]] = []
        uploads: dict[str, UploadFile] = {}
        for index, item in enumerate(files):
            name = f"file{index}"
            uploads[name] = await _upload(item.attachment)
            entry: dict[str, Any] = {"type": item.kind, "media": f"attach://{name}"}
            if index == 0 and caption:
                entry["caption"] = caption  # one caption: clients show it under the album
            media.append(entry)
        await self.call("sendMediaGroup", {"media": media}, uploads)


async def _deliver(sender: _Sender, message: OutboundMessage) -> None:
    text = message.text.strip()
    # Words that fit a caption ride on the first file; longer ones go first, as text.
    fits = bool(message.attachments) and telegram_length(text) <= MAX_CAPTION
    caption = text if text and fits else None
    if text and caption is None:
        await sender.text(text)
    if message.kind == "voice" and len(message.attachments) == 1:
        await sender.voice(message.attachments[0], caption)
        return
    for index, files in enumerate(plan_batches(message.attachments)):
        await sender.batch(files, caption if index == 0 else None)


def delivery_error(channel: Channel, error: TelegramError) -> DeliveryError:
    """Telegram's answer as the deliver job understands it (retry or fail, and why)."""
    description = error.description
    if error.code == 429:
        return DeliveryError(
            f"Telegram is limiting how fast the bot sends: {description}",
            retryable=True,
            retry_after=error.retry_after,
        )
    if error.code is None:
        return DeliveryError(description, retryable=True)
    if error.code >= 500:
        return DeliveryError(f"Telegram failed ({error.code}): {description}", retryable=True)
    if error.code == 403:
        blocked = "blocked" in description.lower()
        reason = "The contact blocked the bot." if blocked else f"Telegram refused: {description}"
        return DeliveryError(reason, retryable=False)
    if error.token_rejected:
        # The deliver job commits the channel it holds: the channel shows what is wrong.
        mark_token_rejected(channel, error)
        return DeliveryError(channel.status_reason or description, retryable=False)
    return DeliveryError(f"Telegram refused the message: {description}", retryable=False)


class TelegramAdapter:
    kind = "telegram"
    capabilities = Capabilities(reply_to=True, typing=True)

    async def send(
        self, channel: Channel, message: OutboundMessage, http: httpx.AsyncClient
    ) -> SendResult:
        chat_id = message.contact_external_id
        if not chat_id:
            raise DeliveryError("The contact has no Telegram chat with this bot.", retryable=False)
        sender = _Sender(
            bot_api(channel, http),
            chat_id,
            _reply_parameters(chat_id, message.reply_to_external_id),
        )
        try:
            await _deliver(sender, message)
        except TelegramError as exc:
            raise delivery_error(channel, exc) from exc
        if sender.first is None:
            raise DeliveryError("There was nothing to send.", retryable=False)
        chat = (sender.first.get("chat") or {}).get("id", chat_id)
        return SendResult(external_id=message_external_id(chat, sender.first["message_id"]))

    async def fetch_media(
        self, channel: Channel, source: str, http: httpx.AsyncClient, limit: int
    ) -> bytes:
        if not source.startswith(FILE_REF_PREFIX):
            raise MediaUnavailable("it is not a Telegram file", retryable=False)
        try:
            return await bot_api(channel, http).download(source[len(FILE_REF_PREFIX) :], limit)
        except TelegramError as exc:
            reason = f"Telegram: {exc.description}"
            if "too big" in exc.description.lower():
                reason += " (bots can download files up to 20 MB)"
            raise MediaUnavailable(reason, retryable=exc.retryable) from exc

    async def send_typing(
        self, channel: Channel, contact_external_id: str, http: httpx.AsyncClient
    ) -> None:
        try:
            await bot_api(channel, http).call(
                "sendChatAction", {"chat_id": contact_external_id, "action": "typing"}
            )
        except TelegramError as exc:  # "typing…" is a nicety: never worth an error
            log.info("telegram typing indicator failed: %s", exc.description)

    async def disconnect(self, channel: Channel, http: httpx.AsyncClient) -> None:
        """Take the webhook down when the channel is removed (best effort)."""
        if channel.settings.get("mode") != "webhook":
            return
        try:
            await bot_api(channel, http).delete_webhook()
        except TelegramError as exc:
            log.warning("removing the Telegram webhook failed: %s", exc.description)
