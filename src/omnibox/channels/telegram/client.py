"""Calls to the Telegram Bot API and its error answers.

Every method answers ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code", "description", "parameters": {"retry_after"}}``; ``TelegramError``
keeps Telegram's own words (agents see them) and says whether trying again later may help.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import httpx

from omnibox.channels.http import fetch_limited

# Updates we ask Telegram for: everything a contact writes. Anything else (chat member
# changes, callback queries of keyboards we never send) would only be noise in the inbox.
ALLOWED_UPDATES = ["message", "edited_message"]
# Telegram's token shape: the bot's numeric id, a colon, 35 URL-safe characters.
TOKEN_PATTERN = r"^\d{1,20}:[A-Za-z0-9_-]{20,100}$"  # noqa: S105 (a shape, not a secret)
_TOKEN_IN_TEXT = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{20,100}")

# A file in an upload: (file name, bytes, media type), as httpx takes it.
UploadFile = tuple[str, bytes, str]


class TelegramError(Exception):
    """A Bot API call that failed; ``code`` is None when Telegram could not be reached."""

    def __init__(
        self, description: str, *, code: int | None, retry_after: float | None = None
    ) -> None:
        super().__init__(description)
        self.description = description
        self.code = code
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.code is None or self.code == 429 or self.code >= 500

    @property
    def token_rejected(self) -> bool:
        # 401 for a revoked token; 404 when the token is not even shaped like one.
        return self.code in (401, 404)


def redact(text: str) -> str:
    """Bot tokens out of anything that may reach a log or an agent (URLs carry them)."""
    return _TOKEN_IN_TEXT.sub("<bot token>", text)


def _form_value(value: Any) -> str:
    # Multipart fields are strings; objects and arrays go as JSON, as the Bot API expects.
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class BotApi:
    """One bot's view of the Bot API (``base_url`` is a setting so tests use a fake)."""

    base_url: str
    token: str
    http: httpx.AsyncClient

    def _url(self, method: str) -> str:
        return f"{self.base_url.rstrip('/')}/bot{self.token}/{method}"

    async def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        files: dict[str, UploadFile] | None = None,
    ) -> Any:
        """The method's ``result``; raises ``TelegramError``."""
        params = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            if files:
                data = {k: _form_value(v) for k, v in params.items()}
                response = await self.http.post(self._url(method), data=data, files=files)
            else:
                response = await self.http.post(self._url(method), json=params)
        except httpx.TimeoutException as exc:
            raise TelegramError(
                f"Telegram did not answer in time ({type(exc).__name__}).", code=None
            ) from exc
        except httpx.HTTPError as exc:
            raise TelegramError(
                f"Telegram could not be reached: {redact(str(exc)) or type(exc).__name__}",
                code=None,
            ) from exc
        return _result(response)

    async def get_me(self) -> dict[str, Any]:
        me: dict[str, Any] = await self.call("getMe")
        return me

    async def set_webhook(self, url: str, secret_token: str) -> None:
        await self.call(
            "setWebhook",
            {"url": url, "secret_token": secret_token, "allowed_updates": ALLOWED_UPDATES},
        )

    async def delete_webhook(self) -> None:
        await self.call("deleteWebhook")

    async def get_updates(
        self, offset: int | None, *, long_poll_s: int = 0, limit: int = 100
    ) -> list[Any]:
        result = await self.call(
            "getUpdates",
            {
                "offset": offset,
                "timeout": long_poll_s,
                "limit": limit,
                "allowed_updates": ALLOWED_UPDATES,
            },
        )
        if not isinstance(result, list):
            raise TelegramError("getUpdates answered something other than a list.", code=None)
        return result

    async def download(self, file_id: str, limit: int) -> bytes:
        """A file a contact sent: ``getFile`` for its path, then the file itself."""
        info = await self.call("getFile", {"file_id": file_id})
        path = info.get("file_path") if isinstance(info, dict) else None
        if not path:
            raise TelegramError("Telegram has no download path for this file.", code=400)
        url = f"{self.base_url.rstrip('/')}/file/bot{self.token}/{path}"
        return await fetch_limited(self.http, url, limit)


def _result(response: httpx.Response) -> Any:
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise TelegramError(
            f"Telegram answered {response.status_code} without a Bot API reply.",
            code=response.status_code if response.status_code >= 400 else 502,
        )
    if body.get("ok") is True:
        return body.get("result")
    code = body.get("error_code")
    parameters = body.get("parameters") or {}
    retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
    raise TelegramError(
        str(body.get("description") or f"Telegram answered {response.status_code}."),
        code=code if isinstance(code, int) else response.status_code,
        retry_after=float(retry_after) if isinstance(retry_after, int | float) else None,
    )
