"""inbox management: teams, custom inboxes and fields, notifications, conversation state,
contact search keys, and the indexes of the inbox list.

Revision ID: 688c0382b1f7
Revises: 8494e46adf2e
Create Date: 2026-11-22 23:39:34.298427
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "688c0382b1f7"
down_revision: str | None = "8494e46adf2e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _create_unaccent_function() -> None:
    """An IMMUTABLE wrapper of ``unaccent`` (itself only STABLE) for generated columns and
    indexes, bound to the dictionary of the schema the extension lives in."""
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT extnamespace::regnamespace::text FROM pg_extension"
                " WHERE extname = 'unaccent'"
            )
        )
        .scalar_one()
    )
    op.execute(
        f"CREATE OR REPLACE FUNCTION omnibox_unaccent(text) RETURNS text"
        f" LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT"
        f" AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$"
    )


def upgrade() -> None:
    _create_unaccent_function()
    op.create_table(
        "custom_field_definitions",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column(
            "options", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False
        ),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_custom_field_definitions_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_field_definitions")),
        sa.UniqueConstraint(
            "workspace_id", "key", name=op.f("uq_custom_field_definitions_workspace_id_key")
        ),
    )
    op.create_index(
        op.f("ix_custom_field_definitions_workspace_id"),
        "custom_field_definitions",
        ["workspace_id"],
        unique=False,
    )
    op.create_table(
        "custom_inboxes",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("shared", sa.Boolean(), server_default="false", nullable=False),
        sa.Column(
            "filters", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_custom_inboxes_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_custom_inboxes_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_inboxes")),
    )
    op.create_index(
        op.f("ix_custom_inboxes_workspace_id"), "custom_inboxes", ["workspace_id"], unique=False
    )
    op.create_table(
        "teams",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_teams_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("workspace_id", "name", name=op.f("uq_teams_workspace_id_name")),
    )
    op.create_index(op.f("ix_teams_workspace_id"), "teams", ["workspace_id"], unique=False)
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_members_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_team_members_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_team_members_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", "user_id", name=op.f("pk_team_members")),
    )
    op.create_index(op.f("ix_team_members_user_id"), "team_members", ["user_id"], unique=False)
    op.create_index(
        op.f("ix_team_members_workspace_id"), "team_members", ["workspace_id"], unique=False
    )
    op.create_table(
        "notifications",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.Uuid(), nullable=True),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column(
            "data", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False
        ),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_notifications_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_notifications_conversation_id_conversations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notifications_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_notifications_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index(
        op.f("ix_notifications_conversation_id"), "notifications", ["conversation_id"], unique=False
    )
    op.create_index(
        "ix_notifications_user_feed",
        "notifications",
        ["user_id", "workspace_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_notifications_user_unread",
        "notifications",
        ["user_id", "workspace_id"],
        unique=False,
        postgresql_where="read_at IS NULL",
    )
    op.create_index(
        op.f("ix_notifications_workspace_id"), "notifications", ["workspace_id"], unique=False
    )
    op.add_column(
        "contacts",
        sa.Column(
            "search_name",
            sa.Text(),
            sa.Computed(
                "lower(omnibox_unaccent(coalesce(name, '') || ' ' || coalesce(email, '')))",
                persisted=True,
            ),
            nullable=False,
        ),
    )
    op.add_column(
        "contacts",
        sa.Column(
            "phone_digits",
            sa.Text(),
            sa.Computed("regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')", persisted=True),
            nullable=False,
        ),
    )
    op.create_index(
        "ix_contacts_custom_fields",
        "contacts",
        ["custom_fields"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"custom_fields": "jsonb_path_ops"},
    )
    op.create_index(
        "ix_contacts_phone_digits_trgm",
        "contacts",
        ["phone_digits"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"phone_digits": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_contacts_search_name_trgm",
        "contacts",
        ["search_name"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"search_name": "gin_trgm_ops"},
    )
    op.add_column("conversations", sa.Column("team_id", sa.Uuid(), nullable=True))
    op.add_column(
        "conversations", sa.Column("blocked", sa.Boolean(), server_default="false", nullable=False)
    )
    op.add_column(
        "conversations", sa.Column("snoozed_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("conversations", sa.Column("snoozed_by_id", sa.Uuid(), nullable=True))
    op.add_column(
        "conversations", sa.Column("last_snoozed_until", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "conversations", sa.Column("closing_category", sa.String(length=100), nullable=True)
    )
    op.add_column(
        "conversations",
        sa.Column(
            "unanswered",
            sa.Boolean(),
            sa.Computed(
                "last_incoming_at IS NOT NULL AND (last_outgoing_at IS NULL OR last_incoming_at > last_outgoing_at)",
                persisted=True,
            ),
            nullable=False,
        ),
    )
    op.add_column(
        "conversations",
        sa.Column(
            "activity_at",
            sa.DateTime(timezone=True),
            sa.Computed("COALESCE(last_message_at, created_at)", persisted=True),
            nullable=False,
        ),
    )
    op.add_column(
        "conversations",
        sa.Column(
            "state_since",
            sa.DateTime(timezone=True),
            sa.Computed(
                "COALESCE(CASE status WHEN 'open' THEN opened_at WHEN 'closed' THEN closed_at WHEN 'snoozed' THEN snoozed_at END, created_at)",
                persisted=True,
            ),
            nullable=False,
        ),
    )
    op.drop_index(op.f("ix_conversations_list"), table_name="conversations")
    op.drop_index(op.f("ix_conversations_ws_last"), table_name="conversations")
    op.create_index(
        "ix_conversations_activity",
        "conversations",
        ["workspace_id", "activity_at", "id"],
        unique=False,
        postgresql_where=sa.text("NOT blocked"),
    )
    op.create_index(
        "ix_conversations_assignee",
        "conversations",
        ["workspace_id", "assignee_id", "status", "activity_at", "id"],
        unique=False,
        postgresql_where=sa.text("NOT blocked"),
    )
    op.create_index(
        "ix_conversations_blocked",
        "conversations",
        ["workspace_id", "status", "activity_at", "id"],
        unique=False,
        postgresql_where=sa.text("blocked"),
    )
    op.create_index(
        "ix_conversations_since",
        "conversations",
        ["workspace_id", "state_since", "id"],
        unique=False,
        postgresql_where=sa.text("NOT blocked"),
    )
    op.create_index(
        "ix_conversations_snoozed_until",
        "conversations",
        ["snoozed_until"],
        unique=False,
        postgresql_where=sa.text("status = 'snoozed'"),
    )
    op.create_index(
        "ix_conversations_status_activity",
        "conversations",
        ["workspace_id", "status", "activity_at", "id"],
        unique=False,
        postgresql_where=sa.text("NOT blocked"),
    )
    op.create_index(
        "ix_conversations_status_since",
        "conversations",
        ["workspace_id", "status", "state_since", "id"],
        unique=False,
        postgresql_where=sa.text("NOT blocked"),
    )
    op.create_index(
        "ix_conversations_team",
        "conversations",
        ["workspace_id", "team_id", "status", "activity_at", "id"],
        unique=False,
        postgresql_where=sa.text("NOT blocked AND team_id IS NOT NULL"),
    )
    op.create_index(
        "ix_conversations_counts",
        "conversations",
        ["workspace_id", "status", "assignee_id", "team_id", "unanswered", "blocked"],
        unique=False,
        postgresql_include=["incoming_count", "id"],
    )
    op.create_foreign_key(
        op.f("fk_conversations_team_id_teams"),
        "conversations",
        "teams",
        ["team_id"],
        ["id"],
        ondelete="SET NULL",
    )
    op.create_foreign_key(
        op.f("fk_conversations_snoozed_by_id_users"),
        "conversations",
        "users",
        ["snoozed_by_id"],
        ["id"],
        ondelete="SET NULL",
    )


def downgrade() -> None:
    op.drop_constraint(
        op.f("fk_conversations_snoozed_by_id_users"), "conversations", type_="foreignkey"
    )
    op.drop_constraint(op.f("fk_conversations_team_id_teams"), "conversations", type_="foreignkey")
    op.drop_index("ix_conversations_counts", table_name="conversations")
    op.drop_index(
        "ix_conversations_team",
        table_name="conversations",
        postgresql_where=sa.text("NOT blocked AND team_id IS NOT NULL"),
    )
    op.drop_index(
        "ix_conversations_status_since",
        table_name="conversations",
        postgresql_where=sa.text("NOT blocked"),
    )
    op.drop_index(
        "ix_conversations_status_activity",
        table_name="conversations",
        postgresql_where=sa.text("NOT blocked"),
    )
    op.drop_index(
        "ix_conversations_snoozed_until",
        table_name="conversations",
        postgresql_where=sa.text("status = 'snoozed'"),
    )
    op.drop_index(
        "ix_conversations_since",
        table_name="conversations",
        postgresql_where=sa.text("NOT blocked"),
    )
    op.drop_index(
        "ix_conversations_blocked", table_name="conversations", postgresql_where=sa.text("blocked")
    )
    op.drop_index(
        "ix_conversations_assignee",
        table_name="conversations",
        postgresql_where=sa.text("NOT blocked"),
    )
    op.drop_index(
        "ix_conversations_activity",
        table_name="conversations",
        postgresql_where=sa.text("NOT blocked"),
    )
    op.create_index(
        op.f("ix_conversations_ws_last"),
        "conversations",
        ["workspace_id", "last_message_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_conversations_list"),
        "conversations",
        ["workspace_id", "status", "last_message_at"],
        unique=False,
    )
    op.drop_column("conversations", "state_since")
    op.drop_column("conversations", "activity_at")
    op.drop_column("conversations", "unanswered")
    op.drop_column("conversations", "closing_category")
    op.drop_column("conversations", "last_snoozed_until")
    op.drop_column("conversations", "snoozed_by_id")
    op.drop_column("conversations", "snoozed_at")
    op.drop_column("conversations", "blocked")
    op.drop_column("conversations", "team_id")
    op.drop_index("ix_contacts_custom_fields", table_name="contacts")
    op.drop_index(
        "ix_contacts_search_name_trgm",
        table_name="contacts",
        postgresql_using="gin",
        postgresql_ops={"search_name": "gin_trgm_ops"},
    )
    op.drop_index(
        "ix_contacts_phone_digits_trgm",
        table_name="contacts",
        postgresql_using="gin",
        postgresql_ops={"phone_digits": "gin_trgm_ops"},
    )
    op.drop_column("contacts", "phone_digits")
    op.drop_column("contacts", "search_name")
    op.drop_index(op.f("ix_notifications_workspace_id"), table_name="notifications")
    op.drop_index(
        "ix_notifications_user_unread",
        table_name="notifications",
        postgresql_where="read_at IS NULL",
    )
    op.drop_index("ix_notifications_user_feed", table_name="notifications")
    op.drop_index(op.f("ix_notifications_conversation_id"), table_name="notifications")
    op.drop_table("notifications")
    op.drop_index(op.f("ix_team_members_workspace_id"), table_name="team_members")
    op.drop_index(op.f("ix_team_members_user_id"), table_name="team_members")
    op.drop_table("team_members")
    op.drop_index(op.f("ix_teams_workspace_id"), table_name="teams")
    op.drop_table("teams")
    op.drop_index(op.f("ix_custom_inboxes_workspace_id"), table_name="custom_inboxes")
    op.drop_table("custom_inboxes")
    op.drop_index(
        op.f("ix_custom_field_definitions_workspace_id"), table_name="custom_field_definitions"
    )
    op.drop_table("custom_field_definitions")
    op.execute("DROP FUNCTION IF EXISTS omnibox_unaccent(text)")
