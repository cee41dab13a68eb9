"""Browser tests: Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from omnibox.app import WEB_DIST
from tests.conftest import PASSWORD, Agent

CHROMIUM = os.environ.get("OMNIBOX_CHROMIUM", "/usr/bin/chromium")
# Jobs (audio processing, transcription, delivery) share two cores with the browser and the
# server in CI: assertions wait for what a user would wait for, not Playwright's 5 s default.
expect.set_options(timeout=15_000)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A fake microphone and camera (a beep and a test pattern), allowed without a prompt:
    # the composer's voice and video notes are recorded in the browser.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not (WEB_DIST / "index.html").exists():
        pytest.fail("the web client is not built: run `make web` (make test does)")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def new_context(
    playwright: Playwright, browser: Browser, device: str | None, base_url: str
) -> BrowserContext:
    options = (
        dict(playwright.devices[device]) if device else {"viewport": {"width": 1280, "height": 800}}
    )
    options.pop("default_browser_type", None)
    return browser.new_context(base_url=base_url, locale="en-US", **options)


@pytest.fixture(params=["desktop", "Pixel 7"])
def context(
    request: pytest.FixtureRequest, playwright: Playwright, browser: Browser, base_url: str
) -> Iterator[BrowserContext]:
    device = None if request.param == "desktop" else request.param
    ctx = new_context(playwright, browser, device, base_url)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


def screenshot(page: object, name: str) -> Path:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def device_name(request: pytest.FixtureRequest) -> str:
    return "desktop" if request.node.callspec.params["context"] == "desktop" else "phone"


def log_in(context: BrowserContext, agent: Agent, *, wait_for_socket: bool = True) -> Page:
    """Log ``agent`` in through the login page; the inbox (and its live socket) is up."""
    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("login-email").fill(agent.email)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("conversation-list")).to_be_visible()
    if wait_for_socket:
        expect(page.get_by_test_id("ws-status")).to_have_attribute("data-state", "open")
    return page


def open_conversation(page: Page, conversation_id: str) -> None:
    page.locator(
        f'[data-testid="conversation-item"][data-conversation-id="{conversation_id}"]'
    ).click()
    expect(page.get_by_test_id("conversation")).to_have_attribute(
        "data-conversation-id", conversation_id
    )


class Finger:
    """One finger on the emulated touch screen (CDP touch events → pointer events)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page)

    def _send(self, kind: str, x: float | None = None, y: float | None = None) -> None:
        points = [] if x is None or y is None else [{"x": x, "y": y}]
        self.cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    def down(self, x: float, y: float) -> None:
        self._send("touchStart", x, y)

    def move(self, x: float, y: float) -> None:
        self._send("touchMove", x, y)

    def up(self) -> None:
        self._send("touchEnd")

    def swipe(self, start: tuple[float, float], dx: float, dy: float, steps: int = 8) -> None:
        x, y = start
        self.down(x, y)
        for i in range(1, steps + 1):
            self.move(x + dx * i / steps, y + dy * i / steps)
        self.up()


def centre(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
