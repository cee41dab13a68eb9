"""The composer's tools in a real browser, at phone and desktop sizes: internal comments (never
sent to the contact), @mentions (the teammate is notified), snippets managed in the settings
and inserted with / (text and files go out together), $ variables (filled with the contact's
values; an empty one without a fallback is refused with the server's reason and the text is
kept), and the keyboard: ↑/↓, Enter/Tab, Esc in the lists."""

from __future__ import annotations

import re
import time

import httpx
import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.conftest import Tenant, post_inbound
from tests.e2e.conftest import device_name, log_in, open_conversation, screenshot
from tests.e2e.test_composer import PDF
from tests.fakes.callback_server import CallbackServer


def composer(page: Page) -> Locator:
    return page.get_by_test_id("composer-input")


def suggestions(page: Page) -> Locator:
    return page.get_by_test_id("composer-suggest")


def choose(page: Page, device: str, name: str | re.Pattern[str]) -> None:
    """Pick an item of the open list: by tapping it on a phone, by the keyboard on a desktop."""
    option = suggestions(page).get_by_role("option", name=name)
    expect(option).to_be_visible()
    if device == "phone":
        option.tap()
        return
    # ↓ until it is the chosen one, then Enter.
    for _ in range(10):
        if option.get_attribute("aria-selected") == "true":
            break
        composer(page).press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    composer(page).press("Enter")


def send(page: Page, device: str) -> None:
    if device == "desktop":
        composer(page).press("Enter")
    else:
        page.get_by_test_id("composer-send").click()


def switch_to_comment(page: Page, device: str) -> None:
    if device == "desktop":
        # The shortcut shown in the tab's tooltip.
        composer(page).press("Control+/")
    else:
        page.get_by_role("tab", name="Comment").tap()
    expect(page.get_by_role("tab", name="Comment")).to_have_attribute("aria-selected", "true")
    expect(composer(page)).to_have_attribute("placeholder", re.compile("the contact won’t see it"))


def test_a_comment_stays_internal_and_looks_like_one(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    inbound = post_inbound(http, channel, contact_id="comment-1", name="Anna Petrova").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, inbound["conversation_id"])

    switch_to_comment(page, device)
    wrap = page.locator(".composer-wrap")
    expect(wrap).to_have_attribute("data-mode", "comment")
    composer(page).fill("She is a returning customer, give her the 10% discount")
    screenshot(page, f"composer-tools-comment-mode-{device}")
    send(page, device)

    note = page.locator('[data-testid="message"][data-kind="comment"]')
    expect(note).to_have_count(1)
    expect(note.get_by_test_id("comment-label")).to_have_text("Internal comment")
    expect(note).to_contain_text("give her the 10% discount")
    expect(note).to_have_attribute("data-status", "sent")
    # Never delivery ticks on a comment.
    expect(note.locator(".delivery")).to_have_count(0)
    # The mode stays for the next comment; the composer is empty again.
    expect(composer(page)).to_have_value("")
    expect(wrap).to_have_attribute("data-mode", "comment")

    # Back to a message: it goes to the contact, and it is the only thing that does.
    if device == "desktop":
        composer(page).press("Control+/")
    else:
        page.get_by_role("tab", name="Message").tap()
    expect(wrap).to_have_attribute("data-mode", "message")
    composer(page).fill("Hello Anna, you get 10% off today!")
    send(page, device)
    [delivery] = callback.wait_for(1)
    assert delivery.json["text"] == "Hello Anna, you get 10% off today!"
    time.sleep(0.5)
    assert len(callback.deliveries) == 1
    screenshot(page, f"composer-tools-comment-{device}")

    # The server keeps it internal too.
    messages = tenant.owner.client.get(
        tenant.owner.api(f"/conversations/{inbound['conversation_id']}/messages")
    ).json()
    [stored] = [m for m in messages if m["kind"] == "comment"]
    assert stored["channel_id"] is None


