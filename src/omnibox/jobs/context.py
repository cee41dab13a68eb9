"""What jobs need at run time (database, storage, HTTP), set once per process."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from omnibox.db.engine import Database
from omnibox.media.storage import LocalStorage
from omnibox.settings import Settings


@dataclass
class JobContext:
    settings: Settings
    db: Database
    storage: LocalStorage
    http: httpx.AsyncClient


_context: JobContext | None = None


def set_job_context(context: JobContext | None) -> None:
    global _context
    _context = context


def job_context() -> JobContext:
    if _context is None:
        raise RuntimeError("the job context is not set: start jobs through omnibox serve/worker")
    return _context
