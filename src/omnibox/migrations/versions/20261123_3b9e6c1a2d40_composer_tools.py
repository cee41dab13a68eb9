"""composer tools: internal comments, mentions, snippets with files, message search.

Revision ID: 3b9e6c1a2d40
Revises: 688c0382b1f7
Create Date: 2026-11-23 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3b9e6c1a2d40"
down_revision: str | None = "688c0382b1f7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same expression as ``omnibox.models.fulltext.search_document`` (autogenerate does not
# write expression indexes).
_DOCUMENT = (
    "(to_tsvector('english'::regconfig, text)"
    " || to_tsvector('russian'::regconfig, text)"
    " || to_tsvector('simple'::regconfig, text))"
)


def upgrade() -> None:
    op.create_table(
        "snippets",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_snippets_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_snippets_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snippets")),
    )
    op.create_index(op.f("ix_snippets_workspace_id"), "snippets", ["workspace_id"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("message_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_mentions_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_mentions_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_mentions_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("message_id", "user_id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_user_id"), "mentions", ["user_id"], unique=False)
    op.create_index(op.f("ix_mentions_workspace_id"), "mentions", ["workspace_id"], unique=False)
    op.add_column("attachments", sa.Column("snippet_id", sa.Uuid(), nullable=True))
    op.create_index(op.f("ix_attachments_snippet_id"), "attachments", ["snippet_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_attachments_snippet_id_snippets"),
        "attachments",
        "snippets",
        ["snippet_id"],
        ["id"],
        ondelete="CASCADE",
    )
    op.create_index(
        "ix_messages_text_search", "messages", [sa.text(_DOCUMENT)], postgresql_using="gin"
    )
    op.create_index(
        "ix_transcripts_text_search", "transcripts", [sa.text(_DOCUMENT)], postgresql_using="gin"
    )


def downgrade() -> None:
    op.drop_index("ix_transcripts_text_search", table_name="transcripts")
    op.drop_index("ix_messages_text_search", table_name="messages")
    op.drop_constraint(
        op.f("fk_attachments_snippet_id_snippets"), "attachments", type_="foreignkey"
    )
    op.drop_index(op.f("ix_attachments_snippet_id"), table_name="attachments")
    op.drop_column("attachments", "snippet_id")
    op.drop_index(op.f("ix_mentions_workspace_id"), table_name="mentions")
    op.drop_index(op.f("ix_mentions_user_id"), table_name="mentions")
    op.drop_table("mentions")
    op.drop_index(op.f("ix_snippets_workspace_id"), table_name="snippets")
    op.drop_table("snippets")
