"""Links to messages and search within a conversation, in a real browser at phone and desktop
sizes: "Copy link" in the message menu puts the link on the clipboard; opening it (after the
login page when signed out, in another workspace, far back in the history) scrolls to the
message and flashes it; search finds Russian and English word forms and voice transcripts and
jumps between the matches."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, expect

from omnibox.settings import Settings
from tests.conftest import PASSWORD, Tenant, post_inbound, run_db
from tests.e2e.conftest import Finger, centre, device_name, log_in, new_context, screenshot
from tests.e2e.test_voice import send_voice

FLASH = re.compile(r"\bmsg--flash\b")


def inbound(http: httpx.Client, channel: dict[str, Any], text: str, contact: str) -> dict[str, Any]:
    response = post_inbound(http, channel, contact_id=contact, name="Lena Link", text=text)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def message(page: Page, message_id: str) -> Locator:
    return page.locator(f'[data-testid="message"][data-message-id="{message_id}"]')


def link_path(workspace_id: str, conversation_id: str, message_id: str) -> str:
    return f"/w/{workspace_id}/c/{conversation_id}?m={message_id}"


def open_menu(page: Page, target: Locator, device: str) -> Locator:
    """The message's menu: a long-press on the phone (a sheet), a right-click on desktop."""
    menu = page.get_by_test_id("message-menu")
    if device == "phone":
        finger = Finger(page)
        x, y = centre(target.locator(".bubble__text"))
        finger.down(x, y)
        expect(menu).to_be_visible()
        finger.up()
    else:
        target.locator(".bubble__text").click(button="right")
        expect(menu).to_be_visible()
    return menu


def expect_flashed(page: Page, target: Locator) -> None:
    expect(target).to_have_class(FLASH)
    expect(target).to_be_in_viewport()


def log_in_here(page: Page, email: str) -> None:
    page.get_by_test_id("login-email").fill(email)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()


