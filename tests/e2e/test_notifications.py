"""Notifications in a real browser: the bell's live count, the list (a sheet on a phone, a
dropdown on a desktop) telling what happened, opening the conversation, "Mark all read",
paging, and a mention that opens the comment."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from omnibox.settings import Settings
from tests.conftest import Agent, Tenant, run_db, wait_until
from tests.e2e.conftest import device_name, log_in, screenshot
from tests.inbox_helpers import inbound


def assign(tenant: Tenant, conversation_id: str, agent: Agent) -> None:
    owner = tenant.owner
    response = owner.client.post(
        owner.api(f"/conversations/{conversation_id}/assign"), json={"assignee_id": agent.user_id}
    )
    assert response.status_code == 200, response.text


def unread(agent: Agent) -> int:
    count: int = agent.client.get(agent.api("/notifications")).json()["unread_count"]
    return count


def open_panel(page: Page) -> Any:
    page.get_by_test_id("notifications-button").click()
    panel = page.get_by_test_id("notifications-panel")
    expect(panel).to_be_visible()
    return panel


def test_an_assignment_shows_live_in_the_bell_and_opens_the_conversation(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    agent = tenant.new_agent(name_="Boris Agent")
    channel = tenant.new_channel(name_="Website")
    first = inbound(http, channel, name="Ivan Petrov", text="Where is my order?")
    second = inbound(http, channel, name="Maria Sokolova", text="Hi")
    third = inbound(http, channel, name="Pavel Orlov", text="Hello")

    page = log_in(context, agent)
    bell = page.get_by_test_id("notifications-button")
    count = page.get_by_test_id("notifications-count")
    expect(bell).to_be_visible()
    expect(count).to_have_count(0)

    # The owner assigns a conversation to B while B's page is open: the bell counts it, live.
    assign(tenant, first["conversation_id"], agent)
    expect(count).to_have_text("1")
    expect(bell).to_have_attribute("aria-label", "Notifications: 1 unread")
    expect(page.get_by_test_id("toast")).to_contain_text("Olga Owner assigned you to Ivan Petrov")
    screenshot(page, f"notifications-bell-{device}")

    panel = open_panel(page)
    items = panel.get_by_test_id("notification")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("Olga Owner assigned you to Ivan Petrov")
    expect(items.first).to_have_attribute("data-unread", "true")
    screenshot(page, f"notifications-list-{device}")

    # Tapping it opens that conversation and marks it read.
    items.first.click()
    expect(panel).to_be_hidden()
    expect(page).to_have_url(re.compile(rf"/c/{first['conversation_id']}"))
    expect(page.get_by_test_id("conversation-title")).to_have_text("Ivan Petrov")
    if device == "phone":
        page.get_by_test_id("back-button").click()
    expect(count).to_have_count(0)
    expect(bell).to_have_attribute("aria-label", "Notifications")
    wait_until(lambda: unread(agent) == 0)

    # Two more: the list shows them newest first; "Mark all read" clears the count.
    assign(tenant, second["conversation_id"], agent)
    assign(tenant, third["conversation_id"], agent)
    expect(count).to_have_text("2")
    panel = open_panel(page)
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("Olga Owner assigned you to Pavel Orlov")
    expect(items.nth(1)).to_contain_text("Olga Owner assigned you to Maria Sokolova")
    expect(items.nth(2)).to_have_attribute("data-unread", "false")
    screenshot(page, f"notifications-unread-{device}")
    panel.get_by_test_id("notifications-read-all").click()
    expect(count).to_have_count(0)
    expect(panel.locator('[data-testid="notification"][data-unread="true"]')).to_have_count(0)
    expect(panel.get_by_test_id("notifications-read-all")).to_be_disabled()
    wait_until(lambda: unread(agent) == 0)

    # The list survives a reload: it comes from the server.
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    page.reload()
    expect(page.get_by_test_id("conversation-list")).to_be_visible()
    expect(count).to_have_count(0)
    open_panel(page)
    expect(items).to_have_count(3)


def test_the_list_pages_older_notifications(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    settings: Settings,
    request: pytest.FixtureRequest,
) -> None:
    if device_name(request) == "phone":
        pytest.skip("the paging is the same on both sizes; the desktop dropdown covers it")
    from omnibox.models import NotificationKind
    from omnibox.notifications.service import notify

    agent = tenant.new_agent(name_="Boris Agent")
    channel = tenant.new_channel(name_="Website")
    names = [f"Client {i:02d}" for i in range(35)]
    conversations = [inbound(http, channel, name=name)["conversation_id"] for name in names]

    async def create(session: Any) -> None:
        # One by one, oldest first: each gets a later time than the one before.
        for cid in conversations:
            await notify(
                session,
                workspace_id=uuid.UUID(tenant.workspace_id),
                user_id=uuid.UUID(agent.user_id),
                kind=NotificationKind.snooze_ended,
                conversation_id=uuid.UUID(cid),
            )

    run_db(settings, create)
    page = log_in(context, agent)
    expect(page.get_by_test_id("notifications-count")).to_have_text("35")
    panel = open_panel(page)
    items = panel.get_by_test_id("notification")
    expect(items).to_have_count(30)
    expect(items.first).to_contain_text("Snooze ended: Client 34")
    panel.get_by_test_id("notifications-more").click()
    expect(items).to_have_count(35)
    expect(items.last).to_contain_text("Snooze ended: Client 00")
    expect(panel.get_by_test_id("notifications-more")).to_have_count(0)


def test_a_mention_opens_the_comment_it_was_made_in(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    agent = tenant.new_agent(name_="Boris Agent")
    channel = tenant.new_channel(name_="Website")
    cid = inbound(http, channel, name="Ivan Petrov", text="Can I get a discount?")[
        "conversation_id"
    ]
    page = log_in(context, agent)

    owner = tenant.owner
    text = "Boris, could you call this customer back tomorrow? They asked about a discount."
    sent = owner.client.post(
        owner.api(f"/conversations/{cid}/messages"),
        json={"text": text, "internal": True, "mentions": [agent.user_id]},
    )
    assert sent.status_code == 201, sent.text
    comment_id = sent.json()["id"]

    expect(page.get_by_test_id("notifications-count")).to_have_text("1")
    expect(page.get_by_test_id("toast")).to_contain_text("Olga Owner mentioned you: “Boris, could")
    panel = open_panel(page)
    item = panel.get_by_test_id("notification")
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("data-kind", "mentioned")
    expect(item).to_contain_text(f"Olga Owner mentioned you: “{text}”")
    expect(item).to_contain_text("Ivan Petrov")
    screenshot(page, f"notifications-mention-{device}")

    item.click()
    expect(page).to_have_url(re.compile(rf"/c/{cid}\?m={comment_id}$"))
    expect(page.get_by_test_id("conversation-title")).to_have_text("Ivan Petrov")
    comment = page.locator(f'[data-testid="message"][data-message-id="{comment_id}"]')
    expect(comment).to_be_visible()
    expect(comment).to_contain_text("could you call this customer back tomorrow")
    wait_until(lambda: unread(agent) == 0)
