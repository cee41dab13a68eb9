from __future__ import annotations

import uuid

from pydantic import BaseModel, Field


class TeamIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    member_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)


class TeamPatch(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class TeamMemberIn(BaseModel):
    user_id: uuid.UUID


class TeamOut(BaseModel):
    id: uuid.UUID
    name: str
    member_ids: list[uuid.UUID]
