"""The composer in a real browser, at phone and desktop sizes: replying to a message
(swipe, double-tap, long-press, the hover action, the context menu; Esc and × cancel), files
(picker, paste, drop; refusals with the server's reason; the image viewer), voice and video
notes recorded with Chromium's fake devices, typing indicators between two agents, and
unsupported messages."""

from __future__ import annotations

import re
import struct
import uuid
import zlib
from typing import Any

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    Playwright,
    Route,
    expect,
)

from omnibox.settings import Settings
from tests.conftest import Tenant, post_inbound, run_db
from tests.e2e.conftest import (
    Finger,
    centre,
    device_name,
    log_in,
    new_context,
    open_conversation,
    screenshot,
)
from tests.fakes.callback_server import CallbackServer

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# A Windows program ("MZ" header) named like a PDF: the server checks the bytes, not the name.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 240


def png(width: int = 48, height: int = 32, rgb: tuple[int, int, int] = (43, 125, 233)) -> bytes:
    """A small valid PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def message(page: Page, message_id: str) -> Locator:
    return page.locator(f'[data-testid="message"][data-message-id="{message_id}"]')


def start_reply_by_swipe(page: Page, target: Locator) -> None:
    # On the text (a quote or a player in the bubble keeps its own touches), from its left
    # part to the right, mostly sideways.
    text = target.locator(".bubble__text")
    _, y = centre(text)
    box = text.bounding_box()
    assert box is not None
    Finger(page).swipe((box["x"] + 20, y), dx=110, dy=6)


def start_reply_by_double_tap(page: Page, target: Locator) -> None:
    finger = Finger(page)
    x, y = centre(target.locator(".bubble__text"))
    for _ in range(2):
        finger.down(x, y)
        finger.up()


def start_reply_by_long_press(page: Page, target: Locator) -> None:
    finger = Finger(page)
    x, y = centre(target.locator(".bubble__text"))
    finger.down(x, y)
    # Held until the message menu shows (the long-press fires after ~450 ms); Reply is its
    # first item, as in the messengers agents know.
    menu = page.get_by_test_id("message-menu")
    expect(menu).to_be_visible()
    finger.up()
    expect(menu).to_be_visible()  # the release didn't pick the item under the finger
    menu.get_by_role("menuitem", name="Reply").click()
    expect(page.get_by_test_id("reply-preview")).to_be_visible()


def test_reply_to_a_message_reaches_the_callback_and_shows_the_quote(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    accepted = post_inbound(
        http,
        channel,
        external_id="orig-1",
        contact_id="reply-1",
        name="Anna Petrova",
        text="Is the blue jacket still in stock? I would like to order two of them for my sons.",
    ).json()
    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])
    original = message(page, accepted["message_id"])
    expect(original).to_be_visible()
    preview = page.get_by_test_id("reply-preview")
    composer = page.get_by_test_id("composer-input")

    # Esc cancels a reply (and so does the ×).
    if device == "phone":
        start_reply_by_swipe(page, original)
    else:
        original.hover()
        original.get_by_test_id("message-reply-action").click()
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("Anna Petrova")
    expect(preview).to_contain_text("Is the blue jacket still in stock?")
    composer.press("Escape")
    expect(preview).to_have_count(0)

    if device == "phone":
        start_reply_by_double_tap(page, original)
    else:
        original.get_by_test_id("message-reply-action").click()
    expect(preview).to_be_visible()
    page.get_by_test_id("reply-cancel").click()
    expect(preview).to_have_count(0)

    # The reply itself.
    if device == "phone":
        start_reply_by_swipe(page, original)
    else:
        original.hover()
        original.get_by_test_id("message-reply-action").click()
    expect(preview).to_be_visible()
    expect(page.get_by_test_id("channel-picker")).to_contain_text("Website")
    composer.fill("Yes, both sizes are in stock.")
    if device == "phone":
        screenshot(page, "composer-reply-phone")
    page.get_by_test_id("composer-send").click()
    expect(preview).to_have_count(0)

    [delivery] = callback.wait_for(1)
    assert delivery.json["reply_to"] == "orig-1"
    assert delivery.json["text"] == "Yes, both sizes are in stock."
    sent = page.get_by_test_id("message").last
    expect(sent).to_have_attribute("data-status", "sent")
    quote = sent.get_by_test_id("message-quote")
    expect(quote).to_contain_text("Anna Petrova")
    expect(quote).to_contain_text("Is the blue jacket still in stock?")
    screenshot(page, f"composer-replied-{device}")

    # Tapping the quote brings the original into view and flashes it.
    quote.click()
    expect(original).to_have_class(re.compile(r"\bmsg--flash\b"))

    # A reply to our own sent message: a long-press on the phone, the context menu on desktop.
    if device == "phone":
        start_reply_by_long_press(page, sent)
    else:
        sent.locator(".bubble").click(button="right")
        page.get_by_test_id("message-menu").get_by_role("menuitem", name="Reply").click()
    expect(preview).to_contain_text("You")
    expect(preview).to_contain_text("Yes, both sizes are in stock.")
    # Tapping the reply line scrolls to the original too.
    preview.click()
    expect(sent).to_have_class(re.compile(r"\bmsg--flash\b"))
    composer.fill("Shall I reserve them?")
    if device == "desktop":
        composer.press("Enter")
    else:
        page.get_by_test_id("composer-send").click()
    deliveries = callback.wait_for(2)
    assert deliveries[1].json["reply_to"] == "ext-1"  # the id our callback gave the first reply
    expect(page.get_by_test_id("message").last.get_by_test_id("message-quote")).to_contain_text(
        "You"
    )


def test_replying_is_refused_with_a_reason_where_it_cannot_work(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    """A message still being sent can't be quoted: the gesture explains instead of replying."""
    device = device_name(request)
    # No callback URL: our reply stays queued→failed, never "sent".
    channel = tenant.new_channel(name_="Website")
    accepted = post_inbound(http, channel, contact_id="refuse-1", text="Hello").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])
    page.get_by_test_id("composer-input").fill("A reply that can't go out")
    page.get_by_test_id("composer-send").click()
    mine = page.locator('[data-testid="message"][data-direction="out"]')
    expect(mine).to_have_attribute("data-status", re.compile("failed|queued"))
    if device == "phone":
        start_reply_by_swipe(page, mine)
    else:
        mine.hover()
        mine.get_by_test_id("message-reply-action").click()
    expect(page.get_by_test_id("toast")).to_contain_text(re.compile("still being sent|not sent"))
    expect(page.get_by_test_id("reply-preview")).to_have_count(0)


