from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field, field_validator, model_validator

from omnibox.media.uploads import MAX_FILES_PER_MESSAGE


def _trimmed_name(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise ValueError("a name is needed")
    return value


class SnippetIn(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="What agents type to find it.")
    text: str = Field(
        default="",
        max_length=20_000,
        description="May use variables ({{contact.first_name|there}}), filled in on sending.",
    )
    attachment_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_FILES_PER_MESSAGE,
        description="Files uploaded with POST .../uploads, in order.",
    )

    _name = field_validator("name")(_trimmed_name)

    @model_validator(mode="after")
    def _not_empty(self) -> SnippetIn:
        if not self.text.strip() and not self.attachment_ids:
            raise ValueError("a snippet needs text or files")
        return self


class SnippetPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    text: str | None = Field(default=None, max_length=20_000)
    attachment_ids: list[uuid.UUID] | None = Field(
        default=None,
        max_length=MAX_FILES_PER_MESSAGE,
        description="The snippet's files from now on, in order: ids of its current files "
        "(SnippetFileOut.id) to keep and new uploads; the others are removed.",
    )

    _name = field_validator("name")(_trimmed_name)


class SnippetFileOut(BaseModel):
    id: uuid.UUID
    filename: str
    media_type: str
    size: int
    url: str | None


class SnippetAuthorOut(BaseModel):
    id: uuid.UUID
    name: str


class SnippetOut(BaseModel):
    id: uuid.UUID
    name: str
    text: str
    files: list[SnippetFileOut]
    created_by: SnippetAuthorOut | None
    updated_at: datetime
