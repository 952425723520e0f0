from pathlib import Path

import pytest
from ruamel.yaml import YAML

from bot.core.ingest import (
    clean_article,
    draft_entries,
    question_from_heading,
    render_drafts,
    split_sections,
    table_pairs,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BOILERPLATE = (
    "成都创新互联",
    "MySQL",
    "Redis",
    "相关推荐",
    "相关文章",
    "4000-747-360",
    "582059487",
    "http",
    "发布者",
    "Like (0)",
    "本文标题",
    "当前路径",
    "Please Login",
    "欢迎访问我们平台",
    "Previous",
    "DIFY",
    "LeetCode",
    "Elasticsearch",
    "尖峰教育",
    "Tuningbox",
    "工作时间",
    "2024年6月12日",
    "luotuoemo",
)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_drafts_from_the_seeds_have_no_boilerplate(seed: str) -> None:
    drafts = draft_entries((SEEDS / seed).read_text(encoding="utf-8"), seed)
    assert drafts
    for draft in drafts:
        text = draft.question + "\n" + draft.answer
        assert not [b for b in BOILERPLATE if b in text], (draft.id, text[:80])


def test_seed_000_sections_become_questions() -> None:
    seed = "000_dd73dc7b91c85a01.txt"
    questions = [d.question for d in draft_entries((SEEDS / seed).read_text("utf-8"), seed)]
    assert "大模型的定义与特征有哪些？" in questions
    assert "ChatGPT的基本原理是什么？" in questions
    assert "大模型与ChatGPT的关系是什么？" in questions


def test_seed_003_tables_become_one_draft_per_row() -> None:
    seed = "003_edcab2ecdcc3eaf7.txt"
    drafts = draft_entries((SEEDS / seed).read_text("utf-8"), seed)
    questions = [d.question for d in drafts]
    for row in ("基本模型", "目标", "应用领域", "对话能力", "微调", "交互设计"):
        assert f"GPT和ChatGPT在{row}上有什么不同？" in questions
    chain = next(d for d in drafts if "思维链" in d.question)
    assert "代码数据" in chain.answer
    assert len({d.id for d in drafts}) == len(drafts)
    assert all(d.id.startswith("draft-003-") for d in drafts)


def test_clean_article_cuts_ads_links_and_tails() -> None:
    text = (
        "标题\n正文一句。\n访问 https://x.example 了解\n"
        "成都创新互联公司是工信部颁发资质IDC服务器商\n"
        "正文二句。\n相关推荐\n  • MySQL入门…\n2024年6月12日\n"
    )
    assert clean_article(text) == ["标题", "正文一句。", "正文二句。"]


def test_list_items_and_sentences_are_not_headings() -> None:
    lines = [
        "文章标题",
        "一、引言",
        "引言内容比标题长很多。",
        "  • 参数规模大:通常包含很多参数。",
        "- 自回归生成模型:每次生成一个词。",
        "2. 第二节",
        "第二节的内容在这里。",
    ]
    sections = split_sections([line.strip() for line in lines])
    assert [s.title for s in sections] == ["一、引言", "2. 第二节"]
    assert len(sections[0].lines) == 3


def test_question_from_heading() -> None:
    assert question_from_heading("二、大模型的定义与特征") == "大模型的定义与特征有哪些？"
    assert question_from_heading("chatgpt是什么意思") == "chatgpt是什么意思？"
    assert question_from_heading("ChatGPT带来的影响") == "ChatGPT带来的影响有哪些？"
    assert question_from_heading("1. 提高自然语言处理能力") == "提高自然语言处理能力是什么？"


def test_two_column_table() -> None:
    rows = ["技术 | 说明 |", "---|---|", "思维链(Chain of Thought) | 用代码训练获得推理能力 |"]
    assert table_pairs(rows) == [("什么是思维链(Chain of Thought)？", "用代码训练获得推理能力")]


def test_render_drafts_parses_back() -> None:
    drafts = draft_entries(
        "标题\n一、引言\n这是一段正文内容。\n",
        "009_x.txt",
        tokenize=lambda s: ["引言", "是", "什么"],
    )
    data = YAML(typ="safe").load(render_drafts(drafts))
    [entry] = data["entries"]
    assert entry["id"] == "draft-009-01" and entry["answer"].strip() == "这是一段正文内容。"
    assert entry["keywords"] == ["引言"] and entry["alternatives"] == []
