"""Login, logout, sessions and the failed-login throttle."""

from __future__ import annotations

import hashlib
import math
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.auth.passwords import hash_password, verify_password
from omnibox.errors import Conflict, InvalidPayload, TooManyAttempts
from omnibox.models import AuthSession, LoginThrottle, Membership, Role, User, Workspace
from omnibox.models.base import utcnow

SESSION_COOKIE = "omnibox_session"
# After this many failures a key must wait 2**(failures - limit) seconds, capped.
_MAX_LOCK_SECONDS = 15 * 60


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_email(email: str) -> str:
    return email.strip().lower()


def _lock_seconds(failures: int, limit: int) -> int:
    if failures < limit:
        return 0
    return int(min(2 ** (failures - limit + 1), _MAX_LOCK_SECONDS))


# Many people may share one office address: it gets more room than a single account.
_ADDRESS_LIMIT_FACTOR = 10


async def check_throttle(session: AsyncSession, keys: list[str], limit: int) -> None:
    rows = (
        await session.execute(select(LoginThrottle).where(LoginThrottle.key.in_(keys)))
    ).scalars()
    now = utcnow()
    wait = 0.0
    for row in rows:
        key_limit = limit * _ADDRESS_LIMIT_FACTOR if row.key.startswith("ip:") else limit
        until = row.last_failure_at + timedelta(seconds=_lock_seconds(row.failures, key_limit))
        wait = max(wait, (until - now).total_seconds())
    if wait > 0:
        raise TooManyAttempts(retry_after=math.ceil(wait))


async def record_failure(session: AsyncSession, keys: list[str]) -> None:
    now = utcnow()
    for key in keys:
        stmt = insert(LoginThrottle).values(key=key, failures=1, last_failure_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[LoginThrottle.key],
            set_={"failures": LoginThrottle.failures + 1, "last_failure_at": now},
        )
        await session.execute(stmt)


async def clear_failures(session: AsyncSession, key: str) -> None:
    await session.execute(delete(LoginThrottle).where(LoginThrottle.key == key))


async def authenticate(session: AsyncSession, email: str, password: str) -> User | None:
    user = await get_user_by_email(session, email)
    ok = await verify_password(user.password_hash if user else None, password)
    return user if ok else None


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    return (
        await session.execute(select(User).where(User.email == normalize_email(email)))
    ).scalar_one_or_none()


async def start_session(session: AsyncSession, user: User, days: int) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(days=days)
    session.add(AuthSession(token_hash=token_hash(token), user_id=user.id, expires_at=expires))
    # Sweep this user's expired sessions while we are here.
    await session.execute(
        delete(AuthSession).where(AuthSession.user_id == user.id, AuthSession.expires_at < utcnow())
    )
    await session.flush()
    return token, expires


async def end_session(session: AsyncSession, token: str) -> None:
    await session.execute(delete(AuthSession).where(AuthSession.token_hash == token_hash(token)))


async def user_for_token(session: AsyncSession, token: str) -> User | None:
    stmt = (
        select(User)
        .join(AuthSession, AuthSession.user_id == User.id)
        .where(AuthSession.token_hash == token_hash(token), AuthSession.expires_at > func.now())
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    password: str,
    name: str,
    workspace_name: str,
    role: Role,
) -> tuple[User, Workspace]:
    """Create a user (or add an existing one) as a member of a workspace, creating it if missing."""
    email = normalize_email(email)
    if "@" not in email:
        raise InvalidPayload(f"Not an e-mail address: {email!r}")
    if len(password) < 8:
        raise InvalidPayload("The password must be at least 8 characters long.")
    workspace = (
        await session.execute(select(Workspace).where(Workspace.name == workspace_name))
    ).scalar_one_or_none()
    if workspace is None:
        workspace = Workspace(name=workspace_name)
        session.add(workspace)
    user = await get_user_by_email(session, email)
    if user is None:
        user = User(email=email, name=name, password_hash=hash_password(password))
        session.add(user)
    await session.flush()
    existing = (
        await session.execute(
            select(Membership).where(
                Membership.workspace_id == workspace.id, Membership.user_id == user.id
            )
        )
    ).scalar_one_or_none()
    if existing is not None:
        raise Conflict(f"{email} is already a member of {workspace_name}.")
    session.add(Membership(workspace_id=workspace.id, user_id=user.id, role=role))
    await session.flush()
    return user, workspace
