"""WhatsApp channel use cases: connect a number, update it, receive notifications, templates."""

from __future__ import annotations

import logging
import secrets
import uuid

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.base import OutboundTemplate
from omnibox.channels.service import channel_out
from omnibox.channels.whatsapp.client import ChannelApiError, GraphClient, GraphError
from omnibox.channels.whatsapp.inbound import Batch
from omnibox.channels.whatsapp.schemas import (
    TemplateOut,
    WhatsAppChannelCreate,
    WhatsAppChannelOut,
    WhatsAppChannelUpdate,
    WhatsAppWebhookAccepted,
)
from omnibox.channels.whatsapp.templates import list_templates, prepare_template
from omnibox.errors import Conflict, InvalidPayload
from omnibox.jobs.context import job_context
from omnibox.media.storage import LocalStorage
from omnibox.messages.delivery import apply_delivery_status
from omnibox.messages.inbound import ingest
from omnibox.models import Channel, ChannelKind, ChannelStatus
from omnibox.settings import Settings

log = logging.getLogger(__name__)

_SECRETS = ("access_token", "app_secret", "verify_token")


def whatsapp_out(settings: Settings, channel: Channel) -> WhatsAppChannelOut:
    return WhatsAppChannelOut(
        **channel_out(settings, channel).model_dump(),
        verify_token=str(channel.secrets["verify_token"]),
    )


def _refused(exc: GraphError, field: str) -> Exception:
    """A 4xx from Graph is about what was typed in; anything else is WhatsApp's trouble."""
    if exc.status is not None and exc.status < 500 and exc.status != 429:
        return InvalidPayload(
            f"WhatsApp refused these details. {exc.reason}",
            errors=[{"field": field, "message": exc.reason}],
        )
    return ChannelApiError(f"Could not check the details with WhatsApp. {exc.reason}")


async def check_credentials(
    graph: GraphClient, phone_number_id: str, waba_id: str
) -> dict[str, str]:
    """The number's public details; raises if the token can't use the number or the account."""
    try:
        number = await graph.get(
            phone_number_id, {"fields": "display_phone_number,verified_name,quality_rating"}
        )
    except GraphError as exc:
        raise _refused(exc, "phone_number_id") from exc
    try:
        await graph.get(f"{waba_id}/message_templates", {"fields": "name", "limit": "1"})
    except GraphError as exc:
        raise _refused(exc, "waba_id") from exc
    return {
        "display_phone_number": str(number.get("display_phone_number") or ""),
        "verified_name": str(number.get("verified_name") or ""),
    }


async def _number_taken(
    session: AsyncSession, workspace_id: uuid.UUID, phone_number_id: str
) -> bool:
    return (
        await session.execute(
            select(Channel.id).where(
                Channel.workspace_id == workspace_id,
                Channel.kind == ChannelKind.whatsapp,
                Channel.settings["phone_number_id"].astext == phone_number_id,
            )
        )
    ).first() is not None


async def connect(
    session: AsyncSession,
    settings: Settings,
    http: httpx.AsyncClient,
    workspace_id: uuid.UUID,
    body: WhatsAppChannelCreate,
) -> WhatsAppChannelOut:
    if await _number_taken(session, workspace_id, body.phone_number_id):
        raise Conflict("This WhatsApp number is already connected in this workspace.")
    graph = GraphClient(http, settings.whatsapp_api_url, body.access_token)
    number = await check_credentials(graph, body.phone_number_id, body.waba_id)
    channel = Channel(
        workspace_id=workspace_id,
        kind=ChannelKind.whatsapp,
        name=body.name,
        settings={"phone_number_id": body.phone_number_id, "waba_id": body.waba_id, **number},
        secrets={
            "access_token": body.access_token,
            "app_secret": body.app_secret,
            "verify_token": body.verify_token or secrets.token_urlsafe(24),
        },
        inbound_token=secrets.token_urlsafe(24),
    )
    session.add(channel)
    await session.flush()
    await session.refresh(channel)
    return whatsapp_out(settings, channel)


