"""Jobs of the conversations domain: snooze wake-ups and their safety-net sweep, and folding
the mailbox counters."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from omnibox.conversations.mailboxes import fold_counters, workspaces_to_fold
from omnibox.conversations.snooze import due_snoozes, wake
from omnibox.db.session import unit_of_work
from omnibox.jobs.app import job_app
from omnibox.jobs.context import job_context

log = logging.getLogger(__name__)


@job_app.task(name="wake_snoozed", queue="conversations")
async def wake_snoozed(conversation_id: str, until: str) -> None:
    """Scheduled at the end of a snooze (``schedule_at``): a row in procrastinate_jobs."""
    ctx = job_context()
    async with unit_of_work(ctx.db.sessions) as session:
        await wake(session, uuid.UUID(conversation_id), datetime.fromisoformat(until))


@job_app.periodic(cron="* * * * *", periodic_id="sweep_snoozed")
@job_app.task(name="sweep_snoozed", queue="conversations")
async def sweep_snoozed(timestamp: int) -> None:
    """Every minute: wake what a lost or failed job left snoozed past its time."""
    ctx = job_context()
    async with unit_of_work(ctx.db.sessions) as session:
        due = await due_snoozes(session)
    woken = 0
    for conversation_id in due:
        async with unit_of_work(ctx.db.sessions) as session:
            woken += await wake(session, conversation_id, None)
    if woken:
        log.info("snooze sweep woke %d conversations", woken)


@job_app.periodic(cron="* * * * *", periodic_id="fold_mailbox_counts")
@job_app.task(name="fold_mailbox_counts", queue="conversations")
async def fold_mailbox_counts(timestamp: int) -> None:
    """Every minute: fold the menu counters' deltas, one workspace per transaction (they are
    right either way; folded, the menu sums a row per group)."""
    ctx = job_context()
    async with unit_of_work(ctx.db.sessions) as session:
        workspaces = await workspaces_to_fold(session)
    for workspace_id in workspaces:
        async with unit_of_work(ctx.db.sessions) as session:
            await fold_counters(session, workspace_id)
