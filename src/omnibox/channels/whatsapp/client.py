"""Calls to the WhatsApp Cloud API (Meta's Graph API) and its error objects.

Graph answers errors as ``{"error": {"message", "type", "code", "error_subcode",
"error_data": {"details"}}}``; ``GraphError`` keeps WhatsApp's own words (agents see them) and
decides whether trying again later may help.
"""

from __future__ import annotations

from typing import Any

import httpx

from omnibox.channels.http import fetch_limited
from omnibox.errors import OmniboxError

# Throttling and "try again later" codes: 4 (app call limit), 80007 (WABA rate limit),
# 130429 (throughput), 131056 (pair rate limit), 131000/131016/133004 (temporary trouble), and
# 1/2 (Graph's generic "service temporarily unavailable").
RETRYABLE_CODES = frozenset({1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004})
# The access token is expired, revoked or lacks a permission: nothing works until it changes.
AUTH_CODES = frozenset({190, 200, 10})


class GraphError(Exception):
    def __init__(
        self,
        reason: str,
        *,
        retryable: bool,
        status: int | None = None,
        code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.status = status
        self.code = code
        self.retry_after = retry_after

    @property
    def auth_failed(self) -> bool:
        return self.status == 401 or self.code in AUTH_CODES


class ChannelApiError(OmniboxError):
    """The messenger's API could not be reached or failed while we asked it something."""

    status = 502
    slug = "channel-api-error"
    title = "The messenger's API failed"


def describe_error(error: dict[str, Any]) -> str:
    """WhatsApp's words for an error object (API answers and failed-status webhooks alike)."""
    message = str(error.get("message") or error.get("title") or "Unknown error").strip()
    details = (error.get("error_data") or {}).get("details")
    code = error.get("code")
    text = message if code is None or f"#{code}" in message else f"{message} (#{code})"
    if details and str(details) not in text:
        text = f"{text}: {details}"
    return text


def _error_from(response: httpx.Response) -> GraphError:
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    code = error.get("code") if isinstance(error.get("code"), int) else None
    if error:
        reason = "WhatsApp: " + describe_error(error)
    else:
        reason = f"WhatsApp answered {response.status_code}: {response.text[:200]}"
    retry_after = response.headers.get("Retry-After")
    return GraphError(
        reason,
        retryable=response.status_code == 429
        or response.status_code >= 500
        or code in RETRYABLE_CODES,
        status=response.status_code,
        code=code,
        retry_after=float(retry_after) if retry_after and retry_after.isdigit() else None,
    )


class GraphClient:
    """One access token against one Graph API base URL (a setting, so tests use a fake)."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, token: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.headers = {"Authorization": f"Bearer {token}"}

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = await self.http.request(
                method, self.url(path), headers=self.headers, **kwargs
            )
        except httpx.TimeoutException as exc:
            raise GraphError(
                f"WhatsApp did not answer in time ({type(exc).__name__}).", retryable=True
            ) from exc
        except httpx.HTTPError as exc:
            raise GraphError(f"Could not reach WhatsApp: {exc}", retryable=True) from exc
        if response.status_code >= 400:
            raise _error_from(response)
        try:
            answer = response.json()
        except ValueError as exc:
            raise GraphError(
                "WhatsApp answered with something that is not JSON.", retryable=True
            ) from exc
        if not isinstance(answer, dict):
            raise GraphError("WhatsApp answered with an unexpected shape.", retryable=False)
        return answer

    async def get(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        return await self._call("GET", path, params=params)

    async def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return await self._call("POST", path, json=body)

    async def upload(
        self, path: str, fields: dict[str, str], filename: str, data: bytes, media_type: str
    ) -> dict[str, Any]:
        return await self._call(
            "POST", path, data=fields, files={"file": (filename, data, media_type)}
        )

    async def download(self, url: str, limit: int) -> bytes:
        """Media URLs answer only with the same bearer token (and expire after minutes)."""
        return await fetch_limited(self.http, url, limit, headers=self.headers)
