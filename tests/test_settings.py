from pathlib import Path

import pytest
from pydantic import ValidationError

from bot import kb_commands
from bot.bootstrap import dialogue_config
from bot.core.dialogue import DialogueConfig
from bot.core.search import Thresholds
from bot.settings import Settings, describe_invalid

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented_in_env_example() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = {
        line.split("=", 1)[0]
        for line in example.splitlines()
        if "=" in line and not line.startswith("#")
    }
    expected = {f"BOT_{name.upper()}" for name in Settings.model_fields}
    assert documented == expected


def test_environment_and_admin_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_ADMIN_IDS", "12, 34,56")
    monkeypatch.setenv("BOT_PAGE_SIZE", "200")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.admin_ids == frozenset({12, 34, 56}) and settings.page_size == 200


def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_ANSWER_THRESHOLD", "7")
    with pytest.raises(ValidationError):
        Settings(_env_file=None)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("token", "ok"),
    [
        ("", False),
        ("abc", False),
        ("123456:ABCdefGhIJKlmNoPQRsTUVwxyZ12345678", True),
    ],
)
def test_token_problem(token: str, ok: bool) -> None:
    settings = Settings(_env_file=None, telegram_token=token)  # type: ignore[call-arg]
    assert (settings.token_problem() is None) is ok


def test_env_example_shows_the_real_defaults() -> None:
    """A user who copies .env.example as the README says gets the calibrated defaults."""
    values = {
        name.removeprefix("BOT_").lower(): value
        for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
        for name, value in [line.split("=", 1)]
    }
    from_example = Settings(_env_file=None, **values)  # type: ignore[arg-type]
    assert from_example == Settings(_env_file=None)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("BOT_ANSWER_THRESHOLD", "1.5", "必须是 0 到 1 之间的数"),
        ("BOT_PAGE_SIZE", "abc", "必须是 80 到 3500 之间的整数"),
        ("BOT_CONTEXT_TTL_MINUTES", "0", "必须是大于 0 的数"),
        ("BOT_LOG_LEVEL", "loud", "必须是 DEBUG、INFO、WARNING、ERROR 之一"),
        ("BOT_ADMIN_IDS", "12,x", "必须是用逗号分隔的数字 id"),
        ("BOT_RATE_LIMITER", "maybe", "必须是 true 或 false"),
    ],
)
def test_an_invalid_setting_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)  # type: ignore[call-arg]
    assert describe_invalid(caught.value) == f"{variable} {expected}（当前是 {value}）"


def test_unset_settings_give_the_cores_own_defaults() -> None:
    """Each default is defined once, in the core; the settings only let an operator move it."""
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert dialogue_config(settings) == DialogueConfig()
    assert kb_commands.thresholds(settings) == Thresholds()
