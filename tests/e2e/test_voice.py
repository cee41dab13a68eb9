"""Voice messages in the browser: the player plays and seeks, T turns the message into text
that arrives live, the text goes into the reply, and auto-transcription needs no T at all.

Speech runs through the real faster-whisper tiny.en model (the test settings point at it)."""

from __future__ import annotations

import base64
import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.conftest import Tenant, post_inbound
from tests.e2e.conftest import device_name, log_in, screenshot
from tests.speech.conftest import voice_bytes

# tiny.en on two CPU threads needs a few seconds; a busy machine more.
TRANSCRIBE_TIMEOUT_MS = 90_000


def send_voice(http: httpx.Client, channel: dict[str, Any], contact_id: str) -> dict[str, Any]:
    """A Telegram-style voice note (Ogg/Opus), no text, through the API channel's webhook."""
    payload = base64.b64encode(voice_bytes("ogg-opus")).decode()
    response = post_inbound(
        http,
        channel,
        contact_id=contact_id,
        name="Morris Reader",
        text="",
        attachments=[{"data": payload, "media_type": "audio/ogg", "filename": "voice.ogg"}],
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def open_conversation(page: Page, conversation_id: str) -> Locator:
    item = page.locator(
        f'[data-testid="conversation-item"][data-conversation-id="{conversation_id}"]'
    )
    expect(item).to_contain_text("Voice message")
    item.click()
    message = page.get_by_test_id("message").first
    expect(message).to_have_attribute("data-kind", "voice")
    return message


def audio_prop(player: Locator, expression: str) -> Any:
    return player.locator("audio").evaluate(f"(a) => {expression}")


def test_agent_plays_a_voice_message_and_turns_it_into_text(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(name_="Website")
    page = log_in(context, tenant.owner)

    # The voice note arrives while the inbox is open.
    accepted = send_voice(http, channel, contact_id="voice-1")
    message = open_conversation(page, accepted["conversation_id"])
    player = message.get_by_test_id("voice-player")
    expect(player).to_be_visible()
    expect(player.get_by_test_id("voice-duration")).to_have_text(re.compile(r"^0:0[56]$"))
    # The server's waveform and AAC rendition come in live (message.updated).
    expect(player.get_by_test_id("voice-waveform")).not_to_have_class(re.compile("placeholder"))
    expect(player.locator("audio")).to_have_attribute("src", re.compile(r"/playback$"))
    box = player.get_by_test_id("voice-play").bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44  # a thumb-sized target

    # Playing: the AAC rendition plays in Chromium (the clock of the <audio> advances).
    player.get_by_test_id("voice-play").click()
    expect(player).to_have_attribute("data-state", "playing")
    expect(player).to_have_class(re.compile(r"\bvoice--playing\b"))
    page.wait_for_function(
        "(el) => el.currentTime > 0.4", arg=player.locator("audio").element_handle()
    )
    assert audio_prop(player, "a.error") is None
    expect(player.get_by_test_id("voice-duration")).to_have_text(re.compile(r"^0:0\d / 0:0[56]$"))

    # Speed: 1x → 1.5x, applied to the playing audio.
    speed = player.get_by_test_id("voice-speed")
    expect(speed).to_have_text("1x")
    speed.click()
    expect(speed).to_have_text("1.5x")
    assert audio_prop(player, "a.playbackRate") == 1.5

    # Pause, then seek by tapping the middle of the waveform.
    player.get_by_test_id("voice-play").click()
    expect(player).to_have_attribute("data-state", "paused")
    waveform = player.get_by_test_id("voice-waveform")
    wave_box = waveform.bounding_box()
    assert wave_box
    waveform.click(position={"x": wave_box["width"] / 2, "y": wave_box["height"] / 2})
    page.wait_for_function(
        "(el) => Math.abs(el.currentTime - el.duration / 2) < 0.6",
        arg=player.locator("audio").element_handle(),
    )
    progress = float(waveform.get_attribute("data-progress") or 0)
    assert 0.4 < progress < 0.6

    # T: the bubble shows the work, then the text arrives over the WebSocket.
    t_button = message.get_by_test_id("transcribe-button")
    expect(t_button).to_have_attribute("aria-label", "Transcribe")
    t_button.click()
    transcript = message.get_by_test_id("transcript")
    expect(transcript).to_have_attribute("data-status", "done", timeout=TRANSCRIBE_TIMEOUT_MS)
    text = transcript.get_by_test_id("transcript-text")
    expect(text).to_contain_text(re.compile("shining in the sun", re.IGNORECASE))
    expect(transcript.get_by_test_id("transcript-language")).to_have_text("EN")
    expect(message.get_by_test_id("transcribe-button")).to_have_count(0)

    # Copy, with its confirmation.
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    transcript.get_by_test_id("transcript-copy").click()
    expect(transcript.get_by_test_id("transcript-copy")).to_have_text("Copied")
    assert "shining in the sun" in page.evaluate("navigator.clipboard.readText()").lower()

    # Insert into reply: the text lands in this conversation's draft.
    composer = page.get_by_test_id("composer-input")
    composer.fill("Thanks for the message!")
    transcript.get_by_test_id("transcript-insert").click()
    expect(composer).to_have_value(
        re.compile(r"^Thanks for the message!\n.*shining in the sun", re.I | re.S)
    )
    text.scroll_into_view_if_needed()
    screenshot(page, f"voice-{device}")


def test_with_auto_transcription_on_the_text_is_there_without_pressing_t(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(name_="Website")
    page = log_in(context, tenant.owner)

    # The owner switches auto-transcription on in the settings screen.
    page.get_by_test_id("preferences-link").click()
    if device == "phone":
        # A phone lists the settings' sections first.
        page.get_by_test_id("settings-nav-preferences").click()
    toggle = page.get_by_test_id("pref-auto-transcribe")
    expect(toggle).not_to_be_checked()
    expect(page.get_by_test_id("pref-save")).to_be_disabled()
    toggle.check()
    page.get_by_test_id("pref-language").select_option("en")
    page.get_by_test_id("pref-save").click()
    expect(page.get_by_test_id("pref-status")).to_have_text("Saved")
    expect(page.get_by_test_id("pref-save")).to_be_disabled()
    screenshot(page, f"preferences-{device}")
    prefs = tenant.owner.client.get(tenant.owner.api("/preferences")).json()
    assert (prefs["auto_transcribe"], prefs["transcribe_language"]) == (True, "en")

    if device == "phone":
        page.get_by_test_id("back-button").click()
        expect(page.get_by_test_id("settings-index")).to_be_visible()
        page.get_by_test_id("back-button").click()
    accepted = send_voice(http, channel, contact_id="voice-auto")
    message = open_conversation(page, accepted["conversation_id"])
    transcript = message.get_by_test_id("transcript")
    expect(transcript).to_have_attribute("data-status", "done", timeout=TRANSCRIBE_TIMEOUT_MS)
    expect(transcript.get_by_test_id("transcript-text")).to_contain_text(
        re.compile("shining in the sun", re.IGNORECASE)
    )
    expect(message.get_by_test_id("transcribe-button")).to_have_count(0)


def test_agents_do_not_get_the_workspace_settings(context: BrowserContext, tenant: Tenant) -> None:
    agent = tenant.new_agent("agent")
    page = log_in(context, agent)
    expect(page.get_by_test_id("account-button")).to_be_visible()
    expect(page.get_by_test_id("preferences-link")).to_have_count(0)
    page.goto(f"/w/{tenant.workspace_id}/settings")
    expect(page.get_by_test_id("preferences")).to_contain_text("Only owners and managers")
    expect(page.get_by_test_id("pref-save")).to_have_count(0)
