"""Who is calling, and in which workspace: the dependencies every endpoint uses."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select

from omnibox.auth.service import SESSION_COOKIE, user_for_token
from omnibox.db.session import DbSession
from omnibox.errors import Forbidden, NotFound, Unauthorized
from omnibox.models import Membership, Role, User, Workspace


async def get_current_user(request: Request, session: DbSession) -> User:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise Unauthorized("Log in first.")
    user = await user_for_token(session, token)
    if user is None:
        raise Unauthorized("Your session has ended. Log in again.")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


@dataclass(frozen=True)
class WorkspaceAccess:
    user: User
    workspace: Workspace
    role: Role

    @property
    def workspace_id(self) -> uuid.UUID:
        return self.workspace.id

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            raise Forbidden("Your role does not allow this.")


async def get_workspace_access(
    workspace_id: uuid.UUID, user: CurrentUser, session: DbSession
) -> WorkspaceAccess:
    row = (
        await session.execute(
            select(Workspace, Membership.role)
            .join(Membership, Membership.workspace_id == Workspace.id)
            .where(Workspace.id == workspace_id, Membership.user_id == user.id)
        )
    ).one_or_none()
    if row is None:
        # Same answer whether the workspace exists or not: no probing other tenants.
        raise NotFound("No such workspace.")
    return WorkspaceAccess(user=user, workspace=row[0], role=Role(row[1]))


Access = Annotated[WorkspaceAccess, Depends(get_workspace_access)]
