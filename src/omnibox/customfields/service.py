"""Custom contact fields: definitions per workspace, and checking values against them."""

from __future__ import annotations

import math
import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from omnibox.customfields.schemas import CustomFieldIn, CustomFieldOut, CustomFieldPatch
from omnibox.errors import Conflict, InvalidPayload, NotFound
from omnibox.models import CustomFieldDefinition


def field_out(d: CustomFieldDefinition) -> CustomFieldOut:
    return CustomFieldOut(
        id=d.id,
        key=d.key,
        label=d.label,
        kind=d.kind,
        options=d.options,
        position=d.position,
    )


async def definitions(
    session: AsyncSession, workspace_id: uuid.UUID
) -> dict[str, CustomFieldDefinition]:
    rows = await session.execute(
        select(CustomFieldDefinition)
        .where(CustomFieldDefinition.workspace_id == workspace_id)
        .order_by(CustomFieldDefinition.position, CustomFieldDefinition.key)
    )
    return {d.key: d for d in rows.scalars()}


def _options(kind: str, options: list[str]) -> list[str]:
    cleaned = [o.strip() for o in options if o.strip()]
    if kind == "list":
        if not cleaned:
            raise _invalid("options", "A list field needs at least one option.")
        if len(set(cleaned)) != len(cleaned):
            raise _invalid("options", "Options must be different from each other.")
        return cleaned
    if cleaned:
        raise _invalid("options", "Only list fields have options.")
    return []


def _invalid(field: str, detail: str) -> InvalidPayload:
    return InvalidPayload(detail, errors=[{"field": field, "message": detail}])


async def create_field(
    session: AsyncSession, workspace_id: uuid.UUID, body: CustomFieldIn
) -> CustomFieldOut:
    existing = await definitions(session, workspace_id)
    if body.key in existing:
        raise Conflict(f"A field with the key {body.key!r} already exists.")
    definition = CustomFieldDefinition(
        workspace_id=workspace_id,
        key=body.key,
        label=body.label.strip(),
        kind=body.kind,
        options=_options(body.kind, body.options),
        position=body.position,
    )
    session.add(definition)
    try:
        await session.flush()
    except IntegrityError as exc:
        raise Conflict(f"A field with the key {body.key!r} already exists.") from exc
    return field_out(definition)


async def _get(
    session: AsyncSession, workspace_id: uuid.UUID, field_id: uuid.UUID
) -> CustomFieldDefinition:
    definition = (
        await session.execute(
            select(CustomFieldDefinition).where(
                CustomFieldDefinition.id == field_id,
                CustomFieldDefinition.workspace_id == workspace_id,
            )
        )
    ).scalar_one_or_none()
    if definition is None:
        raise NotFound("No such custom field.")
    return definition


async def update_field(
    session: AsyncSession, workspace_id: uuid.UUID, field_id: uuid.UUID, body: CustomFieldPatch
) -> CustomFieldOut:
    definition = await _get(session, workspace_id, field_id)
    if body.label is not None:
        definition.label = body.label.strip()
    if body.options is not None:
        definition.options = _options(definition.kind, body.options)
    if body.position is not None:
        definition.position = body.position
    await session.flush()
    return field_out(definition)


async def delete_field(session: AsyncSession, workspace_id: uuid.UUID, field_id: uuid.UUID) -> None:
    """The definition goes; values already stored on contacts stay (and show as unknown)."""
    await session.delete(await _get(session, workspace_id, field_id))
    await session.flush()


def check_value(definition: CustomFieldDefinition, value: Any) -> Any:
    """The value to store, or InvalidPayload naming the field."""
    name = f"custom_fields.{definition.key}"
    kind = definition.kind
    if kind == "text":
        if not isinstance(value, str) or len(value) > 2000:
            raise _invalid(name, f"{definition.label}: text of at most 2000 characters.")
        return value
    if kind == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise _invalid(name, f"{definition.label}: a number.")
        return value
    if kind == "checkbox":
        if not isinstance(value, bool):
            raise _invalid(name, f"{definition.label}: true or false.")
        return value
    if kind == "date":
        if isinstance(value, str):
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        raise _invalid(name, f"{definition.label}: a date as YYYY-MM-DD.")
    if kind == "list":
        if value not in definition.options:
            raise _invalid(
                name, f"{definition.label}: one of " + ", ".join(definition.options) + "."
            )
        return value
    raise _invalid(name, f"{definition.label}: unknown field kind {kind}.")


async def checked_values(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    current: dict[str, Any],
    changes: dict[str, Any],
) -> dict[str, Any]:
    """``current`` with ``changes`` applied (null removes a value), every value checked."""
    known = await definitions(session, workspace_id)
    merged = dict(current)
    for key, value in changes.items():
        definition = known.get(key)
        if definition is None:
            raise _invalid(f"custom_fields.{key}", f"There is no custom field {key!r}.")
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = check_value(definition, value)
    return merged
