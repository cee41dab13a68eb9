from __future__ import annotations

import re
import uuid
from typing import Any

from pydantic import BaseModel, Field, field_validator

_PHONE = re.compile(r"^\+?[\d\s().\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Contact tags (``contacts.tags``): written as below; the same tag in another case is a repeat.
MAX_TAG_LENGTH = 50
MAX_TAGS = 30


def normalized_tag(value: str) -> str:
    """Trimmed, inner whitespace collapsed to one space; empty or too long: ValueError."""
    tag = " ".join(value.split())
    if not tag:
        raise ValueError("A tag can't be empty.")
    if len(tag) > MAX_TAG_LENGTH:
        raise ValueError(f"A tag has at most {MAX_TAG_LENGTH} characters.")
    return tag


def normalized_tags(values: list[str], *, limit: int | None = MAX_TAGS) -> list[str]:
    """Each tag normalised, repeats (case aside) dropped keeping the first spelling."""
    seen: set[str] = set()
    tags: list[str] = []
    for value in values:
        tag = normalized_tag(value)
        # str.lower, like PostgreSQL's lower() that the filters compare with.
        if tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    if limit is not None and len(tags) > limit:
        raise ValueError(f"A contact has at most {limit} tags.")
    return tags


def check_tags(value: list[str] | None) -> list[str] | None:
    return None if value is None else normalized_tags(value)


class ContactBrief(BaseModel):
    id: uuid.UUID
    name: str
    phone: str | None = Field(
        description="Masked (e.g. +7 *** *** ** 67) where phone masking hides it."
    )
    email: str | None
    tags: list[str] = Field(default_factory=list, description="As first spelled, in order.")


class TagOut(BaseModel):
    name: str = Field(description="The tag as most of its contacts spell it.")
    count: int = Field(description="Contacts (that you can see) with this tag.")


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
    tags: list[str] | None = Field(
        default=None,
        max_length=200,
        description=f"Trimmed, spaces collapsed, up to {MAX_TAG_LENGTH} characters each and "
        f"{MAX_TAGS} in all; a repeat in another case is dropped (the first spelling stays). "
        "null: none.",
    )

    _phone = field_validator("phone")(check_phone)
    _email = field_validator("email")(check_email)
    _tags = field_validator("tags")(check_tags)


class ContactPatch(BaseModel):
    """Only the fields sent change; in custom_fields, null removes a value."""

    name: str | None = Field(default=None, min_length=1, max_length=300)
    phone: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=320)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    custom_fields: dict[str, Any] | None = None
    tags: list[str] | None = Field(
        default=None, max_length=200, description="The contact's tags, all of them (as on create)."
    )

    _phone = field_validator("phone")(check_phone)
    _email = field_validator("email")(check_email)
    _tags = field_validator("tags")(check_tags)
