"""Delivering outbound messages through their channel's adapter, with retries and backoff."""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.base import (
    DeliveryError,
    OutboundAttachment,
    OutboundMessage,
    OutboundTemplate,
)
from omnibox.channels.registry import adapter_for
from omnibox.channels.service import base_url
from omnibox.db.session import unit_of_work
from omnibox.jobs.app import defer_in, job_app
from omnibox.jobs.backoff import backoff_seconds
from omnibox.jobs.context import job_context
from omnibox.media.signing import signed_file_path
from omnibox.models import (
    Attachment,
    Channel,
    ContactHandle,
    Conversation,
    DeliveryStatus,
    Direction,
    Message,
)
from omnibox.models.base import utcnow
from omnibox.realtime.emit import emit
from omnibox.realtime.events import SignalKind

log = logging.getLogger(__name__)


@job_app.task(name="deliver_message", queue="outbound")
async def deliver_message(message_id: str) -> None:
    ctx = job_context()
    async with unit_of_work(ctx.db.sessions) as session:
        message = (
            await session.execute(
                select(Message).where(Message.id == uuid.UUID(message_id)).with_for_update()
            )
        ).scalar_one_or_none()
        if message is None or message.status != DeliveryStatus.queued:
            return  # deleted, or already handled by an earlier run of this job
        channel = await session.get(Channel, message.channel_id) if message.channel_id else None
        outbound = await _outbound(session, message, channel)
        try:
            if channel is None:
                raise DeliveryError(
                    "The channel of this conversation was removed.", retryable=False
                )
            result = await adapter_for(channel.kind).send(channel, outbound, ctx.http)
        except DeliveryError as exc:
            message.attempts += 1
            exhausted = message.attempts >= ctx.settings.outbound_max_attempts
            if exc.retryable and not exhausted:
                delay = exc.retry_after or backoff_seconds(message.attempts)
                message.error = f"{exc.reason} Retrying (attempt {message.attempts + 1})."
                await defer_in(
                    session,
                    deliver_message.configure(schedule_in={"seconds": int(delay)}),
                    message_id=message_id,
                )
            else:
                message.status = DeliveryStatus.failed
                message.error = exc.reason
            log.info("delivery of %s failed: %s", message_id, exc.reason)
        else:
            message.attempts += 1
            message.status = DeliveryStatus.sent
            message.error = None
            if result.external_id:
                message.external_id = result.external_id
        message.updated_at = utcnow()
        await session.flush()
        await emit(
            session,
            SignalKind.message_updated,
            workspace_id=message.workspace_id,
            conversation_id=message.conversation_id,
            message_id=message.id,
        )


async def _outbound(
    session: AsyncSession, message: Message, channel: Channel | None
) -> OutboundMessage:
    """What the adapter needs to send ``message``: the contact's id on the channel, the
    channel's id of the message replied to, and the files (path and a signed link)."""
    contact_external_id = None
    if channel is not None:
        contact_external_id = (
            await session.execute(
                select(ContactHandle.external_id)
                .join(Conversation, Conversation.contact_id == ContactHandle.contact_id)
                .where(
                    Conversation.id == message.conversation_id,
                    ContactHandle.channel_id == channel.id,
                )
            )
        ).scalar_one_or_none()
    reply_to_external_id = None
    if message.reply_to_id:
        reply_to_external_id = (
            await session.execute(
                select(Message.external_id).where(Message.id == message.reply_to_id)
            )
        ).scalar_one_or_none()
    attachments = (
        await session.execute(
            select(Attachment)
            .where(Attachment.message_id == message.id)
            .order_by(Attachment.position)
        )
    ).scalars()
    ctx = job_context()
    root, secret = base_url(ctx.settings), ctx.settings.resolved_secret_key()
    return OutboundMessage(
        id=str(message.id),
        conversation_id=str(message.conversation_id),
        contact_external_id=contact_external_id,
        text=message.text,
        attachments=[
            OutboundAttachment(
                media_type=a.media_type,
                filename=a.filename,
                url=root + signed_file_path(secret, a.id, a.filename),
                path=ctx.storage.path(a.storage_key or ""),
            )
            for a in attachments
        ],
        reply_to_external_id=reply_to_external_id,
        created_at=message.created_at.isoformat(),
        kind=message.kind,
        template=_template(message),
    )


def _template(message: Message) -> OutboundTemplate | None:
    """Replies store the template they send in ``raw`` (outbound messages have no other use
    for it)."""
    stored = (
        (message.raw or {}).get("template") if message.direction == Direction.outgoing else None
    )
    return OutboundTemplate(**stored) if stored else None
