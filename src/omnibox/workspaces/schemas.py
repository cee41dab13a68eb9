from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel


class WorkspaceOut(BaseModel):
    id: uuid.UUID
    name: str
    role: Literal["owner", "manager", "agent"]


class MemberOut(BaseModel):
    user_id: uuid.UUID
    name: str
    email: str
    role: Literal["owner", "manager", "agent"]
