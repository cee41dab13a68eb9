"""mailbox counters: the mailbox menu's counts kept up to date instead of counted per request.

Counting 100,000 conversations (and this user's read states) on every menu request cost
150-300 ms. Triggers now keep the counts (``models/counters.py`` says what each table holds):

* ``omnibox_counts_recount(conversation, workspace)`` compares a conversation with what was
  counted of it and appends the difference (per group and scope, and per caught-up reader);
  the triggers on conversations, contacts (custom fields), contact handles and read states
  call it or its read-state counterpart, so no writer has to remember anything.
* ``omnibox_counts_rebuild_inbox`` recounts one custom inbox's scope when its filter changes;
  ``omnibox_counts_rebuild`` recounts a workspace (this migration's backfill, and a repair
  tool); ``omnibox_counts_compact`` folds the deltas (a job, every minute).

Concurrency, under READ COMMITTED:

* Everything about one conversation is serialised on its row: changes to it hold it already,
  the other triggers lock it (``FOR NO KEY UPDATE``) before anything else, so the locks are
  always taken in the same order (conversation, then its counted row) and can't deadlock.
  Each statement after a wait sees what the other transaction committed.
* Rebuilding a scope must see no half-counted change: recounts hold a shared advisory lock on
  their workspace until they commit, rebuilds take it exclusively (the two-key form,
  ``(20261123, hashtext(workspace_id::text))``, apart from single-key locks others take). Compaction takes it shared
  too, so a rebuild never deletes deltas under a compaction that would re-add them.

Revision ID: 7d4f2a9c5e81
Revises: 3b9e6c1a2d40
Create Date: 2026-11-23 02:00:01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "7d4f2a9c5e81"
down_revision: str | None = "3b9e6c1a2d40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The custom inboxes counted in scopes of their own: the conditions of ``InboxFilters`` that
# the groups can't express, exactly as ``inboxes.filters.filter_clauses`` applies them.
FILTER_FUNCTIONS = """
CREATE FUNCTION omnibox_inbox_has_own_counts(filters jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_typeof(filters -> 'channel_ids'), 'null') <> 'null'
        OR coalesce(jsonb_typeof(filters -> 'contact_fields'), 'null') <> 'null'
        OR coalesce(jsonb_typeof(filters -> 'last_activity_after'), 'null') <> 'null'
        OR coalesce(jsonb_typeof(filters -> 'last_activity_before'), 'null') <> 'null'
$$;

-- CASE, not OR: a condition that is absent must not be evaluated (a null has no elements).
CREATE FUNCTION omnibox_inbox_matches(filters jsonb, p_contact uuid, p_activity timestamptz)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN jsonb_typeof(filters -> 'channel_ids') = 'array'
                THEN EXISTS (
                    SELECT 1 FROM contact_handles h
                    WHERE h.contact_id = p_contact
                      AND h.channel_id IN (
                          SELECT e::uuid
                          FROM jsonb_array_elements_text(filters -> 'channel_ids') AS e))
                ELSE true END
       AND CASE WHEN jsonb_typeof(filters -> 'contact_fields') = 'object'
                     AND filters -> 'contact_fields' <> '{}'::jsonb
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
$$;

