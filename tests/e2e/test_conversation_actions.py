"""Conversation actions in a real browser: close (closing notes off, optional, mandatory; the
header button, the three-dot menu, a swipe on the list row), snooze (presets, a custom time,
the Snoozed tab, Unsnooze, the bar after a snooze wakes up), assign and unassign, block with
its confirmation. Phone size for the main paths, one desktop test (dropdown, hover buttons,
another agent seeing changes live). Each asserts what the user sees and what the server has."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, expect

from tests.conftest import Agent, Tenant, wait_until
from tests.e2e.conftest import Finger, centre, log_in, new_context, screenshot
from tests.inbox_helpers import inbound, set_preferences

# The wake-up job runs on a busy machine: give it time.
WAKE_TIMEOUT_MS = 40_000


@pytest.fixture
def phone(playwright: Playwright, browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    ctx = new_context(playwright, browser, "Pixel 7", base_url)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def desktop(playwright: Playwright, browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    ctx = new_context(playwright, browser, None, base_url)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


def shot(page: Page, name: str) -> None:
    """A screenshot once sheets and rows have finished moving."""
    page.wait_for_timeout(350)
    screenshot(page, name)


def server(agent: Agent, cid: str) -> dict[str, Any]:
    response = agent.client.get(agent.api(f"/conversations/{cid}"))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def settled(agent: Agent, cid: str, **fields: Any) -> dict[str, Any]:
    """The server's conversation once it has these fields (the browser shows a change at once,
    while its request may still be on the way)."""

    def fetch() -> dict[str, Any] | None:
        c = server(agent, cid)
        return c if all(c.get(k) == v for k, v in fields.items()) else None

    found: dict[str, Any] = wait_until(fetch)
    return found


def row(page: Page, cid: str) -> Locator:
    return page.locator(f'[data-testid="conversation-item"][data-conversation-id="{cid}"]')


def open_conversation(page: Page, cid: str) -> None:
    row(page, cid).click()
    expect(page.get_by_test_id("conversation")).to_have_attribute("data-conversation-id", cid)


def actions(page: Page) -> Locator:
    return page.get_by_test_id("conversation-actions")


def swipe_row(page: Page, cid: str, dx: float, dy: float = 4) -> None:
    x, y = centre(row(page, cid))
    Finger(page).swipe((x, y), dx=dx, dy=dy, steps=10)


def test_close_with_the_header_button_and_reopen(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    """Closing notes off: the check mark asks a plain confirmation, then it is closed."""
    cid = inbound(http, tenant.new_channel(), name="Anna Petrova", text="Thanks, all good!")[
        "conversation_id"
    ]
    page = log_in(phone, tenant.owner)
    open_conversation(page, cid)
    expect(actions(page)).to_have_attribute("data-status", "open")
    shot(page, "actions-header-phone")

    page.get_by_test_id("header-close").click()
    dialog = page.get_by_test_id("close-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("It moves to Closed")
    expect(page.get_by_test_id("closing-note")).to_have_count(0)
    shot(page, "actions-close-confirm-phone")
    # Esc cancels: nothing changes.
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    settled(tenant.owner, cid, status="open")

    page.get_by_test_id("header-close").click()
    page.get_by_test_id("close-confirm").click()
    expect(dialog).to_be_hidden()
    expect(actions(page)).to_have_attribute("data-status", "closed")
    expect(page.get_by_test_id("header-reopen")).to_be_visible()
    expect(page.locator(".conv-header__sub")).to_contain_text("Closed")
    settled(tenant.owner, cid, status="closed")

    page.get_by_test_id("header-reopen").click()
    expect(actions(page)).to_have_attribute("data-status", "open")
    expect(page.get_by_test_id("header-close")).to_be_visible()
    settled(tenant.owner, cid, status="open")


def test_a_mandatory_closing_note_via_the_three_dot_menu(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    set_preferences(tenant, closing_notes="mandatory", closing_categories=["Sale", "Support"])
    cid = inbound(http, tenant.new_channel(), name="Boris Ivanov", text="I'll take two.")[
        "conversation_id"
    ]
    page = log_in(phone, tenant.owner)
    open_conversation(page, cid)

    page.get_by_test_id("header-more").click()
    menu = page.get_by_test_id("conversation-menu")
    expect(menu).to_have_attribute("data-variant", "sheet")
    for item in ("close", "snooze", "assign", "contact", "search", "block"):
        expect(menu.get_by_test_id(f"menu-{item}")).to_be_visible()
    shot(page, "actions-menu-phone")
    menu.get_by_test_id("menu-close").click()
    dialog = page.get_by_test_id("close-dialog")
    expect(dialog).to_be_visible()
    expect(page.get_by_test_id("close-without-note")).to_have_count(0)

    # Both are required: the dialog says so and sends nothing.
    page.get_by_test_id("close-confirm").click()
    expect(dialog).to_contain_text("Write a closing note")
    expect(dialog).to_contain_text("Choose a category")
    settled(tenant.owner, cid, status="open")

    page.get_by_test_id("closing-note").fill("Sold two jackets, delivery on Friday.")
    dialog.get_by_role("radio", name="Sale").click()
    expect(dialog.get_by_role("radio", name="Sale")).to_have_attribute("aria-checked", "true")
    shot(page, "actions-close-mandatory-phone")

    # The categories changed meanwhile: the server refuses, and its reason shows here.
    set_preferences(tenant, closing_categories=["Other"])
    page.get_by_test_id("close-confirm").click()
    expect(page.get_by_test_id("close-error")).to_contain_text(
        "Pick one of the workspace's closing categories: Other"
    )
    settled(tenant.owner, cid, status="open")

    set_preferences(tenant, closing_categories=["Sale", "Support"])
    page.get_by_test_id("close-confirm").click()
    expect(dialog).to_be_hidden()
    expect(actions(page)).to_have_attribute("data-status", "closed")
    got = server(tenant.owner, cid)
    assert got["status"] == "closed"
    assert got["closing_note"] == "Sold two jackets, delivery on Friday."
    assert got["closing_category"] == "Sale"


def test_close_by_swiping_the_list_row(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    channel = tenant.new_channel()
    first = inbound(http, channel, name="Clara Novak", text="Got it, thanks")["conversation_id"]
    second = inbound(http, channel, name="Denis Orlov", text="Bye")["conversation_id"]
    page = log_in(phone, tenant.owner)
    expect(row(page, first)).to_be_visible()

    # Scrolling (a vertical move over the row) does nothing.
    swipe_row(page, first, dx=8, dy=-160)
    expect(row(page, first)).to_be_visible()
    settled(tenant.owner, first, status="open")

    # A short swipe springs back; a long one to the left closes (notes are off: at once).
    swipe_row(page, first, dx=-40)
    expect(row(page, first)).to_be_visible()
    settled(tenant.owner, first, status="open")
    x, y = centre(row(page, first))
    finger = Finger(page)
    finger.down(x, y)
    for step in range(1, 9):
        finger.move(x - 20 * step, y + 1)
    # Past the threshold, the close colour shows behind the row.
    behind = page.locator(".conv-row--swiping .conv-row__act--close")
    expect(behind).to_be_visible()
    expect(behind).to_contain_text("Close")
    shot(page, "actions-swipe-close-phone")
    finger.up()
    expect(row(page, first)).to_have_count(0)
    expect(page.get_by_test_id("toast")).to_contain_text("Conversation closed")
    settled(tenant.owner, first, status="closed")

    # Notes optional: the swipe asks for a note first; "Close without a note" skips it.
    set_preferences(tenant, closing_notes="optional", closing_categories=["Sale"])
    page.reload()
    expect(row(page, second)).to_be_visible()
    swipe_row(page, second, dx=-200)
    dialog = page.get_by_test_id("close-dialog")
    expect(dialog).to_be_visible()
    expect(row(page, second)).to_be_visible()
    shot(page, "actions-close-optional-phone")
    page.get_by_test_id("close-without-note").click()
    expect(dialog).to_be_hidden()
    expect(row(page, second)).to_have_count(0)
    got = server(tenant.owner, second)
    assert got["status"] == "closed" and got["closing_note"] is None


def test_snooze_with_a_preset_and_a_custom_time_then_unsnooze(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    cid = inbound(http, tenant.new_channel(), name="Elena Frolova", text="Call me tomorrow")[
        "conversation_id"
    ]
    page = log_in(phone, tenant.owner)
    expect(row(page, cid)).to_be_visible()

    # Swipe right on the row: the snooze dialog; "In 1 hour" sends it to Snoozed.
    swipe_row(page, cid, dx=200)
    dialog = page.get_by_test_id("snooze-dialog")
    expect(dialog).to_be_visible()
    for preset in ("hour", "threeHours", "tomorrow", "nextMonday"):
        expect(page.get_by_test_id(f"snooze-preset-{preset}")).to_be_visible()
    shot(page, "actions-snooze-dialog-phone")
    before = datetime.now(UTC)
    page.get_by_test_id("snooze-preset-hour").click()
    expect(dialog).to_be_hidden()
    expect(row(page, cid)).to_have_count(0)
    got = server(tenant.owner, cid)
    assert got["status"] == "snoozed"
    until = datetime.fromisoformat(got["snoozed_until"])
    assert timedelta(minutes=59) < until - before < timedelta(minutes=61)

    page.get_by_test_id("status-tab-snoozed").click()
    expect(row(page, cid)).to_be_visible()
    open_conversation(page, cid)
    bar = page.get_by_test_id("snoozed-bar")
    expect(bar).to_contain_text("Snoozed until")
    shot(page, "actions-snoozed-bar-phone")

    # Unsnooze by the bar's button: back to Open.
    page.get_by_test_id("unsnooze-bar-button").click()
    expect(bar).to_be_hidden()
    expect(actions(page)).to_have_attribute("data-status", "open")
    settled(tenant.owner, cid, status="open")

    # "Tomorrow" is 9:00 in the user's time zone.
    page.get_by_test_id("header-snooze").click()
    page.get_by_test_id("snooze-preset-tomorrow").click()
    expect(bar).to_be_visible()
    until_iso = server(tenant.owner, cid)["snoozed_until"]
    local = page.evaluate(
        "iso => { const d = new Date(iso), n = new Date();"
        " const t = new Date(n.getFullYear(), n.getMonth(), n.getDate() + 1);"
        " return [d.getHours(), d.getMinutes(), d.toDateString() === t.toDateString()] }",
        until_iso,
    )
    assert local == [9, 0, True]

    # A custom date and time (from the header's Unsnooze, then Snooze again).
    page.get_by_test_id("header-unsnooze").click()
    expect(actions(page)).to_have_attribute("data-status", "open")
    page.get_by_test_id("header-snooze").click()
    page.get_by_test_id("snooze-custom").click()
    page.get_by_test_id("snooze-date").fill("2000-01-01")
    page.get_by_test_id("snooze-time").fill("10:00")
    page.get_by_test_id("snooze-submit").click()
    expect(dialog).to_contain_text("Pick a time in the future")
    target = page.evaluate(
        "() => { const d = new Date(); d.setDate(d.getDate() + 3);"
        " const p = n => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` }"
    )
    page.get_by_test_id("snooze-date").fill(target)
    page.get_by_test_id("snooze-time").fill("18:30")
    page.get_by_test_id("snooze-submit").click()
    expect(dialog).to_be_hidden()
    expect(bar).to_be_visible()
    got = server(tenant.owner, cid)
    assert got["status"] == "snoozed"
    local = page.evaluate(
        "iso => { const d = new Date(iso); const p = n => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} "
        "${p(d.getHours())}:${p(d.getMinutes())}` }",
        got["snoozed_until"],
    )
    assert local == f"{target} 18:30"


def test_the_bar_after_a_snooze_wakes_up(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    cid = inbound(http, tenant.new_channel(), name="Fedor Gusev", text="Remind me later")[
        "conversation_id"
    ]
    page = log_in(phone, tenant.owner)
    open_conversation(page, cid)
    until = datetime.now(UTC) + timedelta(seconds=4)
    owner = tenant.owner
    done = owner.client.post(
        owner.api(f"/conversations/{cid}/snooze"), json={"until": until.isoformat()}
    )
    assert done.status_code == 200, done.text
    # Live: the bar shows the snooze, then (when the job reopens it) that it was snoozed.
    expect(page.get_by_test_id("snoozed-bar")).to_be_visible()
    woke = page.get_by_test_id("woke-bar")
    expect(woke).to_be_visible(timeout=WAKE_TIMEOUT_MS)
    expect(woke).to_contain_text("Back from snooze (snoozed until")
    expect(actions(page)).to_have_attribute("data-status", "open")
    shot(page, "actions-woke-bar-phone")
    got = server(owner, cid)
    assert got["status"] == "open"
    assert datetime.fromisoformat(got["last_snoozed_until"]) == until
    # Hidden by the user, it stays hidden.
    woke.get_by_role("button", name="Hide").click()
    expect(woke).to_be_hidden()


def test_block_with_the_confirmation(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    cid = inbound(http, tenant.new_channel(), name="Gleb Spammer", text="BUY NOW!!!")[
        "conversation_id"
    ]
    page = log_in(phone, tenant.owner)
    open_conversation(page, cid)

    page.get_by_test_id("header-more").click()
    page.get_by_test_id("menu-block").click()
    dialog = page.get_by_test_id("block-dialog")
    expect(dialog).to_contain_text("Block Gleb Spammer?")
    expect(dialog).to_contain_text("Their new messages are still kept")
    expect(dialog).to_contain_text("no longer open the conversation or notify anyone")
    expect(dialog).to_contain_text("Blocked contacts")
    shot(page, "actions-block-dialog-phone")
    page.get_by_test_id("block-confirm").click()
    expect(dialog).to_be_hidden()

    expect(page.get_by_test_id("blocked-bar")).to_be_visible()
    expect(page.get_by_test_id("blocked-chip")).to_have_text("Blocked")
    expect(actions(page)).to_have_attribute("data-blocked", "true")
    shot(page, "actions-blocked-phone")
    got = server(tenant.owner, cid)
    assert got["blocked"] is True
    contact = tenant.owner.client.get(tenant.owner.api(f"/contacts/{got['contact']['id']}"))
    assert contact.json()["blocked"] is True

    # Blocked: snoozing is not offered, with the reason.
    page.get_by_test_id("header-more").click()
    snooze = page.get_by_test_id("menu-snooze")
    expect(snooze).to_have_attribute("aria-disabled", "true")
    expect(snooze).to_contain_text("can’t be snoozed")
    page.keyboard.press("Escape")

    # The conversation is in the Blocked contacts inbox, not in All.
    page.get_by_test_id("back-button").click()
    expect(row(page, cid)).to_have_count(0)
    page.get_by_test_id("mailbox-button").click()
    page.get_by_test_id("mailbox-menu").locator('[data-mailbox-id="blocked"]').click()
    expect(page.get_by_test_id("mailbox-button")).to_have_attribute("data-mailbox-id", "blocked")
    page.get_by_test_id("status-tab-all").click()
    expect(row(page, cid)).to_be_visible()
    blocked = tenant.owner.client.get(
        tenant.owner.api("/conversations"), params={"mailbox": "blocked", "status": "all"}
    ).json()
    assert cid in [c["id"] for c in blocked]

    # Unblock from the bar (after its confirmation).
    open_conversation(page, cid)
    page.get_by_test_id("unblock-bar-button").click()
    expect(page.get_by_test_id("block-dialog")).to_contain_text("Unblock Gleb Spammer?")
    page.get_by_test_id("block-confirm").click()
    expect(page.get_by_test_id("blocked-bar")).to_be_hidden()
    settled(tenant.owner, cid, blocked=False)


def test_assign_unassign_menu_and_hover_on_a_desktop(
    desktop: BrowserContext,
    playwright: Playwright,
    browser: Browser,
    base_url: str,
    tenant: Tenant,
    http: httpx.Client,
) -> None:
    owner = tenant.owner
    boris = tenant.new_agent(name_="Boris Agent")
    team = owner.client.post(owner.api("/teams"), json={"name": "Sales"}).json()
    channel = tenant.new_channel()
    cid = inbound(http, channel, name="Irina Kuznetsova", text="Who can help me?")[
        "conversation_id"
    ]
    other = inbound(http, channel, name="Kirill Lebedev", text="Thanks")["conversation_id"]

    # Boris has the conversation open in his own browser: he sees the changes live.
    boris_ctx = new_context(playwright, browser, None, base_url)
    try:
        boris_page = log_in(boris_ctx, boris)
        open_conversation(boris_page, cid)
        boris_assignee = boris_page.get_by_test_id("header-assignee")
        expect(boris_assignee).to_have_attribute("aria-label", "Unassigned: assign")

        page = log_in(desktop, owner)
        open_conversation(page, cid)
        assignee = page.get_by_test_id("header-assignee")
        expect(assignee).to_contain_text("Unassigned")
        shot(page, "actions-header-desktop")

        assignee.click()
        dialog = page.get_by_test_id("assign-dialog")
        expect(dialog).to_be_visible()
        expect(dialog.get_by_test_id("assign-person").first).to_contain_text("Olga Owner (you)")
        expect(dialog.get_by_test_id("assign-team")).to_contain_text("Sales")
        page.get_by_test_id("assign-search").fill("bor")
        expect(dialog.get_by_test_id("assign-person")).to_have_count(1)
        shot(page, "actions-assign-desktop")
        dialog.get_by_test_id("assign-person").click()
        expect(dialog).to_be_hidden()
        expect(assignee).to_contain_text("Boris Agent")
        settled(owner, cid, assignee_id=boris.user_id)
        expect(boris_assignee).to_have_attribute(
            "aria-label", re.compile("Assigned to Boris Agent")
        )

        # The team too (the person stays), then Unassign clears both: back to Unassigned.
        assignee.click()
        dialog.get_by_test_id("assign-team").click()
        got = settled(owner, cid, team_id=team["id"])
        assert got["assignee_id"] == boris.user_id
        assignee.click()
        expect(
            dialog.get_by_test_id("assign-person").filter(has_text="Boris Agent")
        ).to_have_attribute("aria-pressed", "true")
        dialog.get_by_test_id("assign-unassign").click()
        expect(assignee).to_contain_text("Unassigned")
        got = settled(owner, cid, assignee_id=None)
        assert got["team_id"] is None
        unassigned = owner.client.get(
            owner.api("/conversations"), params={"mailbox": "unassigned"}
        ).json()
        assert cid in [c["id"] for c in unassigned]
        expect(boris_assignee).to_have_attribute("aria-label", "Unassigned: assign")

        # The three-dot menu is a dropdown here; Esc closes it.
        page.get_by_test_id("header-more").click()
        menu = page.get_by_test_id("conversation-menu")
        expect(menu).to_have_attribute("data-variant", "dropdown")
        shot(page, "actions-menu-desktop")
        page.keyboard.press("Escape")
        expect(menu).to_be_hidden()

        # Hovering a row shows its actions; Close there closes it (notes are off).
        row(page, other).hover()
        hover_close = page.locator(
            f'li:has([data-conversation-id="{other}"]) [data-testid="row-close"]'
        )
        expect(hover_close).to_be_visible()
        shot(page, "actions-row-hover-desktop")
        hover_close.click()
        expect(row(page, other)).to_have_count(0)
        settled(owner, other, status="closed")

        # Closing the open one from the header: Boris sees it closed, live.
        page.get_by_test_id("header-close").click()
        page.get_by_test_id("close-confirm").click()
        expect(actions(page)).to_have_attribute("data-status", "closed")
        expect(boris_page.get_by_test_id("conversation-actions")).to_have_attribute(
            "data-status", "closed"
        )
        expect(row(boris_page, cid)).to_have_count(0)
    finally:
        boris_ctx.close()
