"""Keeping Telegram out of the logs where it does not belong.

Bot API URLs carry the bot's token (``/bot<token>/method``), and httpx logs every request URL
at INFO: tokens are masked. Polling runs every two seconds per channel, so its routine INFO
lines (job started, job succeeded, getUpdates answered) are dropped; its warnings stay.
"""

from __future__ import annotations

import logging

from omnibox.channels.telegram.client import redact

POLLING_TASKS = frozenset({"telegram_poll_tick", "telegram_poll_channel"})
# procrastinate's worker logs through a child logger named after the worker (see runtime.py).
_JOB_LOGGERS = (
    "procrastinate.jobs",
    "procrastinate.periodic",
    "procrastinate.worker",
    "procrastinate.worker.omnibox-worker",
    "procrastinate.worker.worker",
)


class QuietPolling(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        jobs = getattr(record, "jobs", None) or [getattr(record, "job", None)]
        return not all(
            isinstance(job, dict) and job.get("task_name") in POLLING_TASKS for job in jobs
        )


class RedactBotTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            args = tuple(
                redact(str(a)) if not isinstance(a, int | float) else a for a in record.args
            )
            if record.levelno <= logging.INFO and any(
                isinstance(a, str) and a.endswith("/getUpdates") for a in args
            ):
                return False
            record.args = args
        return True


def install() -> None:
    for name in _JOB_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, QuietPolling) for f in logger.filters):
            logger.addFilter(QuietPolling())
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, RedactBotTokens) for f in httpx_logger.filters):
        httpx_logger.addFilter(RedactBotTokens())
