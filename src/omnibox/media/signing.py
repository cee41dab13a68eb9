"""Signed, expiring links to a file, for systems that fetch our media without a session
(a channel's API downloading an agent's attachment)."""

from __future__ import annotations

import hashlib
import hmac
import time
import uuid
from urllib.parse import quote


def _signature(secret: str, attachment_id: uuid.UUID, expires: int) -> str:
    message = f"{attachment_id}:{expires}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:32]


def signed_file_path(
    secret: str, attachment_id: uuid.UUID, filename: str, *, ttl_seconds: int = 7 * 86400
) -> str:
    expires = int(time.time()) + ttl_seconds
    signature = _signature(secret, attachment_id, expires)
    return f"/files/{attachment_id}/{expires}/{signature}/{quote(filename)}"


def verify_signature(secret: str, attachment_id: uuid.UUID, expires: int, signature: str) -> bool:
    if expires < time.time():
        return False
    return hmac.compare_digest(_signature(secret, attachment_id, expires), signature)
