"""The first start: an owner account and a workspace, so a new user can log in at once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.service import create_user
from omnibox.models import Role, User
from omnibox.settings import Settings


@dataclass
class BootstrapResult:
    email: str
    password: str
    workspace: str


async def bootstrap_owner(session: AsyncSession, settings: Settings) -> BootstrapResult | None:
    """Create the first owner if there are no users at all; None when there already are."""
    if (await session.execute(select(func.count()).select_from(User))).scalar_one():
        return None
    password = settings.bootstrap_password or secrets.token_urlsafe(12)
    await create_user(
        session,
        email=settings.bootstrap_email,
        password=password,
        name="Owner",
        workspace_name=settings.bootstrap_workspace,
        role=Role.owner,
    )
    return BootstrapResult(settings.bootstrap_email, password, settings.bootstrap_workspace)
