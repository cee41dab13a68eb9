"""The account menu in the top bar: the interface language and logging out."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.conftest import Tenant
from tests.e2e.conftest import device_name, log_in, screenshot


def test_the_account_menu_switches_language_and_logs_out(
    context: BrowserContext, tenant: Tenant, request: pytest.FixtureRequest
) -> None:
    device = device_name(request)
    page = log_in(context, tenant.owner)
    tab = page.get_by_test_id("status-tab-closed")
    expect(tab).to_contain_text("Closed")

    page.get_by_test_id("account-button").click()
    menu = page.get_by_test_id("account-menu")
    expect(menu.get_by_test_id("language-en")).to_have_attribute("aria-checked", "true")
    screenshot(page, f"account-menu-{device}")
    menu.get_by_test_id("language-ru").click()
    expect(menu).to_have_count(0)
    expect(tab).to_contain_text("Закрытые")
    expect(page.locator("html")).to_have_attribute("lang", "ru")

    # Remembered on this device: still Russian after a reload.
    page.reload()
    expect(page.get_by_test_id("status-tab-closed")).to_contain_text("Закрытые")

    page.get_by_test_id("account-button").click()
    page.get_by_test_id("account-menu").get_by_test_id("logout").click()
    expect(page.get_by_test_id("login-email")).to_be_visible()
