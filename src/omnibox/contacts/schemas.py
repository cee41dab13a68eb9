from __future__ import annotations

import uuid

from pydantic import BaseModel


class ContactBrief(BaseModel):
    id: uuid.UUID
    name: str
    phone: str | None
    email: str | None
