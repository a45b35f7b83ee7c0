"""``bot.config``: the environment read in one place, each bad value named with its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR, ConfigError, load_settings


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings({"ECOSYS_HOME": str(tmp_path)})
    assert settings.home == tmp_path
    assert settings.data_dirs == (REPO_DATA_DIR, LANDSCAPE_SNAPSHOT)  # the shipped landscape, no import step
    assert settings.landscape_refresh_days == 7
    assert settings.database_url == f"sqlite:///{tmp_path / 'ecosys.db'}"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.port == 3000 and not settings.run_scheduler and settings.query_log_days == 90


def test_imported_landscape_is_read_beside_the_curated_data(tmp_path: Path) -> None:
    (tmp_path / "landscape").mkdir()
    extra = tmp_path / "team-data"
    settings = load_settings({"ECOSYS_HOME": str(tmp_path), "ECOSYS_DATA_DIRS": str(extra)})
    assert settings.data_dirs == (REPO_DATA_DIR, extra, tmp_path / "landscape")


@pytest.mark.parametrize(("value", "days"), [("off", 0), ("daily", 1), ("WEEKLY", 7)])
def test_landscape_refresh_schedule(tmp_path: Path, value: str, days: int) -> None:
    settings = load_settings({"ECOSYS_HOME": str(tmp_path), "ECOSYS_LANDSCAPE_REFRESH": value})
    assert settings.landscape_refresh_days == days


@pytest.mark.parametrize(
    ("name", "value"), [("ECOSYS_LANDSCAPE_REFRESH", "hourly"), ("ECOSYS_LANDSCAPE_URL", "ftp://x/l.yml")]
)
def test_landscape_settings_name_the_fix(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({"ECOSYS_HOME": str(tmp_path), name: value})


def test_values_are_read(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "ECOSYS_HOME": str(tmp_path),
            "PORT": "8080",
            "SLACK_API_URL": "http://127.0.0.1:9999/api",
            "ECOSYS_RUN_SCHEDULER": "yes",
            "ECOSYS_QUERY_LOG_DAYS": "30",
            "DATABASE_URL": "postgres://u@h/db",
        }
    )
    assert settings.port == 8080 and settings.run_scheduler and settings.query_log_days == 30
    assert settings.slack_api_url == "http://127.0.0.1:9999/api/"
    assert settings.database_url == "postgres://u@h/db"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "http"),
        ("PORT", "70000"),
        ("SLACK_API_URL", "slack.com/api"),
        ("ECOSYS_RUN_SCHEDULER", "maybe"),
        ("ECOSYS_QUERY_LOG_DAYS", "0"),
        ("ECOSYS_QUERY_LOG_DAYS", "forever"),
    ],
)
def test_a_bad_value_names_the_variable_and_the_fix(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({"ECOSYS_HOME": str(tmp_path), name: value})
    message = str(raised.value)
    assert message.startswith(f"{name}=") and ":" in message and "\n" not in message


def test_home_that_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "f"
    file.write_text("x")
    with pytest.raises(ConfigError, match="ECOSYS_HOME"):
        load_settings({"ECOSYS_HOME": str(file)})
