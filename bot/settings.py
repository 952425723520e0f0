"""Settings from the environment (prefix ``BOT_``) and ``.env``; read once, by the CLI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.search import Thresholds

_MATCHING = Thresholds()
"""The calibrated defaults live with the search; settings only let an operator move them."""

TOKEN_PATTERN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{20,}$")


class Settings(BaseSettings):
    """Everything an operator can set; each field is listed in `.env.example`."""

    model_config = SettingsConfigDict(
        env_prefix="BOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    telegram_token: str = ""
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_path: Path = Path("data/bot.sqlite3")
    knowledge_dir: Path = Path("knowledge")
    api_base_url: str = "https://api.telegram.org/bot"

    answer_threshold: float = Field(_MATCHING.answer, ge=0, le=1)
    clear_answer_threshold: float = Field(_MATCHING.clear, ge=0, le=1)
    clear_answer_margin: float = Field(_MATCHING.margin, ge=0, le=1)
    suggest_threshold: float = Field(_MATCHING.suggest, ge=0, le=1)
    page_size: int = Field(300, ge=80, le=3500)
    context_ttl_minutes: float = Field(30, gt=0)

    flood_limit_per_minute: int = Field(12, ge=1)
    rate_limiter: bool = True
    poll_interval: float = Field(0.0, ge=0)
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(8443, ge=1, le=65535)
    webhook_secret: str = ""
    watch_knowledge: bool = True
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.replace(";", ",").split(",")]
            return frozenset(int(part) for part in parts if part)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @property
    def has_token(self) -> bool:
        """Whether a Telegram token is configured at all (well-formed or not)."""
        return bool(self.telegram_token.strip())

    def token_problem(self) -> str | None:
        """One sentence on what is wrong with the token, or None when it looks valid."""
        token = self.telegram_token.strip()
        if not token:
            return "No Telegram token: set BOT_TELEGRAM_TOKEN in .env (ask @BotFather for one)."
        if not TOKEN_PATTERN.match(token):
            return (
                "BOT_TELEGRAM_TOKEN does not look like a bot token "
                "(expected digits, a colon and 20+ letters, as @BotFather gives it)."
            )
        return None
