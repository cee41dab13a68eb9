"""A stand-in for the Telegram Bot API on 127.0.0.1, speaking its real shapes.

``POST|GET /bot<token>/<method>`` with JSON, form or multipart bodies (files as multipart
parts, ``attach://<name>`` in albums), answering ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code", "description", "parameters": {"retry_after"}}``; files at
``GET /file/bot<token>/<file_path>``. It implements the methods omnibox uses: getMe,
setWebhook, deleteWebhook, getWebhookInfo, getUpdates (offset confirms, as Telegram does),
getFile, sendMessage, sendPhoto, sendDocument, sendVoice, sendAudio, sendVideo,
sendMediaGroup, sendChatAction.

Tests script it: bots and their tokens (``new_bot``, ``revoke``), updates waiting to be polled
(``push``), chats that blocked the bot, faults per bot and method (an error answer, or a slow
one), and files contacts sent. Everything it was asked is recorded in ``calls``.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import secrets
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Chosen when the test session starts, so the (session-wide) settings can point at it.
PORT = _free_port()
API_URL = f"http://127.0.0.1:{PORT}"

_JSON_FIELDS = {"reply_parameters", "media", "allowed_updates", "reply_markup"}
_ALBUM_FAMILIES = {"photo": "visual", "video": "visual", "document": "document", "audio": "audio"}


@dataclass
class Upload:
    filename: str
    content_type: str
    data: bytes


@dataclass
class Call:
    method: str
    token: str
    params: dict[str, Any]
    files: dict[str, Upload]
    at: float


@dataclass
class Fault:
    """How to answer one call: after ``delay`` seconds, with an error if ``code`` is set."""

    code: int | None = None
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


@dataclass
class Bot:
    id: int
    username: str
    first_name: str
    token: str
    webhook: dict[str, Any] | None = None
    updates: list[dict[str, Any]] = field(default_factory=list)
    blocked_chats: set[int] = field(default_factory=set)
    known_chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)
    polls_now: int = 0
    polls_max: int = 0

    @property
    def user(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }


@dataclass
class FakeBotApi:
    bots: dict[str, Bot] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    faults: dict[tuple[str, str], deque[Fault]] = field(default_factory=dict)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Condition = field(default_factory=threading.Condition)
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(700_000))
    _message_ids: dict[tuple[int, int], int] = field(default_factory=dict)

    # ------------------------------------------------------------------ running

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self, port: int = 0) -> FakeBotApi:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = _Server(("127.0.0.1", port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # ------------------------------------------------------------------ scripting

    def new_bot(self, username: str | None = None, first_name: str = "Shop bot") -> Bot:
        bot_id = secrets.randbelow(9_000_000_000) + 1_000_000_000
        bot = Bot(
            id=bot_id,
            username=username or f"shop{bot_id}_bot",
            first_name=first_name,
            token=f"{bot_id}:{secrets.token_urlsafe(26)[:35]}",
        )
        with self._lock:
            self.bots[bot.token] = bot
        return bot

    def revoke(self, bot: Bot) -> str:
        """BotFather's /revoke: the old token stops working, a new one of the same bot works."""
        with self._lock:
            self.revoked.add(bot.token)
            del self.bots[bot.token]
            bot.token = f"{bot.id}:{secrets.token_urlsafe(26)[:35]}"
            self.bots[bot.token] = bot
        return bot.token

    def fail(self, bot: Bot, method: str, *faults: Fault) -> None:
        with self._lock:
            self.faults.setdefault((bot.token, method.lower()), deque()).extend(faults)

    def block(self, bot: Bot, chat_id: int) -> None:
        with self._lock:
            bot.blocked_chats.add(chat_id)

    def add_file(self, file_id: str, data: bytes, file_path: str) -> None:
        with self._lock:
            self.files[file_id] = (file_path, data)

    def push(self, bot: Bot, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (an ``update_id`` is given if it has none)."""
        with self._lock:
            update = {"update_id": next(self._update_ids), **update}
            for value in update.values():
                if isinstance(value, dict) and isinstance(value.get("chat"), dict):
                    chat = value["chat"]
                    if isinstance(chat.get("id"), int):
                        bot.known_chats[chat["id"]] = chat
            bot.updates.append(update)
            self._lock.notify_all()
        return update

    def message(
        self, bot: Bot, person: dict[str, Any], *, edited_id: int | None = None, **content: Any
    ) -> dict[str, Any]:
        """An update with a message from ``person`` in their private chat with the bot."""
        chat = {"id": person["id"], "type": "private", "first_name": person["first_name"]}
        for key in ("last_name", "username"):
            if key in person:
                chat[key] = person[key]
        with self._lock:
            bot.known_chats[chat["id"]] = chat
            message_id = edited_id or self._next_message_id(bot, chat["id"])
        message = {
            "message_id": message_id,
            "from": {"is_bot": False, **person},
            "chat": chat,
            "date": int(time.time()),
            **content,
        }
        if edited_id is not None:
            message["edit_date"] = int(time.time())
            return {"update_id": next(self._update_ids), "edited_message": message}
        return {"update_id": next(self._update_ids), "message": message}

    def deliver(
        self, bot: Bot, update: dict[str, Any], via: str, secret: str | None = None
    ) -> httpx.Response:
        """Post an update to the bot's webhook as Telegram does (``via``: where the server
        really listens; the path and the secret header are the ones setWebhook registered)."""
        assert bot.webhook is not None, "no webhook is set for this bot"
        path = urlsplit(bot.webhook["url"]).path
        token = bot.webhook.get("secret_token") if secret is None else secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": token} if token else {}
        return httpx.post(via + path, json=update, headers=headers, timeout=15)

    # ------------------------------------------------------------------ reading back

    def calls_of(self, bot: Bot, method: str) -> list[Call]:
        with self._lock:
            return [
                c
                for c in self.calls
                if c.method == method.lower() and c.token.partition(":")[0] == str(bot.id)
            ]

    def wait_for(self, bot: Bot, method: str, count: int = 1, timeout: float = 15.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls_of(bot, method)
            if len(calls) >= count:
                return calls
            time.sleep(0.05)
        raise AssertionError(
            f"expected {count} {method} calls, got {len(self.calls_of(bot, method))}"
        )

    # ------------------------------------------------------------------ HTTP

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(request.path)
        length = int(request.headers.get("content-length") or 0)
        body = request.rfile.read(length) if length else b""
        if parts.path.startswith("/file/bot"):
            self._serve_file(request, parts.path)
            return
        segments = parts.path.strip("/").split("/")
        if len(segments) != 2 or not segments[0].startswith("bot"):
            self._reply(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = segments[0][3:], segments[1].lower()
        params, files = _decode(request.headers.get("content-type", ""), body, parts.query)
        with self._lock:
            self.calls.append(Call(method, token, params, files, time.time()))
            queue = self.faults.get((token, method))
            fault = queue.popleft() if queue else None
        if fault and fault.delay:
            time.sleep(fault.delay)
        try:
            if fault and fault.code:
                raise ApiError(fault.code, fault.description, fault.retry_after)
            bot = self._bot(token)
            result = self._dispatch(bot, method, params, files)
        except ApiError as exc:
            answer: dict[str, Any] = {
                "ok": False,
                "error_code": exc.code,
                "description": exc.description,
            }
            if exc.retry_after is not None:
                answer["parameters"] = {"retry_after": exc.retry_after}
            self._reply(request, exc.code, answer)
            return
        answer = {"ok": True, "result": result}
        if method in ("setwebhook", "deletewebhook"):
            answer["description"] = (
                "Webhook was set" if method == "setwebhook" else "Webhook was deleted"
            )
        self._reply(request, 200, answer)

    def _bot(self, token: str) -> Bot:
        with self._lock:
            bot = self.bots.get(token)
        if bot is None:
            if token.partition(":")[0].isdigit() and ":" in token:
                raise ApiError(401, "Unauthorized")
            raise ApiError(404, "Not Found")
        return bot

    def _serve_file(self, request: BaseHTTPRequestHandler, path: str) -> None:
        token, _, file_path = path[len("/file/bot") :].partition("/")
        with self._lock:
            found = token in self.bots and next(
                (data for p, data in self.files.values() if p == file_path), None
            )
        if not found:
            self._reply(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        request.send_response(200)
        request.send_header("content-type", "application/octet-stream")
        request.send_header("content-length", str(len(found)))
        request.end_headers()
        request.wfile.write(found)

    @staticmethod
    def _reply(request: BaseHTTPRequestHandler, status: int, answer: dict[str, Any]) -> None:
        data = json.dumps(answer).encode()
        request.send_response(status)
        request.send_header("content-type", "application/json")
        request.send_header("content-length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    # ------------------------------------------------------------------ methods

    def _dispatch(
        self, bot: Bot, method: str, params: dict[str, Any], files: dict[str, Upload]
    ) -> Any:
        if method == "getme":
            return {**bot.user, "can_join_groups": True, "supports_inline_queries": False}
        if method == "setwebhook":
            return self._set_webhook(bot, params)
        if method == "deletewebhook":
            with self._lock:
                bot.webhook = None
                if params.get("drop_pending_updates") in (True, "true", "True"):
                    bot.updates.clear()
            return True
        if method == "getwebhookinfo":
            hook = bot.webhook or {}
            return {
                "url": hook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(bot.updates),
            }
        if method == "getupdates":
            return self._get_updates(bot, params)
        if method == "getfile":
            return self._get_file(params)
        if method == "sendchataction":
            self._chat(bot, params)
            if params.get("action") not in {"typing", "upload_photo", "record_voice"}:
                raise ApiError(400, "Bad Request: wrong parameter action in request")
            return True
        if method == "sendmediagroup":
            return self._send_media_group(bot, params, files)
        if method in _SEND_METHODS:
            return self._send(bot, method, params, files)
        raise ApiError(404, "Not Found: method not found")

    def _set_webhook(self, bot: Bot, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        if not url.startswith("https://"):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        secret = params.get("secret_token")
        if secret is not None and (
            not 1 <= len(str(secret)) <= 256
            or any(not (ch.isalnum() or ch in "_-") for ch in str(secret))
        ):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        with self._lock:
            bot.webhook = {
                "url": url,
                "secret_token": secret,
                "allowed_updates": params.get("allowed_updates"),
            }
        return True

    def _get_updates(self, bot: Bot, params: dict[str, Any]) -> list[dict[str, Any]]:
        if bot.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self._lock:
            bot.polls_now += 1
            bot.polls_max = max(bot.polls_max, bot.polls_now)
            try:
                # An offset confirms every update before it: Telegram forgets them for good.
                bot.updates = [u for u in bot.updates if u["update_id"] >= offset]
                while not bot.updates and time.monotonic() < deadline:
                    self._lock.wait(deadline - time.monotonic())
                return list(bot.updates[:limit])
            finally:
                bot.polls_now -= 1

    def _get_file(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id") or "")
        with self._lock:
            found = self.files.get(file_id)
        if found is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, data = found
        if len(data) > 20 * 1024 * 1024:
            raise ApiError(400, "Bad Request: file is too big")
        return {
            "file_id": file_id,
            "file_unique_id": f"u{abs(hash(file_id)) % 10**8}",
            "file_size": len(data),
            "file_path": path,
        }

    def _chat(self, bot: Bot, params: dict[str, Any]) -> dict[str, Any]:
        try:
            chat_id = int(params.get("chat_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None
        with self._lock:
            chat = bot.known_chats.get(chat_id)
            blocked = chat_id in bot.blocked_chats
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _next_message_id(self, bot: Bot, chat_id: int) -> int:
        key = (bot.id, chat_id)
        self._message_ids[key] = self._message_ids.get(key, 0) + 1
        return self._message_ids[key]

    def _new_message(
        self, bot: Bot, chat: dict[str, Any], params: dict[str, Any]
    ) -> dict[str, Any]:
        with self._lock:
            message_id = self._next_message_id(bot, chat["id"])
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": bot.user,
            "chat": chat,
            "date": int(time.time()),
        }
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            original = next(
                (
                    m
                    for m in bot.sent
                    if m["chat"]["id"] == chat["id"] and m["message_id"] == reply.get("message_id")
                ),
                None,
            )
            if original is not None:
                message["reply_to_message"] = original
        return message

    def _file_object(self, kind: str, upload: Upload) -> Any:
        file_id = f"{kind}-{secrets.token_hex(6)}"
        self.add_file(file_id, upload.data, f"{kind}s/file_{file_id}")
        base = {"file_id": file_id, "file_unique_id": file_id[-8:], "file_size": len(upload.data)}
        if kind == "photo":
            return [{**base, "width": 90, "height": 90}, {**base, "width": 800, "height": 800}]
        if kind == "document":
            return {**base, "file_name": upload.filename, "mime_type": upload.content_type}
        if kind == "voice":
            return {**base, "duration": 1, "mime_type": "audio/ogg"}
        return {
            **base,
            "duration": 1,
            "mime_type": upload.content_type,
            "file_name": upload.filename,
        }

    def _send(
        self, bot: Bot, method: str, params: dict[str, Any], files: dict[str, Upload]
    ) -> dict[str, Any]:
        chat = self._chat(bot, params)
        kind = _SEND_METHODS[method]
        message = self._new_message(bot, chat, params)
        if kind == "text":
            text = str(params.get("text") or "")
            if not text.strip():
                raise ApiError(400, "Bad Request: message text is empty")
            if len(text) > 4096:
                raise ApiError(400, "Bad Request: message is too long")
            message["text"] = text
        else:
            upload = files.get(kind)
            if upload is None:
                raise ApiError(400, f"Bad Request: there is no {kind} in the request")
            caption = params.get("caption")
            if caption and len(str(caption)) > 1024:
                raise ApiError(400, "Bad Request: message caption is too long")
            message[kind] = self._file_object(kind, upload)
            if caption:
                message["caption"] = caption
        with self._lock:
            bot.sent.append(message)
        return message

    def _send_media_group(
        self, bot: Bot, params: dict[str, Any], files: dict[str, Upload]
    ) -> list[dict[str, Any]]:
        chat = self._chat(bot, params)
        media = params.get("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise ApiError(400, "Bad Request: wrong number of media in the album (2-10)")
        families = {_ALBUM_FAMILIES.get(str(item.get("type")), "?") for item in media}
        if len(families) > 1:
            raise ApiError(400, "Bad Request: can't mix documents or audio with other media")
        group_id = str(secrets.randbelow(10**15))
        sent = []
        for index, item in enumerate(media):
            name = str(item.get("media", "")).removeprefix("attach://")
            upload = files.get(name)
            if upload is None:
                raise ApiError(400, f"Bad Request: file {name!r} is not in the request")
            message = self._new_message(bot, chat, params if index == 0 else {})
            message["media_group_id"] = group_id
            message[str(item["type"])] = self._file_object(str(item["type"]), upload)
            if item.get("caption"):
                message["caption"] = item["caption"]
            sent.append(message)
        with self._lock:
            bot.sent.extend(sent)
        return sent


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True


_SEND_METHODS = {
    "sendmessage": "text",
    "sendphoto": "photo",
    "senddocument": "document",
    "sendvoice": "voice",
    "sendaudio": "audio",
    "sendvideo": "video",
}


def _decode(content_type: str, body: bytes, query: str) -> tuple[dict[str, Any], dict[str, Upload]]:
    """Parameters the way the Bot API takes them: query string, JSON, form or multipart."""
    params: dict[str, Any] = {k: v[-1] for k, v in parse_qs(query).items()}
    files: dict[str, Upload] = {}
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json" and body:
        params.update(json.loads(body))
        return params, files
    if kind == "application/x-www-form-urlencoded":
        params.update({k: v[-1] for k, v in parse_qs(body.decode()).items()})
    elif kind == "multipart/form-data":
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if part.get_filename() is not None:
                files[str(name)] = Upload(
                    str(part.get_filename()), part.get_content_type(), payload
                )
            else:
                params[str(name)] = payload.decode()
    for key in _JSON_FIELDS & params.keys():
        if isinstance(params[key], str):
            params[key] = json.loads(params[key])
    return params, files
