"""Adapters by channel kind."""

from __future__ import annotations

from omnibox.channels.api.adapter import ApiChannelAdapter
from omnibox.channels.base import ChannelAdapter
from omnibox.channels.telegram.adapter import TelegramAdapter
from omnibox.channels.whatsapp.adapter import WhatsAppAdapter

ADAPTERS: dict[str, ChannelAdapter] = {
    "api": ApiChannelAdapter(),
    "telegram": TelegramAdapter(),
    "whatsapp": WhatsAppAdapter(),
}


def adapter_for(kind: str) -> ChannelAdapter:
    try:
        return ADAPTERS[kind]
    except KeyError:
        raise LookupError(f"no adapter for channel kind {kind!r}") from None
