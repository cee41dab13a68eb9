from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Computed,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from omnibox.models.base import Base, CreatedMixin, IdMixin, utcnow

# ``unaccent`` is only STABLE (it reads a dictionary); the migration wraps it in an
# IMMUTABLE SQL function bound to the dictionary, so it can feed generated columns and indexes.
UNACCENT_FN = "omnibox_unaccent"
# Tags match case-insensitively: ``omnibox_tag_keys(tags)`` is their lower-cased forms (an
# IMMUTABLE SQL function of the migration), kept in ``tag_keys`` for the GIN index filters use.
TAG_KEYS_FN = "omnibox_tag_keys"


class Contact(IdMixin, CreatedMixin, Base):
    __tablename__ = "contacts"
    __table_args__ = (
        Index(
            "ix_contacts_search_name_trgm",
            "search_name",
            postgresql_using="gin",
            postgresql_ops={"search_name": "gin_trgm_ops"},
        ),
        # Custom inboxes filter on custom field values (containment, @>).
        Index(
            "ix_contacts_custom_fields",
            "custom_fields",
            postgresql_using="gin",
            postgresql_ops={"custom_fields": "jsonb_path_ops"},
        ),
        Index(
            "ix_contacts_phone_digits_trgm",
            "phone_digits",
            postgresql_using="gin",
            postgresql_ops={"phone_digits": "gin_trgm_ops"},
        ),
        # "Has any of these tags" (custom inboxes, the list's tag filter): tag_keys && keys.
        Index("ix_contacts_tag_keys", "tag_keys", postgresql_using="gin"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str | None] = mapped_column(String(64), default=None)
    email: Mapped[str | None] = mapped_column(String(320), default=None)
    language: Mapped[str | None] = mapped_column(String(16), default=None)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
    blocked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    # As spelled when first given (``contacts.tags.normalized_tags``): case-insensitively
    # unique, in the order they were added.
    tags: Mapped[list[str]] = mapped_column(
        ARRAY(Text), default=list, server_default=text("'{}'::text[]")
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Search keys kept by PostgreSQL itself: name and e-mail lower-cased without accents
    # ("Ё" -> "е"), and the phone's digits.
    search_name: Mapped[str] = mapped_column(
        Text,
        Computed(
            f"lower({UNACCENT_FN}(coalesce(name, '') || ' ' || coalesce(email, '')))",
            persisted=True,
        ),
    )
    phone_digits: Mapped[str] = mapped_column(
        Text, Computed("regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')", persisted=True)
    )
    tag_keys: Mapped[list[str]] = mapped_column(
        ARRAY(Text), Computed(f"{TAG_KEYS_FN}(tags)", persisted=True)
    )


class ContactHandle(IdMixin, CreatedMixin, Base):
    """The contact's identity on one channel."""

    __tablename__ = "contact_handles"
    __table_args__ = (UniqueConstraint("channel_id", "external_id"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    channel_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(300))
