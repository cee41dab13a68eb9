"""A fake WhatsApp Cloud API (Meta's Graph API) on 127.0.0.1.

It implements exactly the endpoints omnibox uses, with Graph's request and answer shapes:

* ``GET /v21.0/{phone_number_id}``: the number's details (checks the bearer token);
* ``GET /v21.0/{waba_id}/message_templates``: templates, with cursor paging;
* ``POST /v21.0/{phone_number_id}/messages``: send (text, media by id, template) or mark read
  with a typing indicator;
* ``POST /v21.0/{phone_number_id}/media``: multipart upload, answers a media id;
* ``GET /v21.0/{media_id}``: a media's download URL, which answers only with the token.

Errors are Graph error objects. Tests script the next answers of ``/messages`` per number
(429, 5xx, error codes, slow answers that time out) and build signed webhook notifications
with the helpers at the bottom.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import socket
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

VERSION = "v21.0"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Chosen when the test session starts, so the (session-wide) settings can point at it.
PORT = _free_port()
API_URL = f"http://127.0.0.1:{PORT}/{VERSION}"


def graph_error(
    code: int,
    message: str,
    *,
    details: str | None = None,
    kind: str = "OAuthException",
    subcode: int | None = None,
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "message": message,
        "type": kind,
        "code": code,
        "fbtrace_id": "A" + secrets.token_hex(8),
    }
    if details is not None:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


def _invalid_token() -> JSONResponse:
    return JSONResponse(
        graph_error(190, "Invalid OAuth access token - Cannot parse access token"),
        status_code=401,
    )


def _no_such_object(object_id: str) -> JSONResponse:
    return JSONResponse(
        graph_error(
            100,
            f"Unsupported get request. Object with ID '{object_id}' does not exist, cannot be "
            "loaded due to missing permissions, or does not support this operation.",
            kind="GraphMethodException",
            subcode=33,
        ),
        status_code=400,
    )


def _invalid_parameter(details: str) -> JSONResponse:
    return JSONResponse(graph_error(100, "(#100) Invalid parameter", details=details), 400)


@dataclass
class Number:
    id: str
    waba_id: str
    token: str
    display_phone_number: str
    verified_name: str


@dataclass
class Upload:
    id: str
    phone_number_id: str
    media_type: str
    filename: str
    data: bytes


@dataclass
class Call:
    method: str
    path: str
    headers: dict[str, str]
    query: dict[str, str]
    json: dict[str, Any] | None = None
    accepted: bool = False  # a message the fake took (and answered with a wamid)


@dataclass
class Scripted:
    status: int = 200
    body: dict[str, Any] | None = None
    delay: float = 0.0


@dataclass
class FakeGraph:
    port: int = PORT
    numbers: dict[str, Number] = field(default_factory=dict)
    templates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Media contacts sent (downloadable by id): id -> (bytes, media type, token).
    media: dict[str, tuple[bytes, str, str]] = field(default_factory=dict)
    uploads: dict[str, Upload] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    downloads: list[dict[str, str]] = field(default_factory=list)
    script: dict[str, deque[Scripted]] = field(default_factory=lambda: defaultdict(deque))
    down: bool = False  # every Graph call answers 503
    _server: uvicorn.Server | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{VERSION}"

    # ------------------------------------------------------------------ test set-up

    def add_number(self, *, verified_name: str = "Test Shop") -> Number:
        number = Number(
            id=str(secrets.randbelow(10**15) + 10**14),
            waba_id=str(secrets.randbelow(10**15) + 10**14),
            token="EAAG" + secrets.token_urlsafe(40),
            display_phone_number="+1 555-01" + str(secrets.randbelow(90) + 10),
            verified_name=verified_name,
        )
        with self._lock:
            self.numbers[number.id] = number
            self.templates.setdefault(number.waba_id, [])
        return number

    def add_media(self, number: Number, data: bytes, media_type: str) -> str:
        media_id = str(secrets.randbelow(10**15) + 10**14)
        with self._lock:
            self.media[media_id] = (data, media_type, number.token)
        return media_id

    def then(self, number: Number, *answers: Scripted) -> None:
        """The next answers of ``POST /{number}/messages``, in order (then: success)."""
        with self._lock:
            self.script[number.id].extend(answers)

    def sent(self, number: Number) -> list[dict[str, Any]]:
        """Bodies of the messages accepted for this number (typing indicators excluded)."""
        with self._lock:
            return [
                c.json
                for c in self.calls
                if c.json is not None
                and c.method == "POST"
                and c.path == f"/{VERSION}/{number.id}/messages"
                and c.accepted
                and "status" not in c.json
            ]

    def calls_to(self, number: Number, suffix: str = "/messages") -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.path == f"/{VERSION}/{number.id}{suffix}"]

    def wait_sent(self, number: Number, count: int, timeout: float = 20.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sent = self.sent(number)
            if len(sent) >= count:
                return sent
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages sent, got {len(self.sent(number))}")

    # ------------------------------------------------------------------ the API

    def _token_of(self, request: Request) -> str:
        return request.headers.get("authorization", "").removeprefix("Bearer ")

    async def _record(self, request: Request, body: dict[str, Any] | None) -> Call:
        call = Call(
            request.method,
            request.url.path,
            {k.lower(): v for k, v in request.headers.items()},
            dict(request.query_params),
            body,
        )
        with self._lock:
            self.calls.append(call)
        return call

    async def get_object(self, request: Request) -> Response:
        object_id = request.path_params["object_id"]
        await self._record(request, None)
        if self.down:
            return JSONResponse(graph_error(2, "Service temporarily unavailable"), 503)
        if object_id in self.numbers:
            number = self.numbers[object_id]
            if self._token_of(request) != number.token:
                return _invalid_token()
            return JSONResponse(
                {
                    "verified_name": number.verified_name,
                    "code_verification_status": "VERIFIED",
                    "display_phone_number": number.display_phone_number,
                    "quality_rating": "GREEN",
                    "platform_type": "CLOUD_API",
                    "id": number.id,
                }
            )
        if object_id in self.media:
            data, media_type, token = self.media[object_id]
            if self._token_of(request) != token:
                return _invalid_token()
            return JSONResponse(
                {
                    "messaging_product": "whatsapp",
                    "url": f"http://127.0.0.1:{self.port}/whatsapp_business/attachments/"
                    f"?mid={object_id}&ext=1&hash=x",
                    "mime_type": media_type,
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "file_size": str(len(data)),
                    "id": object_id,
                }
            )
        return _no_such_object(object_id)

    async def download(self, request: Request) -> Response:
        media_id = request.query_params.get("mid", "")
        with self._lock:
            self.downloads.append(
                {"mid": media_id, "authorization": request.headers.get("authorization", "")}
            )
        if media_id not in self.media:
            return Response(status_code=404)
        data, media_type, token = self.media[media_id]
        if self._token_of(request) != token:
            return Response(status_code=401)  # lookaside wants the same bearer token
        return Response(data, media_type=media_type)

    async def message_templates(self, request: Request) -> Response:
        waba_id = request.path_params["waba_id"]
        await self._record(request, None)
        if self.down:
            return JSONResponse(graph_error(2, "Service temporarily unavailable"), 503)
        if waba_id not in self.templates:
            return _no_such_object(waba_id)
        owners = {n.token for n in self.numbers.values() if n.waba_id == waba_id}
        if self._token_of(request) not in owners:
            return _invalid_token()
        wanted = request.query_params.get("name")
        found = [t for t in self.templates[waba_id] if not wanted or wanted in t["name"]]
        limit = int(request.query_params.get("limit", "25"))
        start = int(base64.b64decode(request.query_params.get("after", "MA==")).decode())
        page = found[start : start + limit]
        answer: dict[str, Any] = {"data": page}
        if page:
            after = base64.b64encode(str(start + len(page)).encode()).decode()
            answer["paging"] = {"cursors": {"before": "MA==", "after": after}}
            if start + len(page) < len(found):
                answer["paging"]["next"] = (
                    f"{self.api_url}/{waba_id}/message_templates?after={after}&limit={limit}"
                )
        return JSONResponse(answer)

    async def upload_media(self, request: Request) -> Response:
        phone_number_id = request.path_params["phone_number_id"]
        number = self.numbers.get(phone_number_id)
        form = await request.form()
        await self._record(request, {k: v for k, v in form.items() if isinstance(v, str)})
        if number is None:
            return _no_such_object(phone_number_id)
        if self._token_of(request) != number.token:
            return _invalid_token()
        upload = form.get("file")
        if form.get("messaging_product") != "whatsapp" or not isinstance(upload, UploadFile):
            return _invalid_parameter("messaging_product and file are required")
        media = Upload(
            id=str(secrets.randbelow(10**15) + 10**14),
            phone_number_id=phone_number_id,
            media_type=str(form.get("type") or upload.content_type),
            filename=upload.filename or "",
            data=await upload.read(),
        )
        with self._lock:
            self.uploads[media.id] = media
        return JSONResponse({"id": media.id})

    async def messages(self, request: Request) -> Response:
        phone_number_id = request.path_params["phone_number_id"]
        number = self.numbers.get(phone_number_id)
        try:
            body = json.loads(await request.body())
        except ValueError:
            body = None
        call = await self._record(request, body if isinstance(body, dict) else None)
        if number is None:
            return _no_such_object(phone_number_id)
        if self._token_of(request) != number.token:
            return _invalid_token()
        with self._lock:
            scripted = self.script[number.id].popleft() if self.script[number.id] else None
        if scripted is not None:
            await asyncio.sleep(scripted.delay)
            if scripted.status != 200 or scripted.body is not None:
                return JSONResponse(scripted.body or {}, status_code=scripted.status)
        if not isinstance(body, dict) or body.get("messaging_product") != "whatsapp":
            return _invalid_parameter("messaging_product must be whatsapp")
        if "status" in body:
            return self._mark_read(body)
        problem = self._check_message(body)
        if problem:
            return _invalid_parameter(problem)
        call.accepted = True
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                "messages": [{"id": "wamid." + base64.b64encode(secrets.token_bytes(24)).decode()}],
            }
        )

    def _mark_read(self, body: dict[str, Any]) -> Response:
        if body.get("status") != "read" or not str(body.get("message_id", "")).startswith("wamid."):
            return _invalid_parameter("status must be read, with a received message's id")
        indicator = body.get("typing_indicator")
        if indicator is not None and indicator != {"type": "text"}:
            return _invalid_parameter("typing_indicator.type must be text")
        return JSONResponse({"success": True})

    def _check_message(self, body: dict[str, Any]) -> str | None:
        kind = body.get("type", "text")
        content = body.get(kind)
        if not body.get("to") or not isinstance(content, dict):
            return f"'to' and a {kind!r} object are required"
        if kind == "text":
            return None if str(content.get("body", "")).strip() else "text.body is empty"
        if kind in ("image", "video", "audio", "document", "sticker"):
            upload = self.uploads.get(str(content.get("id")))
            if upload is None:
                return f"{kind}.id is not an uploaded media id"
            if kind == "audio" and "caption" in content:
                return "audio messages take no caption"
            return None
        if kind == "template":
            if not content.get("name") or not (content.get("language") or {}).get("code"):
                return "template.name and template.language.code are required"
            return None
        return f"type {kind!r} is not supported by this fake"

    # ------------------------------------------------------------------ running

    def start(self) -> FakeGraph:
        app = Starlette(
            routes=[
                Route("/whatsapp_business/attachments/", self.download, methods=["GET"]),
                Route(
                    f"/{VERSION}/{{waba_id}}/message_templates",
                    self.message_templates,
                    methods=["GET"],
                ),
                Route(f"/{VERSION}/{{phone_number_id}}/media", self.upload_media, methods=["POST"]),
                Route(f"/{VERSION}/{{phone_number_id}}/messages", self.messages, methods=["POST"]),
                Route(f"/{VERSION}/{{object_id}}", self.get_object, methods=["GET"]),
            ]
        )
        self._server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        threading.Thread(target=self._server.run, daemon=True).start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the fake Graph API did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True


# ---------------------------------------------------------------------- webhook notifications


def sign(app_secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def new_wamid() -> str:
    return "wamid." + base64.b64encode(secrets.token_bytes(30)).decode()


def notification(
    number: Number,
    *,
    messages: list[dict[str, Any]] | None = None,
    statuses: list[dict[str, Any]] | None = None,
    contacts: list[dict[str, Any]] | None = None,
    phone_number_id: str | None = None,
) -> dict[str, Any]:
    """A ``messages`` webhook notification as Meta posts it."""
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": number.display_phone_number.replace(" ", "")
            .replace("-", "")
            .lstrip("+"),
            "phone_number_id": phone_number_id or number.id,
        },
    }
    if contacts is not None:
        value["contacts"] = contacts
    if messages is not None:
        value["messages"] = messages
    if statuses is not None:
        value["statuses"] = statuses
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": number.waba_id, "changes": [{"value": value, "field": "messages"}]}],
    }


def contact(wa_id: str, name: str) -> dict[str, Any]:
    return {"profile": {"name": name}, "wa_id": wa_id}


def message(
    wa_id: str,
    kind: str,
    content: Any,
    *,
    wamid: str | None = None,
    context: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "from": wa_id,
        "id": wamid or new_wamid(),
        "timestamp": str(int(time.time())),
        "type": kind,
    }
    if content is not None:
        body[kind] = content
    if context is not None:
        body["context"] = context
    return body


def text(wa_id: str, words: str, **kwargs: Any) -> dict[str, Any]:
    return message(wa_id, "text", {"body": words}, **kwargs)


def status(
    wamid: str, state: str, recipient: str, errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": wamid,
        "status": state,
        "timestamp": str(int(time.time())),
        "recipient_id": recipient,
    }
    if state in ("sent", "delivered"):
        body["conversation"] = {"id": secrets.token_hex(16), "origin": {"type": "service"}}
        body["pricing"] = {"billable": True, "pricing_model": "PMP", "category": "service"}
    if errors is not None:
        body["errors"] = errors
    return body
