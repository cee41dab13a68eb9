"""Database URLs, the async engine and the session factory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from omnibox.settings import Settings


def libpq_url(url: str) -> str:
    """The plain libpq form (for psycopg and procrastinate) of any PostgreSQL URL."""
    for prefix in ("postgresql+psycopg://", "postgresql+asyncpg://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix) :]
    return url


def sqlalchemy_url(url: str) -> str:
    return "postgresql+psycopg://" + libpq_url(url)[len("postgresql://") :]


@dataclass
class Database:
    """The database a process talks to: its URL, engine and session factory."""

    url: str
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    embedded_server: Any = None

    async def dispose(self) -> None:
        await self.engine.dispose()


def resolve_database_url(settings: Settings) -> tuple[str, Any]:
    """The configured URL, or start the embedded server and use its URL."""
    if settings.database_url:
        return libpq_url(settings.database_url), None
    from omnibox.db.embedded import start_embedded

    server, url = start_embedded(settings.data_dir)
    return url, server


def open_database(settings: Settings, *, pool_size: int = 10) -> Database:
    url, server = resolve_database_url(settings)
    engine = create_async_engine(
        sqlalchemy_url(url),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=False,
        pool_recycle=1800,
    )
    sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    return Database(url=url, engine=engine, sessions=sessions, embedded_server=server)
