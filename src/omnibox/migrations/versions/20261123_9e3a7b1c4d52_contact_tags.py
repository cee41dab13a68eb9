"""contact tags: ``contacts.tags`` and custom inboxes that filter on them.

* ``contacts.tags`` (text[]) as spelled when first given; ``tag_keys`` their lower-cased forms
  (``omnibox_tag_keys``, IMMUTABLE so it can feed the generated column), GIN-indexed for
  "has any of these tags" (``tag_keys && keys``).
* A custom inbox that filters on tags is counted in a scope of its own, like one that filters
  on contact fields: ``omnibox_inbox_has_own_counts`` and ``omnibox_inbox_matches`` learn
  ``tags`` (the rest of them as migration ``7d4f2a9c5e81`` wrote them), and the contacts'
  counting trigger fires on tag changes too.

Revision ID: 9e3a7b1c4d52
Revises: 7d4f2a9c5e81
Create Date: 2026-11-23 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "9e3a7b1c4d52"
down_revision: str | None = "7d4f2a9c5e81"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TAG_KEYS = """
CREATE FUNCTION omnibox_tag_keys(tags text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT lower(t) FROM unnest(tags) AS t)
$$;
"""

HAS_OWN_COUNTS = """
CREATE OR REPLACE FUNCTION omnibox_inbox_has_own_counts(filters jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_typeof(filters -> 'channel_ids'), 'null') <> 'null'
        OR coalesce(jsonb_typeof(filters -> 'contact_fields'), 'null') <> 'null'
        OR coalesce(jsonb_typeof(filters -> 'last_activity_after'), 'null') <> 'null'
        OR coalesce(jsonb_typeof(filters -> 'last_activity_before'), 'null') <> 'null'
        {tags}
$$;
"""

MATCHES = """
CREATE OR REPLACE FUNCTION omnibox_inbox_matches(
    filters jsonb, p_contact uuid, p_activity timestamptz
) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN jsonb_typeof(filters -> 'channel_ids') = 'array'
                THEN EXISTS (
                    SELECT 1 FROM contact_handles h
                    WHERE h.contact_id = p_contact
                      AND h.channel_id IN (
                          SELECT e::uuid
                          FROM jsonb_array_elements_text(filters -> 'channel_ids') AS e))
                ELSE true END
       AND CASE WHEN jsonb_typeof(filters -> 'contact_fields') = 'object'
                     AND filters -> 'contact_fields' <> '{{}}'::jsonb
                THEN EXISTS (
                    SELECT 1 FROM contacts c
                    WHERE c.id = p_contact AND c.custom_fields @> (filters -> 'contact_fields'))
                ELSE true END
       AND CASE WHEN jsonb_typeof(filters -> 'last_activity_after') = 'string'
                THEN p_activity >= (filters ->> 'last_activity_after')::timestamptz
                ELSE true END
       AND CASE WHEN jsonb_typeof(filters -> 'last_activity_before') = 'string'
                THEN p_activity < (filters ->> 'last_activity_before')::timestamptz
                ELSE true END
       {tags}
$$;
"""

# "Has any of these tags", case aside, exactly as ``inboxes.filters.filter_clauses`` says it.
TAGS_OWN = "OR coalesce(jsonb_typeof(filters -> 'tags'), 'null') <> 'null'"
TAGS_MATCH = """AND CASE WHEN jsonb_typeof(filters -> 'tags') = 'array'
                THEN EXISTS (
                    SELECT 1 FROM contacts c
                    WHERE c.id = p_contact
                      AND c.tag_keys && omnibox_tag_keys(ARRAY(
                          SELECT jsonb_array_elements_text(filters -> 'tags'))))
                ELSE true END"""

CONTACT_TRIGGER = """
DROP TRIGGER omnibox_counts ON contacts;
CREATE TRIGGER omnibox_counts AFTER UPDATE OF {columns} ON contacts
FOR EACH ROW WHEN ({condition})
EXECUTE FUNCTION omnibox_counts_contact();
"""


def upgrade() -> None:
    op.execute(TAG_KEYS)
    op.add_column(
        "contacts",
        sa.Column(
            "tags",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
    )
    op.add_column(
        "contacts",
        sa.Column(
            "tag_keys",
            postgresql.ARRAY(sa.Text()),
            sa.Computed("omnibox_tag_keys(tags)", persisted=True),
            nullable=False,
        ),
    )
    op.create_index(
        "ix_contacts_tag_keys", "contacts", ["tag_keys"], unique=False, postgresql_using="gin"
    )
    op.execute(HAS_OWN_COUNTS.format(tags=TAGS_OWN))
    op.execute(MATCHES.format(tags=TAGS_MATCH))
    op.execute(
        CONTACT_TRIGGER.format(
            columns="custom_fields, tags",
            condition="OLD.custom_fields IS DISTINCT FROM NEW.custom_fields"
            " OR OLD.tags IS DISTINCT FROM NEW.tags",
        )
    )
    # No inbox filters on tags yet (the schema refused them): no scope to rebuild.


def downgrade() -> None:
    # Inboxes forget their tag conditions (their scopes are rebuilt by their trigger).
    op.execute("UPDATE custom_inboxes SET filters = filters - 'tags' WHERE filters ? 'tags'")
    op.execute(
        CONTACT_TRIGGER.format(
            columns="custom_fields",
            condition="OLD.custom_fields IS DISTINCT FROM NEW.custom_fields",
        )
    )
    op.execute(MATCHES.format(tags=""))
    op.execute(HAS_OWN_COUNTS.format(tags=""))
    op.drop_index("ix_contacts_tag_keys", table_name="contacts", postgresql_using="gin")
    op.drop_column("contacts", "tag_keys")
    op.drop_column("contacts", "tags")
    op.execute("DROP FUNCTION omnibox_tag_keys(text[])")
