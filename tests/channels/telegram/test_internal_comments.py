"""An internal comment in a Telegram conversation never reaches the Bot API."""

from __future__ import annotations

from tests.channels.telegram.conftest import Telegram

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_comments_with_files_stay_inside_only_the_reply_goes_out(telegram: Telegram) -> None:
    conversation_id = telegram.say("Is it in stock?")["conversation_id"]
    file_id = telegram.upload("stock.pdf", PDF)
    comment = telegram.reply(
        conversation_id, text="Ask the warehouse first", attachment_ids=[file_id], internal=True
    )
    assert comment["kind"] == "comment" and comment["status"] == "sent"
    reply = telegram.reply(conversation_id, text="Yes, it is!")
    telegram.wait_message(conversation_id, reply["id"], lambda m: m["status"] == "sent")
    # The reply was sent after the comment was stored: had the comment gone out, it would be
    # among the calls by now.
    bot_id = str(telegram.bot.id)
    sends = [
        c
        for c in telegram.api.calls
        if c.method.startswith("send") and c.token.partition(":")[0] == bot_id
    ]
    assert [(c.method, c.params.get("text")) for c in sends] == [("sendmessage", "Yes, it is!")]
    assert telegram.message(conversation_id, comment["id"])["status"] == "sent"