async def update(
    session: AsyncSession,
    settings: Settings,
    http: httpx.AsyncClient,
    channel: Channel,
    body: WhatsAppChannelUpdate,
) -> WhatsAppChannelOut:
    if channel.kind != ChannelKind.whatsapp:
        raise InvalidPayload("This is not a WhatsApp channel.")
    changed = body.model_dump(exclude_unset=True, exclude_none=True)
    keys = {**channel.secrets, **{k: changed[k] for k in _SECRETS if k in changed}}
    public = {
        **channel.settings,
        **({"waba_id": changed["waba_id"]} if "waba_id" in changed else {}),
    }
    if "access_token" in changed or "waba_id" in changed:
        graph = GraphClient(http, settings.whatsapp_api_url, keys["access_token"])
        public |= await check_credentials(graph, public["phone_number_id"], public["waba_id"])
        # New, working credentials end whatever made the channel fail.
        channel.status, channel.status_reason = ChannelStatus.connected, None
    channel.name = changed.get("name", channel.name)
    # New dicts, not edits in place: the JSON columns are saved when they are replaced.
    channel.secrets, channel.settings = keys, public
    await session.flush()
    return whatsapp_out(settings, channel)


async def _channel_for_number(
    session: AsyncSession, channel: Channel, phone_number_id: str
) -> Channel | None:
    """Meta posts every number of an app to one callback URL: a change for another number
    goes to the workspace's channel of that number, if it belongs to the same app."""
    if phone_number_id == channel.settings.get("phone_number_id"):
        return channel
    return (
        await session.execute(
            select(Channel).where(
                Channel.workspace_id == channel.workspace_id,
                Channel.kind == ChannelKind.whatsapp,
                Channel.settings["phone_number_id"].astext == phone_number_id,
                Channel.secrets["app_secret"].astext == str(channel.secrets["app_secret"]),
            )
        )
    ).scalar_one_or_none()


async def receive(
    session: AsyncSession,
    channel: Channel,
    batches: list[Batch],
    *,
    storage: LocalStorage,
    max_attachment_bytes: int,
) -> WhatsAppWebhookAccepted:
    """Store a notification's messages and apply its receipts, all in the caller's transaction."""
    accepted = WhatsAppWebhookAccepted(messages=0, duplicates=0, statuses=0, ignored=0)
    for batch in batches:
        target = await _channel_for_number(session, channel, batch.phone_number_id)
        if target is None:
            log.info("WhatsApp change for number %s: no channel of ours", batch.phone_number_id)
            accepted.ignored += len(batch.messages) + len(batch.statuses) + batch.ignored
            continue
        for event in batch.messages:
            result = await ingest(
                session,
                target,
                event,
                storage=storage,
                max_attachment_bytes=max_attachment_bytes,
            )
            if result.duplicate:
                accepted.duplicates += 1
            else:
                accepted.messages += 1
        accepted.ignored += batch.ignored
        for status in batch.statuses:
            found = await apply_delivery_status(
                session, target, status.external_id, status.status, status.error
            )
            if found is None:
                accepted.ignored += 1  # sent from elsewhere (the WhatsApp app, another tool)
            else:
                accepted.statuses += 1
    return accepted


async def templates(
    settings: Settings, http: httpx.AsyncClient, channel: Channel
) -> list[TemplateOut]:
    if channel.kind != ChannelKind.whatsapp:
        raise InvalidPayload("Only WhatsApp channels have message templates.")
    graph = GraphClient(http, settings.whatsapp_api_url, str(channel.secrets["access_token"]))
    try:
        found = await list_templates(graph, str(channel.settings["waba_id"]))
    except GraphError as exc:
        raise ChannelApiError(f"Could not load the templates. {exc.reason}") from exc
    return [
        TemplateOut(
            name=t.name,
            language=t.language,
            status=t.status,
            category=t.category,
            body=t.body,
            variables=t.variables,
            variable_count=len(t.variables),
            components=t.components,
            sendable=t.unsendable_reason is None,
            unsendable_reason=t.unsendable_reason,
        )
        for t in found
    ]


async def template_message(
    channel: Channel, wanted: OutboundTemplate
) -> tuple[str, OutboundTemplate]:
    """For a reply: the template checked against WhatsApp's copy and its filled-in text."""
    if channel.kind != ChannelKind.whatsapp:
        raise InvalidPayload(f"Templates can't be sent on {channel.kind} channels.")
    # Called from the reply service, which has no HTTP client of its own: the process's.
    ctx = job_context()
    graph = GraphClient(
        ctx.http, ctx.settings.whatsapp_api_url, str(channel.secrets["access_token"])
    )
    try:
        return await prepare_template(graph, str(channel.settings["waba_id"]), wanted)
    except GraphError as exc:
        raise ChannelApiError(f"Could not check the template with WhatsApp. {exc.reason}") from exc
