"""Autogenerate a migration: ``python -m omnibox.db.revision "what changed"``.

Runs against a scratch embedded PostgreSQL brought to head first, so the revision holds
exactly the difference between the models and the existing migrations.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from omnibox.db.embedded import start_embedded
from omnibox.db.migrate import alembic_config, migrate


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit('usage: python -m omnibox.db.revision "what changed"')
    with tempfile.TemporaryDirectory(prefix="omnibox-revision-") as scratch:
        server, url = start_embedded(Path(scratch))
        migrate(url)
        command.revision(alembic_config(url), message=sys.argv[1], autogenerate=True)
        server.cleanup()


if __name__ == "__main__":
    main()
