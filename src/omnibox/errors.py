"""Domain errors rendered as problem+json (RFC 9457) by one handler."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel


class OmniboxError(Exception):
    """Base of every error a user can see; subclasses set status and a stable type slug."""

    status: ClassVar[int] = 400
    slug: ClassVar[str] = "bad-request"
    title: ClassVar[str] = "Bad request"

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.extra = extra
        self.headers: dict[str, str] = {}

    def problem(self) -> dict[str, Any]:
        return {
            "type": f"https://omnibox.dev/problems/{self.slug}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            **self.extra,
        }


class NotFound(OmniboxError):
    status = 404
    slug = "not-found"
    title = "Not found"


class Unauthorized(OmniboxError):
    status = 401
    slug = "unauthorized"
    title = "Not logged in"


class InvalidCredentials(OmniboxError):
    status = 401
    slug = "invalid-credentials"
    title = "Wrong e-mail or password"


class TooManyAttempts(OmniboxError):
    status = 429
    slug = "too-many-attempts"
    title = "Too many attempts"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed attempts. Try again in {retry_after} seconds.")
        self.headers["Retry-After"] = str(retry_after)


class Forbidden(OmniboxError):
    status = 403
    slug = "forbidden"
    title = "Not allowed"


class CsrfRejected(OmniboxError):
    status = 403
    slug = "csrf"
    title = "Cross-site request refused"


class Conflict(OmniboxError):
    status = 409
    slug = "conflict"
    title = "Conflict"


class InvalidPayload(OmniboxError):
    status = 422
    slug = "invalid-payload"
    title = "Invalid payload"


class PayloadTooLarge(OmniboxError):
    status = 413
    slug = "payload-too-large"
    title = "Payload too large"


class UnsupportedMediaType(OmniboxError):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


class InvalidSignature(OmniboxError):
    status = 401
    slug = "invalid-signature"
    title = "Invalid signature"


class ProblemFieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document: what every error answer looks like."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemFieldError] | None = None


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the given error statuses (all problem+json)."""
    return {
        status: {"model": Problem, "content": {"application/problem+json": {}}}
        for status in statuses
    }