-- The custom inboxes with a scope of their own that a conversation is counted in (sorted).
CREATE FUNCTION omnibox_counts_inbox_ids(p_workspace uuid, p_contact uuid, p_activity timestamptz)
RETURNS uuid[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY(
        SELECT i.id FROM custom_inboxes i
        WHERE i.workspace_id = p_workspace
          AND omnibox_inbox_has_own_counts(i.filters)
          AND omnibox_inbox_matches(i.filters, p_contact, p_activity)
        ORDER BY i.id)
$$;
"""

RECOUNT = """
CREATE FUNCTION omnibox_counts_recount(p_conversation uuid, p_workspace uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_was counted_conversations%ROWTYPE;
    v_is counted_conversations%ROWTYPE;
    v_had boolean;
    v_has boolean;
BEGIN
    -- The caller holds the conversation's row (or it is gone).
    PERFORM pg_advisory_xact_lock_shared(20261123, hashtext(p_workspace::text));
    SELECT * INTO v_was FROM counted_conversations
    WHERE conversation_id = p_conversation FOR UPDATE;
    v_had := FOUND;
    SELECT c.id, c.workspace_id, c.status, c.assignee_id, c.team_id, c.unanswered, c.blocked,
           c.incoming_count, omnibox_counts_inbox_ids(c.workspace_id, c.contact_id, c.activity_at)
    INTO v_is FROM conversations c WHERE c.id = p_conversation;
    v_has := FOUND;
    IF v_had = v_has AND (NOT v_had OR v_was IS NOT DISTINCT FROM v_is) THEN
        RETURN;
    END IF;
    -- What was counted goes (-1), what is comes (+1); where both are the same they cancel.
    WITH placed AS (
        SELECT -1 AS sign, v_was.workspace_id AS workspace_id, v_was.status AS status,
               v_was.assignee_id AS assignee_id, v_was.team_id AS team_id,
               v_was.unanswered AS unanswered, v_was.blocked AS blocked,
               v_was.incoming_count AS incoming_count, v_was.inbox_ids AS inbox_ids
        WHERE v_had
        UNION ALL
        SELECT 1, v_is.workspace_id, v_is.status, v_is.assignee_id, v_is.team_id,
               v_is.unanswered, v_is.blocked, v_is.incoming_count, v_is.inbox_ids
        WHERE v_has
    ), scoped AS (
        SELECT p.*, s.inbox_id
        FROM placed p CROSS JOIN LATERAL unnest(ARRAY[NULL::uuid] || p.inbox_ids) AS s(inbox_id)
    ), counted AS (
        INSERT INTO conversation_counts (workspace_id, inbox_id, status, assignee_id, team_id,
                                         unanswered, blocked, conversations, with_incoming)
        SELECT workspace_id, inbox_id, status, assignee_id, team_id, unanswered, blocked,
               sum(sign), sum(CASE WHEN incoming_count > 0 THEN sign ELSE 0 END)
        FROM scoped
        GROUP BY workspace_id, inbox_id, status, assignee_id, team_id, unanswered, blocked
        HAVING sum(sign) <> 0 OR sum(CASE WHEN incoming_count > 0 THEN sign ELSE 0 END) <> 0
    )
    -- Readers who had read it all (and have now): their unread counts follow it.
    INSERT INTO caught_up_counts (workspace_id, user_id, inbox_id, assignee_id, team_id,
                                  unanswered, blocked, conversations)
    SELECT s.workspace_id, r.user_id, s.inbox_id, s.assignee_id, s.team_id, s.unanswered,
           s.blocked, sum(s.sign)
    FROM scoped s
    JOIN read_states r ON r.conversation_id = p_conversation AND r.read_count >= s.incoming_count
    WHERE s.status = 'open' AND s.incoming_count > 0
    GROUP BY s.workspace_id, r.user_id, s.inbox_id, s.assignee_id, s.team_id, s.unanswered,
             s.blocked
    HAVING sum(s.sign) <> 0;
    IF v_has THEN
        INSERT INTO counted_conversations SELECT (v_is).*
        ON CONFLICT (conversation_id) DO UPDATE SET
            workspace_id = EXCLUDED.workspace_id, status = EXCLUDED.status,
            assignee_id = EXCLUDED.assignee_id, team_id = EXCLUDED.team_id,
            unanswered = EXCLUDED.unanswered, blocked = EXCLUDED.blocked,
            incoming_count = EXCLUDED.incoming_count, inbox_ids = EXCLUDED.inbox_ids;
    ELSE
        DELETE FROM counted_conversations WHERE conversation_id = p_conversation;
    END IF;
END
$$;

-- The conversation of a contact whose fields or handles changed, locked first (see above).
CREATE FUNCTION omnibox_counts_recount_contact(p_contact uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_conversation uuid;
    v_workspace uuid;
BEGIN
    FOR v_conversation, v_workspace IN
        SELECT id, workspace_id FROM conversations WHERE contact_id = p_contact
        FOR NO KEY UPDATE
    LOOP
        PERFORM omnibox_counts_recount(v_conversation, v_workspace);
    END LOOP;
END
$$;
"""

TRIGGER_FUNCTIONS = """
CREATE FUNCTION omnibox_counts_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM omnibox_counts_recount(OLD.id, OLD.workspace_id);
    ELSE
        PERFORM omnibox_counts_recount(NEW.id, NEW.workspace_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION omnibox_counts_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'contacts' THEN
        PERFORM omnibox_counts_recount_contact(NEW.id);
        RETURN NULL;
    END IF;
    -- contact_handles
    IF TG_OP <> 'INSERT' THEN
        PERFORM omnibox_counts_recount_contact(OLD.contact_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.contact_id <> OLD.contact_id) THEN
        PERFORM omnibox_counts_recount_contact(NEW.contact_id);
    END IF;
    RETURN NULL;
END
$$;

-- A reader caught up or fell behind: move them in or out of the caught-up counts of the
-- conversation's group, as counted. A conversation deleted already (its read states go by
-- cascade) is taken out of the counts either here or by its own trigger, whichever runs last
-- sees nothing left to take.
CREATE FUNCTION omnibox_counts_read_state() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_conversation uuid;
    v_workspace uuid;
    v_k counted_conversations%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN
        v_conversation := OLD.conversation_id;
        v_workspace := OLD.workspace_id;
    ELSE
        v_conversation := NEW.conversation_id;
        v_workspace := NEW.workspace_id;
    END IF;
    PERFORM 1 FROM conversations WHERE id = v_conversation FOR NO KEY UPDATE;
    PERFORM pg_advisory_xact_lock_shared(20261123, hashtext(v_workspace::text));
    SELECT * INTO v_k FROM counted_conversations
    WHERE conversation_id = v_conversation FOR UPDATE;
    IF NOT FOUND OR v_k.status <> 'open' OR v_k.incoming_count = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO caught_up_counts (workspace_id, user_id, inbox_id, assignee_id, team_id,
                                  unanswered, blocked, conversations)
    SELECT v_k.workspace_id, d.user_id, s.inbox_id, v_k.assignee_id, v_k.team_id,
           v_k.unanswered, v_k.blocked, sum(d.sign)
    FROM (
        SELECT -1 AS sign, OLD.user_id AS user_id
        WHERE TG_OP <> 'INSERT' AND OLD.read_count >= v_k.incoming_count
        UNION ALL
        SELECT 1, NEW.user_id
        WHERE TG_OP <> 'DELETE' AND NEW.read_count >= v_k.incoming_count
    ) AS d
    CROSS JOIN unnest(ARRAY[NULL::uuid] || v_k.inbox_ids) AS s(inbox_id)
    GROUP BY d.user_id, s.inbox_id
    HAVING sum(d.sign) <> 0;
    RETURN NULL;
END
$$;

-- Before a read state is written (mark_read's upsert): lock the conversation first, so that
-- its row comes before the read state's in every transaction's order of locks.
CREATE FUNCTION omnibox_counts_lock_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM conversations WHERE id = NEW.conversation_id FOR NO KEY UPDATE;
    RETURN NEW;
END
$$;

-- Only inboxes with (or losing) a scope of their own: the others cost nothing to save.
CREATE FUNCTION omnibox_counts_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF omnibox_inbox_has_own_counts(OLD.filters) THEN
            PERFORM omnibox_counts_rebuild_inbox(OLD.workspace_id, OLD.id);
        END IF;
    ELSIF omnibox_inbox_has_own_counts(NEW.filters)
          OR (TG_OP = 'UPDATE' AND omnibox_inbox_has_own_counts(OLD.filters)) THEN
        PERFORM omnibox_counts_rebuild_inbox(NEW.workspace_id, NEW.id);
    END IF;
    RETURN NULL;
END
$$;
"""

REBUILDS = """
-- One custom inbox's scope, from what is counted of each conversation (exact: no recount is
-- under way while the exclusive lock is held). A deleted inbox, or one whose filter the groups
-- can express, ends up with no scope.
CREATE FUNCTION omnibox_counts_rebuild_inbox(p_workspace uuid, p_inbox uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_filters jsonb;
BEGIN
    PERFORM pg_advisory_xact_lock(20261123, hashtext(p_workspace::text));
    DELETE FROM conversation_counts WHERE workspace_id = p_workspace AND inbox_id = p_inbox;
    DELETE FROM caught_up_counts WHERE workspace_id = p_workspace AND inbox_id = p_inbox;
    SELECT filters INTO v_filters FROM custom_inboxes
    WHERE id = p_inbox AND workspace_id = p_workspace AND omnibox_inbox_has_own_counts(filters);
    UPDATE counted_conversations k
    SET inbox_ids = ARRAY(
        SELECT DISTINCT x FROM unnest(
            CASE WHEN p_inbox = ANY(k.inbox_ids) THEN array_remove(k.inbox_ids, p_inbox)
                 ELSE array_append(k.inbox_ids, p_inbox) END) AS x
        ORDER BY x)
    FROM conversations c
    WHERE c.id = k.conversation_id AND k.workspace_id = p_workspace
      AND (p_inbox = ANY(k.inbox_ids)) IS DISTINCT FROM (
          v_filters IS NOT NULL
          AND omnibox_inbox_matches(v_filters, c.contact_id, c.activity_at));
    IF v_filters IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO conversation_counts (workspace_id, inbox_id, status, assignee_id, team_id,
                                     unanswered, blocked, conversations, with_incoming)
    SELECT workspace_id, p_inbox, status, assignee_id, team_id, unanswered, blocked, count(*),
           count(*) FILTER (WHERE incoming_count > 0)
    FROM counted_conversations
    WHERE workspace_id = p_workspace AND p_inbox = ANY(inbox_ids)
    GROUP BY workspace_id, status, assignee_id, team_id, unanswered, blocked;
    INSERT INTO caught_up_counts (workspace_id, user_id, inbox_id, assignee_id, team_id,
                                  unanswered, blocked, conversations)
    SELECT k.workspace_id, r.user_id, p_inbox, k.assignee_id, k.team_id, k.unanswered,
           k.blocked, count(*)
    FROM counted_conversations k
    JOIN read_states r ON r.conversation_id = k.conversation_id
                      AND r.read_count >= k.incoming_count
    WHERE k.workspace_id = p_workspace AND p_inbox = ANY(k.inbox_ids)
      AND k.status = 'open' AND k.incoming_count > 0
    GROUP BY k.workspace_id, r.user_id, k.assignee_id, k.team_id, k.unanswered, k.blocked;
END
$$;

-- Everything of one workspace, from its conversations and read states.
CREATE FUNCTION omnibox_counts_rebuild(p_workspace uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(20261123, hashtext(p_workspace::text));
    DELETE FROM counted_conversations WHERE workspace_id = p_workspace;
    DELETE FROM conversation_counts WHERE workspace_id = p_workspace;
    DELETE FROM caught_up_counts WHERE workspace_id = p_workspace;
    INSERT INTO counted_conversations
    SELECT c.id, c.workspace_id, c.status, c.assignee_id, c.team_id, c.unanswered, c.blocked,
           c.incoming_count, omnibox_counts_inbox_ids(c.workspace_id, c.contact_id, c.activity_at)
    FROM conversations c WHERE c.workspace_id = p_workspace;
    INSERT INTO conversation_counts (workspace_id, inbox_id, status, assignee_id, team_id,
                                     unanswered, blocked, conversations, with_incoming)
    SELECT k.workspace_id, s.inbox_id, k.status, k.assignee_id, k.team_id, k.unanswered,
           k.blocked, count(*), count(*) FILTER (WHERE k.incoming_count > 0)
    FROM counted_conversations k
    CROSS JOIN LATERAL unnest(ARRAY[NULL::uuid] || k.inbox_ids) AS s(inbox_id)
    WHERE k.workspace_id = p_workspace
    GROUP BY k.workspace_id, s.inbox_id, k.status, k.assignee_id, k.team_id, k.unanswered,
             k.blocked;
    INSERT INTO caught_up_counts (workspace_id, user_id, inbox_id, assignee_id, team_id,
                                  unanswered, blocked, conversations)
    SELECT k.workspace_id, r.user_id, s.inbox_id, k.assignee_id, k.team_id, k.unanswered,
           k.blocked, count(*)
    FROM counted_conversations k
    JOIN read_states r ON r.conversation_id = k.conversation_id
                      AND r.read_count >= k.incoming_count
    CROSS JOIN LATERAL unnest(ARRAY[NULL::uuid] || k.inbox_ids) AS s(inbox_id)
    WHERE k.workspace_id = p_workspace AND k.status = 'open' AND k.incoming_count > 0
    GROUP BY k.workspace_id, r.user_id, s.inbox_id, k.assignee_id, k.team_id, k.unanswered,
             k.blocked;
END
$$;

-- Fold one workspace's deltas into one row per group (and drop groups that add up to 0).
-- Rows of transactions still under way are not visible, so not touched; a concurrent fold
-- finds the rows gone and adds nothing.
CREATE FUNCTION omnibox_counts_compact(p_workspace uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(20261123, hashtext(p_workspace::text));
    WITH gone AS (
        DELETE FROM conversation_counts WHERE workspace_id = p_workspace RETURNING *
    )
    INSERT INTO conversation_counts (workspace_id, inbox_id, status, assignee_id, team_id,
                                     unanswered, blocked, conversations, with_incoming)
    SELECT workspace_id, inbox_id, status, assignee_id, team_id, unanswered, blocked,
           sum(conversations), sum(with_incoming)
    FROM gone
    GROUP BY workspace_id, inbox_id, status, assignee_id, team_id, unanswered, blocked
    HAVING sum(conversations) <> 0 OR sum(with_incoming) <> 0;
    WITH gone AS (
        DELETE FROM caught_up_counts WHERE workspace_id = p_workspace RETURNING *
    )
    INSERT INTO caught_up_counts (workspace_id, user_id, inbox_id, assignee_id, team_id,
                                  unanswered, blocked, conversations)
    SELECT workspace_id, user_id, inbox_id, assignee_id, team_id, unanswered, blocked,
           sum(conversations)
    FROM gone
    GROUP BY workspace_id, user_id, inbox_id, assignee_id, team_id, unanswered, blocked
    HAVING sum(conversations) <> 0;
END
$$;

-- The workspaces with something to fold: a group in more than one row, or adding up to 0.
CREATE FUNCTION omnibox_counts_to_compact() RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$
    SELECT workspace_id FROM conversation_counts
    GROUP BY workspace_id, inbox_id, status, assignee_id, team_id, unanswered, blocked
    HAVING count(*) > 1 OR (sum(conversations) = 0 AND sum(with_incoming) = 0)
    UNION
    SELECT workspace_id FROM caught_up_counts
    GROUP BY workspace_id, user_id, inbox_id, assignee_id, team_id, unanswered, blocked
    HAVING count(*) > 1 OR sum(conversations) = 0
$$;
"""

# Only the changes that move a conversation between groups or scopes fire the trigger.
TRIGGERS = """
CREATE TRIGGER omnibox_counts AFTER INSERT OR DELETE ON conversations
FOR EACH ROW EXECUTE FUNCTION omnibox_counts_conversation();
CREATE TRIGGER omnibox_counts_update AFTER UPDATE ON conversations
FOR EACH ROW WHEN (
    OLD.status IS DISTINCT FROM NEW.status
    OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
    OR OLD.team_id IS DISTINCT FROM NEW.team_id
    OR OLD.unanswered IS DISTINCT FROM NEW.unanswered
    OR OLD.blocked IS DISTINCT FROM NEW.blocked
    OR OLD.incoming_count IS DISTINCT FROM NEW.incoming_count
    OR OLD.activity_at IS DISTINCT FROM NEW.activity_at
    OR OLD.contact_id IS DISTINCT FROM NEW.contact_id
    OR OLD.workspace_id IS DISTINCT FROM NEW.workspace_id
) EXECUTE FUNCTION omnibox_counts_conversation();

CREATE TRIGGER omnibox_counts AFTER UPDATE OF custom_fields ON contacts
FOR EACH ROW WHEN (OLD.custom_fields IS DISTINCT FROM NEW.custom_fields)
EXECUTE FUNCTION omnibox_counts_contact();
CREATE TRIGGER omnibox_counts AFTER INSERT OR UPDATE OR DELETE ON contact_handles
FOR EACH ROW EXECUTE FUNCTION omnibox_counts_contact();

CREATE TRIGGER omnibox_counts_lock BEFORE INSERT ON read_states
FOR EACH ROW EXECUTE FUNCTION omnibox_counts_lock_conversation();
CREATE TRIGGER omnibox_counts AFTER INSERT OR DELETE ON read_states
FOR EACH ROW EXECUTE FUNCTION omnibox_counts_read_state();
CREATE TRIGGER omnibox_counts_update AFTER UPDATE ON read_states
FOR EACH ROW WHEN (
    OLD.read_count IS DISTINCT FROM NEW.read_count
    OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR OLD.conversation_id IS DISTINCT FROM NEW.conversation_id
) EXECUTE FUNCTION omnibox_counts_read_state();

CREATE TRIGGER omnibox_counts AFTER INSERT OR DELETE ON custom_inboxes
FOR EACH ROW EXECUTE FUNCTION omnibox_counts_inbox();
CREATE TRIGGER omnibox_counts_update AFTER UPDATE ON custom_inboxes
FOR EACH ROW WHEN (OLD.filters IS DISTINCT FROM NEW.filters)
EXECUTE FUNCTION omnibox_counts_inbox();
"""

FUNCTIONS = [
    "omnibox_counts_to_compact()",
    "omnibox_counts_compact(uuid)",
    "omnibox_counts_rebuild(uuid)",
    "omnibox_counts_rebuild_inbox(uuid, uuid)",
    "omnibox_counts_inbox()",
    "omnibox_counts_lock_conversation()",
    "omnibox_counts_read_state()",
    "omnibox_counts_contact()",
    "omnibox_counts_conversation()",
    "omnibox_counts_recount_contact(uuid)",
    "omnibox_counts_recount(uuid, uuid)",
    "omnibox_counts_inbox_ids(uuid, uuid, timestamptz)",
    "omnibox_inbox_matches(jsonb, uuid, timestamptz)",
    "omnibox_inbox_has_own_counts(jsonb)",
]


def _group_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("unanswered", sa.Boolean(), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "counted_conversations",
        sa.Column("conversation_id", sa.Uuid(), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        *_group_columns(),
        sa.Column("incoming_count", sa.Integer(), nullable=False),
        sa.Column(
            "inbox_ids",
            postgresql.ARRAY(sa.Uuid()),
            server_default=sa.text("'{}'::uuid[]"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("conversation_id", name=op.f("pk_counted_conversations")),
    )
    op.create_index(
        op.f("ix_counted_conversations_workspace_id"), "counted_conversations", ["workspace_id"]
    )
    op.create_table(
        "conversation_counts",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("inbox_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        *_group_columns(),
        sa.Column("conversations", sa.Integer(), nullable=False),
        sa.Column("with_incoming", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation_counts")),
    )
    op.create_index(
        "ix_conversation_counts_workspace_id",
        "conversation_counts",
        ["workspace_id", "inbox_id"],
    )
    op.create_table(
        "caught_up_counts",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("inbox_id", sa.Uuid(), nullable=True),
        *_group_columns(),
        sa.Column("conversations", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caught_up_counts")),
    )
    op.create_index(
        "ix_caught_up_counts_user_id",
        "caught_up_counts",
        ["user_id", "workspace_id", "inbox_id"],
    )
    op.execute(FILTER_FUNCTIONS)
    op.execute(RECOUNT)
    op.execute(REBUILDS)
    op.execute(TRIGGER_FUNCTIONS)
    op.execute(TRIGGERS)
    # The counts of what is there already.
    op.execute("SELECT omnibox_counts_rebuild(id) FROM workspaces")


def downgrade() -> None:
    for table in ("custom_inboxes", "read_states", "contact_handles", "contacts", "conversations"):
        op.execute(f"DROP TRIGGER IF EXISTS omnibox_counts ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS omnibox_counts_update ON {table}")
    op.execute("DROP TRIGGER IF EXISTS omnibox_counts_lock ON read_states")
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_index("ix_caught_up_counts_user_id", table_name="caught_up_counts")
    op.drop_table("caught_up_counts")
    op.drop_index("ix_conversation_counts_workspace_id", table_name="conversation_counts")
    op.drop_table("conversation_counts")
    op.drop_index(op.f("ix_counted_conversations_workspace_id"), table_name="counted_conversations")
    op.drop_table("counted_conversations")
