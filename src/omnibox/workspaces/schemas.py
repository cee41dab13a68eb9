from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field


class WorkspaceOut(BaseModel):
    id: uuid.UUID
    name: str
    role: Literal["owner", "manager", "agent"]


class MemberOut(BaseModel):
    user_id: uuid.UUID
    name: str
    email: str
    role: Literal["owner", "manager", "agent"]


class WorkspacePreferences(BaseModel):
    """Workspace-wide behaviour, stored in ``workspaces.settings``."""

    auto_transcribe: bool = Field(
        default=False, description="Transcribe incoming voice messages as soon as they arrive."
    )
    transcribe_language: str | None = Field(
        default=None,
        pattern=r"^[a-z]{2,3}$",
        description="Language hint for transcription (ISO 639-1, e.g. ru); unset: detect.",
    )


class WorkspacePreferencesPatch(BaseModel):
    auto_transcribe: bool | None = None
    transcribe_language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