def paste_file(page: Page, name: str, data: bytes, media_type: str) -> None:
    """A file pasted into the composer (as a screenshot tool or a file manager puts it)."""
    page.get_by_test_id("composer-input").evaluate(
        """(el, [name, bytes, type]) => {
            const dt = new DataTransfer()
            dt.items.add(new File([new Uint8Array(bytes)], name, { type }))
            const init = { clipboardData: dt, bubbles: true, cancelable: true }
            el.dispatchEvent(new ClipboardEvent('paste', init))
        }""",
        [name, list(data), media_type],
    )


def drop_file(page: Page, name: str, data: bytes, media_type: str) -> None:
    """A file dragged from the desktop and dropped on the conversation."""
    page.get_by_test_id("message-list").evaluate(
        """(el, [name, bytes, type]) => {
            const dt = new DataTransfer()
            dt.items.add(new File([new Uint8Array(bytes)], name, { type }))
            const init = { dataTransfer: dt, bubbles: true, cancelable: true }
            for (const kind of ['dragenter', 'dragover', 'drop']) {
                el.dispatchEvent(new DragEvent(kind, init))
            }
        }""",
        [name, list(data), media_type],
    )


def test_files_go_out_with_the_reply_and_images_open_in_the_viewer(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    accepted = post_inbound(http, channel, contact_id="files-1", text="Send me the offer").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])

    chips = page.get_by_test_id("attachment-chip")
    image = png()
    if device == "desktop":
        page.get_by_test_id("attach-input").set_input_files(
            files=[{"name": "offer.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        paste_file(page, "photo.png", image, "image/png")
    else:
        page.get_by_test_id("attach-input").set_input_files(
            files=[
                {"name": "offer.pdf", "mimeType": "application/pdf", "buffer": PDF},
                {"name": "photo.png", "mimeType": "image/png", "buffer": image},
            ]
        )
    expect(chips).to_have_count(2)
    for chip in chips.all():
        expect(chip).to_have_attribute("data-status", "done")
    expect(chips.first).to_contain_text("offer.pdf")
    expect(chips.last).to_contain_text("photo.png")
    page.get_by_test_id("composer-input").fill("Here is the offer and a photo")
    screenshot(page, f"composer-attachments-{device}")
    page.get_by_test_id("composer-send").click()
    expect(chips).to_have_count(0)

    [delivery] = callback.wait_for(1)
    files = delivery.json["attachments"]
    assert [(f["media_type"], f["filename"]) for f in files] == [
        ("application/pdf", "offer.pdf"),
        ("image/png", "photo.png"),
    ]
    assert delivery.json["text"] == "Here is the offer and a photo"
    assert httpx.get(files[1]["url"]).content == image

    sent = page.locator('[data-testid="message"][data-direction="out"]').last
    expect(sent).to_have_attribute("data-status", "sent")
    expect(sent.get_by_test_id("attachment-file")).to_contain_text("offer.pdf")

    # The image opens full screen with download and share; Esc (or a swipe down) closes it.
    sent.get_by_test_id("attachment-image").click()
    viewer = page.get_by_test_id("image-viewer")
    expect(viewer).to_be_visible()
    expect(viewer.get_by_test_id("viewer-download")).to_have_attribute(
        "href", re.compile(r"download=true")
    )
    expect(viewer.get_by_test_id("viewer-share")).to_be_visible()
    screenshot(page, f"viewer-{device}")
    if device == "phone":
        x, y = centre(viewer.locator("img"))
        Finger(page).swipe((x, y), dx=0, dy=220, steps=10)
    else:
        # Esc closes the viewer only (nothing else reacts to it).
        page.keyboard.press("Escape")
    expect(viewer).to_have_count(0)


def test_a_refused_file_shows_the_servers_reason(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(name_="Website")
    accepted = post_inbound(http, channel, contact_id="refused-1", text="Any file?").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])

    if device == "desktop":
        drop_file(page, "invoice.pdf", EXE, "application/pdf")
    else:
        page.get_by_test_id("attach-input").set_input_files(
            files=[{"name": "invoice.pdf", "mimeType": "application/pdf", "buffer": EXE}]
        )
    chip = page.get_by_test_id("attachment-chip")
    expect(chip).to_have_attribute("data-status", "error")
    # The server's detail, as it says it.
    expect(chip.get_by_test_id("attachment-error")).to_contain_text(
        "invoice.pdf is not a file type that can be sent"
    )
    # Types refused by name don't even upload.
    page.get_by_test_id("attach-input").set_input_files(
        files=[{"name": "setup.exe", "mimeType": "application/octet-stream", "buffer": EXE}]
    )
    expect(page.get_by_test_id("attachment-chip")).to_have_count(2)
    expect(page.get_by_test_id("attachment-chip").last).to_contain_text("EXE files can’t be sent")
    expect(page.get_by_test_id("composer-send")).to_be_disabled()
    page.get_by_test_id("attachment-remove").first.click()
    page.get_by_test_id("attachment-remove").first.click()
    expect(page.get_by_test_id("attachment-chip")).to_have_count(0)
    expect(page.get_by_test_id("record-button")).to_be_visible()


def test_a_voice_note_recorded_in_the_browser_goes_out_as_a_voice_message(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    context.grant_permissions(["microphone", "camera"])
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    accepted = post_inbound(http, channel, contact_id="voice-out", text="Can you explain?").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])

    record = page.get_by_test_id("record-button")
    expect(record).to_have_attribute("data-mode", "audio")
    box = record.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44

    # Record, re-record, delete: the composer comes back.
    record.click()
    expect(page.get_by_test_id("record-time")).to_have_text(re.compile(r"^0:0[1-9]$"))
    if device == "phone":
        screenshot(page, "recording-phone")
    page.get_by_test_id("record-stop").click()
    preview = page.get_by_test_id("record-preview")
    expect(preview).to_be_visible()
    page.get_by_test_id("record-rerecord").click()
    expect(page.get_by_test_id("record-time")).to_have_text(re.compile(r"^0:0[1-9]$"))
    page.get_by_test_id("record-stop").click()
    expect(preview).to_be_visible()
    page.get_by_test_id("record-delete").click()
    expect(preview).to_have_count(0)
    expect(page.get_by_test_id("composer-input")).to_be_visible()

    # Record again, listen at 1.5x, send.
    record.click()
    expect(page.get_by_test_id("record-time")).to_have_text(re.compile(r"^0:0[2-9]$"))
    page.get_by_test_id("record-stop").click()
    player = preview.get_by_test_id("voice-player")
    expect(player).to_be_visible()
    expect(player.get_by_test_id("voice-duration")).to_have_text(re.compile(r"^0:0[2-9]$"))
    player.get_by_test_id("voice-play").click()
    expect(player).to_have_attribute("data-state", "playing")
    speed = player.get_by_test_id("voice-speed")
    expect(speed).to_have_text("1x")
    speed.click()
    expect(speed).to_have_text("1.5x")
    if device == "phone":
        screenshot(page, "recording-preview-phone")
    page.get_by_test_id("record-send").click()
    expect(preview).to_have_count(0)

    sent = page.locator('[data-testid="message"][data-direction="out"]').last
    expect(sent).to_have_attribute("data-kind", "voice")
    expect(sent).to_have_attribute("data-status", "sent")
    expect(sent.get_by_test_id("voice-player")).to_be_visible()
    [delivery] = callback.wait_for(1)
    [audio] = delivery.json["attachments"]
    assert audio["media_type"].startswith("audio/"), audio
    assert delivery.json["text"] == ""
    body = httpx.get(audio["url"]).content
    assert body[:4] in (b"\x1aE\xdf\xa3", b"OggS") or body[4:8] == b"ftyp"  # WebM, Ogg or MP4


def test_a_video_note_goes_out_as_a_video_file(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
) -> None:
    context.grant_permissions(["microphone", "camera"])
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    accepted = post_inbound(http, channel, contact_id="video-out", text="Show me").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])

    page.get_by_test_id("record-mode").click()
    record = page.get_by_test_id("record-button")
    expect(record).to_have_attribute("data-mode", "video")
    record.click()
    expect(page.get_by_test_id("recording")).to_have_attribute("data-mode", "video")
    expect(page.get_by_test_id("record-time")).to_have_text(re.compile(r"^0:0[1-9]$"))
    page.get_by_test_id("record-stop").click()
    expect(page.get_by_test_id("record-preview")).to_have_attribute("data-mode", "video")
    page.get_by_test_id("record-send").click()

    sent = page.locator('[data-testid="message"][data-direction="out"]').last
    expect(sent).to_have_attribute("data-kind", "media")
    expect(sent).to_have_attribute("data-status", "sent")
    expect(sent.get_by_test_id("attachment-video")).to_be_visible()
    [delivery] = callback.wait_for(1)
    [video] = delivery.json["attachments"]
    assert video["media_type"] == "video/webm", video


