"""Settings from the environment (prefix ``BOT_``) and ``.env``; read once, by the CLI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

from annotated_types import Ge, Gt, Le
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.dialogue import DialogueConfig
from bot.core.search import Thresholds

_MATCHING = Thresholds()
"""The calibrated defaults live with the search; settings only let an operator move them."""
_DIALOGUE = DialogueConfig()
"""Likewise the conversation's knobs live with the dialogue."""

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
    claim_answer_lead: float = Field(_MATCHING.claim_lead, ge=0, le=1)
    named_claim_answer_threshold: float = Field(_MATCHING.named_claim, ge=0, le=1)
    page_size: int = Field(_DIALOGUE.page_size, ge=80, le=3500)
    context_ttl_minutes: float = Field(_DIALOGUE.ttl_seconds / 60, gt=0)

    flood_limit_per_minute: int = Field(12, ge=1)
    rate_limiter: bool = True
    poll_interval: float = Field(0.0, ge=0)
    poll_timeout: int = Field(10, ge=0, le=50)
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(8443, ge=1, le=65535)
    webhook_secret: str = ""
    watch_knowledge: bool = True
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    show_source: bool = _DIALOGUE.show_source
    reply_script: Literal["auto", "simplified", "traditional"] = "auto"
    review_answers_asker: bool = False

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
            return "没有 Telegram 令牌：在 .env 里设置 BOT_TELEGRAM_TOKEN（向 @BotFather 申请）。"
        if not TOKEN_PATTERN.match(token):
            return (
                "BOT_TELEGRAM_TOKEN 不像机器人令牌"
                "（应是 @BotFather 给的：数字、冒号和 20 个以上字母）。"
            )
        return None


def describe_invalid(error: ValidationError) -> str:
    """One line per invalid setting, named as the admin sets it, with the value given."""
    return "\n".join(_describe(detail) for detail in error.errors())


def _describe(detail: Any) -> str:
    name = str(detail["loc"][0]) if detail.get("loc") else ""
    variable = f"BOT_{name.upper()}"
    got = detail.get("input")
    field = Settings.model_fields.get(name)
    expected = _expected(field.annotation, field.metadata) if field else ""
    return f"{variable} {expected or '的值无效'}（当前是 {got}）"


def _expected(annotation: Any, metadata: list[Any]) -> str:
    """What a field accepts, from its type and bounds (the pydantic message is English)."""
    low = next((m.ge for m in metadata if isinstance(m, Ge)), None)
    above = next((m.gt for m in metadata if isinstance(m, Gt)), None)
    high = next((m.le for m in metadata if isinstance(m, Le)), None)
    kind = "整数" if annotation is int else "数"
    if low is not None and high is not None:
        return f"必须是 {low:g} 到 {high:g} 之间的{kind}"
    if low is not None:
        return f"必须是不小于 {low:g} 的{kind}"
    if above is not None:
        return f"必须是大于 {above:g} 的{kind}"
    if annotation is bool:
        return "必须是 true 或 false"
    if get_origin(annotation) is Literal:
        return "必须是 " + "、".join(map(str, get_args(annotation))) + " 之一"
    if annotation is int:
        return "必须是整数"
    if annotation == frozenset[int]:
        return "必须是用逗号分隔的数字 id"
    return ""
