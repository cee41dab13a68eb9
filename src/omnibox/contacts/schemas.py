from __future__ import annotations

import uuid

from pydantic import BaseModel


class ContactBrief(BaseModel):
    id: uuid.UUID
    name: str
    phone: str | None
    email: str | None


class ContactOut(ContactBrief):
    language: str | None
    custom_fields: dict[str, object]
    blocked: bool
    conversation_id: uuid.UUID | None