def test_mentioning_a_teammate_notifies_them(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    boris = tenant.new_agent("agent", "Boris Agent")
    tenant.new_agent("agent", "Bella Support")
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    inbound = post_inbound(http, channel, contact_id="mention-1", name="Anna Petrova").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, inbound["conversation_id"])

    switch_to_comment(page, device)
    composer(page).press_sequentially("Can you call her back? @Bo")
    expect(suggestions(page)).to_be_visible()
    expect(suggestions(page).get_by_role("option")).to_have_count(1)
    expect(suggestions(page).get_by_role("option")).to_contain_text("Boris Agent")
    screenshot(page, f"composer-tools-mention-list-{device}")
    choose(page, device, re.compile("Boris Agent"))
    expect(suggestions(page)).to_have_count(0)
    expect(composer(page)).to_have_value("Can you call her back? @Boris Agent ")
    composer(page).press_sequentially("thanks")
    send(page, device)

    note = page.locator('[data-testid="message"][data-kind="comment"]')
    expect(note).to_have_attribute("data-status", "sent")
    expect(note.get_by_test_id("mention")).to_have_text("@Boris Agent")
    screenshot(page, f"composer-tools-mention-{device}")

    comment_id = note.get_attribute("data-message-id")
    notifications = boris.client.get(boris.api("/notifications")).json()["items"]
    mentioned = [n for n in notifications if n["kind"] == "mentioned"]
    assert len(mentioned) == 1
    assert mentioned[0]["data"]["message_id"] == comment_id
    assert mentioned[0]["conversation_id"] == inbound["conversation_id"]
    assert callback.deliveries == []


