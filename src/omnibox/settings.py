"""Configuration from the environment (prefix ``OMNIBOX_``).

Every field here is documented in the README's configuration table; keep both in step.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OMNIBOX_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=Path("./data"),
        description="Where the embedded PostgreSQL, uploaded files and the generated secret live.",
    )
    database_url: str | None = Field(
        default=None,
        description="PostgreSQL URL (postgresql://user:pass@host/db). Unset: embedded PostgreSQL.",
    )
    secret_key: str | None = Field(
        default=None,
        description="Signs sessions and webhook secrets. Unset: generated once into the data dir.",
    )
    host: str = Field(default="127.0.0.1", description="Address `omnibox serve` listens on.")
    port: int = Field(default=8000, description="Port `omnibox serve` listens on.")
    public_url: str | None = Field(
        default=None,
        description="Public base URL (https://inbox.example.com) used in webhook URLs and links.",
    )
    storage_dir: Path | None = Field(
        default=None, description="Where files are stored. Unset: `<data_dir>/files`."
    )
    secure_cookies: bool = Field(
        default=False,
        description="Mark the session cookie Secure (set it when served over HTTPS).",
    )
    session_days: int = Field(default=30, description="How long a login session lasts, in days.")
    max_webhook_bytes: int = Field(
        default=25 * 1024 * 1024, description="Largest inbound webhook body accepted, in bytes."
    )
    max_attachment_bytes: int = Field(
        default=20 * 1024 * 1024, description="Largest single attachment accepted, in bytes."
    )
    worker_concurrency: int = Field(
        default=4, description="Jobs a worker runs at once (in-process and `omnibox worker`)."
    )
    outbound_timeout_s: float = Field(
        default=15.0, description="Timeout for one outbound delivery HTTP request, in seconds."
    )
    outbound_max_attempts: int = Field(
        default=6, description="Delivery attempts before an outbound message is marked failed."
    )
    login_max_failures: int = Field(
        default=5, description="Failed logins per e-mail and address before logins are slowed down."
    )
    bootstrap_email: str = Field(
        default="admin@example.com", description="E-mail of the owner created on first start."
    )
    bootstrap_password: str | None = Field(
        default=None,
        description="Password of the owner created on first start. Unset: a random one, printed.",
    )
    bootstrap_workspace: str = Field(
        default="My team", description="Name of the workspace created on first start."
    )
    log_level: str = Field(default="info", description="Log level: debug, info, warning, error.")
    speech_engine: Literal["faster-whisper", "openai"] = Field(
        default="faster-whisper",
        description="Speech-to-text engine: faster-whisper on this machine, or an "
        "OpenAI-compatible /v1/audio/transcriptions server.",
    )
    speech_model: str = Field(
        default="base",
        description="faster-whisper model: a name (tiny, base, small, medium, large-v3, ...) "
        "downloaded on first use or by `omnibox models pull`, or a local model folder.",
    )
    speech_device: Literal["auto", "cpu", "cuda"] = Field(
        default="auto", description="Where faster-whisper runs: auto picks CUDA when present."
    )
    speech_compute_type: str = Field(
        default="auto",
        description="faster-whisper compute type; auto: int8 on CPU, float16 on CUDA.",
    )
    speech_cpu_threads: int = Field(
        default=0, description="CPU threads per transcription (0: the library's default)."
    )
    speech_concurrency: int = Field(
        default=1, description="Transcriptions one worker process runs at once."
    )
    speech_models_dir: Path | None = Field(
        default=None,
        description="Where downloaded speech models are kept. Unset: `<data_dir>/models`.",
    )
    speech_openai_url: str | None = Field(
        default=None, description="Base URL of the OpenAI-compatible transcription server."
    )
    speech_openai_key: str | None = Field(
        default=None, description="API key for the OpenAI-compatible transcription server."
    )
    speech_openai_model: str = Field(
        default="whisper-1", description="Model name sent to the OpenAI-compatible server."
    )
    speech_openai_timeout_s: float = Field(
        default=120.0,
        description="Timeout for one request to the transcription server, in seconds.",
    )

    whatsapp_api_url: str = Field(
        default="https://graph.facebook.com/v21.0",
        description="Base URL of the WhatsApp Cloud API (Meta's Graph API, with its version).",
    )

    telegram_api_url: str = Field(
        default="https://api.telegram.org",
        description="Base URL of the Telegram Bot API (a local Bot API server works too).",
    )

    @property
    def models_dir(self) -> Path:
        return self.speech_models_dir or self.data_dir / "models"

    @property
    def files_dir(self) -> Path:
        return self.storage_dir or self.data_dir / "files"

    def resolved_secret_key(self) -> str:
        """The configured secret, else one generated once and kept in the data dir.

        Remembered in ``secret_key`` after the first call: outbound deliveries ask for it on
        every message and should not read a file each time.
        """
        if self.secret_key:
            return self.secret_key
        self.secret_key = self._secret_from_data_dir()
        return self.secret_key

    def _secret_from_data_dir(self) -> str:
        path = self.data_dir / "secret_key"
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.write_text(key)
        path.chmod(0o600)
        return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
