"""Telegram and WhatsApp end to end in a real browser, at phone and desktop sizes: a contact
writes through the messenger's fake API (a text, a photo, a voice note), the agent sees all
three in the conversation, and answers from the composer with a text, a file, a reply to the
contact's text and a recorded voice note. Each fake records exactly what it was asked."""

from __future__ import annotations

import re
import secrets
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from omnibox.settings import Settings
from tests.channels.telegram.conftest import PUBLIC_URL, Telegram, person
from tests.channels.whatsapp import conftest as wa_conftest
from tests.conftest import Tenant, wait_until
from tests.e2e import test_composer as composer
from tests.e2e.conftest import screenshot
from tests.fakes.graph_server import FakeGraph, contact, message, new_wamid, notification, text
from tests.fakes.telegram_server import FakeBotApi
from tests.speech.conftest import voice_bytes

PDF = composer.PDF
# Calls that are not messages: connecting, downloads, typing indicators.
NOT_MESSAGES = {"getme", "setwebhook", "deletewebhook", "getwebhookinfo", "getfile"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Fakes of their own, on their own ports (the channel tests' fakes may run in the same
# session): the app's settings are pointed at them for the test's duration.
@pytest.fixture(scope="module")
def fake_bot_api() -> Iterator[FakeBotApi]:
    fake = FakeBotApi().start(0)
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def fake_graph() -> Iterator[FakeGraph]:
    fake = FakeGraph(port=free_port()).start()
    yield fake
    fake.stop()


def out_messages(page: Page) -> Locator:
    return page.locator('[data-testid="message"][data-direction="out"]')


def expect_last_sent(page: Page, count: int) -> Locator:
    """The agent's ``count``-th message is shown and the messenger took it."""
    mine = out_messages(page)
    expect(mine).to_have_count(count)
    expect(mine.last).to_have_attribute("data-status", "sent", timeout=20_000)
    return mine.last


def start_reply(page: Page, target: Locator, device: str) -> None:
    if device == "phone":
        composer.start_reply_by_swipe(page, target)
    else:
        target.hover()
        target.get_by_test_id("message-reply-action").click()
    expect(page.get_by_test_id("reply-preview")).to_be_visible()


def answer_from_the_composer(page: Page, device: str, theirs: Locator, quoted: str) -> None:
    """Text, a PDF, a reply to the contact's text, a recorded voice note: one after another,
    each sent before the next."""
    input_ = page.get_by_test_id("composer-input")
    input_.fill("Hello! Yes, we have it.")
    page.get_by_test_id("composer-send").click()
    expect_last_sent(page, 1)

    page.get_by_test_id("attach-input").set_input_files(
        files=[{"name": "offer.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    chip = page.get_by_test_id("attachment-chip")
    expect(chip).to_have_attribute("data-status", "done")
    page.get_by_test_id("composer-send").click()
    expect(chip).to_have_count(0)
    sent = expect_last_sent(page, 2)
    expect(sent.get_by_test_id("attachment-file")).to_contain_text("offer.pdf")

    start_reply(page, theirs, device)
    expect(page.get_by_test_id("reply-preview")).to_contain_text(quoted)
    input_.fill("Size M is in stock.")
    page.get_by_test_id("composer-send").click()
    expect(page.get_by_test_id("reply-preview")).to_have_count(0)
    sent = expect_last_sent(page, 3)
    expect(sent.get_by_test_id("message-quote")).to_contain_text(quoted)

    page.get_by_test_id("record-button").click()
    expect(page.get_by_test_id("record-time")).to_have_text(re.compile(r"^0:0[1-9]$"))
    page.get_by_test_id("record-stop").click()
    expect(page.get_by_test_id("record-preview")).to_be_visible()
    page.get_by_test_id("record-send").click()
    expect(page.get_by_test_id("record-preview")).to_have_count(0)
    sent = expect_last_sent(page, 4)
    expect(sent).to_have_attribute("data-kind", "voice")
    expect(sent.get_by_test_id("voice-player")).to_be_visible()


def expect_contact_messages(page: Page, text_id: str, photo_id: str, voice_id: str) -> Locator:
    theirs = composer.message(page, text_id)
    expect(theirs).to_be_visible()
    expect(theirs.locator(".bubble__text")).to_be_visible()
    photo = composer.message(page, photo_id)
    expect(photo.get_by_test_id("attachment-image")).to_be_visible(timeout=20_000)
    expect(photo.locator("img")).to_have_js_property("complete", True)
    voice = composer.message(page, voice_id)
    expect(voice).to_have_attribute("data-kind", "voice")
    expect(voice.get_by_test_id("voice-player")).to_be_visible(timeout=20_000)
    return theirs


# ---------------------------------------------------------------------------- Telegram


def test_telegram_contact_and_agent_talk_through_the_bot_api(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    settings: Settings,
    base_url: str,
    fake_bot_api: FakeBotApi,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    device = composer.device_name(request)
    context.grant_permissions(["microphone"])
    # Webhook mode (an HTTPS public URL): deliveries are immediate and deterministic.
    monkeypatch.setattr(settings, "public_url", PUBLIC_URL)
    monkeypatch.setattr(settings, "telegram_api_url", fake_bot_api.url)
    bot = fake_bot_api.new_bot()
    created = tenant.owner.client.post(
        tenant.owner.api("/channels/telegram"), json={"name": "Shop bot", "bot_token": bot.token}
    )
    assert created.status_code == 201, created.text
    telegram = Telegram(
        http, tenant, fake_bot_api, bot, created.json(), base_url, settings, person("Ivan")
    )
    assert bot.webhook is not None

    # The contact writes: a text, a photo, a voice note.
    words = "Do you have the green hoodie in size M?"
    text_update = telegram.update(text=words)
    said = telegram.deliver(text_update).json()
    conversation_id = said["conversation_id"]
    photo = composer.png(64, 48)
    photo_ref = file_ref(fake_bot_api, "photo", photo, width=64, height=48)
    shown = telegram.deliver(telegram.update(photo=[photo_ref])).json()
    voice = file_ref(
        fake_bot_api, "voice", voice_bytes("ogg-opus"), duration=3, mime_type="audio/ogg"
    )
    spoken = telegram.deliver(telegram.update(voice=voice)).json()
    assert shown["conversation_id"] == spoken["conversation_id"] == conversation_id

    page = composer.log_in(context, tenant.owner)
    composer.open_conversation(page, conversation_id)
    theirs = expect_contact_messages(
        page, said["message_id"], shown["message_id"], spoken["message_id"]
    )

    answer_from_the_composer(page, device, theirs, words)
    screenshot(page, f"telegram-{device}")

    def messages() -> list[Any]:
        with fake_bot_api._lock:
            return [
                c
                for c in fake_bot_api.calls
                if c.token == bot.token and c.method not in NOT_MESSAGES | {"sendchataction"}
            ]

    calls = wait_until(lambda: len(m := messages()) >= 4 and m, timeout=15)
    assert [c.method for c in calls] == ["sendmessage", "senddocument", "sendmessage", "sendvoice"]
    chat_id = str(telegram.contact["id"])
    assert all(str(c.params["chat_id"]) == chat_id for c in calls)
    plain, document, reply, voice_call = calls
    assert plain.params["text"] == "Hello! Yes, we have it."
    assert "reply_parameters" not in plain.params
    upload = document.files["document"]
    assert upload.filename == "offer.pdf" and upload.data == PDF
    assert reply.params["text"] == "Size M is in stock."
    assert reply.params["reply_parameters"]["message_id"] == text_update["message"]["message_id"]
    note = voice_call.files["voice"]
    assert note.content_type == "audio/ogg"
    assert note.data.startswith(b"OggS") and b"OpusHead" in note.data[:200]


def file_ref(api: FakeBotApi, kind: str, data: bytes, **extra: Any) -> dict[str, Any]:
    """A file as Telegram describes it in a message, with its bytes ready for getFile."""
    file_id = f"{kind}-{secrets.token_hex(8)}"
    api.add_file(file_id, data, f"{kind}s/{file_id}.bin")
    return {"file_id": file_id, "file_unique_id": file_id[-10:], "file_size": len(data), **extra}


# ---------------------------------------------------------------------------- WhatsApp


def test_whatsapp_contact_and_agent_talk_through_the_graph_api(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    settings: Settings,
    fake_graph: FakeGraph,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    device = composer.device_name(request)
    context.grant_permissions(["microphone"])
    monkeypatch.setattr(settings, "whatsapp_api_url", fake_graph.api_url)
    number = fake_graph.add_number()
    app_secret = "app-secret-" + secrets.token_hex(8)
    created = wa_conftest.connect(tenant, number, app_secret=app_secret)
    assert created.status_code == 201, created.text
    wa = wa_conftest.WhatsApp(
        http, tenant, fake_graph, number, created.json(), app_secret, settings
    )
    wa_id = wa_conftest.new_wa_id()

    # The contact writes: a text, an image, a voice note (signed notifications).
    words = "Do you have the green hoodie in size M?"
    text_wamid = new_wamid()
    image_id = fake_graph.add_media(number, composer.png(64, 48), "image/png")
    voice_id = fake_graph.add_media(number, voice_bytes("ogg-opus"), "audio/ogg; codecs=opus")
    for sent in (
        text(wa_id, words, wamid=text_wamid),
        message(wa_id, "image", {"mime_type": "image/png", "sha256": "x", "id": image_id}),
        message(
            wa_id,
            "audio",
            {"mime_type": "audio/ogg; codecs=opus", "sha256": "x", "id": voice_id, "voice": True},
        ),
    ):
        payload = notification(number, messages=[sent], contacts=[contact(wa_id, "Maria Silva")])
        response = wa.post(payload)
        assert response.status_code == 200, response.text
    conversation_id = wa.conversation_of(wa_id)
    arrived = wait_until(lambda: len(m := wa.messages(conversation_id)) == 3 and m)
    by_external = {m["external_id"]: m for m in arrived}
    ids = {m["kind"]: m["id"] for m in arrived}
    text_id = by_external[text_wamid]["id"]
    photo_id = next(m["id"] for m in arrived if m["id"] != text_id and m["kind"] != "voice")

    page = composer.log_in(context, tenant.owner)
    composer.open_conversation(page, conversation_id)
    theirs = expect_contact_messages(page, text_id, photo_id, ids["voice"])

    answer_from_the_composer(page, device, theirs, words)
    screenshot(page, f"whatsapp-{device}")

    sent_bodies = fake_graph.wait_sent(number, 4)
    assert len(sent_bodies) == 4, sent_bodies
    plain, document, reply, voice = sent_bodies
    assert all(b["to"] == wa_id for b in sent_bodies)
    assert plain["type"] == "text" and plain["text"]["body"] == "Hello! Yes, we have it."
    assert "context" not in plain
    assert document["type"] == "document"
    assert document["document"]["filename"] == "offer.pdf"
    pdf = fake_graph.uploads[document["document"]["id"]]
    assert pdf.media_type == "application/pdf" and pdf.data == PDF
    assert reply["type"] == "text" and reply["text"]["body"] == "Size M is in stock."
    assert reply["context"] == {"message_id": text_wamid}
    assert voice["type"] == "audio" and set(voice["audio"]) == {"id"}
    note = fake_graph.uploads[voice["audio"]["id"]]
    assert note.media_type == "audio/ogg" and note.data[:4] == b"OggS"
    # Every file went up through /media first.
    assert len(fake_graph.calls_to(number, "/media")) == 2
