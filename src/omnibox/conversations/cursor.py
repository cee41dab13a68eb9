"""Opaque keyset cursors for the conversation list: (sort, key time, id), base64url JSON."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from omnibox.errors import InvalidPayload


@dataclass(frozen=True)
class Cursor:
    sort: str
    key: datetime
    id: uuid.UUID

    def encode(self) -> str:
        raw = json.dumps({"s": self.sort, "k": self.key.isoformat(), "i": str(self.id)})
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str, sort: str) -> Cursor:
        try:
            raw = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
            cursor = cls(
                sort=str(raw["s"]), key=datetime.fromisoformat(raw["k"]), id=uuid.UUID(raw["i"])
            )
        except (binascii.Error, ValueError, KeyError, TypeError) as exc:
            raise _bad("This cursor is not one the server gave.") from exc
        if cursor.sort != sort:
            raise _bad(f"This cursor belongs to sort={cursor.sort}; ask again with that sort.")
        if cursor.key.tzinfo is None:
            raise _bad("This cursor is not one the server gave.")
        return cursor


def _bad(detail: str) -> InvalidPayload:
    return InvalidPayload(detail, errors=[{"field": "cursor", "message": detail}])
