"""Apply the Alembic migrations and the job queue's schema."""

from __future__ import annotations

import logging
from pathlib import Path

import psycopg
from alembic import command
from alembic.config import Config

from omnibox.db.engine import libpq_url, sqlalchemy_url

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Serialises concurrent `migrate` runs (several nodes starting at once).
_MIGRATION_LOCK_KEY = 72_410_001


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def apply_queue_schema(url: str) -> None:
    from procrastinate import App, SyncPsycopgConnector

    with psycopg.connect(libpq_url(url)) as conn:
        exists = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
    if exists and exists[0]:
        return
    app = App(connector=SyncPsycopgConnector(conninfo=libpq_url(url)))
    with app.open():
        app.schema_manager.apply_schema()


def migrate(url: str) -> None:
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK_KEY,))
        try:
            for ext in ("pg_trgm", "unaccent"):
                conn.execute(f"CREATE EXTENSION IF NOT EXISTS {ext}")
            apply_queue_schema(url)
            command.upgrade(alembic_config(url), "head")
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK_KEY,))
    log.info("database is up to date")
