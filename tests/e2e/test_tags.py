"""Contact tags in a real browser (desktop and phone): tags added in the contact panel (one
picked from the workspace's tags in use, one typed) are saved and show as chips on the
conversation's row; a custom inbox filtered by one of them lists exactly that conversation;
a tag taken off goes from the contact and the row."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.conftest import Agent, Tenant, wait_until
from tests.e2e.conftest import device_name, log_in, screenshot
from tests.inbox_helpers import inbound


def api(agent: Agent, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    response = agent.client.request(method, agent.api(path), json=body)
    assert response.status_code in (200, 201), response.text
    return response.json()


def row(page: Page, cid: str) -> Locator:
    return page.locator(f'[data-testid="conversation-item"][data-conversation-id="{cid}"]')


def open_panel(page: Page, cid: str) -> Locator:
    row(page, cid).click()
    page.get_by_test_id("conversation-title").click()
    panel = page.get_by_test_id("contact-panel")
    expect(panel).to_be_visible()
    return panel


def back_to_list(page: Page, device: str) -> None:
    page.get_by_test_id("contact-panel-close").click()
    expect(page.get_by_test_id("contact-panel")).to_have_count(0)
    if device == "phone":
        page.get_by_test_id("back-button").click()
    expect(page.get_by_test_id("conversation-list")).to_be_visible()


def saved_tags(agent: Agent, contact_id: str) -> list[str]:
    tags: list[str] = api(agent, "GET", f"/contacts/{contact_id}")["tags"]
    return tags


def test_tags_in_the_panel_on_the_row_and_in_a_custom_inbox(
    context: BrowserContext, tenant: Tenant, http: httpx.Client, request: pytest.FixtureRequest
) -> None:
    device = device_name(request)
    owner = tenant.owner
    channel = tenant.new_channel(name_="Website")
    # Another contact already has "VIP" (and more): the editor offers it.
    vera = inbound(http, channel, name="Vera Tagged", text="Hi")["conversation_id"]
    vera_contact = api(owner, "GET", f"/conversations/{vera}")["contact"]["id"]
    api(owner, "PATCH", f"/contacts/{vera_contact}", {"tags": ["VIP", "Partner", "Cold", "B2B"]})
    boris = inbound(http, channel, name="Boris Plain", text="Hello?")["conversation_id"]
    anna = inbound(http, channel, name="Anna Lead", text="Price?")["conversation_id"]
    anna_contact = api(owner, "GET", f"/conversations/{anna}")["contact"]["id"]

    page = log_in(context, owner)
    # A row has room for two chips, then "+N".
    expect(row(page, vera).get_by_test_id("conversation-tag")).to_have_text(["VIP", "Partner"])
    expect(row(page, vera).get_by_test_id("conversation-tags-more")).to_have_text("+2")
    expect(row(page, anna).get_by_test_id("conversation-tags")).to_have_count(0)

    # Two tags in the panel: "VIP" picked from the suggestions, "Hot lead" typed.
    panel = open_panel(page, anna)
    tags = panel.get_by_test_id("contact-tags")
    field = tags.get_by_test_id("contact-tags-editor-input")
    field.click()
    field.press_sequentially("vi")
    suggestion = tags.get_by_test_id("tag-suggestion")
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_contain_text("VIP")
    screenshot(page, f"tags-suggestions-{device}")
    suggestion.click()
    expect(tags.get_by_test_id("tag-chip")).to_have_count(1)
    expect(field).to_have_value("")
    field.press_sequentially("  Hot   lead")
    field.press("Enter")
    chips = tags.get_by_test_id("tag-chip")
    expect(chips).to_have_count(2)
    expect(chips).to_have_text(["VIP", "Hot lead"])
    wait_until(lambda: saved_tags(owner, anna_contact) == ["VIP", "Hot lead"])
    screenshot(page, f"tags-panel-{device}")

    # The row shows them.
    back_to_list(page, device)
    expect(row(page, anna).get_by_test_id("conversation-tag")).to_have_text(["VIP", "Hot lead"])
    expect(row(page, boris).get_by_test_id("conversation-tags")).to_have_count(0)
    screenshot(page, f"tags-list-{device}")

    # A custom inbox of the "Hot lead" tag lists Anna only.
    page.get_by_test_id("mailbox-button").click()
    menu = page.get_by_test_id("mailbox-menu")
    expect(menu).to_be_visible()
    menu.get_by_test_id("mailbox-create").click()
    editor = page.get_by_test_id("custom-inbox-editor")
    expect(editor).to_be_visible()
    editor.get_by_test_id("custom-inbox-name").fill("Hot leads")
    inbox_tags = editor.get_by_test_id("custom-inbox-tags-input")
    inbox_tags.scroll_into_view_if_needed()
    inbox_tags.click()
    inbox_tags.press_sequentially("hot")
    offered = editor.get_by_test_id("tag-suggestion")
    expect(offered).to_have_count(1)
    expect(offered).to_contain_text("Hot lead")
    offered.click()
    expect(editor.get_by_test_id("tag-chip")).to_have_text(["Hot lead"])
    screenshot(page, f"tags-inbox-editor-{device}")
    editor.get_by_test_id("custom-inbox-save").click()
    expect(editor).to_be_hidden()
    [inbox] = api(owner, "GET", "/custom-inboxes")
    assert inbox["filters"]["tags"] == ["Hot lead"]
    expect(page.get_by_test_id("mailbox-name")).to_have_text("Hot leads")
    listed = page.get_by_test_id("conversation-item")
    expect(listed).to_have_count(1)
    expect(listed.first).to_have_attribute("data-conversation-id", anna)

    # A tag taken off (its ×) goes from the contact and the row; Backspace in the empty input
    # takes off the last one, and the inbox is empty then.
    panel = open_panel(page, anna)
    tags = panel.get_by_test_id("contact-tags")
    tags.get_by_role("button", name="Remove tag VIP").click()
    expect(tags.get_by_test_id("tag-chip")).to_have_text(["Hot lead"])
    wait_until(lambda: saved_tags(owner, anna_contact) == ["Hot lead"])
    back_to_list(page, device)
    expect(row(page, anna).get_by_test_id("conversation-tag")).to_have_text(["Hot lead"])
    panel = open_panel(page, anna)
    field = panel.get_by_test_id("contact-tags-editor-input")
    field.click()
    field.press("Backspace")
    expect(panel.get_by_test_id("tag-chip")).to_have_count(0)
    wait_until(lambda: saved_tags(owner, anna_contact) == [])
    back_to_list(page, device)
    expect(page.get_by_test_id("conversation-item")).to_have_count(0)
