"""HTTP helpers shared by channel adapters."""

from __future__ import annotations

import httpx

from omnibox.errors import PayloadTooLarge


class MediaUnavailable(Exception):
    """The media can't be fetched; ``retryable`` says whether trying later may help."""

    def __init__(self, reason: str, *, retryable: bool) -> None:
        super().__init__(reason)
        self.retryable = retryable


async def fetch_limited(
    http: httpx.AsyncClient, url: str, limit: int, headers: dict[str, str] | None = None
) -> bytes:
    """GET ``url`` into memory, refusing more than ``limit`` bytes."""
    try:
        async with http.stream("GET", url, headers=headers, follow_redirects=True) as response:
            if response.status_code >= 500 or response.status_code == 429:
                raise MediaUnavailable(
                    f"the server answered {response.status_code}", retryable=True
                )
            if response.status_code >= 400:
                raise MediaUnavailable(
                    f"the server answered {response.status_code}", retryable=False
                )
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise PayloadTooLarge(f"the file is larger than {limit} bytes")
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.HTTPError as exc:
        raise MediaUnavailable(f"could not download it: {exc}", retryable=True) from exc
