"""The foundation's promise in a real browser: log in, see a message arrive live, reply."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import BrowserContext, expect

from tests.conftest import PASSWORD, Tenant, post_inbound
from tests.e2e.conftest import screenshot
from tests.fakes.callback_server import CallbackServer


def test_agent_sees_a_webhook_message_live_and_the_reply_reaches_the_callback(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = "desktop" if request.node.callspec.params["context"] == "desktop" else "phone"
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    post_inbound(
        http, channel, contact_id="early", name="Earlier Customer", text="An older question"
    )

    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("login-email").fill(tenant.owner.email)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    items = page.get_by_test_id("conversation-item")
    expect(items).to_have_count(1)
    expect(page.get_by_test_id("ws-status")).to_have_attribute("data-state", "open")

    # A message arrives while the inbox is open: it appears at the top without a reload.
    accepted = post_inbound(
        http, channel, contact_id="live-1", name="Анна Смирнова", text="Есть доставка в Казань?"
    )
    conversation_id = accepted.json()["conversation_id"]
    expect(items).to_have_count(2)
    first = items.first
    expect(first).to_have_attribute("data-conversation-id", conversation_id)
    expect(first).to_contain_text("Анна Смирнова")
    expect(first).to_contain_text("Есть доставка в Казань?")
    expect(first.get_by_test_id("unread-badge")).to_have_text("1")
    screenshot(page, f"inbox-{device}")

    first.click()
    messages = page.get_by_test_id("message")
    expect(messages).to_have_count(1)
    expect(messages.first).to_have_attribute("data-direction", "in")

    # A second message while the conversation is open shows up in it, live.
    post_inbound(http, channel, contact_id="live-1", name="Анна Смирнова", text="И сколько дней?")
    expect(messages).to_have_count(2)

    page.get_by_test_id("composer-input").fill("Да, 3–4 рабочих дня.")
    page.get_by_test_id("composer-send").click()
    expect(messages).to_have_count(3)
    mine = messages.last
    expect(mine).to_have_attribute("data-direction", "out")
    expect(mine).to_contain_text("Да, 3–4 рабочих дня.")
    expect(mine).to_have_attribute("data-status", "sent")
    screenshot(page, f"conversation-{device}")

    [delivery] = callback.wait_for(1)
    assert delivery.signature_valid(channel["signing_secret"])
    assert delivery.json["text"] == "Да, 3–4 рабочих дня."
    assert delivery.json["contact"] == {"id": "live-1"}
    # The optimistic bubble and the server's message are one bubble, not two.
    expect(messages).to_have_count(3)
