"""The ``omnibox`` command, run as a user runs it: a subprocess on the test database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest

from omnibox.settings import Settings

OMNIBOX = str(Path(sys.executable).with_name("omnibox"))


def run(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "OMNIBOX_DATABASE_URL": settings.database_url or "",
        "OMNIBOX_DATA_DIR": str(settings.data_dir),
        "OMNIBOX_PORT": str(settings.port),
    }
    return subprocess.run(
        [OMNIBOX, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["serve"],
        ["worker"],
        ["migrate"],
        ["user", "create"],
        ["channel", "create"],
        ["demo"],
        ["transcribe"],
        ["models", "pull"],
        ["openapi"],
    ],
)
def test_every_command_has_help(settings: Settings, command: list[str]) -> None:
    result = run(settings, *command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


def test_user_create_then_login_and_channel_create_then_webhook(
    settings: Settings, base_url: str
) -> None:
    workspace = f"cli-{uuid.uuid4().hex[:8]}"
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    created = run(
        settings,
        "user",
        "create",
        "--email",
        email,
        "--password",
        "longenough1",
        "--name",
        "Nina",
        "--workspace",
        workspace,
        "--role",
        "owner",
    )
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["role"] == "owner"

    channel = run(
        settings,
        "channel",
        "create",
        "--workspace",
        workspace,
        "--kind",
        "api",
        "--name",
        "Shop",
        "--callback-url",
        "http://127.0.0.1:9/cb",
    )
    assert channel.returncode == 0, channel.stderr
    info = json.loads(channel.stdout)
    assert info["id"] and info["webhook_url"].startswith(base_url + "/hooks/api/")

    with httpx.Client(base_url=base_url) as client:
        login = client.post("/api/v1/auth/login", json={"email": email, "password": "longenough1"})
        assert login.status_code == 200
        posted = client.post(
            info["webhook_url"], json={"id": "1", "contact": {"id": "k"}, "text": "hi"}
        )
        assert posted.status_code == 200
        wid = login.json()["workspaces"][0]["id"]
        assert len(client.get(f"/api/v1/workspaces/{wid}/conversations").json()) == 1


def test_bad_arguments_get_a_clear_error(settings: Settings) -> None:
    short = run(
        settings,
        "user",
        "create",
        "--email",
        "a@example.com",
        "--password",
        "short",
        "--name",
        "A",
        "--workspace",
        "W",
    )
    assert short.returncode == 2 and "at least 8 characters" in short.stderr
    role = run(
        settings,
        "user",
        "create",
        "--email",
        "a@example.com",
        "--password",
        "longenough",
        "--name",
        "A",
        "--workspace",
        "W",
        "--role",
        "boss",
    )
    assert role.returncode == 2 and "Unknown role" in role.stderr
    missing = run(settings, "channel", "create", "--workspace", "no-such-ws", "--name", "x")
    assert missing.returncode == 2 and "No workspace named" in missing.stderr


def test_demo_fills_a_workspace_with_a_voice_message(settings: Settings, base_url: str) -> None:
    workspace = f"demo-{uuid.uuid4().hex[:8]}"
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    run(
        settings,
        "user",
        "create",
        "--email",
        email,
        "--password",
        "longenough1",
        "--name",
        "D",
        "--workspace",
        workspace,
        "--role",
        "owner",
    )
    result = run(settings, "demo", "--workspace", workspace)
    assert result.returncode == 0, result.stderr
    with httpx.Client(base_url=base_url) as client:
        wid = client.post(
            "/api/v1/auth/login", json={"email": email, "password": "longenough1"}
        ).json()["workspaces"][0]["id"]
        conversations = client.get(f"/api/v1/workspaces/{wid}/conversations").json()
        assert len(conversations) == 6
        assert {c["status"] for c in conversations} == {"open", "closed"}
        kinds = []
        for conversation in conversations:
            messages = client.get(
                f"/api/v1/workspaces/{wid}/conversations/{conversation['id']}/messages"
            ).json()
            kinds += [(m["kind"], [a["media_type"] for a in m["attachments"]]) for m in messages]
        assert ("voice", ["audio/ogg"]) in kinds
        names = {c["contact"]["name"] for c in conversations}
        assert {"Анна Смирнова", "Michael Brown"} <= names


def test_transcribe_prints_text_and_json(settings: Settings, tmp_path: Path) -> None:
    from tests.speech.conftest import ROOTS, ROOTS_TEXT, voice_bytes, word_error_rate

    note = tmp_path / "note.ogg"
    note.write_bytes(voice_bytes("ogg-opus"))
    broken = tmp_path / "broken.ogg"
    broken.write_bytes(b"OggS nothing")
    env_model = {"OMNIBOX_SPEECH_MODEL": settings.speech_model}
    plain = run_with(settings, env_model, "transcribe", str(ROOTS))
    assert plain.returncode == 0, plain.stderr
    assert word_error_rate(ROOTS_TEXT, plain.stdout) <= 0.2

    result = run_with(settings, env_model, "transcribe", "--json", str(note), str(broken))
    assert result.returncode == 1  # one file failed
    good, bad = (json.loads(line) for line in result.stdout.splitlines())
    assert set(good) == {"file", "text", "language", "duration", "engine", "model", "seconds"}
    assert good["language"] == "en" and abs(good["duration"] - 5.66) < 0.15
    assert word_error_rate(ROOTS_TEXT, good["text"]) <= 0.2
    assert "can't be decoded" in bad["error"]


def run_with(
    settings: Settings, extra: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "OMNIBOX_DATABASE_URL": settings.database_url or "",
        "OMNIBOX_DATA_DIR": str(settings.data_dir),
        **extra,
    }
    return subprocess.run(
        [OMNIBOX, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
