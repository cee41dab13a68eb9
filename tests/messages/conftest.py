"""Helpers for the composer tests: a conversation on an API channel, and counting rows."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import func, select, text

from omnibox.models import Attachment, Mention, Message, Notification
from omnibox.settings import Settings
from tests.conftest import Agent, Tenant, run_db
from tests.fakes.callback_server import CallbackServer


def open_conversation(
    http: httpx.Client,
    tenant: Tenant,
    callback: CallbackServer | None = None,
    *,
    name: str = "Ivan Petrov",
    text: str = "Hello!",
    **contact: Any,
) -> str:
    """The contact writes first on a new API channel; the conversation's id."""
    channel = tenant.new_channel(callback_url=callback.url if callback else None)
    payload = {
        "id": uuid.uuid4().hex,
        "contact": {"id": uuid.uuid4().hex, "name": name, **contact},
        "text": text,
    }
    accepted = http.post(channel["webhook_url"], json=payload)
    assert accepted.status_code in (200, 201, 202), accepted.text
    return str(accepted.json()["conversation_id"])


def post_message(agent: Agent, conversation_id: str, **body: Any) -> httpx.Response:
    return agent.client.post(agent.api(f"/conversations/{conversation_id}/messages"), json=body)


def messages(agent: Agent, conversation_id: str) -> list[dict[str, Any]]:
    response = agent.client.get(agent.api(f"/conversations/{conversation_id}/messages"))
    assert response.status_code == 200, response.text
    return list(response.json())


def upload(agent: Agent, name: str, data: bytes, **form: str) -> str:
    response = agent.client.post(agent.api("/uploads"), files={"file": (name, data)}, data=form)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def counts(settings: Settings, workspace_id: str) -> dict[str, int]:
    """Rows of the workspace that a refused request must not have written."""
    ws = uuid.UUID(workspace_id)

    async def go(session: Any) -> dict[str, int]:
        found = {}
        for name, model in (
            ("messages", Message),
            ("mentions", Mention),
            ("notifications", Notification),
        ):
            found[name] = int(
                (
                    await session.execute(
                        select(func.count()).select_from(model).where(model.workspace_id == ws)
                    )
                ).scalar_one()
            )
        found["sent_files"] = int(
            (
                await session.execute(
                    select(func.count()).where(
                        Attachment.workspace_id == ws, Attachment.message_id.is_not(None)
                    )
                )
            ).scalar_one()
        )
        return found

    result: dict[str, int] = run_db(settings, go)
    return result


def delivery_jobs(settings: Settings, message_id: str) -> int:
    async def go(session: Any) -> int:
        return int(
            (
                await session.execute(
                    text(
                        "SELECT count(*) FROM procrastinate_jobs"
                        " WHERE task_name = 'deliver_message' AND args->>'message_id' = :id"
                    ),
                    {"id": message_id},
                )
            ).scalar_one()
        )

    return int(run_db(settings, go))