def test_copy_a_link_and_open_it_signed_out_far_back_in_the_history(
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
    first = inbound(http, channel, "The very first message: my order number is 4711", "link-1")
    cid = first["conversation_id"]
    # 129 more: the first one is three pages (of 50) back.
    for i in range(2, 131):
        last = inbound(http, channel, f"Message number {i}", "link-1")
    wid = tenant.owner.workspace_id

    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = log_in(context, tenant.owner)

    # A link to a message far back: the conversation opens, loads older messages until it is
    # there, scrolls to it and flashes it; then `m` leaves the URL (a reload doesn't re-flash).
    page.goto(link_path(wid, cid, first["message_id"]))
    target = message(page, first["message_id"])
    expect_flashed(page, target)
    expect(page).to_have_url(re.compile(rf"/w/{wid}/c/{cid}$"))
    expect(message(page, last["message_id"])).not_to_be_in_viewport()
    screenshot(page, f"links-old-message-{device}")

    # Copy link, from the message's menu.
    menu = open_menu(page, target, device)
    screenshot(page, f"links-menu-{device}")
    menu.get_by_role("menuitem", name="Copy link").click()
    expect(menu).to_have_count(0)
    expect(page.get_by_test_id("toast").filter(has_text="Link copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == base_url + link_path(wid, cid, first["message_id"])

    # The link in a browser that is signed out: the login page first, then exactly there.
    name = request.node.callspec.params["context"]
    fresh = new_context(playwright, browser, None if name == "desktop" else name, base_url)
    try:
        other = fresh.new_page()
        other.goto(copied)
        expect(other.get_by_test_id("login-submit")).to_be_visible()
        expect(other).to_have_url(re.compile(r"/login\?next="))
        log_in_here(other, tenant.owner.email)
        expect(other.get_by_test_id("conversation")).to_have_attribute("data-conversation-id", cid)
        expect_flashed(other, message(other, first["message_id"]))
        expect(other).to_have_url(re.compile(rf"/w/{wid}/c/{cid}$"))
        screenshot(other, f"links-after-login-{device}")
    finally:
        fresh.close()


def test_a_link_into_another_workspace_switches_to_it(
    context: BrowserContext,
    base_url: str,
    tenant: Tenant,
    make_tenant: Callable[[], Tenant],
    settings: Settings,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    from omnibox.auth.service import create_user
    from omnibox.models import Role

    device = device_name(request)
    other = make_tenant()

    async def join(session: Any) -> None:
        await create_user(
            session,
            email=tenant.owner.email,
            password=PASSWORD,
            name="Olga Owner",
            workspace_name=other.workspace_name,
            role=Role.agent,
        )

    run_db(settings, join)
    here = inbound(http, tenant.new_channel(name_="Website"), "Hello from workspace one", "ws-1")
    there = inbound(http, other.new_channel(name_="Shop"), "A question in workspace two", "ws-2")

    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = log_in(context, tenant.owner)
    page.goto(f"/w/{tenant.workspace_id}/c/{here['conversation_id']}")
    expect(message(page, here["message_id"])).to_be_visible()

    # In-app navigation (a mention notification does this), no reload.
    page.evaluate(
        "(to) => { history.pushState(null, '', to);"
        " window.dispatchEvent(new Event('omnibox:navigate')) }",
        link_path(other.workspace_id, there["conversation_id"], there["message_id"]),
    )
    expect(page.get_by_test_id("conversation")).to_have_attribute(
        "data-conversation-id", there["conversation_id"]
    )
    expect_flashed(page, message(page, there["message_id"]))
    expect(page).to_have_url(re.compile(rf"/w/{other.workspace_id}/c/{there['conversation_id']}$"))
    if device == "desktop":  # the phone shows the conversation alone
        expect(page.get_by_test_id("workspace-switcher")).to_have_value(other.workspace_id)
    screenshot(page, f"links-other-workspace-{device}")

    # A message that isn't there (or not visible to this user) says so.
    page.goto(link_path(other.workspace_id, there["conversation_id"], str(uuid.uuid4())))
    expect(page.get_by_test_id("toast").filter(has_text="not available")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/c/{there['conversation_id']}$"))

    # An internal comment has the same menu and link.
    created = tenant.owner.client.post(
        f"/api/v1/workspaces/{other.workspace_id}/conversations/{there['conversation_id']}/messages",
        json={"text": "Internal: call her back tomorrow", "internal": True},
    )
    assert created.status_code == 201, created.text
    comment = message(page, created.json()["id"])
    expect(comment).to_be_visible()
    menu = open_menu(page, comment, device)
    expect(menu.get_by_role("menuitem", name="Reply")).to_have_count(0)
    menu.get_by_role("menuitem", name="Copy link").click()
    expect(page.get_by_test_id("toast").filter(has_text="Link copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + link_path(
        other.workspace_id, there["conversation_id"], created.json()["id"]
    )

    # Where the clipboard refuses (plain HTTP in an old browser, denied): the link, selected.
    page.evaluate(
        "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));"
        " document.execCommand = () => false }"
    )
    open_menu(page, comment, device).get_by_role("menuitem", name="Copy link").click()
    shown = page.get_by_test_id("message-link")
    expect(shown).to_have_value(
        base_url + link_path(other.workspace_id, there["conversation_id"], created.json()["id"])
    )
    expect(shown).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("message-link-dialog")).to_have_count(0)


def add_transcript(settings: Settings, message_id: str, text: str) -> None:
    """A finished transcript of the voice message's audio, as the speech job stores it."""
    from sqlalchemy import select

    from omnibox.models import Attachment, Message, Transcript

    async def create(session: Any) -> None:
        msg = await session.get(Message, uuid.UUID(message_id))
        attachment = (
            await session.execute(select(Attachment).where(Attachment.message_id == msg.id))
        ).scalar_one()
        session.add(
            Transcript(
                workspace_id=msg.workspace_id,
                attachment_id=attachment.id,
                message_id=msg.id,
                status="done",
                text=text,
                language="en",
            )
        )

    run_db(settings, create)


def test_search_in_a_conversation_finds_word_forms_and_transcripts(
    context: BrowserContext,
    tenant: Tenant,
    settings: Settings,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(name_="Website")
    contact = "search-1"
    order_ru = inbound(http, channel, "Здравствуйте! Хочу оформить заказ на две куртки", contact)
    cid = order_ru["conversation_id"]
    order_en = inbound(http, channel, "Where is my order? It has been a week", contact)
    voice = send_voice(http, channel, contact_id=contact)
    add_transcript(
        settings, voice["message_id"], "Please cancel my subscription and refund the order"
    )
    shipped = inbound(http, channel, "Спасибо, ваш заказ уже в пути", contact)
    # Enough after them that the first matches are in older pages.
    for i in range(60):
        inbound(http, channel, f"Filler {i}", contact)

    page = log_in(context, tenant.owner)
    page.goto(f"/w/{tenant.workspace_id}/c/{cid}")
    expect(page.get_by_test_id("message").last).to_contain_text("Filler 59")

    search = open_search(page, device)
    field = search.get_by_test_id("search-input")
    count = search.get_by_test_id("search-count")

    # Russian word forms: "заказы" finds "заказ"; the newest match first, its word marked.
    field.fill("заказы")
    expect(count).to_have_text("1 of 2")
    expect_flashed(page, message(page, shipped["message_id"]))
    expect(search.get_by_test_id("search-hit").locator("mark")).to_have_text("заказ")
    assert marked_words(page) == ["заказ"]
    screenshot(page, f"search-ru-{device}")
    # ↑ goes to the older match (further back than the loaded page).
    older = search.get_by_test_id("search-older")
    older.click()
    expect(count).to_have_text("2 of 2")
    expect_flashed(page, message(page, order_ru["message_id"]))
    expect(older).to_be_disabled()
    search.get_by_test_id("search-newer").click()
    expect(count).to_have_text("1 of 2")
    expect(message(page, shipped["message_id"])).to_be_in_viewport()

    # English word forms, and a voice message found by what was said.
    field.fill("orders")
    expect(count).to_have_text("1 of 2")
    hit = search.get_by_test_id("search-hit")
    expect(hit).to_have_attribute("data-source", "transcript")
    expect(hit).to_contain_text("Voice message")
    voice_row = message(page, voice["message_id"])
    expect_flashed(page, voice_row)
    expect(voice_row.get_by_test_id("transcript-text")).to_contain_text("refund the order")
    assert marked_words(page) == ["order"]
    screenshot(page, f"search-voice-{device}")
    if device == "desktop":
        field.press("Enter")
    else:
        older.click()
    expect(count).to_have_text("2 of 2")
    expect_flashed(page, message(page, order_en["message_id"]))
    if device == "desktop":
        field.press("Shift+Enter")
        expect(count).to_have_text("1 of 2")

    # Nothing found says so.
    field.fill("xylophone")
    expect(search.get_by_test_id("search-no-matches")).to_have_text("No matches")
    expect(count).to_have_text("")
    assert marked_words(page) == []
    screenshot(page, f"search-none-{device}")

    # Esc (desktop) or × closes it, and the marks go with it.
    if device == "desktop":
        field.press("Escape")
    else:
        search.get_by_test_id("search-close").click()
    expect(search).to_have_count(0)
    expect(page.get_by_test_id("conversation-title")).to_be_visible()
    assert marked_words(page) == []


def open_search(page: Page, device: str) -> Locator:
    """From the conversation's ⋮ menu; on desktop Ctrl+F does it too."""
    if device == "desktop":
        page.keyboard.press("Control+f")
    else:
        page.get_by_test_id("header-more").click()
        page.get_by_test_id("menu-search").click()
    search = page.get_by_test_id("conversation-search")
    expect(search).to_be_visible()
    expect(search.get_by_test_id("search-input")).to_be_focused()
    return search


def marked_words(page: Page) -> list[str]:
    """The words the search marks inside messages (the CSS Custom Highlight's ranges)."""
    words: list[str] = page.evaluate(
        "() => { const h = CSS.highlights.get('omnibox-search-hit');"
        " return h ? [...h].map((r) => r.toString().toLowerCase()) : [] }"
    )
    return sorted(set(words))
