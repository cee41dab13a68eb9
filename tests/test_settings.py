from __future__ import annotations

from pathlib import Path

from omnibox.settings import Settings


def test_a_generated_secret_is_kept_in_the_data_dir_and_reused(tmp_path: Path) -> None:
    first = Settings(data_dir=tmp_path, secret_key=None).resolved_secret_key()
    assert len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    # A restart (new settings, same data dir) signs with the same key.
    assert Settings(data_dir=tmp_path, secret_key=None).resolved_secret_key() == first


def test_a_configured_secret_wins_and_writes_nothing(tmp_path: Path) -> None:
    assert (
        Settings(data_dir=tmp_path, secret_key="configured").resolved_secret_key() == "configured"
    )
    assert not (tmp_path / "secret_key").exists()
