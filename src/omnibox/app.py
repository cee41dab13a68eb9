"""The ASGI application: REST API, WebSocket, channel webhooks and the built web client."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from omnibox import __version__
from omnibox.auth import endpoints as auth_endpoints
from omnibox.channels import endpoints as channel_endpoints
from omnibox.channels import hooks
from omnibox.channels.telegram import endpoints as telegram_endpoints
from omnibox.channels.telegram import hooks as telegram_hooks
from omnibox.channels.whatsapp import endpoints as whatsapp_endpoints
from omnibox.channels.whatsapp import hooks as whatsapp_hooks
from omnibox.contacts import endpoints as contact_endpoints
from omnibox.conversations import endpoints as conversation_endpoints
from omnibox.customfields import endpoints as custom_field_endpoints
from omnibox.db.engine import Database
from omnibox.errors import CsrfRejected, OmniboxError, problems
from omnibox.inboxes import endpoints as inbox_endpoints
from omnibox.media import endpoints as media_endpoints
from omnibox.messages import endpoints as message_endpoints
from omnibox.notifications import endpoints as notification_endpoints
from omnibox.realtime import endpoints as realtime_endpoints
from omnibox.realtime import typing as realtime_typing
from omnibox.realtime.hub import Hub
from omnibox.runtime import running
from omnibox.settings import Settings, get_settings
from omnibox.snippets import endpoints as snippet_endpoints
from omnibox.speech import endpoints as speech_endpoints
from omnibox.teams import endpoints as team_endpoints
from omnibox.workspaces import endpoints as workspace_endpoints

log = logging.getLogger(__name__)

WEB_DIST = Path(__file__).resolve().parent / "webdist"
PROBLEM_JSON = "application/problem+json"
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def problem(status: int, title: str, detail: str, slug: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {
            "type": f"https://omnibox.dev/problems/{slug}",
            "title": title,
            "status": status,
            "detail": detail,
            **extra,
        },
        status_code=status,
        media_type=PROBLEM_JSON,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(OmniboxError)
    async def domain_error(_: Request, exc: OmniboxError) -> Response:
        response = JSONResponse(exc.problem(), status_code=exc.status, media_type=PROBLEM_JSON)
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"field": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
            for e in exc.errors()
        ]
        return problem(
            422,
            "Invalid request",
            "Some fields are missing or wrong.",
            "invalid-request",
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> Response:
        slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        return problem(exc.status_code, str(exc.detail), str(exc.detail), slug)


class CsrfMiddleware:
    """Refuse state-changing API calls a browser makes from another origin.

    The session cookie is SameSite=Lax as well; this covers same-site subdomains and old
    browsers. Clients that send no Origin or Referer (scripts, servers) are not browsers.
    Plain ASGI (not BaseHTTPMiddleware): it sits on every request, webhooks included.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in _UNSAFE
            and scope["path"].startswith("/api/")
        ):
            headers = Headers(scope=scope)
            source = headers.get("origin") or headers.get("referer")
            if source and (source == "null" or urlsplit(source).netloc != headers.get("host")):
                exc = CsrfRejected("This request came from another site.")
                response = JSONResponse(
                    exc.problem(), status_code=exc.status, media_type=PROBLEM_JSON
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _mount_web_client(app: FastAPI) -> None:
    index = WEB_DIST / "index.html"
    if (WEB_DIST / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=WEB_DIST / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str) -> Response:
        if path.startswith(("api/", "hooks/", "files/")):
            return problem(404, "Not found", f"No such endpoint: /{path}", "not-found")
        candidate = (WEB_DIST / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(WEB_DIST):
            return FileResponse(candidate)
        if not index.exists():
            return Response(
                "The web client is not built. Run `make web` (or `make run`).",
                status_code=503,
                media_type="text/plain",
            )
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


def _document_realtime_events(app: FastAPI) -> None:
    """Put the WebSocket event shapes into the OpenAPI schema, so the web client's types for
    them are generated like every other type (OpenAPI has no WebSocket operations)."""
    from fastapi.openapi.utils import get_openapi
    from pydantic import TypeAdapter

    from omnibox.realtime.events import ServerEvent

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
            events = TypeAdapter(ServerEvent).json_schema(
                mode="serialization", ref_template="#/components/schemas/{model}"
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(events.pop("$defs", {}))
            components["ServerEvent"] = events
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(
    settings: Settings | None = None, *, db: Database | None = None, worker: bool = True
) -> FastAPI:
    settings = settings or get_settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with running(settings, db=db, worker=worker) as runtime:
            app.state.db = runtime.db
            app.state.storage = runtime.storage
            app.state.http = runtime.http
            hub = Hub(runtime.db)
            await hub.start()
            app.state.hub = hub
            try:
                yield
            finally:
                await hub.stop()

    app = FastAPI(
        title="omnibox",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.secret_key = settings.resolved_secret_key()
    _install_error_handlers(app)
    app.add_middleware(CsrfMiddleware)

    api = APIRouter(prefix="/api/v1", responses=problems(401, 422))
    for module in (
        auth_endpoints,
        workspace_endpoints,
        conversation_endpoints,
        message_endpoints,
        contact_endpoints,
        channel_endpoints,
        telegram_endpoints,
        whatsapp_endpoints,
        media_endpoints,
        speech_endpoints,
        team_endpoints,
        inbox_endpoints,
        custom_field_endpoints,
        notification_endpoints,
        snippet_endpoints,
    ):
        api.include_router(module.router)
    api.include_router(media_endpoints.uploads_router)
    api.include_router(conversation_endpoints.mailbox_router)
    api.include_router(contact_endpoints.tags_router)
    api.include_router(whatsapp_endpoints.conversation_router)
    api.include_router(realtime_endpoints.router)
    api.include_router(realtime_typing.router)

    @api.get("/health", tags=["meta"])
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    app.include_router(api)
    _document_realtime_events(app)
    app.include_router(hooks.router)
    app.include_router(telegram_hooks.router)
    app.include_router(whatsapp_hooks.router)
    app.include_router(media_endpoints.signed_router)
    _mount_web_client(app)
    return app
