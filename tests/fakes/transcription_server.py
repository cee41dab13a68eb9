"""An OpenAI-compatible transcription server on 127.0.0.1 (`POST /v1/audio/transcriptions`).

It speaks the real protocol (multipart upload, bearer key, verbose_json answer, error
objects) and answers with a scripted transcript, recording what it was sent.
"""

from __future__ import annotations

import threading
import time
import wave
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


@dataclass
class TranscriptionServer:
    key: str = "sk-test"
    text: str = "Hello from the transcription server."
    language: str = "english"
    status: int = 200
    requests: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    _server: uvicorn.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _transcriptions(self, request: Request) -> JSONResponse:
        if request.headers.get("authorization") != f"Bearer {self.key}":
            return JSONResponse(
                {
                    "error": {
                        "message": "Incorrect API key provided.",
                        "type": "invalid_request_error",
                    }
                },
                status_code=401,
            )
        form = await request.form()
        upload = form["file"]
        assert not isinstance(upload, str)
        audio = await upload.read()
        with wave.open(BytesIO(audio)) as w:
            seconds = w.getnframes() / w.getframerate()
        self.requests.append(
            {
                "model": form.get("model"),
                "language": form.get("language"),
                "response_format": form.get("response_format"),
                "seconds": seconds,
            }
        )
        if self.status != 200:
            return JSONResponse(
                {"error": {"message": "The server is overloaded."}}, status_code=self.status
            )
        return JSONResponse(
            {
                "task": "transcribe",
                "language": self.language,
                "duration": seconds,
                "text": self.text,
                "segments": [{"id": 0, "start": 0.0, "end": seconds, "text": " " + self.text}],
            }
        )

    def start(self) -> TranscriptionServer:
        from tests.conftest import free_port

        self.port = free_port()
        app = Starlette(
            routes=[Route("/v1/audio/transcriptions", self._transcriptions, methods=["POST"])]
        )
        self._server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        threading.Thread(target=self._server.run, daemon=True).start()
        while not self._server.started:
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
