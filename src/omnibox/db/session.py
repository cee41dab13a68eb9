"""One unit of work per request or job: services flush, the caller commits.

Side effects that must happen only if the transaction commits are done *inside* it:
realtime events are ``pg_notify`` calls (PostgreSQL delivers them on commit) and jobs are
inserted into procrastinate's table on the same connection (see ``omnibox.jobs``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


async def get_db_session(request: Request) -> AsyncIterator[AsyncSession]:
    sessions: async_sessionmaker[AsyncSession] = request.app.state.db.sessions
    async with sessions() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()


# scope="function": commit before the response goes out, so a client that gets an answer
# and asks again at once reads what it just wrote (the default scope commits afterwards).
DbSession = Annotated[AsyncSession, Depends(get_db_session, scope="function")]


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """The same contract outside a request (jobs, CLI): commit on success, roll back on error."""
    async with sessions() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()
