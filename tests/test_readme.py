from __future__ import annotations

from pathlib import Path

from omnibox.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "make run" in first_block and "make test" in first_block


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"`OMNIBOX_{name.upper()}`" in README, name
