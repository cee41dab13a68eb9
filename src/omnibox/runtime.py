"""What a running process holds: database, job queue, storage, HTTP client, worker.

Shared by ``omnibox serve`` (the app's lifespan) and ``omnibox worker``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import httpx
import psycopg_pool

from omnibox.db.engine import Database, open_database
from omnibox.jobs.app import job_app
from omnibox.jobs.context import JobContext, set_job_context
from omnibox.media.storage import LocalStorage
from omnibox.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    storage: LocalStorage
    http: httpx.AsyncClient
    worker_task: asyncio.Task[None] | None = None


@contextlib.asynccontextmanager
async def running(
    settings: Settings,
    *,
    db: Database | None = None,
    worker: bool,
    queues: Sequence[str] | None = None,
    install_signal_handlers: bool = False,
) -> AsyncIterator[Runtime]:
    own_db = db is None
    database = db or open_database(settings)
    pool = psycopg_pool.AsyncConnectionPool(database.url, min_size=1, max_size=4, open=False)
    await pool.open(wait=True)
    await job_app.open_async(pool)
    http = httpx.AsyncClient(timeout=settings.outbound_timeout_s)
    storage = LocalStorage(settings.files_dir)
    runtime = Runtime(settings=settings, db=database, storage=storage, http=http)
    set_job_context(JobContext(settings=settings, db=database, storage=storage, http=http))
    try:
        if worker:
            runtime.worker_task = asyncio.create_task(
                job_app.run_worker_async(
                    queues=list(queues) if queues else None,  # type: ignore[arg-type]
                    concurrency=settings.worker_concurrency,
                    wait=True,
                    # A standalone worker finishes its running jobs on SIGTERM/SIGINT.
                    install_signal_handlers=install_signal_handlers,
                    name="omnibox-worker",
                ),
                name="omnibox-worker",
            )
        yield runtime
    finally:
        if runtime.worker_task is not None:
            runtime.worker_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runtime.worker_task
        set_job_context(None)
        await http.aclose()
        await job_app.close_async()
        await pool.close()
        if own_db:
            await database.dispose()
