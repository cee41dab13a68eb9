"""Dynamic variables in a message or snippet text: ``{{contact.first_name}}``, or with a
fallback for when the value is empty, ``{{contact.first_name|there}}``.

Pure: parsing and filling only. Which values a conversation has is ``variable_values``.

* Everything between ``{{`` and ``}}`` on one line is a variable: an unknown key is an error
  rather than literal text, so a mistyped variable never reaches a customer as ``{{cnotact..}}``.
* An unclosed ``{{`` (or a lone ``}}``) is plain text.
* The fallback is the text after the first ``|``, trimmed; ``{{key|}}`` says "empty is fine".
* An empty value (nothing, or only spaces) takes the fallback; without one it is an error
  that names the variable, so the agent can add one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from omnibox.errors import InvalidPayload

_PLACEHOLDER = re.compile(r"\{\{([^{}\n]*)\}\}")

CUSTOM_PREFIX = "contact.custom."


@dataclass(frozen=True)
class Variable:
    key: str
    label: str
    example: str | None = None


@dataclass(frozen=True)
class Resolved:
    key: str
    label: str
    value: str  # "" when the contact (or agent) has none


BUILTIN_VARIABLES: tuple[Variable, ...] = (
    Variable("contact.first_name", "Contact first name", "Ivan"),
    Variable("contact.last_name", "Contact last name", "Petrov"),
    Variable("contact.name", "Contact name", "Ivan Petrov"),
    Variable("contact.phone", "Contact phone", "+7 916 555-12-67"),
    Variable("contact.email", "Contact e-mail", "ivan@example.com"),
    Variable("agent.name", "Agent name", "Olga"),
    Variable("workspace.name", "Workspace name", "Acme"),
)

# Keys whose natural fallback is a greeting word ("Hi {{contact.first_name|there}}").
_NAME_KEYS = frozenset({"contact.first_name", "contact.last_name", "contact.name"})


def custom_variable(field_key: str, label: str) -> Variable:
    return Variable(CUSTOM_PREFIX + field_key, label)


@dataclass(frozen=True)
class Placeholder:
    start: int
    end: int
    key: str
    fallback: str | None  # None: no ``|`` at all

    @property
    def written(self) -> str:
        return "{{" + self.key + "}}"


def placeholders(text: str) -> list[Placeholder]:
    found = []
    for match in _PLACEHOLDER.finditer(text):
        inside = match.group(1)
        key, bar, fallback = inside.partition("|")
        found.append(
            Placeholder(
                start=match.start(),
                end=match.end(),
                key=key.strip(),
                fallback=fallback.strip() if bar else None,
            )
        )
    return found


class UnknownVariable(InvalidPayload):
    def __init__(self, placeholder: Placeholder) -> None:
        detail = f"Unknown variable {placeholder.written}"
        super().__init__(detail, errors=[{"field": "text", "message": detail}])


class EmptyVariable(InvalidPayload):
    def __init__(self, variable: Resolved) -> None:
        whose = "this contact" if variable.key.startswith("contact.") else "this conversation"
        example = "there" if variable.key in _NAME_KEYS else "…"
        detail = (
            f"“{variable.label}” is empty for {whose}: add a fallback, "
            f"e.g. {{{{{variable.key}|{example}}}}}"
        )
        super().__init__(detail, errors=[{"field": "text", "message": detail}])


def check_known(text: str, known: Collection[str]) -> None:
    """Refuse a text with a variable that doesn't exist (values don't matter yet)."""
    for placeholder in placeholders(text):
        if placeholder.key not in known:
            raise UnknownVariable(placeholder)


def fill(text: str, variables: Mapping[str, Resolved]) -> str:
    """``text`` with every variable replaced; UnknownVariable / EmptyVariable otherwise."""
    found = placeholders(text)
    if not found:
        return text
    check_known(text, variables)
    parts: list[str] = []
    at = 0
    for placeholder in found:
        variable = variables[placeholder.key]
        value = variable.value if variable.value.strip() else placeholder.fallback
        if value is None:
            raise EmptyVariable(variable)
        parts += [text[at : placeholder.start], value]
        at = placeholder.end
    parts.append(text[at:])
    return "".join(parts)


def format_value(value: Any) -> str:
    """A custom field's stored value as text (numbers without a needless ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def person_name(name: str, *, phone: str | None, email: str | None) -> str:
    """The contact's name if it is a name: contacts who never gave one are named after their
    number, e-mail or channel id, and "Hi +79165551267" is not a greeting."""
    name = name.strip()
    if name in (phone, email) or not any(ch.isalpha() for ch in name):
        return ""
    return name


def split_name(name: str) -> tuple[str, str]:
    """First word, and the rest (contacts have one name field)."""
    first, _, rest = name.strip().partition(" ")
    return first, rest.strip()
