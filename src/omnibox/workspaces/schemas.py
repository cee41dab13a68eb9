from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints


class WorkspaceOut(BaseModel):
    id: uuid.UUID
    name: str
    role: Literal["owner", "manager", "agent"]


class MemberOut(BaseModel):
    user_id: uuid.UUID
    name: str
    email: str
    role: Literal["owner", "manager", "agent"]


ClosingNotes = Literal["off", "optional", "mandatory"]
AgentVisibility = Literal["all", "assigned"]
Category = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


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
    closing_notes: ClosingNotes = Field(
        default="off",
        description="Closing a conversation: off (no note), optional (a note and a category "
        "may be given), mandatory (a note and a category are required).",
    )
    closing_categories: list[Category] = Field(
        default_factory=list,
        max_length=50,
        description="The categories a closing note picks from.",
    )
    agent_visibility: AgentVisibility = Field(
        default="all",
        description="all: agents see every conversation; assigned: only those assigned to "
        "them or to one of their teams.",
    )
    phone_masking: bool = Field(
        default=False,
        description="Agents never see contacts' phone numbers (owners and managers do).",
    )
    agents_see_blocked: bool = Field(
        default=False,
        description="Agents may see blocked contacts' conversations (owners and managers can).",
    )


class WorkspacePreferencesPatch(BaseModel):
    """Only the fields sent change."""

    auto_transcribe: bool | None = None
    transcribe_language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    closing_notes: ClosingNotes | None = None
    closing_categories: list[Category] | None = Field(default=None, max_length=50)
    agent_visibility: AgentVisibility | None = None
    phone_masking: bool | None = None
    agents_see_blocked: bool | None = None
