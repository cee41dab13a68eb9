"""Telegram's update shapes (the fields we read; the rest stays in ``raw``) and our API bodies."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from omnibox.channels.telegram.client import TOKEN_PATTERN

# --------------------------------------------------------------------------- Bot API objects


class _TgObject(BaseModel):
    # Telegram adds fields all the time; what we don't read is kept in the message's raw.
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class TgUser(_TgObject):
    id: int
    is_bot: bool = False
    first_name: str = ""
    last_name: str | None = None
    username: str | None = None


class TgChat(_TgObject):
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None


class TgFile(_TgObject):
    file_id: str = Field(min_length=1, max_length=1000)
    file_size: int | None = None
    file_name: str | None = None
    mime_type: str | None = None


class TgPhotoSize(TgFile):
    width: int = 0
    height: int = 0


class TgAudio(TgFile):
    title: str | None = None
    performer: str | None = None


class TgSticker(TgFile):
    is_animated: bool = False
    is_video: bool = False
    emoji: str | None = None


class TgLocation(_TgObject):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class TgVenue(_TgObject):
    location: TgLocation
    title: str = ""
    address: str = ""


class TgContact(_TgObject):
    phone_number: str
    first_name: str = ""
    last_name: str | None = None
    user_id: int | None = None


class TgMessage(_TgObject):
    message_id: int
    from_user: TgUser | None = Field(default=None, alias="from")
    chat: TgChat
    date: int
    edit_date: int | None = None
    text: str | None = None
    caption: str | None = None
    photo: list[TgPhotoSize] | None = None
    document: TgFile | None = None
    animation: TgFile | None = None
    voice: TgFile | None = None
    audio: TgAudio | None = None
    video: TgFile | None = None
    video_note: TgFile | None = None
    sticker: TgSticker | None = None
    location: TgLocation | None = None
    venue: TgVenue | None = None
    contact: TgContact | None = None
    reply_to_message: TgMessage | None = None


class TgUpdate(_TgObject):
    update_id: int
    message: TgMessage | None = None
    edited_message: TgMessage | None = None


# --------------------------------------------------------------------------- our API


class TelegramChannelCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    bot_token: str = Field(
        pattern=TOKEN_PATTERN,
        description="The token @BotFather gave for the bot (123456789:AA...). Never shown again.",
    )


class TelegramChannelUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    bot_token: str | None = Field(
        default=None,
        pattern=TOKEN_PATTERN,
        description="A new token of the same bot (after /revoke in @BotFather).",
    )
