from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from omnibox.auth.dependencies import Access
from omnibox.channels import service
from omnibox.channels.base import Disconnects
from omnibox.channels.registry import adapter_for
from omnibox.channels.schemas import ApiChannelCreate, ChannelCreatedOut, ChannelOut, ChannelUpdate
from omnibox.db.session import DbSession
from omnibox.errors import problems
from omnibox.models import Role

router = APIRouter(prefix="/workspaces/{workspace_id}/channels", tags=["channels"])


@router.get("", responses=problems(404))
async def list_channels(access: Access, session: DbSession, request: Request) -> list[ChannelOut]:
    settings = request.app.state.settings
    return [
        service.channel_out(settings, c)
        for c in await service.list_channels(session, access.workspace_id)
    ]


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(403, 404))
async def create_channel(
    body: ApiChannelCreate, access: Access, session: DbSession, request: Request
) -> ChannelCreatedOut:
    access.require(Role.owner, Role.manager)
    return await service.create_api_channel(
        session,
        request.app.state.settings,
        access.workspace_id,
        name=body.name,
        callback_url=str(body.callback_url) if body.callback_url else None,
    )


@router.patch("/{channel_id}", responses=problems(403, 404))
async def update_channel(
    channel_id: uuid.UUID, body: ChannelUpdate, access: Access, session: DbSession, request: Request
) -> ChannelOut:
    access.require(Role.owner, Role.manager)
    channel = await service.get_channel(session, access.workspace_id, channel_id)
    await service.update_channel(session, channel, body)
    return service.channel_out(request.app.state.settings, channel)


@router.delete(
    "/{channel_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(403, 404)
)
async def remove_channel(
    channel_id: uuid.UUID, access: Access, session: DbSession, request: Request
) -> Response:
    access.require(Role.owner, Role.manager)
    channel = await service.get_channel(session, access.workspace_id, channel_id)
    adapter = adapter_for(channel.kind)
    if isinstance(adapter, Disconnects):
        await adapter.disconnect(channel, request.app.state.http)
    await service.remove_channel(session, channel)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
