"""The inbox list in a real browser: the mailbox menu, tabs with counts, sort, search, the
Unanswered filter, and counts and lists that follow what happens elsewhere, live.

Data is built through the API: a team, conversations that are mine / a colleague's /
unassigned, closed, snoozed, answered and not, a blocked contact and two custom inboxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, expect

from tests.conftest import Agent, Tenant
from tests.e2e.conftest import log_in, new_context, screenshot
from tests.inbox_helpers import inbound


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


def post(agent: Agent, path: str, body: dict[str, Any] | None = None) -> Any:
    response = agent.client.post(agent.api(path), json=body or {})
    assert response.status_code in (200, 201, 202, 204), response.text
    return response.json() if response.content else None


@dataclass
class Inbox:
    """Who is where (conversation ids by contact first name)."""

    tenant: Tenant
    channel: dict[str, Any]
    colleague: Agent
    team_id: str
    ids: dict[str, str]


def build_inbox(tenant: Tenant, http: httpx.Client) -> Inbox:
    owner = tenant.owner
    channel = tenant.new_channel(name_="Website")
    colleague = tenant.new_agent("agent", "Kate Colleague")
    team = post(owner, "/teams", {"name": "Sales", "member_ids": [owner.user_id]})

    def arrive(name: str, **contact: Any) -> str:
        first = name.split()[0]
        body = inbound(
            http,
            channel,
            contact_id=first.lower(),
            name=name,
            text=f"Hello from {first}",
            **contact,
        )
        return str(body["conversation_id"])

    # In this order: the first arrived is the longest open.
    ids = {
        "Anna": arrive("Anna Smirnova", phone="+7 999 111-22-33"),
        "Boris": arrive("Boris Ivanov", email="boris@example.com"),
        "Gleb": arrive("Gleb Sokolov"),
        "Clara": arrive("Clara Klein"),
        "Denis": arrive("Denis Orlov"),
        "Eva": arrive("Eva Spammer"),
    }
    post(owner, f"/conversations/{ids['Anna']}/assign", {"assignee_id": owner.user_id})
    post(owner, f"/conversations/{ids['Anna']}/assign", {"team_id": team["id"]})
    post(owner, f"/conversations/{ids['Gleb']}/assign", {"assignee_id": colleague.user_id})
    post(owner, f"/conversations/{ids['Clara']}/close")
    until = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    post(owner, f"/conversations/{ids['Denis']}/snooze", {"until": until})
    eva = owner.client.get(owner.api(f"/conversations/{ids['Eva']}")).json()
    post(owner, f"/contacts/{eva['contact']['id']}/block")
    # Boris got an answer, last of all: the newest message of the Open tab.
    post(owner, f"/conversations/{ids['Boris']}/messages", {"text": "Sure, Boris!"})
    post(owner, "/custom-inboxes", {"name": "Waiting for reply", "filters": {"unanswered": True}})
    post(colleague, "/custom-inboxes", {"name": "Kate's board", "shared": True, "filters": {}})
    return Inbox(tenant, channel, colleague, str(team["id"]), ids)


def snap(page: Page, name: str) -> None:
    """A screenshot once menus and chevrons have finished moving."""
    page.wait_for_timeout(300)
    screenshot(page, name)


def expect_names(page: Page, expected: list[str]) -> None:
    """The list shows exactly these contacts (first names), in this order."""
    items = page.get_by_test_id("conversation-item")
    expect(items).to_have_count(len(expected))
    for item, name in zip(items.all(), expected, strict=True):
        expect(item.locator(".conv-item__name")).to_contain_text(name)


def tab(page: Page, status: str) -> Locator:
    return page.get_by_test_id(f"status-tab-{status}")


def expect_counts(page: Page, **counts: int) -> None:
    for status, count in counts.items():
        expect(tab(page, status)).to_have_attribute("data-count", str(count))


def open_mailbox(page: Page, mailbox_id: str) -> None:
    page.get_by_test_id("mailbox-button").click()
    menu = page.get_by_test_id("mailbox-menu")
    expect(menu).to_be_visible()
    menu.locator(f'[data-mailbox-id="{mailbox_id}"]').click()
    expect(menu).to_be_hidden()
    expect(page.get_by_test_id("mailbox-button")).to_have_attribute("data-mailbox-id", mailbox_id)


def test_mailboxes_and_tabs_show_the_right_conversations_and_counts(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    inbox = build_inbox(tenant, http)
    page = log_in(phone, tenant.owner)
    button = page.get_by_test_id("mailbox-button")

    # All, Open: the three open conversations that aren't blocked; counts on every tab.
    expect(page.get_by_test_id("mailbox-name")).to_have_text("All")
    expect(button).to_contain_text("3")
    expect_names(page, ["Boris", "Gleb", "Anna"])
    expect_counts(page, all=5, open=3, closed=1, snoozed=1)
    expect(tab(page, "open")).to_have_attribute("aria-selected", "true")
    tab_names = page.get_by_test_id("status-tabs").get_by_role("tab").all_inner_texts()
    assert [re.sub(r"\s*\d+$", "", t) for t in tab_names] == ["All", "Open", "Closed", "Snoozed"]

    # The menu is a bottom sheet on a phone, grouped, every row with its open count.
    button.click()
    menu = page.get_by_test_id("mailbox-menu")
    expect(menu).to_have_attribute("data-variant", "sheet")
    rows = menu.get_by_test_id("mailbox-option")
    ids = [r.get_attribute("data-mailbox-id") for r in rows.all()]
    assert ids[:3] == ["all", "mine", "unassigned"]
    assert ids[3] == f"team:{inbox.team_id}"
    assert ids[-1] == "blocked"
    expect(menu.get_by_test_id("mailbox-group-teams")).to_contain_text("Sales")
    custom = menu.get_by_test_id("mailbox-group-custom")
    expect(custom).to_contain_text("Created by me")
    expect(custom).to_contain_text("Waiting for reply")
    expect(custom).to_contain_text("Created by others")
    expect(custom).to_contain_text("Kate's board")
    expect(menu.locator('[data-mailbox-id="mine"]')).to_have_attribute("data-open", "1")
    expect(menu.locator('[data-mailbox-id="unassigned"]')).to_have_attribute("data-open", "1")
    expect(menu.locator('[data-mailbox-id="all"]')).to_have_attribute("data-unread", "3")
    expect(menu.locator('[data-mailbox-id="all"]')).to_have_attribute("aria-checked", "true")
    snap(page, "inbox-list-mailbox-menu-phone")
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()

    # Mine: Anna only; the mailbox is in the URL, and the tabs count Mine.
    open_mailbox(page, "mine")
    expect_names(page, ["Anna"])
    assert "mailbox=mine" in page.url
    expect_counts(page, all=1, open=1, closed=0, snoozed=0)
    expect(page.get_by_test_id("mailbox-name")).to_have_text("Mine")

    # Unassigned: Boris open, Clara closed, Denis snoozed.
    open_mailbox(page, "unassigned")
    expect_names(page, ["Boris"])
    expect_counts(page, all=3, open=1, closed=1, snoozed=1)
    tab(page, "closed").click()
    expect_names(page, ["Clara"])
    tab(page, "snoozed").click()
    expect_names(page, ["Denis"])
    tab(page, "all").click()
    expect_names(page, ["Boris", "Denis", "Clara"])
    assert "mailbox=unassigned" in page.url and "status=all" in page.url
    tab(page, "open").click()

    # The team's inbox, a custom inbox, and the blocked contacts.
    open_mailbox(page, f"team:{inbox.team_id}")
    expect_names(page, ["Anna"])
    expect(page.get_by_test_id("mailbox-name")).to_have_text("Sales")
    page.get_by_test_id("mailbox-button").click()
    page.get_by_test_id("mailbox-menu").get_by_text("Waiting for reply").click()
    expect_names(page, ["Gleb", "Anna"])
    open_mailbox(page, "blocked")
    expect_names(page, ["Eva"])
    expect(page.get_by_test_id("mailbox-name")).to_have_text("Blocked contacts")
    snap(page, "inbox-list-blocked-phone")

    # The last mailbox picked is remembered for this workspace.
    open_mailbox(page, "mine")
    page.goto(f"/w/{tenant.workspace_id}")
    expect(page.get_by_test_id("mailbox-button")).to_have_attribute("data-mailbox-id", "mine")
    expect_names(page, ["Anna"])
    # Opening a conversation and coming back keeps it too.
    page.get_by_test_id("conversation-item").first.click()
    expect(page.get_by_test_id("conversation")).to_be_visible()
    page.go_back()
    expect(page.get_by_test_id("mailbox-button")).to_have_attribute("data-mailbox-id", "mine")
    expect_names(page, ["Anna"])


def test_sort_search_and_the_unanswered_filter(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    build_inbox(tenant, http)
    page = log_in(phone, tenant.owner)
    expect_names(page, ["Boris", "Gleb", "Anna"])

    # Sort: a compact button opening a sheet; the labels follow the tab.
    sort = page.get_by_test_id("sort-button")
    expect(sort).to_have_attribute("aria-label", "Sort: Newest message")
    sort.click()
    menu = page.get_by_test_id("sort-menu")
    expect(menu).to_have_attribute("data-variant", "sheet")
    expect(menu.get_by_role("menuitemradio")).to_have_text(
        ["Newest message", "Oldest message", "Longest open", "Shortest open"]
    )
    snap(page, "inbox-list-sort-phone")
    menu.get_by_text("Oldest message").click()
    expect_names(page, ["Anna", "Gleb", "Boris"])
    assert "sort=oldest" in page.url
    expect(sort).to_have_attribute("aria-label", "Sort: Oldest message")

    sort.click()
    page.get_by_test_id("sort-shortest").click()
    expect_names(page, ["Gleb", "Boris", "Anna"])
    sort.click()
    page.get_by_test_id("sort-longest").click()
    expect_names(page, ["Anna", "Boris", "Gleb"])
    tab(page, "closed").click()
    expect(sort).to_have_attribute("aria-label", "Sort: Longest closed")
    assert "sort=longest" in page.url
    tab(page, "open").click()
    sort.click()
    page.get_by_test_id("sort-newest").click()
    expect_names(page, ["Boris", "Gleb", "Anna"])

    # Search: the icon opens a field over the row; last name, then phone digits.
    page.get_by_test_id("search-open").click()
    field = page.get_by_test_id("search-input")
    expect(field).to_be_focused()
    expect(page.get_by_test_id("mailbox-button")).to_be_hidden()
    field.fill("ivanov")
    expect_names(page, ["Boris"])
    field.fill("999 111")
    expect_names(page, ["Anna"])
    field.fill("boris@example")
    expect_names(page, ["Boris"])
    field.fill("Nobody Atall")
    empty = page.get_by_test_id("list-empty")
    expect(empty).to_have_attribute("data-reason", "search")
    expect(empty).to_contain_text("No results for “Nobody Atall”")
    snap(page, "inbox-list-search-empty-phone")
    page.get_by_test_id("search-clear").click()
    expect_names(page, ["Boris", "Gleb", "Anna"])
    field.fill("klein")
    expect(empty).to_be_visible()  # Clara is closed: not in the Open tab
    tab(page, "all").click()
    expect_names(page, ["Clara"])
    page.get_by_test_id("search-close").click()
    expect(page.get_by_test_id("search-input")).to_be_hidden()
    expect(page.get_by_test_id("mailbox-button")).to_be_visible()
    expect(page.get_by_test_id("conversation-item")).to_have_count(5)
    tab(page, "open").click()

    # Unanswered: only the conversations waiting for us; the cross turns it off.
    fab = page.get_by_test_id("unanswered-button")
    expect(fab).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_test_id("unanswered-off")).to_have_count(0)
    fab.click()
    expect(fab).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("unanswered-off")).to_be_visible()
    expect_names(page, ["Gleb", "Anna"])
    snap(page, "inbox-list-unanswered-phone")
    # Answering one takes it off the list, live.
    post(tenant.owner, f"/conversations/{page_ids(page)[0]}/messages", {"text": "On it"})
    expect_names(page, ["Anna"])
    page.get_by_test_id("unanswered-off").click()
    expect(fab).to_have_attribute("aria-pressed", "false")
    expect_names(page, ["Gleb", "Boris", "Anna"])


def page_ids(page: Page) -> list[str]:
    return [
        str(item.get_attribute("data-conversation-id"))
        for item in page.get_by_test_id("conversation-item").all()
    ]


def test_new_messages_and_changes_elsewhere_show_live(
    phone: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    inbox = build_inbox(tenant, http)
    page = log_in(phone, tenant.owner)
    button = page.get_by_test_id("mailbox-button")
    expect_names(page, ["Boris", "Gleb", "Anna"])
    expect_counts(page, open=3)

    # A new contact writes: on top of Newest, and the counts go up without a reload.
    fiona = inbound(http, inbox.channel, name="Fiona Novak", text="Is anyone there?")
    expect_names(page, ["Fiona", "Boris", "Gleb", "Anna"])
    first = page.get_by_test_id("conversation-item").first
    expect(first).to_have_attribute("data-conversation-id", str(fiona["conversation_id"]))
    expect(first.get_by_test_id("unread-badge")).to_have_text("1")
    expect_counts(page, all=6, open=4)
    expect(button).to_contain_text("4")

    # Closed by a colleague elsewhere: it leaves the Open tab, and the Closed count grows.
    post(tenant.owner, f"/conversations/{inbox.ids['Gleb']}/close")
    expect_names(page, ["Fiona", "Boris", "Anna"])
    expect_counts(page, open=3, closed=2)

    # A contact writes into a closed conversation: it reopens and comes back on top.
    inbound(http, inbox.channel, contact_id="clara", name="Clara Klein", text="One more thing")
    expect_names(page, ["Clara", "Fiona", "Boris", "Anna"])
    expect_counts(page, open=4, closed=1)

    # Assigned to me elsewhere: Mine's count in the menu follows.
    post(
        tenant.owner,
        f"/conversations/{fiona['conversation_id']}/assign",
        {"assignee_id": tenant.owner.user_id},
    )
    button.click()
    mine = page.get_by_test_id("mailbox-menu").locator('[data-mailbox-id="mine"]')
    expect(mine).to_have_attribute("data-open", "2")
    mine.click()
    expect_names(page, ["Fiona", "Anna"])
    # Reading it clears its unread mark in the list and in the menu.
    page.get_by_test_id("conversation-item").first.click()
    expect(page.get_by_test_id("message")).to_have_count(1)
    page.go_back()
    expect(
        page.get_by_test_id("conversation-item").first.get_by_test_id("unread-badge")
    ).to_have_count(0)
    button.click()
    expect(
        page.get_by_test_id("mailbox-menu").locator('[data-mailbox-id="mine"]')
    ).to_have_attribute("data-unread", "1")


def test_desktop_dropdown_keyboard_and_search_field(
    desktop: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    build_inbox(tenant, http)
    page = log_in(desktop, tenant.owner)
    expect_names(page, ["Boris", "Gleb", "Anna"])

    # The menu hangs under its button; arrows and Enter pick a mailbox.
    button = page.get_by_test_id("mailbox-button")
    button.click()
    menu = page.get_by_test_id("mailbox-menu")
    expect(menu).to_have_attribute("data-variant", "dropdown")
    expect(menu.locator('[data-mailbox-id="all"]')).to_be_focused()
    snap(page, "inbox-list-mailbox-menu-desktop")
    page.keyboard.press("ArrowDown")
    expect(menu.locator('[data-mailbox-id="mine"]')).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()
    expect_names(page, ["Anna"])

    # Opening a conversation keeps the list as it was (mailbox, sort) beside it.
    page.get_by_test_id("conversation-item").first.click()
    expect(page.get_by_test_id("conversation")).to_be_visible()
    expect(button).to_have_attribute("data-mailbox-id", "mine")
    expect_names(page, ["Anna"])
    open_mailbox(page, "all")
    expect(page.get_by_test_id("conversation")).to_be_visible()  # still open
    tab(page, "all").click()
    expect(page.get_by_test_id("conversation")).to_be_visible()  # a tab doesn't close it either
    expect(page.get_by_test_id("conversation-item")).to_have_count(5)
    tab(page, "open").click()

    # The search field is always there; "/" jumps into it, Esc empties it.
    page.keyboard.press("/")
    field = page.get_by_test_id("search-input")
    expect(field).to_be_focused()
    page.keyboard.type("smirnova")
    expect_names(page, ["Anna"])
    page.keyboard.press("Escape")
    expect(field).to_have_value("")
    expect_names(page, ["Boris", "Gleb", "Anna"])

    page.get_by_test_id("sort-button").click()
    expect(page.get_by_test_id("sort-menu")).to_have_attribute("data-variant", "dropdown")
    page.get_by_test_id("sort-oldest").click()
    expect_names(page, ["Anna", "Gleb", "Boris"])
    page.get_by_test_id("unanswered-button").click()
    expect_names(page, ["Anna", "Gleb"])
    snap(page, "inbox-list-desktop")


def test_long_lists_page_on_in_any_order(
    desktop: BrowserContext, tenant: Tenant, http: httpx.Client
) -> None:
    """More than a page (50): the rest loads at the end of the list, in the sort chosen."""
    channel = tenant.new_channel(name_="Website")
    for i in range(55):
        inbound(http, channel, contact_id=f"c{i}", name=f"Contact {i:02d}", text=f"Message {i}")
    page = log_in(desktop, tenant.owner)
    items = page.get_by_test_id("conversation-item")
    expect(items).to_have_count(50)
    expect(tab(page, "open")).to_have_attribute("data-count", "55")
    items.last.scroll_into_view_if_needed()
    expect(items).to_have_count(55)
    expect(items.first).to_contain_text("Contact 54")
    expect(items.last).to_contain_text("Contact 00")

    page.get_by_test_id("sort-button").click()
    page.get_by_test_id("sort-oldest").click()
    expect(items.first).to_contain_text("Contact 00")
    expect(items).to_have_count(50)
    items.last.scroll_into_view_if_needed()
    expect(items).to_have_count(55)
    expect(items.last).to_contain_text("Contact 54")
