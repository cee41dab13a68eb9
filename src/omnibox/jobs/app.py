"""The procrastinate app shared by the web process and workers.

Jobs are deferred on the caller's own database connection (``defer_in``), so a job exists
if and only if the transaction that asked for it commits.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextvars import ContextVar
from typing import Any

import psycopg
from procrastinate import App, PsycopgConnector
from sqlalchemy.ext.asyncio import AsyncSession

_transaction_connection: ContextVar[psycopg.AsyncConnection[Any] | None] = ContextVar(
    "omnibox_job_connection", default=None
)


class TransactionalConnector(PsycopgConnector):
    """Uses the caller's connection while ``defer_in`` runs, the pool otherwise."""

    @contextlib.asynccontextmanager
    async def _get_cursor(
        self, connection: psycopg.AsyncConnection[Any] | None = None
    ) -> AsyncIterator[psycopg.AsyncCursor[Any]]:
        async with super()._get_cursor(connection or _transaction_connection.get()) as cursor:
            yield cursor


job_app = App(
    connector=TransactionalConnector(),
    import_paths=["omnibox.jobs.registry"],
)


async def defer_in(session: AsyncSession, task: Any, **kwargs: Any) -> None:
    """Defer ``task`` inside the session's transaction."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    token = _transaction_connection.set(raw.driver_connection)
    try:
        await task.defer_async(**kwargs)
    finally:
        _transaction_connection.reset(token)
