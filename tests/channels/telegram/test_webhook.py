"""Telegram's webhook: the secret we registered is checked on every delivery, a delivery
repeated stores one message, and anything malformed is refused with nothing stored."""

from __future__ import annotations

from typing import Any

import pytest

from tests.channels.telegram.conftest import Telegram


def test_an_update_is_stored_once_however_often_it_comes(telegram: Telegram) -> None:
    update = telegram.update(text="Is the red one in stock?")
    first = telegram.deliver(update)
    assert first.status_code == 200, first.text
    assert first.json()["duplicate"] is False and first.json()["edited"] is False
    again = telegram.deliver(update)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["message_id"] == first.json()["message_id"]
    [message] = telegram.messages(first.json()["conversation_id"])
    chat_id = telegram.contact["id"]
    assert message["text"] == "Is the red one in stock?"
    assert message["external_id"] == f"{chat_id}:{update['message']['message_id']}"
    assert message["direction"] == "in" and message["author"]["name"] == "Ivan Petrov"


@pytest.mark.parametrize("secret", ["wrong-secret", ""])
def test_a_wrong_or_missing_secret_is_refused(telegram: Telegram, secret: str) -> None:
    update = telegram.update(text="forged")
    response = telegram.deliver(update, secret=secret)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "X-Telegram-Bot-Api-Secret-Token" in response.json()["detail"]
    assert telegram.stored() == 0
    # The genuine delivery is then stored: the refused one left nothing behind.
    assert telegram.deliver(update).json()["duplicate"] is False


def test_an_unknown_webhook_token_is_a_404(telegram: Telegram) -> None:
    response = telegram.http.post("/hooks/telegram/nobody-here", json={"update_id": 1})
    assert response.status_code == 404


MALFORMED: list[tuple[str, Any]] = [
    ("not json", b"{nope"),
    ("not an object", b"[1, 2]"),
    ("no update id", {"message": {"message_id": 1, "chat": {"id": 1, "type": "private"}}}),
    ("no chat", {"update_id": 5, "message": {"message_id": 1, "date": 1, "text": "x"}}),
    (
        "wrong types",
        {"update_id": 6, "message": {"message_id": "x", "date": 1, "chat": {"id": 1}}},
    ),
]


@pytest.mark.parametrize(("case", "body"), MALFORMED, ids=[c for c, _ in MALFORMED])
def test_malformed_updates_are_refused_and_store_nothing(
    telegram: Telegram, case: str, body: Any
) -> None:
    secret = {"X-Telegram-Bot-Api-Secret-Token": telegram.bot.webhook["secret_token"]}  # type: ignore[index]
    if isinstance(body, bytes):
        response = telegram.http.post(
            telegram.webhook_path,
            content=body,
            headers={"content-type": "application/json", **secret},
        )
    else:
        response = telegram.http.post(telegram.webhook_path, json=body, headers=secret)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert telegram.stored() == 0


def test_an_update_without_a_chat_message_is_acknowledged(telegram: Telegram) -> None:
    # Telegram retries what we refuse; an update kind we don't read must not be refused.
    response = telegram.deliver(
        {"update_id": 9, "my_chat_member": {"chat": {"id": 1, "type": "private"}, "date": 1}}
    )
    assert response.status_code == 200 and response.json()["message_id"] is None
