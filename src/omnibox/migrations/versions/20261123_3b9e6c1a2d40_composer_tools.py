"""composer tools: internal comments, mentions, snippets with files, message search.

Revision ID: 3b9e6c1a2d40
Revises: 688c0382b1f7
Create Date: 2026-11-23 02:00:00
"""

from collections.abc import Sequence

revision: str = "3b9e6c1a2d40"
down_revision: str | None = "688c0382b1f7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
