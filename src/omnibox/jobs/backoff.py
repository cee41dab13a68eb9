from __future__ import annotations


def backoff_seconds(attempt: int, *, base: float = 2.0, cap: float = 600.0) -> float:
    """Exponential backoff after the ``attempt``-th failure (1-based): 2, 4, 8, ... capped."""
    return float(min(cap, base**attempt))
