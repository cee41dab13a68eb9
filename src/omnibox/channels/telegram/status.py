"""What a Telegram channel shows about its health (``Channel.status`` and its reason).

Set on the channel row the caller holds, so it commits with the caller's transaction.
"""

from __future__ import annotations

from omnibox.channels.telegram.client import TelegramError
from omnibox.models import Channel, ChannelStatus

# In ``Channel.state``: the token stopped working; polling waits for a new one.
TOKEN_REJECTED = "token_rejected"  # noqa: S105 (a state key)


def token_rejected_reason(error: TelegramError) -> str:
    return (
        f"Telegram no longer accepts the bot token ({error.description}): it was revoked or "
        "replaced in @BotFather. Enter the new token in the channel settings."
    )


def mark_failing(channel: Channel, reason: str) -> None:
    if channel.status != ChannelStatus.failing or channel.status_reason != reason:
        channel.status = ChannelStatus.failing
        channel.status_reason = reason


def mark_token_rejected(channel: Channel, error: TelegramError) -> None:
    mark_failing(channel, token_rejected_reason(error))
    if not channel.state.get(TOKEN_REJECTED):
        # A new dict: JSONB columns only notice reassignment.
        channel.state = {**channel.state, TOKEN_REJECTED: True}


def mark_connected(channel: Channel) -> None:
    if channel.status != ChannelStatus.connected:
        channel.status = ChannelStatus.connected
        channel.status_reason = None
    if channel.state.get(TOKEN_REJECTED):
        channel.state = {k: v for k, v in channel.state.items() if k != TOKEN_REJECTED}
