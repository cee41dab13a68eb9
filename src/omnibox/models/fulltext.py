"""The full-text document of a text column, shared by the GIN indexes and the queries that
must repeat the exact same expression for PostgreSQL to use them.

Three configurations at once: a message is in Russian or English (often both, or the team
can't know), names and numbers match as written ('simple'). ``russian`` stems Latin words
with the English stemmer too, but ``english`` keeps the English stop words out.

Models index ``search_document(column("text"))`` in ``__table_args__``: given the mapped
attribute instead, SQLAlchemy can't find the index's table behind the literal configuration.
The migration writes the same expression as SQL (autogenerate skips expression indexes, but
``alembic check`` compares them).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, literal_column
from sqlalchemy.dialects.postgresql import REGCONFIG, TSVECTOR

SEARCH_CONFIGS = ("english", "russian", "simple")


def regconfig(name: str) -> ColumnElement[Any]:
    # A literal, not a bound parameter: index expressions can't take parameters, and the
    # planner only matches an index whose expression is written the same way.
    return literal_column(f"'{name}'::regconfig", REGCONFIG)


def search_document(column: Any) -> ColumnElement[Any]:
    """``to_tsvector(english) || to_tsvector(russian) || to_tsvector(simple)`` of ``column``."""
    vectors = [func.to_tsvector(regconfig(name), column, type_=TSVECTOR) for name in SEARCH_CONFIGS]
    document: ColumnElement[Any] = vectors[0]
    for vector in vectors[1:]:
        document = document.op("||", return_type=TSVECTOR)(vector)
    return document
