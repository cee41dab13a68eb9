from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from omnibox.workspaces.schemas import WorkspaceOut


class LoginIn(BaseModel):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class UserOut(BaseModel):
    id: uuid.UUID
    email: str
    name: str
    locale: str | None


class SessionOut(BaseModel):
    user: UserOut
    workspaces: list[WorkspaceOut]
