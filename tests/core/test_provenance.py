"""The source line under an answer: the article's title (checked against seeds/) and section."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core import provenance
from bot.core.dialogue import ChatState, step
from bot.core.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_each_title_is_the_first_line_of_its_seed_and_every_seed_has_one() -> None:
    # Up to the case of latin letters: the answers write ChatGPT's name as ChatGPT, and the
    # source line names the article the way the answers quote it.
    firsts = {
        seed.name: seed.read_text(encoding="utf-8").splitlines()[0].strip().casefold()
        for seed in SEEDS.glob("*.txt")
    }
    titles = {name: title.casefold() for name, title in provenance.ARTICLE_TITLES.items()}
    assert firsts == titles


def test_each_title_is_written_as_the_answers_quote_it(library: Library) -> None:
    quoted = {
        title for entry in library.entries for title in re.findall(r"《(.+?)》", entry.answer)
    }
    assert set(provenance.ARTICLE_TITLES.values()) <= quoted


def test_the_line_names_the_article_and_section_of_the_first_source() -> None:
    source = (
        "002_ac1126f2ad4174ea.txt#1. chatGPT介绍「chatGPT是由OpenAI开发的」; "
        "000_dd73dc7b91c85a01.txt#三、ChatGPT的基本原理"
    )
    assert provenance.source_line(source) == "来源：《ChatGPT连夜迭代的简单介绍》· 1. chatGPT介绍"


def test_an_unknown_article_is_named_by_its_section_and_no_source_gives_no_line() -> None:
    assert provenance.source_line("999_new.txt#引言「某句」") == "来源：引言"
    assert provenance.source_line("000_dd73dc7b91c85a01.txt") == "来源：《大模型与ChatGPT的关系》"
    assert provenance.source_line("") is None


def test_every_bundled_entry_gets_a_short_line_with_a_title(library: Library) -> None:
    lines = {e.id: provenance.source_line(e.source) for e in library.entries}
    assert all(line and line.startswith("来源：《") and len(line) <= 80 for line in lines.values())


def test_a_part_shown_is_sourced_from_the_article_it_names() -> None:
    source = "000_dd73dc7b91c85a01.txt#三、ChatGPT的基本原理; 003_edcab2ecdcc3eaf7.txt#3. 区别总结"
    said = "- 《ChatGPT与GPT的区别与联系》：GPT做情感分析、摘要等下游任务通常需要微调。"
    assert provenance.source_line(source, said=said) == provenance.source_line(
        "003_edcab2ecdcc3eaf7.txt#3. 区别总结"
    )
    # A part naming no article, or an article the answer's sources lack, keeps the first.
    for other in ["GPT做情感分析。", "《生成式AI和大模型的关系》说，…"]:
        assert provenance.source_line(source, said=other) == provenance.source_line(source)


def test_an_example_shown_is_sourced_from_its_own_article(library: Library) -> None:
    # "举个例子" after 微调 showed a sentence of 《ChatGPT与GPT的区别与联系》 under the title of
    # 《大模型与ChatGPT的关系》, the entry's first source.
    state = step(ChatState(), "什么是微调", library, now=0.0)[1]
    example = step(state, "举个例子", library, now=1.0)[0]
    assert "来源：《ChatGPT与GPT的区别与联系》" in example.text