def test_a_snippet_with_a_file_is_made_in_settings_and_sent_with_slash(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    inbound = post_inbound(http, channel, contact_id="snippet-1", name="Anna Petrova").json()
    page = log_in(context, tenant.owner)

    # Settings → Snippets → New snippet: a name, a text with a variable, a file.
    page.goto(f"/w/{tenant.workspace_id}/settings/snippets")
    expect(page.get_by_test_id("snippets")).to_be_visible()
    page.get_by_test_id("snippet-add").click()
    form = page.get_by_test_id("snippet-form")
    form.get_by_test_id("snippet-name-input").fill("Price list")
    text = form.get_by_test_id("snippet-text-input")
    text.press_sequentially("Hi ")
    form.get_by_test_id("snippet-variable").click()
    variables = page.get_by_test_id("snippet-suggest")
    expect(variables.get_by_role("option", name=re.compile("Contact first name"))).to_be_visible()
    variables.get_by_role("option", name=re.compile("Contact first name")).click()
    expect(text).to_have_value("Hi {{contact.first_name}}")
    text.press_sequentially(", here is our price list.")
    form.get_by_test_id("snippet-attach-input").set_input_files(
        files=[{"name": "price-list.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    expect(form.get_by_test_id("attachment-chip")).to_have_attribute("data-status", "done")
    screenshot(page, f"composer-tools-snippet-form-{device}")
    form.get_by_test_id("snippet-save").click()
    row = page.get_by_test_id("snippet-row")
    expect(row).to_have_count(1)
    expect(row.get_by_test_id("snippet-name")).to_contain_text("Price list")
    expect(row.get_by_test_id("snippet-file")).to_have_text("price-list.pdf")
    screenshot(page, f"composer-tools-snippets-{device}")

    # In the conversation: / finds it, picking inserts the text and attaches the file.
    page.goto(f"/w/{tenant.workspace_id}")
    open_conversation(page, inbound["conversation_id"])
    composer(page).press_sequentially("/pri")
    expect(suggestions(page).get_by_role("option", name=re.compile("Price list"))).to_contain_text(
        "1"
    )
    screenshot(page, f"composer-tools-snippet-list-{device}")
    choose(page, device, re.compile("Price list"))
    expect(composer(page)).to_have_value("Hi {{contact.first_name}}, here is our price list.")
    chip = page.get_by_test_id("snippet-file-chip")
    expect(chip).to_contain_text("price-list.pdf")
    expect(chip).to_contain_text("Price list")
    expect(page.get_by_test_id("variables-preview")).to_contain_text(
        "Hi Anna, here is our price list."
    )
    screenshot(page, f"composer-tools-snippet-inserted-{device}")
    send(page, device)
    expect(chip).to_have_count(0)

    [delivery] = callback.wait_for(1)
    assert delivery.json["text"] == "Hi Anna, here is our price list."
    files = delivery.json["attachments"]
    assert [(f["filename"], f["media_type"]) for f in files] == [
        ("price-list.pdf", "application/pdf")
    ]
    assert httpx.get(files[0]["url"]).content == PDF
    sent = page.locator('[data-testid="message"][data-direction="out"]').last
    expect(sent).to_contain_text("Hi Anna, here is our price list.")
    expect(sent.get_by_test_id("attachment-file")).to_contain_text("price-list.pdf")

    # The snippet keeps its file.
    [snippet] = tenant.owner.client.get(tenant.owner.api("/snippets")).json()
    assert [f["filename"] for f in snippet["files"]] == ["price-list.pdf"]

    # Editing keeps the file unless it is removed; deleting removes the snippet.
    page.goto(f"/w/{tenant.workspace_id}/settings/snippets")
    row.get_by_test_id("snippet-edit").click()
    form = row.get_by_test_id("snippet-form")
    form.get_by_test_id("snippet-name-input").fill("Prices 2025")
    form.get_by_test_id("snippet-save").click()
    expect(form).to_have_count(0)
    expect(row.get_by_test_id("snippet-name")).to_contain_text("Prices 2025")
    expect(row.get_by_test_id("snippet-file")).to_have_text("price-list.pdf")
    row.get_by_test_id("snippet-edit").click()
    row.get_by_test_id("snippet-file-remove").click()
    row.get_by_test_id("snippet-save").click()
    expect(form).to_have_count(0)
    expect(row.get_by_test_id("snippet-text")).to_be_visible()
    expect(row.get_by_test_id("snippet-file")).to_have_count(0)
    [snippet] = tenant.owner.client.get(tenant.owner.api("/snippets")).json()
    assert snippet["name"] == "Prices 2025"
    assert snippet["files"] == []
    row.get_by_test_id("snippet-delete").click()
    page.get_by_test_id("snippet-delete-confirm").click()
    expect(row).to_have_count(0)
    assert tenant.owner.client.get(tenant.owner.api("/snippets")).json() == []


def test_variables_are_filled_and_an_empty_one_needs_a_fallback(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    device = device_name(request)
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    inbound = post_inbound(http, channel, contact_id="vars-1", name="Anna Petrova").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, inbound["conversation_id"])

    # $ lists the variables with this contact's values.
    composer(page).press_sequentially("Hi $fir")
    first_name = suggestions(page).get_by_role("option", name=re.compile("Contact first name"))
    expect(first_name).to_contain_text("Anna")
    screenshot(page, f"composer-tools-variables-{device}")
    choose(page, device, re.compile("Contact first name"))
    expect(composer(page)).to_have_value("Hi {{contact.first_name}}")
    composer(page).press_sequentially(", your order is ready")
    expect(page.get_by_test_id("variables-preview")).to_contain_text(
        "Will be sent as: Hi Anna, your order is ready"
    )
    send(page, device)
    [delivery] = callback.wait_for(1)
    assert delivery.json["text"] == "Hi Anna, your order is ready"
    expect(page.locator('[data-testid="message"][data-direction="out"]').last).to_contain_text(
        "Hi Anna, your order is ready"
    )
    expect(composer(page)).to_have_value("")

    # An empty variable with no fallback: a warning first, then the server's reason; the text
    # stays.
    composer(page).fill("We will write to {{contact.email}}")
    expect(page.get_by_test_id("variables-warning")).to_contain_text("Contact e-mail")
    page.get_by_test_id("composer-send").click()
    error = page.get_by_test_id("composer-error")
    expect(error).to_contain_text("is empty for this contact")
    expect(error).to_contain_text("{{contact.email|")
    expect(composer(page)).to_have_value("We will write to {{contact.email}}")
    screenshot(page, f"composer-tools-variable-error-{device}")
    time.sleep(0.5)
    assert len(callback.deliveries) == 1

    # Picking an empty variable asks for a fallback: the cursor lands after the "|".
    composer(page).fill("")
    expect(error).to_have_count(0)
    composer(page).press_sequentially("Mail: $e")
    email = suggestions(page).get_by_role("option", name=re.compile("Contact e-mail"))
    expect(email).to_contain_text("empty — add a fallback")
    choose(page, device, re.compile("Contact e-mail"))
    expect(composer(page)).to_have_value("Mail: {{contact.email|}}")
    composer(page).press_sequentially("not given yet")
    expect(composer(page)).to_have_value("Mail: {{contact.email|not given yet}}")
    send(page, device)
    deliveries = callback.wait_for(2)
    assert deliveries[1].json["text"] == "Mail: not given yet"


def test_the_lists_work_with_the_keyboard(
    context: BrowserContext,
    tenant: Tenant,
    http: httpx.Client,
    callback: CallbackServer,
    request: pytest.FixtureRequest,
) -> None:
    if device_name(request) != "desktop":
        pytest.skip("keyboard navigation is for desktops; phones tap (the other tests)")
    tenant.new_agent("agent", "Boris Agent")
    tenant.new_agent("agent", "Bella Support")
    for name, text in (("Greeting", "Hello and welcome!"), ("Goodbye", "Have a great day!")):
        response = tenant.owner.client.post(
            tenant.owner.api("/snippets"), json={"name": name, "text": text}
        )
        assert response.status_code == 201, response.text
    channel = tenant.new_channel(callback_url=callback.url, name_="Website")
    inbound = post_inbound(http, channel, contact_id="keys-1", name="Anna Petrova").json()
    page = log_in(context, tenant.owner)
    open_conversation(page, inbound["conversation_id"])
    box = composer(page)
    options = suggestions(page).get_by_role("option")

    # / : the snippets by name; ↓ then Enter picks the second; ↑ wraps around.
    box.press_sequentially("/")
    expect(options).to_have_count(2)
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(1)).to_contain_text("Greeting")
    box.press("Enter")
    expect(box).to_have_value("Hello and welcome!")
    # Enter picked: nothing was sent.
    time.sleep(0.3)
    assert callback.deliveries == []

    # Esc closes a list and leaves the text; Enter then sends as usual.
    box.press_sequentially(" $")
    expect(suggestions(page)).to_be_visible()
    box.press("Escape")
    expect(suggestions(page)).to_have_count(0)
    box.press("Backspace")
    expect(box).to_have_value("Hello and welcome! ")
    # $ with a query, Tab picks.
    box.press_sequentially("$workspace")
    expect(options).to_have_count(1)
    box.press("Tab")
    expect(box).to_have_value("Hello and welcome! {{workspace.name}}")
    box.press("Enter")
    [delivery] = callback.wait_for(1)
    assert delivery.json["text"] == f"Hello and welcome! {tenant.workspace_name}"

    # @ in a comment: ↓ to the second teammate, Enter.
    box.press("Control+/")
    box.press_sequentially("@b")
    expect(options).to_have_count(2)
    box.press("ArrowDown")
    picked = options.nth(1).locator(".suggest__item-title").inner_text()
    box.press("Enter")
    expect(box).to_have_value(f"@{picked} ")
    # $ is not offered in a comment (nothing is filled in there), @ is not in a message.
    box.press_sequentially("$")
    expect(suggestions(page)).to_have_count(0)
    box.press("Control+/")
    box.fill("")
    box.press_sequentially("@b")
    expect(suggestions(page)).to_have_count(0)
