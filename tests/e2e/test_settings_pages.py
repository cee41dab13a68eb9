"""The settings screens in a real browser: every section is reachable (a list on a phone, a
column on a desktop); an owner makes a team with a member, defines a custom contact field,
and makes closing notes required with a category. The server has what the screens said."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.conftest import Agent, Tenant
from tests.e2e.conftest import device_name, log_in, screenshot

SECTIONS = ["preferences", "channels", "teams", "fields", "snippets"]


def get(agent: Agent, path: str) -> Any:
    response = agent.client.get(agent.api(path))
    assert response.status_code == 200, response.text
    return response.json()


def open_section(page: Page, device: str, section: str) -> None:
    """From anywhere in the settings: the section's page (through the phone's list)."""
    if device == "phone" and page.get_by_test_id("settings-index").count() == 0:
        page.get_by_test_id("back-button").click()
    page.get_by_test_id(f"settings-nav-{section}").click()
    expect(page.get_by_test_id(f"settings-nav-{section}")).to_have_count(
        0 if device == "phone" else 1
    )


def test_owner_sets_up_teams_fields_and_closing_notes(
    context: BrowserContext, tenant: Tenant, request: pytest.FixtureRequest
) -> None:
    device = device_name(request)
    owner = tenant.owner
    agent = tenant.new_agent("agent", "Anna Agent")
    page = log_in(context, owner, wait_for_socket=False)

    # The gear opens the settings: on a phone the list of every section first.
    page.get_by_test_id("preferences-link").click()
    nav = page.get_by_test_id("settings-nav")
    for section in SECTIONS:
        expect(nav.get_by_test_id(f"settings-nav-{section}")).to_be_visible()
    if device == "phone":
        expect(page.get_by_test_id("settings-index")).to_be_visible()
        screenshot(page, "settings-index-phone")
    else:
        expect(nav.get_by_test_id("settings-nav-preferences")).to_have_attribute(
            "aria-current", "page"
        )

    # Teams: a new team, then a member.
    open_section(page, device, "teams")
    teams = page.get_by_test_id("teams")
    expect(teams).to_contain_text("No teams yet")
    teams.get_by_test_id("team-add").click()
    teams.get_by_test_id("team-create").click()
    expect(teams.get_by_test_id("team-form")).to_contain_text("Enter a name")
    teams.get_by_test_id("team-name-input").fill("Продажи")
    teams.get_by_test_id("team-create").click()
    card = teams.get_by_test_id("team-card")
    expect(card).to_have_count(1)
    expect(card.get_by_test_id("team-name")).to_have_text("Продажи")
    card.get_by_test_id("team-member-add").select_option(label=f"Anna Agent · {agent.email}")
    expect(card.get_by_test_id("team-member-name")).to_have_text("Anna Agent")
    screenshot(page, f"settings-teams-{device}")
    [team] = get(owner, "/teams")
    assert team["name"] == "Продажи"
    assert team["member_ids"] == [agent.user_id]

    # Rename it.
    card.get_by_test_id("team-rename").click()
    card.get_by_test_id("team-rename-input").fill("Отдел продаж")
    card.get_by_test_id("team-rename-save").click()
    expect(card.get_by_test_id("team-name")).to_have_text("Отдел продаж")
    assert [t["name"] for t in get(owner, "/teams")] == ["Отдел продаж"]

    # Contact fields: the key follows the label (transliterated); a list needs options.
    open_section(page, device, "fields")
    fields = page.get_by_test_id("custom-fields")
    fields.get_by_test_id("field-add").click()
    form = fields.get_by_test_id("field-form")
    form.get_by_test_id("field-label").fill("Город доставки")
    expect(form.get_by_test_id("field-key")).to_have_value("gorod_dostavki")
    form.get_by_test_id("field-kind-list").click()
    form.get_by_test_id("field-save").click()
    expect(form).to_contain_text("A list needs at least one option")
    form.get_by_test_id("field-options").fill("Москва\nКазань\n")
    form.get_by_test_id("field-save").click()
    row = fields.get_by_test_id("field-row")
    expect(row).to_have_count(1)
    expect(row.get_by_test_id("field-label")).to_have_text("Город доставки")
    expect(row.get_by_test_id("field-kind")).to_have_text("List")
    screenshot(page, f"settings-fields-{device}")
    [field] = get(owner, "/custom-fields")
    assert (field["key"], field["label"], field["kind"], field["options"]) == (
        "gorod_dostavki",
        "Город доставки",
        "list",
        ["Москва", "Казань"],
    )

    # The same key again is refused by the server, next to the key.
    fields.get_by_test_id("field-add").click()
    form = fields.get_by_test_id("field-form")
    form.get_by_test_id("field-label").fill("Город доставки")
    form.get_by_test_id("field-save").click()
    expect(form).to_contain_text("Another field has this key")
    assert len(get(owner, "/custom-fields")) == 1

    # Preferences: required closing notes need a category to pick.
    open_section(page, device, "preferences")
    prefs = page.get_by_test_id("preferences")
    prefs.get_by_test_id("pref-closing-mandatory").click()
    expect(prefs.get_by_test_id("pref-categories-needed")).to_be_visible()
    expect(prefs.get_by_test_id("pref-save")).to_be_disabled()
    prefs.get_by_test_id("pref-category-new").fill("Продажа")
    prefs.get_by_test_id("pref-category-new").press("Enter")
    prefs.get_by_test_id("pref-category-new").fill("Вопрос")
    prefs.get_by_test_id("pref-category-add").click()
    expect(prefs.get_by_test_id("pref-category")).to_have_count(2)
    # Renaming one to the other's name is caught.
    prefs.get_by_test_id("pref-category-input").nth(1).fill("продажа")
    expect(prefs.get_by_test_id("pref-categories")).to_contain_text("already in the list")
    expect(prefs.get_by_test_id("pref-save")).to_be_disabled()
    prefs.get_by_test_id("pref-category-input").nth(1).fill("Спам")
    prefs.get_by_test_id("pref-phone-masking").check()
    prefs.get_by_test_id("pref-agent-visibility").check()
    prefs.get_by_test_id("pref-save").click()
    expect(prefs.get_by_test_id("pref-status")).to_have_text("Saved")
    screenshot(page, f"settings-preferences-{device}")
    saved = get(owner, "/preferences")
    assert saved["closing_notes"] == "mandatory"
    assert saved["closing_categories"] == ["Продажа", "Спам"]
    assert (saved["phone_masking"], saved["agent_visibility"]) == (True, "assigned")
    assert saved["agents_see_blocked"] is False

    # Removing a category and switching notes back off.
    prefs.get_by_test_id("pref-category-remove").first.click()
    prefs.get_by_test_id("pref-closing-off").click()
    expect(prefs.get_by_test_id("pref-categories")).to_have_count(0)
    prefs.get_by_test_id("pref-save").click()
    expect(prefs.get_by_test_id("pref-status")).to_have_text("Saved")
    saved = get(owner, "/preferences")
    assert (saved["closing_notes"], saved["closing_categories"]) == ("off", ["Спам"])

    # Channels is one of the sections too.
    open_section(page, device, "channels")
    expect(page.get_by_test_id("channels")).to_be_visible()


def test_a_team_and_a_field_are_deleted_after_a_confirmation(
    context: BrowserContext, tenant: Tenant, request: pytest.FixtureRequest
) -> None:
    owner = tenant.owner
    owner.client.post(owner.api("/teams"), json={"name": "Support", "member_ids": [owner.user_id]})
    owner.client.post(
        owner.api("/custom-fields"), json={"key": "vip", "label": "VIP", "kind": "checkbox"}
    )
    page = log_in(context, owner, wait_for_socket=False)
    page.goto(f"/w/{tenant.workspace_id}/settings/teams")
    card = page.get_by_test_id("team-card")
    expect(card.get_by_test_id("team-member-name")).to_have_text("Olga Owner")
    card.get_by_test_id("team-member-remove").click()
    expect(card.get_by_test_id("team-member")).to_have_count(0)
    assert get(owner, "/teams")[0]["member_ids"] == []
    card.get_by_test_id("team-delete").click()
    card.get_by_test_id("team-delete-confirm").click()
    expect(page.get_by_test_id("team-card")).to_have_count(0)
    assert get(owner, "/teams") == []

    page.goto(f"/w/{tenant.workspace_id}/settings/fields")
    row = page.get_by_test_id("field-row")
    expect(row.get_by_test_id("field-kind")).to_have_text("Checkbox")
    row.get_by_test_id("field-edit").click()
    row.get_by_test_id("field-edit-label").fill("Важный клиент")
    row.get_by_test_id("field-edit-save").click()
    expect(row.get_by_test_id("field-label")).to_have_text("Важный клиент")
    assert get(owner, "/custom-fields")[0]["label"] == "Важный клиент"
    row.get_by_test_id("field-delete").click()
    row.get_by_test_id("field-delete-confirm").click()
    expect(page.get_by_test_id("field-row")).to_have_count(0)
    assert get(owner, "/custom-fields") == []


def test_agents_get_no_settings_pages(context: BrowserContext, tenant: Tenant) -> None:
    agent = tenant.new_agent("agent")
    page = log_in(context, agent, wait_for_socket=False)
    for section, testid in (("teams", "teams"), ("fields", "custom-fields")):
        page.goto(f"/w/{tenant.workspace_id}/settings/{section}")
        expect(page.get_by_test_id(testid)).to_contain_text("Only owners and managers")
        expect(page.get_by_test_id("settings-nav")).to_have_count(0)