def test_recording_without_the_microphone_says_why(
    context: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    channel = tenant.new_channel(name_="Website")
    accepted = post_inbound(http, channel, contact_id="no-mic", text="Voice please").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])
    # The browser refuses the microphone (as after "Block" in its prompt).
    page.evaluate(
        """() => {
            navigator.mediaDevices.getUserMedia = () =>
                Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
        }"""
    )
    page.get_by_test_id("record-button").click()
    expect(page.get_by_test_id("record-error")).to_contain_text("access is blocked")
    expect(page.get_by_test_id("record-stop")).to_have_count(0)


def test_another_agent_sees_who_is_typing(
    context: BrowserContext,
    playwright: Playwright,
    browser: Browser,
    base_url: str,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(name_="Website")
    accepted = post_inbound(http, channel, contact_id="typing-1", text="Anyone there?").json()
    boris = tenant.new_agent("agent", "Boris Agent")

    other = new_context(playwright, browser, None, base_url)
    other.set_default_timeout(10_000)
    try:
        watcher = log_in(other, boris)
        open_conversation(watcher, accepted["conversation_id"])
        page = log_in(context, tenant.owner)
        open_conversation(page, accepted["conversation_id"])

        indicator = watcher.get_by_test_id("typing-indicator")
        expect(indicator).to_have_count(0)
        page.get_by_test_id("composer-input").press_sequentially("Hello, I am ", delay=30)
        expect(indicator).to_have_text("Olga Owner is typing…")
        screenshot(watcher, f"typing-seen-{device}")
        # The one typing does not see themselves.
        expect(page.get_by_test_id("typing-indicator")).to_have_count(0)
        # It goes away a few seconds after the last keystroke.
        expect(indicator).to_have_count(0, timeout=15_000)

        # Both type: both names.
        page.get_by_test_id("composer-input").press_sequentially("here", delay=30)
        watcher.get_by_test_id("composer-input").press_sequentially("On it", delay=30)
        expect(page.get_by_test_id("typing-indicator")).to_have_text("Boris Agent is typing…")
    finally:
        other.close()


def test_after_the_messaging_window_closes_only_templates_go_out(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    """The composer's side of WhatsApp's 24-hour window. The WhatsApp side (Graph API) is not
    here: the browser is given a channel with a window, a closed window and two templates, and
    the test checks what the composer shows and what it sends."""
    channel = tenant.new_channel(name_="Website")
    accepted = post_inbound(http, channel, contact_id="window-1", text="Hi, any news?").json()
    ws = f"**/api/v1/workspaces/{tenant.workspace_id}"

    def channels_with_a_window(route: Route) -> None:
        listed = route.fetch().json()
        for c in listed:
            c["capabilities"]["messaging_window_hours"] = 24
        route.fulfill(json=listed)

    closed = {
        "channel_id": channel["id"],
        "window_hours": 24,
        "last_incoming_at": "2024-01-01T10:00:00Z",
        "closes_at": "2024-01-02T10:00:00Z",
        "open": False,
    }
    templates = [
        {
            "name": "order_update",
            "language": "en_US",
            "status": "APPROVED",
            "category": "UTILITY",
            "body": "Hello {{1}}, your order {{2}} is ready.",
            "variables": ["1", "2"],
            "variable_count": 2,
            "components": [],
            "sendable": True,
            "unsendable_reason": None,
        },
        {
            "name": "promo_with_image",
            "language": "en_US",
            "status": "APPROVED",
            "category": "MARKETING",
            "body": "New collection!",
            "variables": [],
            "variable_count": 0,
            "components": [],
            "sendable": False,
            "unsendable_reason": "Its header needs a media file.",
        },
    ]
    context.route(f"{ws}/channels", channels_with_a_window)
    context.route(f"{ws}/conversations/*/window*", lambda route: route.fulfill(json=closed))
    context.route(f"{ws}/channels/*/templates", lambda route: route.fulfill(json=templates))

    page = log_in(context, tenant.owner)
    open_conversation(page, accepted["conversation_id"])
    notice = page.get_by_test_id("window-closed")
    expect(notice).to_contain_text("24-hour window for free replies has closed")
    expect(page.get_by_test_id("composer-input")).to_have_count(0)
    expect(page.get_by_test_id("record-button")).to_have_count(0)
    screenshot(page, f"window-closed-{device_name(request)}")

    page.get_by_test_id("template-open").click()
    picker = page.get_by_test_id("template-picker")
    options = picker.get_by_test_id("template-option")
    expect(options).to_have_count(2)
    expect(options.last).to_be_disabled()
    expect(options.last).to_contain_text("Its header needs a media file.")
    options.first.click()
    send = picker.get_by_test_id("template-send")
    expect(send).to_be_disabled()
    values = picker.get_by_test_id("template-variable")
    values.first.fill("Anna")
    values.last.fill("#1042")
    expect(picker).to_contain_text("Hello Anna, your order #1042 is ready.")
    screenshot(page, f"template-{device_name(request)}")
    with page.expect_request(
        lambda r: r.method == "POST" and r.url.endswith("/messages")
    ) as posted:
        send.click()
    body = posted.value.post_data_json
    assert body["template"] == {
        "name": "order_update",
        "language": "en_US",
        "variables": ["Anna", "#1042"],
    }
    assert body["text"] == ""
    assert body["attachment_ids"] == []
    expect(picker).to_have_count(0)
    # The bubble shows the words the contact will read (this API channel then refuses it).
    expect(page.get_by_test_id("message").last).to_contain_text(
        "Hello Anna, your order #1042 is ready."
    )


def ingest_unsupported(settings: Settings, channel_id: str, contact_id: str, text: str) -> str:
    """A message the channel could not turn into text or files (a sticker, a poll)."""
    from omnibox.channels.base import InboundContact, InboundMessage
    from omnibox.media.storage import LocalStorage
    from omnibox.messages.inbound import ingest
    from omnibox.models import Channel, MessageKind

    async def go(session: Any) -> str:
        channel = await session.get(Channel, uuid.UUID(channel_id))
        result = await ingest(
            session,
            channel,
            InboundMessage(
                external_id=uuid.uuid4().hex,
                contact=InboundContact(external_id=contact_id, name="Sticker Fan"),
                text=text,
                kind=MessageKind.unsupported,
                raw={"sticker": {"emoji": "👍", "set_name": "Animals"}},
            ),
            storage=LocalStorage(settings.files_dir),
            max_attachment_bytes=settings.max_attachment_bytes,
        )
        return str(result.conversation_id)

    conversation_id: str = run_db(settings, go)
    return conversation_id


def test_an_unsupported_message_says_so_instead_of_a_blank_bubble(
    context: BrowserContext,
    tenant: Tenant,
    settings: Settings,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(name_="Website")
    conversation_id = ingest_unsupported(settings, channel["id"], "sticker-1", "")
    ingest_unsupported(settings, channel["id"], "sticker-1", "Poll: which day suits you?")
    page = log_in(context, tenant.owner)
    open_conversation(page, conversation_id)
    bubbles = page.locator('[data-testid="message"][data-kind="unsupported"]')
    expect(bubbles).to_have_count(2)
    first, second = bubbles.first, bubbles.last
    expect(first.get_by_test_id("unsupported-message")).to_contain_text("Unsupported message")
    expect(first.get_by_test_id("unsupported-message")).to_contain_text("Open it in the messenger")
    expect(second.get_by_test_id("unsupported-message")).to_contain_text("Unsupported message")
    expect(second).to_contain_text("Poll: which day suits you?")
    screenshot(page, f"unsupported-{device}")
