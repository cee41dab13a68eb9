"""Custom inboxes in a real browser (desktop): made with the editor from the mailbox menu, they
list the conversations their saved filter matches; a shared one shows for colleagues under
"Created by others", read-only; its creator edits and deletes it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, Playwright, expect

from tests.conftest import Agent, Tenant
from tests.e2e.conftest import log_in, new_context, screenshot
from tests.inbox_helpers import inbound


def api_ok(response: httpx.Response) -> Any:
    assert response.status_code in (200, 201), response.text
    return response.json()


def open_menu(page: Page) -> Locator:
    page.get_by_test_id("mailbox-button").click()
    menu = page.get_by_test_id("mailbox-menu")
    expect(menu).to_be_visible()
    return menu


def custom_option(page: Page, inbox_id: str) -> Locator:
    return page.locator(f'[data-testid="mailbox-option"][data-mailbox-id="custom:{inbox_id}"]')


def listed(page: Page) -> Locator:
    return page.get_by_test_id("conversation-item")


@pytest.fixture
def desktop_page(playwright: Playwright, browser: Browser, base_url: str) -> Any:
    contexts = []

    def open_as(agent: Agent) -> Page:
        ctx = new_context(playwright, browser, None, base_url)
        ctx.set_default_timeout(10_000)
        contexts.append(ctx)
        return log_in(ctx, agent)

    yield open_as
    for ctx in contexts:
        ctx.close()


def test_a_custom_inbox_made_in_the_editor_lists_what_its_filter_matches(
    desktop_page: Any, tenant: Tenant, http: httpx.Client
) -> None:
    owner = tenant.owner
    colleague = tenant.new_agent(name_="Carla Colleague")
    channel = tenant.new_channel(name_="Website")
    sales = api_ok(owner.client.post(owner.api("/teams"), json={"name": "Sales", "member_ids": []}))
    api_ok(owner.client.post(owner.api("/teams"), json={"name": "Support", "member_ids": []}))
    waiting = inbound(http, channel, name="Waiting Sales", text="Price?")["conversation_id"]
    answered = inbound(http, channel, name="Answered Sales", text="Hi")["conversation_id"]
    inbound(http, channel, name="Waiting Nobody", text="Hello?")
    for cid in (waiting, answered):
        api_ok(
            owner.client.post(
                owner.api(f"/conversations/{cid}/assign"), json={"team_id": sales["id"]}
            )
        )
    api_ok(
        owner.client.post(
            owner.api(f"/conversations/{answered}/messages"),
            json={"text": "Hello, how can I help?"},
        )
    )

    page = desktop_page(owner)
    expect(listed(page)).to_have_count(3)

    # New inbox from the mailbox menu: unanswered conversations of the Sales team, shared.
    menu = open_menu(page)
    menu.get_by_test_id("mailbox-create").click()
    editor = page.get_by_test_id("custom-inbox-editor")
    expect(editor).to_be_visible()
    expect(editor).to_contain_text("New custom inbox")
    editor.get_by_test_id("custom-inbox-save").click()
    expect(editor).to_contain_text("Give the inbox a name")
    editor.get_by_test_id("custom-inbox-name").fill("Sales waiting")
    editor.get_by_label("Waiting for our reply").check()
    editor.get_by_label("Sales", exact=True).check()
    editor.get_by_test_id("custom-inbox-shared").check()
    expect(editor.get_by_label("Support", exact=True)).not_to_be_checked()
    screenshot(page, "custom-inbox-editor-desktop")
    editor.get_by_test_id("custom-inbox-save").click()
    expect(editor).to_be_hidden()

    # It is the open mailbox now, listing only what matches.
    [inbox] = api_ok(owner.client.get(owner.api("/custom-inboxes")))
    assert inbox["name"] == "Sales waiting" and inbox["shared"] is True
    assert inbox["filters"]["unanswered"] is True
    assert inbox["filters"]["team_ids"] == [sales["id"]]
    expect(page.get_by_test_id("mailbox-name")).to_have_text("Sales waiting")
    expect(listed(page)).to_have_count(1)
    expect(listed(page).first).to_have_attribute("data-conversation-id", waiting)
    menu = open_menu(page)
    group = menu.get_by_test_id("mailbox-group-custom")
    expect(group).to_contain_text("Created by me")
    expect(group).not_to_contain_text("Created by others")
    expect(custom_option(page, inbox["id"])).to_contain_text("Sales waiting")
    screenshot(page, "custom-inbox-menu-desktop")

    # The pencil opens it again with what was saved.
    custom_option(page, inbox["id"]).locator("xpath=..").get_by_test_id("mailbox-edit").click()
    expect(editor).to_contain_text("Edit custom inbox")
    expect(editor.get_by_test_id("custom-inbox-name")).to_have_value("Sales waiting")
    expect(editor.get_by_label("Waiting for our reply")).to_be_checked()
    expect(editor.get_by_label("Sales", exact=True)).to_be_checked()
    expect(editor.get_by_test_id("custom-inbox-shared")).to_be_checked()
    # Widen it to any replies: both Sales conversations show.
    editor.get_by_label("Any", exact=True).first.check()
    editor.get_by_test_id("custom-inbox-save").click()
    expect(editor).to_be_hidden()
    expect(listed(page)).to_have_count(2)

    # A colleague sees the shared inbox under "Created by others", with no way to change it.
    other = desktop_page(colleague)
    menu = open_menu(other)
    group = menu.get_by_test_id("mailbox-group-custom")
    expect(group).to_contain_text("Created by others")
    expect(group).not_to_contain_text("Created by me")
    expect(custom_option(other, inbox["id"])).to_contain_text("Sales waiting")
    expect(group.get_by_test_id("mailbox-edit")).to_have_count(0)
    screenshot(other, "custom-inbox-others-desktop")
    custom_option(other, inbox["id"]).click()
    expect(other.get_by_test_id("mailbox-name")).to_have_text("Sales waiting")
    expect(listed(other)).to_have_count(2)
    refused = colleague.client.patch(
        colleague.api(f"/custom-inboxes/{inbox['id']}"), json={"name": "Mine now"}
    )
    assert refused.status_code == 403

    # Its creator deletes it: gone from the menu, the list is back to All.
    menu = open_menu(page)
    custom_option(page, inbox["id"]).locator("xpath=..").get_by_test_id("mailbox-edit").click()
    editor.get_by_test_id("custom-inbox-delete").click()
    expect(editor).to_contain_text("Delete the inbox “Sales waiting”?")
    editor.get_by_test_id("custom-inbox-delete-confirm").click()
    expect(editor).to_be_hidden()
    expect(page.get_by_test_id("mailbox-name")).to_have_text("All")
    expect(listed(page)).to_have_count(3)
    open_menu(page)
    expect(custom_option(page, inbox["id"])).to_have_count(0)
    assert api_ok(owner.client.get(owner.api("/custom-inboxes"))) == []
