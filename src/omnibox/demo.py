"""``omnibox demo``: believable contacts, conversations and messages, a voice note among them.

Everything goes through the real ingestion path (an API channel), so the demo data looks
exactly like what a connected channel produces.
"""

from __future__ import annotations

import random
from datetime import timedelta
from importlib import resources

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.channels.base import InboundAttachment, InboundContact, InboundMessage
from omnibox.channels.service import create_api_channel
from omnibox.errors import NotFound
from omnibox.media.storage import LocalStorage
from omnibox.messages.inbound import ingest
from omnibox.models import (
    AuthorType,
    Channel,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Membership,
    Message,
    MessageKind,
    Role,
    Workspace,
)
from omnibox.models.base import utcnow
from omnibox.settings import Settings

# (contact, phone, e-mail, [(direction, text)]); Russian and English, as our users write.
_CONVERSATIONS: list[tuple[str, str | None, str | None, list[tuple[str, str]]]] = [
    (
        "Анна Смирнова",
        "+79161234567",
        "anna.smirnova@example.ru",
        [
            ("in", "Здравствуйте! Подскажите, доставка в Казань сколько занимает?"),
            ("out", "Добрый день, Анна! Обычно 3–4 рабочих дня."),
            ("in", "Отлично, тогда оформляю заказ 🙂"),
        ],
    ),
    (
        "Michael Brown",
        "+14155550123",
        "m.brown@example.com",
        [
            ("in", "Hi, I was charged twice for order #10482. Can you check?"),
            (
                "out",
                "Hi Michael, sorry about that. I see two charges; refunding the second one now.",
            ),
            ("in", "Thanks! How long until it shows on my card?"),
        ],
    ),
    (
        "Дмитрий Волков",
        "+79031112233",
        None,
        [
            ("in", "Добрый вечер. Ваш менеджер обещал перезвонить, но так и не позвонил."),
        ],
    ),
    (
        "Sofia García",
        None,
        "sofia.garcia@example.es",
        [
            ("in", "Hello! Do you ship to Spain?"),
            ("out", "Hola Sofia! Yes, we ship to all EU countries, usually within a week."),
        ],
    ),
    (
        "Ольга Кузнецова",
        "+79257654321",
        "olga.k@example.ru",
        [
            ("in", "Можно поменять размер куртки на L? Заказ ещё не отправлен."),
            ("out", "Ольга, конечно, поменяли на L. Отправим завтра."),
            ("in", "Спасибо большое!"),
        ],
    ),
    (
        "James Wilson",
        "+447700900123",
        None,
        [
            ("in", "Is the Pro plan billed monthly or yearly?"),
        ],
    ),
]


async def fill_demo(session: AsyncSession, settings: Settings, workspace_name: str | None) -> str:
    stmt = select(Workspace).order_by(Workspace.created_at)
    if workspace_name:
        stmt = stmt.where(Workspace.name == workspace_name)
    workspace = (await session.execute(stmt.limit(1))).scalar_one_or_none()
    if workspace is None:
        raise NotFound(
            f"No workspace {workspace_name!r}." if workspace_name else "No workspace yet."
        )
    agent_id = (
        await session.execute(
            select(Membership.user_id)
            .where(Membership.workspace_id == workspace.id)
            .order_by(Membership.role != Role.owner, Membership.created_at)
            .limit(1)
        )
    ).scalar_one()
    created = await create_api_channel(
        session, settings, workspace.id, name="Website (demo)", callback_url=None
    )
    channel = await session.get(Channel, created.id)
    assert channel is not None
    storage = LocalStorage(settings.files_dir)
    rng = random.Random(7)
    now = utcnow()
    count = 0
    for index, (name, phone, email, lines) in enumerate(_CONVERSATIONS):
        contact = InboundContact(external_id=f"demo-{index}", name=name, phone=phone, email=email)
        start = now - timedelta(hours=index * 5 + rng.randint(1, 4))
        for position, (direction, text) in enumerate(lines):
            at = start + timedelta(minutes=position * rng.randint(2, 9))
            if direction == "in":
                result = await ingest(
                    session,
                    channel,
                    InboundMessage(
                        external_id=f"demo-{index}-{position}", contact=contact, text=text
                    ),
                    storage=storage,
                    max_attachment_bytes=settings.max_attachment_bytes,
                )
                message_id, conversation_id = result.message_id, result.conversation_id
                await session.execute(
                    update(Message).where(Message.id == message_id).values(created_at=at)
                )
            else:
                message = Message(
                    workspace_id=workspace.id,
                    conversation_id=conversation_id,
                    channel_id=channel.id,
                    direction=Direction.outgoing,
                    author_type=AuthorType.user,
                    author_user_id=agent_id,
                    kind=MessageKind.text,
                    text=text,
                    status=DeliveryStatus.delivered,
                    created_at=at,
                )
                session.add(message)
                await session.flush()
                message_id = message.id
            await session.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id)
                .values(last_message_id=message_id, last_message_at=at)
            )
            count += 1
    # A voice note, as a messenger delivers it (Ogg/Opus).
    voice = resources.files("omnibox").joinpath("demo_data/voice_note.ogg").read_bytes()
    result = await ingest(
        session,
        channel,
        InboundMessage(
            external_id="demo-voice-1",
            contact=InboundContact(external_id="demo-2", name="Дмитрий Волков"),
            attachments=[
                InboundAttachment(media_type="audio/ogg", filename="voice_note.ogg", data=voice)
            ],
        ),
        storage=storage,
        max_attachment_bytes=settings.max_attachment_bytes,
    )
    # Two conversations are already dealt with.
    closed = (
        (
            await session.execute(
                select(Conversation.id)
                .where(
                    Conversation.workspace_id == workspace.id,
                    Conversation.last_channel_id == channel.id,
                )
                .order_by(Conversation.last_message_at)
                .limit(2)
            )
        )
        .scalars()
        .all()
    )
    await session.execute(
        update(Conversation)
        .where(Conversation.id.in_(closed))
        .values(status=ConversationStatus.closed, closed_at=now)
    )
    return (
        f"Filled {workspace.name!r}: {len(_CONVERSATIONS)} contacts, "
        f"{count + 1} messages (one voice note)."
    )
