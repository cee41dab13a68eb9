from __future__ import annotations

import re
import uuid
from typing import Any

from pydantic import BaseModel, Field, field_validator

_PHONE = re.compile(r"^\+?[\d\s().\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ContactBrief(BaseModel):
    id: uuid.UUID
    name: str
    phone: str | None = Field(
        description="Masked (e.g. +7 *** *** ** 67) where phone masking hides it."
    )
    email: str | None


class ContactChannelOut(BaseModel):
    id: uuid.UUID
    kind: str
    name: str


class ContactOut(ContactBrief):
    language: str | None
    custom_fields: dict[str, object]
    blocked: bool
    conversation_id: uuid.UUID | None
    phone_masked: bool = Field(default=False, description="phone is masked for you.")
    tel_uri: str | None = Field(
        default=None, description="tel: link to call the contact; null when masked or no phone."
    )
    channels: list[ContactChannelOut] = Field(
        default_factory=list,
        description="Channels the contact can be reached on (filled for a single contact).",
    )


def check_phone(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if "*" in value:
        return value  # a masked number sent back unchanged: kept as it is (see the service)
    digits = sum(c.isdigit() for c in value)
    if not _PHONE.match(value) or not 5 <= digits <= 20:
        raise ValueError("a phone number: digits, optionally + and spaces, dashes, brackets")
    return value


def check_email(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if not _EMAIL.match(value):
        raise ValueError("an e-mail address")
    return value


class ContactCreate(BaseModel):
    name: str = Field(min_length=1, max_length=300)
    phone: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=320)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    custom_fields: dict[str, Any] = Field(default_factory=dict)

    _phone = field_validator("phone")(check_phone)
    _email = field_validator("email")(check_email)


class ContactPatch(BaseModel):
    """Only the fields sent change; in custom_fields, null removes a value."""

    name: str | None = Field(default=None, min_length=1, max_length=300)
    phone: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=320)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    custom_fields: dict[str, Any] | None = None

    _phone = field_validator("phone")(check_phone)
    _email = field_validator("email")(check_email)
