from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

FieldKind = Literal["text", "number", "date", "list", "checkbox"]


class CustomFieldIn(BaseModel):
    key: str = Field(
        pattern=r"^[a-z][a-z0-9_]{0,63}$",
        description="The key of the value in a contact's custom_fields (a-z, 0-9, _).",
    )
    label: str = Field(min_length=1, max_length=100)
    kind: FieldKind
    options: list[str] = Field(
        default_factory=list, max_length=200, description="The choices of a list field."
    )
    position: int = 0


class CustomFieldPatch(BaseModel):
    label: str | None = Field(default=None, min_length=1, max_length=100)
    options: list[str] | None = Field(default=None, max_length=200)
    position: int | None = None


class CustomFieldOut(BaseModel):
    id: uuid.UUID
    key: str
    label: str
    kind: FieldKind
    options: list[str]
    position: int
