"""mailbox counters: the mailbox menu's counts kept up to date instead of counted per request.

Revision ID: 7d4f2a9c5e81
Revises: 3b9e6c1a2d40
Create Date: 2026-11-23 02:00:01
"""

from collections.abc import Sequence

revision: str = "7d4f2a9c5e81"
down_revision: str | None = "3b9e6c1a2d40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
