"""The channels page in a real browser: an owner adds an API channel, sees its signing secret
once (and it is the one callbacks are signed with), renames it, removes it; agents don't get
the page."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import BrowserContext, expect

from tests.conftest import Agent, Tenant
from tests.e2e.conftest import device_name, log_in, screenshot
from tests.fakes.callback_server import CallbackServer


def channel_ids(agent: Agent) -> dict[str, str]:
    response = agent.client.get(agent.api("/channels"))
    assert response.status_code == 200, response.text
    return {c["id"]: c["name"] for c in response.json()}


def test_owner_adds_renames_and_removes_an_api_channel(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    tenant.new_channel(name_="Existing")
    page = log_in(context, tenant.owner, wait_for_socket=False)
    page.get_by_test_id("channels-link").click()
    rows = page.get_by_test_id("channel-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Existing")
    expect(rows.first.get_by_test_id("channel-status")).to_have_text("Connected")
    expect(rows.first.get_by_test_id("channel-webhook")).to_have_text(re.compile(r"/hooks/api/"))

    # Add: name and callback URL; the secret shows once, with a warning.
    page.get_by_test_id("channel-add").click()
    form = page.get_by_test_id("channel-form")
    expect(form.get_by_test_id("channel-create")).to_be_disabled()
    form.get_by_test_id("channel-name-input").fill("Shop site")
    form.get_by_test_id("channel-callback-input").fill(callback.url)
    form.get_by_test_id("channel-create").click()
    secret = page.get_by_test_id("channel-secret")
    expect(secret).to_be_visible()
    expect(page.get_by_test_id("channel-created")).to_contain_text("won’t be shown again")
    signing_secret = secret.inner_text().strip()
    assert len(signing_secret) >= 16
    webhook_url = page.get_by_test_id("channel-created-webhook").inner_text().strip()
    expect(rows).to_have_count(2)
    screenshot(page, f"channels-secret-{device}")

    [new_id] = [i for i, name in channel_ids(tenant.owner).items() if name == "Shop site"]
    new_row = page.locator(f'[data-testid="channel-row"][data-channel-id="{new_id}"]')
    expect(new_row.get_by_test_id("channel-callback")).to_have_text(callback.url)

    # The secret shown is the one replies are signed with.
    accepted = http.post(
        webhook_url, json={"id": "m-1", "contact": {"id": "k-1"}, "text": "Hi from the shop"}
    )
    assert accepted.status_code == 200, accepted.text
    sent = tenant.owner.client.post(
        tenant.owner.api(f"/conversations/{accepted.json()['conversation_id']}/messages"),
        json={"text": "Hello!"},
    )
    assert sent.status_code == 201, sent.text
    [delivery] = callback.wait_for(1)
    assert delivery.signature_valid(signing_secret)

    # Once dismissed (or after a reload) it is gone for good.
    page.get_by_test_id("channel-secret-done").click()
    expect(secret).to_have_count(0)
    page.reload()
    expect(rows).to_have_count(2)
    expect(page.get_by_test_id("channel-secret")).to_have_count(0)
    assert signing_secret not in page.content()

    # Rename.
    new_row.get_by_test_id("channel-edit").click()
    new_row.get_by_test_id("channel-name-input").fill("Shop website")
    new_row.get_by_test_id("channel-save").click()
    expect(new_row.get_by_test_id("channel-name")).to_have_text("Shop website")
    assert channel_ids(tenant.owner)[new_id] == "Shop website"
    screenshot(page, f"channels-{device}")

    # Remove, after a confirmation that says the conversations stay.
    new_row.get_by_test_id("channel-remove").click()
    expect(new_row).to_contain_text("conversations and messages are kept")
    new_row.get_by_test_id("channel-remove-confirm").click()
    expect(rows).to_have_count(1)
    assert new_id not in channel_ids(tenant.owner)


def test_a_refused_channel_says_why(context: BrowserContext, tenant: Tenant) -> None:
    page = log_in(context, tenant.owner, wait_for_socket=False)
    page.get_by_test_id("channels-link").click()
    page.get_by_test_id("channel-add").click()
    form = page.get_by_test_id("channel-form")
    form.get_by_test_id("channel-name-input").fill("Broken")
    form.get_by_test_id("channel-callback-input").fill("not a url")
    form.get_by_test_id("channel-create").click()
    expect(form.get_by_test_id("channel-form-error")).to_be_visible()
    expect(page.get_by_test_id("channel-secret")).to_have_count(0)


def test_agents_do_not_get_the_channels_page(context: BrowserContext, tenant: Tenant) -> None:
    tenant.new_channel(name_="Existing")
    agent = tenant.new_agent("agent")
    page = log_in(context, agent, wait_for_socket=False)
    expect(page.get_by_test_id("account-button")).to_be_visible()
    expect(page.get_by_test_id("channels-link")).to_have_count(0)
    page.goto(f"/w/{tenant.workspace_id}/channels")
    expect(page.get_by_test_id("channels")).to_contain_text(
        "Only owners and managers can manage channels"
    )
    expect(page.get_by_test_id("channel-add")).to_have_count(0)
    expect(page.get_by_test_id("channel-row")).to_have_count(0)


def test_telegram_and_whatsapp_forms_show_the_servers_reason(
    context: BrowserContext, tenant: Tenant, request: pytest.FixtureRequest
) -> None:
    """The forms go to the real endpoints; a token Telegram doesn't know and a malformed
    WhatsApp number id come back with the server's reason, and nothing is added."""
    page = log_in(context, tenant.owner, wait_for_socket=False)
    page.get_by_test_id("channels-link").click()
    page.get_by_test_id("channel-add").click()
    form = page.get_by_test_id("channel-form")

    form.get_by_test_id("channel-kind-telegram").click()
    form.get_by_test_id("channel-name-input").fill("Sales bot")
    create = form.get_by_test_id("channel-create")
    expect(create).to_be_disabled()
    form.get_by_test_id("channel-token-input").fill("123456789:" + "A" * 35)
    create.click()
    expect(form.get_by_test_id("channel-form-error")).to_be_visible(timeout=20_000)
    screenshot(page, f"channels-telegram-{device_name(request)}")

    form.get_by_test_id("channel-kind-whatsapp").click()
    expect(form.get_by_test_id("channel-form-error")).to_have_count(0)
    form.get_by_test_id("channel-name-input").fill("Support number")
    form.get_by_test_id("channel-phone-number-id").fill("not-a-number")
    form.get_by_test_id("channel-waba-id").fill("1234567890")
    form.get_by_test_id("channel-access-token").fill("EAAG-token")
    form.get_by_test_id("channel-app-secret").fill("app-secret")
    create.click()
    expect(form.get_by_test_id("channel-form-error")).to_be_visible()
    # The wrong field says what is wrong with it.
    field = form.locator("label.field", has=page.get_by_test_id("channel-phone-number-id"))
    expect(field.get_by_test_id("field-error")).to_contain_text("should match pattern")
    expect(form.get_by_test_id("field-error")).to_have_count(1)
    expect(page.get_by_test_id("channel-row")).to_have_count(0)
    assert channel_ids(tenant.owner) == {}
