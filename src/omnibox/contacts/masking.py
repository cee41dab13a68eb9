"""Phone masking: agents of a masking workspace never receive a phone number's digits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from omnibox.messages.schemas import MessageOut

M = TypeVar("M", bound=Sequence[MessageOut])

_DIGIT_RUN = re.compile(r"\+?\d[\d\s().\-]{3,}\d")


def mask_phone(phone: str | None) -> str | None:
    """``+7 916 555-12-67`` -> ``+7 *** *** ** 67``: the country's first digit and the last two."""
    if not phone:
        return phone
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return "*" * len(digits) or "***"
    head = ("+" if phone.strip().startswith("+") else "") + digits[0]
    return f"{head} *** *** ** {digits[-2:]}"


def mask_digits_in(text: str) -> str:
    """Mask every phone-like run of digits in a name (contacts without a name are named after
    their number)."""
    return _DIGIT_RUN.sub(lambda m: mask_phone(m.group(0)) or "", text)


def is_masked_value(value: str) -> bool:
    """A masked number sent back by a client (the form kept it): not a new number."""
    return "*" in value


def mask_message_authors(masks_phones: bool, messages: M) -> M:
    """Contacts' names on their messages, masked like the contact (in place)."""
    if masks_phones:
        for message in messages:
            if message.author.type == "contact":
                message.author.name = mask_digits_in(message.author.name)
    return messages
