"""Search within a conversation: Russian and English word forms, comments and voice
transcripts, excerpts with the matched words marked, and who may search."""

from __future__ import annotations

import base64
import uuid
from typing import Any

import httpx
import pytest

from omnibox.messages.search import START, STOP, highlighted
from omnibox.settings import Settings
from tests.conftest import Agent, Tenant, run_db
from tests.inbox_helpers import set_preferences
from tests.messages.conftest import open_conversation, post_message


def search(agent: Agent, cid: str, q: str, **params: Any) -> httpx.Response:
    return agent.client.get(agent.api(f"/conversations/{cid}/search"), params={"q": q, **params})


def hits(agent: Agent, cid: str, q: str) -> list[dict[str, Any]]:
    response = search(agent, cid, q)
    assert response.status_code == 200, response.text
    return list(response.json()["hits"])


def marked(hit: dict[str, Any]) -> list[str]:
    return [hit["excerpt"][start:end] for start, end in hit["highlights"]]


def _say(http: httpx.Client, channel: dict[str, Any], text: str, **extra: Any) -> dict[str, Any]:
    payload = {"id": uuid.uuid4().hex, "contact": {"id": "searcher", "name": "Ivan"}, "text": text}
    response = http.post(channel["webhook_url"], json={**payload, **extra})
    assert response.status_code in (200, 201, 202), response.text
    return dict(response.json())


def test_word_forms_in_russian_and_english_are_found_oldest_first(
    http: httpx.Client, tenant: Tenant
) -> None:
    owner = tenant.owner
    channel = tenant.new_channel()
    first = _say(http, channel, "Здравствуйте! Где мой заказ? Жду доставку уже неделю.")
    cid = first["conversation_id"]
    _say(http, channel, "Your refunds policy is unclear, and the ordering page is broken.")
    comment = post_message(
        owner, cid, text="Заказы этого клиента идут через склад №2", internal=True
    ).json()
    _say(http, channel, "Nothing relevant here")

    found = hits(owner, cid, "заказы")
    assert [h["message_id"] for h in found] == [first["message_id"], comment["id"]]
    assert [h["source"] for h in found] == ["text", "text"]
    assert marked(found[0]) == ["заказ"] and marked(found[1]) == ["Заказы"]
    assert found[0]["created_at"] < found[1]["created_at"]

    assert marked(hits(owner, cid, "доставка")[0]) == ["доставку"]
    [refund] = hits(owner, cid, "refunded")
    assert marked(refund) == ["refunds"]
    assert marked(hits(owner, cid, "orders")[0]) == ["ordering"]
    # Both words must be there (either language's forms).
    assert len(hits(owner, cid, "заказ неделя")) == 1
    assert hits(owner, cid, "заказ refund") == []
    # Numbers and names as written ('simple').
    assert [h["message_id"] for h in hits(owner, cid, "2")] == [comment["id"]]
    assert hits(owner, cid, "pizza") == []


def test_a_long_message_gives_an_excerpt_around_the_match(
    http: httpx.Client, tenant: Tenant
) -> None:
    channel = tenant.new_channel()
    text = " ".join(["слово"] * 60 + ["посылка", "пришла", "мятой"] + ["конец"] * 60)
    cid = _say(http, channel, text)["conversation_id"]
    [hit] = hits(tenant.owner, cid, "посылки")
    assert hit["excerpt"].startswith("… ") and hit["excerpt"].endswith(" …")
    assert "посылка пришла мятой" in hit["excerpt"] and len(hit["excerpt"]) < 250
    assert marked(hit) == ["посылка"]


def test_voice_messages_are_found_by_their_transcript(
    http: httpx.Client, tenant: Tenant, settings: Settings
) -> None:
    from sqlalchemy import select

    from omnibox.models import Attachment, Transcript

    channel = tenant.new_channel()
    voice = _say(
        http,
        channel,
        "",
        attachments=[
            {
                "data": base64.b64encode(b"not really audio").decode(),
                "media_type": "text/plain",
                "filename": "voice.txt",
            }
        ],
    )
    cid = voice["conversation_id"]
    text_hit = _say(http, channel, "Я про товар из голосового")

    async def transcribe(session: Any) -> None:
        attachment = (
            await session.execute(
                select(Attachment).where(Attachment.message_id == uuid.UUID(voice["message_id"]))
            )
        ).scalar_one()
        session.add(
            Transcript(
                workspace_id=attachment.workspace_id,
                attachment_id=attachment.id,
                message_id=attachment.message_id,
                status="done",
                text="Хочу вернуть товары, они пришли бракованные.",
                language="ru",
            )
        )

    run_db(settings, transcribe)
    found = hits(tenant.owner, cid, "товар")
    assert [(h["message_id"], h["source"]) for h in found] == [
        (voice["message_id"], "transcript"),
        (text_hit["message_id"], "text"),
    ]
    assert marked(found[0]) == ["товары"]


def test_only_those_who_see_the_conversation_can_search_it(
    http: httpx.Client, tenant: Tenant, make_tenant: Any
) -> None:
    cid = open_conversation(http, tenant, text="секретный заказ")
    other = make_tenant()
    assert search(other.owner, cid, "заказ").status_code == 404
    agent = tenant.new_agent()
    assert len(search(agent, cid, "заказ").json()["hits"]) == 1
    set_preferences(tenant, agent_visibility="assigned")
    hidden = search(agent, cid, "заказ")
    assert hidden.status_code == 404
    assert hidden.headers["content-type"] == "application/problem+json"
    assert search(tenant.owner, str(uuid.uuid4()), "заказ").status_code == 404


@pytest.mark.parametrize("q", ["", "   "])
def test_an_empty_query_is_refused(http: httpx.Client, tenant: Tenant, q: str) -> None:
    cid = open_conversation(http, tenant)
    response = search(tenant.owner, cid, q)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_punctuation_only_or_stop_words_find_nothing_without_failing(
    http: httpx.Client, tenant: Tenant
) -> None:
    cid = open_conversation(http, tenant, text="It is what it is!")
    assert hits(tenant.owner, cid, "!!! ???") == []
    assert hits(tenant.owner, cid, '"unclosed quote') == []
    # Stop words still match as written.
    assert len(hits(tenant.owner, cid, "what")) == 1


def test_the_limit_keeps_the_newest_matches(http: httpx.Client, tenant: Tenant) -> None:
    channel = tenant.new_channel()
    sent = [_say(http, channel, f"заказ {i}") for i in range(5)]
    cid = sent[0]["conversation_id"]
    response = search(tenant.owner, cid, "заказ", limit=2)
    assert [h["message_id"] for h in response.json()["hits"]] == [
        sent[3]["message_id"],
        sent[4]["message_id"],
    ]


def test_highlight_offsets_count_utf16_units_and_cuts_show_an_ellipsis() -> None:
    original = "Привет 👋 мой заказ пришёл, заказ хороший"
    headline = f"👋 мой {START}заказ{STOP} пришёл, {START}заказ{STOP}"
    excerpt, spans = highlighted(headline, original)
    assert excerpt == "… 👋 мой заказ пришёл, заказ …"
    # The emoji counts two (as in JavaScript): 2 + 2 + 1 + 4 = 9.
    assert spans == [(9, 14), (23, 28)]
    utf16 = excerpt.encode("utf-16-le")
    assert [utf16[2 * a : 2 * b].decode("utf-16-le") for a, b in spans] == ["заказ", "заказ"]
    whole, whole_spans = highlighted(f"{START}Заказ{STOP} готов", "Заказ готов")
    assert whole == "Заказ готов" and whole_spans == [(0, 5)]
