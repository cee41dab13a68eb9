"""The variables parser and filler on their own (no database)."""

from __future__ import annotations

import pytest

from omnibox.messages.variables import (
    EmptyVariable,
    Resolved,
    UnknownVariable,
    check_known,
    fill,
    format_value,
    person_name,
    placeholders,
    split_name,
)

VALUES = {
    r.key: r
    for r in (
        Resolved("contact.first_name", "Contact first name", "Иван"),
        Resolved("contact.last_name", "Contact last name", ""),
        Resolved("contact.phone", "Contact phone", "+7 916 555-12-67"),
        Resolved("agent.name", "Agent name", "Ольга"),
        Resolved("contact.custom.city", "Город", "   "),
    )
}


def test_russian_text_is_filled_around_the_variables() -> None:
    text = "Здравствуйте, {{contact.first_name}}! Меня зовут {{ agent.name }}."
    assert fill(text, VALUES) == "Здравствуйте, Иван! Меня зовут Ольга."


def test_a_text_without_variables_is_returned_as_is() -> None:
    assert fill("Привет! {not a variable} }} {", {}) == "Привет! {not a variable} }} {"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear {{contact.last_name|customer}}", "Dear customer"),
        ("Dear {{contact.last_name| дорогой клиент }}!", "Dear дорогой клиент!"),
        # A fallback is only for empty values.
        ("Hi {{contact.first_name|there}}", "Hi Иван"),
        # Only spaces is empty too.
        ("City: {{contact.custom.city|unknown}}", "City: unknown"),
        # An explicit empty fallback: empty is fine.
        ("Hi{{contact.last_name|}}!", "Hi!"),
        # The fallback is everything after the first bar.
        ("{{contact.last_name|a|b}}", "a|b"),
    ],
)
def test_fallbacks(text: str, expected: str) -> None:
    assert fill(text, VALUES) == expected


def test_an_empty_value_without_fallback_names_the_variable_and_suggests_one() -> None:
    with pytest.raises(EmptyVariable) as caught:
        fill("Dear {{contact.last_name}}", VALUES)
    assert caught.value.status == 422
    assert caught.value.detail == (
        "“Contact last name” is empty for this contact: add a fallback, "
        "e.g. {{contact.last_name|there}}"
    )
    with pytest.raises(EmptyVariable) as custom:
        fill("{{contact.custom.city}}", VALUES)
    assert "“Город” is empty" in custom.value.detail
    assert "{{contact.custom.city|…}}" in custom.value.detail


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Hi {{foo}}", "{{foo}}"),
        ("Hi {{ contact.middle_name | x }}", "{{contact.middle_name}}"),
        ("Hi {{}}", "{{}}"),
        ("{{Contact.First_Name}}", "{{Contact.First_Name}}"),
    ],
)
def test_unknown_keys_are_refused_not_sent(text: str, written: str) -> None:
    with pytest.raises(UnknownVariable) as caught:
        fill(text, VALUES)
    assert caught.value.detail == f"Unknown variable {written}"
    with pytest.raises(UnknownVariable):
        check_known(text, VALUES)


@pytest.mark.parametrize(
    "text",
    [
        "Hi {{contact.first_name",
        "Hi {{contact.first_name}",
        "Hi {contact.first_name}}",
        "Hi {{contact.first_name\n}}",
        "{{{{",
    ],
)
def test_unclosed_braces_stay_text(text: str) -> None:
    assert placeholders(text) == []
    assert fill(text, VALUES) == text


def test_a_closed_variable_after_an_unclosed_one_is_still_filled() -> None:
    assert fill("{{ oops {{contact.first_name}}", VALUES) == "{{ oops Иван"


def test_check_known_accepts_known_keys_whatever_their_values() -> None:
    check_known("{{contact.last_name}} {{agent.name|x}}", VALUES)


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (True, "yes"), (False, "no"), (3.0, "3"), (2.5, "2.5"), (7, "7"), ("x", "x")],
)
def test_custom_values_as_text(value: object, text: str) -> None:
    assert format_value(value) == text


def test_names_that_are_really_numbers_or_addresses_are_empty() -> None:
    assert person_name(" Анна Каренина ", phone=None, email=None) == "Анна Каренина"
    assert person_name("+79165551267", phone="+79165551267", email=None) == ""
    assert person_name("ivan@example.com", phone=None, email="ivan@example.com") == ""
    assert person_name("123456789", phone=None, email=None) == ""
    assert split_name("Анна Андреевна Каренина") == ("Анна", "Андреевна Каренина")
    assert split_name("Cher") == ("Cher", "")
    assert split_name("") == ("", "")
