"""The database schema and the web client's API types must follow the code."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command

from omnibox.app import create_app
from omnibox.db.migrate import alembic_config
from omnibox.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_migrations_match_the_models(database_url: str) -> None:
    # Raises if autogenerate would produce any operation: a model changed without a migration.
    command.check(alembic_config(database_url))


def test_web_client_openapi_schema_is_current(settings: Settings) -> None:
    current = create_app(settings).openapi()
    committed = json.loads((ROOT / "web" / "openapi.json").read_text())
    assert committed == current, (
        "run `make openapi` and commit web/openapi.json and the generated types"
    )


def test_migrations_downgrade_and_upgrade_again(database_url: str) -> None:
    import psycopg

    scratch = database_url.replace("/omnibox_test_", "/omnibox_scratch_")
    name = scratch.split("@/", 1)[1].split("?", 1)[0]
    admin = database_url.split("/omnibox_test_")[0] + "/postgres?" + database_url.split("?", 1)[1]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        config = alembic_config(scratch)
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
