"""Contacts in a real browser: a new contact with a custom field lands in the Closed tab; the
contact panel edits typed custom fields (a bad value is refused, with the reason, a good one
saved), calls through a tel: link, asks for a number when there is none; with phone masking
an agent never sees the digits and gets no Call, but a number they add is saved."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from tests.conftest import Agent, Tenant
from tests.e2e.conftest import device_name, log_in, new_context, screenshot


@pytest.fixture
def phone(playwright: Playwright, browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    ctx = new_context(playwright, browser, "Pixel 7", base_url)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


def api(agent: Agent, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    response = agent.client.request(method, agent.api(path), json=body)
    assert response.status_code in (200, 201), response.text
    return response.json()


FIELDS = [
    {"key": "city", "label": "City", "kind": "text", "position": 0},
    {"key": "budget", "label": "Budget", "kind": "number", "position": 1},
    {"key": "tier", "label": "Tier", "kind": "list", "options": ["Gold", "Silver"], "position": 2},
]
NOT_A_NUMBER = "Enter a number, e.g. 1500 or 2.5"


def define_fields(owner: Agent) -> None:
    for field in FIELDS:
        api(owner, "POST", "/custom-fields", field)


def open_conversation(page: Page, wid: str, cid: str) -> None:
    page.goto(f"/w/{wid}/c/{cid}?status=closed")
    expect(page.get_by_test_id("conversation-title")).to_be_visible()


def open_panel(page: Page) -> Any:
    page.get_by_test_id("conversation-title").click()
    panel = page.get_by_test_id("contact-panel")
    expect(panel).to_be_visible()
    return panel


def test_new_contact_with_a_custom_field_then_edit_it_in_the_panel_and_call(
    context: BrowserContext, tenant: Tenant, request: pytest.FixtureRequest
) -> None:
    device = device_name(request)
    owner = tenant.owner
    define_fields(owner)
    page = log_in(context, owner)

    # New contact: the form checks a number field like the server does.
    page.get_by_test_id("new-contact").click()
    dialog = page.get_by_test_id("new-contact-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_test_id("contact-name").fill("Мария Иванова")
    dialog.get_by_test_id("contact-phone").fill("+7 916 555-12-67")
    dialog.get_by_test_id("cf-budget").fill("a lot")
    dialog.get_by_test_id("cf-tier").select_option("Gold")
    page.get_by_test_id("new-contact-save").click()
    expect(dialog.get_by_test_id("cf-budget-error")).to_have_text(NOT_A_NUMBER)
    screenshot(page, f"contacts-new-invalid-{device}")
    assert api(owner, "GET", "/contacts?q=Мария") == []
    dialog.get_by_test_id("cf-budget").fill("1 500")
    expect(dialog.get_by_test_id("cf-budget-error")).to_have_count(0)
    page.get_by_test_id("new-contact-save").click()
    expect(dialog.get_by_test_id("new-contact-created")).to_contain_text("Closed tab")
    screenshot(page, f"contacts-new-created-{device}")
    [stored] = api(owner, "GET", "/contacts?q=Мария")
    assert stored["custom_fields"] == {"budget": 1500, "tier": "Gold"}
    assert stored["phone"] == "+7 916 555-12-67"
    page.get_by_test_id("new-contact-done").click()
    expect(dialog).to_have_count(0)

    # It waits in the Closed tab.
    page.get_by_test_id("status-tab-closed").click()
    item = page.locator(
        f'[data-testid="conversation-item"][data-conversation-id="{stored["conversation_id"]}"]'
    )
    expect(item).to_contain_text("Мария Иванова")
    item.click()

    # The panel: the stored values, a tel: link to call.
    panel = open_panel(page)
    expect(panel.get_by_test_id("contact-panel-name")).to_have_text("Мария Иванова")
    expect(panel.get_by_test_id("cf-budget")).to_have_value("1500")
    expect(panel.get_by_test_id("cf-tier")).to_have_value("Gold")
    call = panel.get_by_test_id("contact-call")
    expect(call).to_have_attribute("href", "tel:+79165551267")
    screenshot(page, f"contacts-panel-{device}")

    # A bad value is refused with the reason, and nothing changes on the server.
    panel.get_by_test_id("cf-budget").fill("12 apples")
    panel.get_by_test_id("cf-city").fill("Казань")
    panel.get_by_test_id("contact-save").click()
    expect(panel.get_by_test_id("cf-budget-error")).to_have_text(NOT_A_NUMBER)
    expect(panel.get_by_test_id("contact-save-status")).to_have_text("Fix the marked fields")
    screenshot(page, f"contacts-panel-invalid-{device}")
    assert api(owner, "GET", f"/contacts/{stored['id']}")["custom_fields"] == {
        "budget": 1500,
        "tier": "Gold",
    }

    # A good one is saved (a decimal comma is fine).
    panel.get_by_test_id("cf-budget").fill("2,5")
    panel.get_by_test_id("contact-save").click()
    expect(page.get_by_test_id("toast")).to_have_text("Saved")
    expect(panel.get_by_test_id("contact-savebar")).to_have_count(0)
    assert api(owner, "GET", f"/contacts/{stored['id']}")["custom_fields"] == {
        "budget": 2.5,
        "tier": "Gold",
        "city": "Казань",
    }

    # "Search in conversation" hands over to the conversation's search.
    panel.get_by_test_id("contact-search").click()
    expect(panel).to_have_count(0)
    expect(page.get_by_test_id("conversation-search")).to_be_visible()


def test_the_servers_refusal_shows_next_to_its_field(phone: BrowserContext, tenant: Tenant) -> None:
    """A list option removed while the panel was open: the client still offers it, the server
    refuses it, and its message is shown under the field."""
    owner = tenant.owner
    define_fields(owner)
    contact = api(owner, "POST", "/contacts", {"name": "Олег"})
    page = log_in(phone, owner)
    open_conversation(page, tenant.workspace_id, contact["conversation_id"])
    panel = open_panel(page)
    expect(panel.get_by_test_id("cf-tier")).to_be_visible()
    [tier] = [f for f in api(owner, "GET", "/custom-fields") if f["key"] == "tier"]
    api(owner, "PATCH", f"/custom-fields/{tier['id']}", {"options": ["Gold"]})

    panel.get_by_test_id("cf-tier").select_option("Silver")
    panel.get_by_test_id("contact-save").click()
    expect(panel.get_by_test_id("cf-tier-error")).to_have_text("Tier: one of Gold.")
    assert api(owner, "GET", f"/contacts/{contact['id']}")["custom_fields"] == {}


def test_call_asks_for_a_number_when_there_is_none(phone: BrowserContext, tenant: Tenant) -> None:
    owner = tenant.owner
    contact = api(owner, "POST", "/contacts", {"name": "Без номера"})
    page = log_in(phone, owner)
    open_conversation(page, tenant.workspace_id, contact["conversation_id"])
    panel = open_panel(page)

    panel.get_by_test_id("contact-call").click()
    dialog = page.get_by_test_id("call-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_test_id("call-dialog-phone").fill("12")
    page.get_by_test_id("call-dialog-save").click()
    expect(dialog.get_by_test_id("call-dialog-error")).to_contain_text("Enter a phone number")
    dialog.get_by_test_id("call-dialog-phone").fill("+7 900 111-22-33")
    page.get_by_test_id("call-dialog-save").click()
    expect(dialog.get_by_test_id("call-dialog-call")).to_have_attribute("href", "tel:+79001112233")
    screenshot(page, "contacts-call-dialog-phone")
    assert api(owner, "GET", f"/contacts/{contact['id']}")["phone"] == "+7 900 111-22-33"
    # Closing the dialog, the panel's Call is a plain link now.
    dialog.get_by_role("button", name="Close").click()
    expect(panel.get_by_test_id("contact-call")).to_have_attribute("href", "tel:+79001112233")


def test_with_phone_masking_an_agent_sees_no_digits_and_no_call_but_can_add_a_number(
    phone: BrowserContext, tenant: Tenant
) -> None:
    owner = tenant.owner
    api(owner, "PATCH", "/preferences", {"phone_masking": True})
    with_phone = api(owner, "POST", "/contacts", {"name": "Анна", "phone": "+7 916 555-12-67"})
    without = api(owner, "POST", "/contacts", {"name": "Пётр"})
    agent = tenant.new_agent("agent", "Ivan Agent")
    page = log_in(phone, agent)

    # A stored number: masked, read-only, and no Call.
    open_conversation(page, tenant.workspace_id, with_phone["conversation_id"])
    panel = open_panel(page)
    expect(panel.get_by_test_id("contact-panel-phone")).to_have_text("+7 *** *** ** 67")
    expect(panel.get_by_test_id("contact-phone")).to_have_value("+7 *** *** ** 67")
    expect(panel.get_by_test_id("contact-phone")).to_have_attribute("readonly", "")
    expect(panel.get_by_test_id("contact-phone-note")).to_contain_text("Hidden")
    expect(panel.get_by_test_id("contact-call")).to_have_count(0)
    expect(panel.get_by_test_id("contact-search")).to_be_visible()
    screenshot(page, "contacts-masked-agent-phone")
    assert "916" not in page.content()

    # No number yet: the agent adds one; it is saved, and stays hidden from them.
    panel.get_by_test_id("contact-panel-close").click()
    open_conversation(page, tenant.workspace_id, without["conversation_id"])
    panel = open_panel(page)
    expect(panel.get_by_test_id("contact-call")).to_have_count(0)
    expect(panel.get_by_test_id("contact-phone-note")).to_contain_text("stays hidden from you")
    panel.get_by_test_id("contact-phone").fill("+7 903 444-55-66")
    panel.get_by_test_id("contact-save").click()
    expect(panel.get_by_test_id("contact-phone-note")).to_have_text(
        "Number saved. It stays hidden from you."
    )
    expect(panel.get_by_test_id("contact-phone")).to_have_value("+7 *** *** ** 66")
    expect(panel.get_by_test_id("contact-panel-phone")).to_have_text("+7 *** *** ** 66")
    expect(panel.get_by_test_id("contact-call")).to_have_count(0)
    screenshot(page, "contacts-masked-agent-added-phone")
    assert api(owner, "GET", f"/contacts/{without['id']}")["phone"] == "+7 903 444-55-66"
    assert api(agent, "GET", f"/contacts/{without['id']}")["phone"] == "+7 *** *** ** 66"
    assert "444" not in page.content()
