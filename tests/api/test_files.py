from __future__ import annotations

import base64
import uuid

import httpx

from omnibox.media.signing import signed_file_path
from omnibox.settings import Settings
from tests.conftest import Tenant, post_inbound


def test_signed_links_open_without_a_session_and_only_untampered(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    channel = tenant.new_channel()
    data = base64.b64encode(b"%PDF-1.4 price list").decode()
    accepted = post_inbound(
        http,
        channel,
        attachments=[{"data": data, "media_type": "application/pdf", "filename": "prices.pdf"}],
    ).json()
    path = tenant.owner.api(f"/conversations/{accepted['conversation_id']}/messages")
    attachment = tenant.owner.client.get(path).json()[0]["attachments"][0]
    # Without a session, the workspace URL is closed...
    assert http.get(attachment["url"]).status_code == 401
    # ...and a signed link is open, downloading as a file.
    link = signed_file_path(
        settings.resolved_secret_key(), uuid.UUID(attachment["id"]), "prices.pdf"
    )
    response = http.get(link)
    assert response.status_code == 200 and response.content == b"%PDF-1.4 price list"
    assert response.headers["content-disposition"].startswith("attachment;")
    tampered = link.replace(attachment["id"], str(uuid.uuid4()))
    assert http.get(tampered).status_code == 404
    expired = signed_file_path(
        settings.resolved_secret_key(), uuid.UUID(attachment["id"]), "x", ttl_seconds=-10
    )
    assert http.get(expired).status_code == 404
