"""Turn a scraped article into draft FAQ entries for an admin to curate.

clean_article drops the site boilerplate (ads, related-article lists, contact details, footers,
URLs); split_sections cuts the rest at headings; draft_entries makes one draft per section and
one per table row; render_drafts writes them in the knowledge file format.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.compat import StringIO
from ruamel.yaml.scalarstring import LiteralScalarString

# Everything after one of these lines is a list of other articles, comments or a footer.
_TAIL_MARKERS = re.compile(
    r"^(相关推荐|相关文章|发表回复|Please Login to Comment|联系我们)\s*[:：]?\s*$"
)
_BOILERPLATE = re.compile(
    r"https?://|www\.|发布者|转载请注明|转转请注明|^Like \(\d+\)|^Previous\b|^Next\b"
    r"|本文标题|当前路径|工信部|IDC服务器|欢迎访问我们平台|联系我们|在线咨询|QQ|邮件|工作时间|关注微信|^\d{3,4}-\d{3}-\d{3,4}$"
    r"|的头像|^[】\]]\s*[:：]?$"
)
_CHINESE_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*\S")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}\.\s*\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-•·*]|\d+[)）])\s*")
_SENTENCE_END = re.compile(r"[。！？!?；;，,：:]$")
_TABLE_SEPARATOR = re.compile(r"^[-|\s:]+$")
MAX_TITLE_CHARS = 30


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the lines under it."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DraftEntry:
    """An entry for an admin to finish: alternatives are left to them."""

    id: str
    question: str
    answer: str
    source: str
    keywords: tuple[str, ...] = field(default=())


def clean_article(text: str) -> list[str]:
    """The article's content lines, without boilerplate, blank lines or repeated title lines."""
    lines = [line.strip() for line in text.splitlines()]
    title = next((line for line in lines if line), "")
    cleaned: list[str] = []
    for number, line in enumerate(lines):
        if _TAIL_MARKERS.match(line):
            break
        if not line or _BOILERPLATE.search(line):
            continue
        if number > 0 and line == title:
            continue  # the site repeats the title inside the text
        cleaned.append(line)
    return cleaned


def is_heading(line: str, following: str | None) -> bool:
    """Whether a line is a heading: numbered, or a short title line followed by content."""
    if _LIST_ITEM.match(line) and not _NUMBERED_HEADING.match(line):
        return False
    if "|" in line:
        return False
    if _CHINESE_HEADING.match(line) or (
        _NUMBERED_HEADING.match(line) and len(line) <= MAX_TITLE_CHARS
    ):
        return True
    short = len(line) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(line)
    return short and following is not None and len(following) > len(line)


def split_sections(lines: Sequence[str]) -> list[Section]:
    """Sections at headings; text before the first heading goes under the article title."""
    if not lines:
        return []
    sections: list[Section] = []
    title, body = lines[0], list[str]()
    for index, line in enumerate(lines[1:], start=1):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if is_heading(line, following):
            sections.append(Section(title, tuple(body)))
            title, body = line, []
        else:
            body.append(line)
    sections.append(Section(title, tuple(body)))
    return [s for s in sections if s.lines]


def draft_entries(
    text: str, source: str, *, tokenize: Callable[[str], list[str]] | None = None
) -> list[DraftEntry]:
    """Draft entries from an article: one per section, one per table row.

    With `tokenize`, each draft gets the longer words of its question as keywords.
    """
    prefix = re.sub(r"[^0-9a-z]+", "-", source.lower().split("_")[0]).strip("-") or "article"
    drafts: list[DraftEntry] = []
    for section in split_sections(clean_article(text)):
        prose = [line for line in section.lines if "|" not in line]
        table = [line for line in section.lines if "|" in line]
        if prose:
            drafts.append(
                DraftEntry(
                    "",
                    question_from_heading(section.title),
                    _answer(prose),
                    f"{source}#{section.title}",
                )
            )
        for question, answer in table_pairs(table):
            drafts.append(DraftEntry("", question, answer, f"{source}#{section.title}"))
    return [
        DraftEntry(
            f"draft-{prefix}-{n:02d}",
            d.question,
            d.answer,
            d.source,
            _keywords(d.question, tokenize),
        )
        for n, d in enumerate(drafts, start=1)
    ]


def _keywords(question: str, tokenize: Callable[[str], list[str]] | None) -> tuple[str, ...]:
    if tokenize is None:
        return ()
    words = [t for t in dict.fromkeys(tokenize(question)) if len(t) >= 2 and t != "什么"]
    return tuple(words[:5])


def question_from_heading(heading: str) -> str:
    """A question drafted from a heading: '二、大模型的定义' -> '大模型的定义是什么？'."""
    title = re.sub(r"^(?:[一二三四五六七八九十]+、|\d{1,2}\.)\s*", "", heading).strip()
    title = title.rstrip("：:")
    if re.search(r"[？?]$", title) or re.search(r"(什么|吗|呢|如何|怎么|为什么|哪些)", title):
        return title.rstrip("？?") + "？"
    if title.endswith(("影响", "好处", "挑战", "特点", "特征", "前景")):
        return f"{title}有哪些？"
    return f"{title}是什么？"


def table_pairs(rows: Iterable[str]) -> list[tuple[str, str]]:
    """Question/answer pairs from `a | b | c |` rows; the first row names the columns."""
    cells = [
        [c.strip() for c in row.strip().strip("|").split("|")]
        for row in rows
        if not _TABLE_SEPARATOR.match(row)
    ]
    if len(cells) < 2:
        return []
    header, *body = cells
    pairs = []
    for row in body:
        if len(row) < 2 or not row[0]:
            continue
        if len(header) >= 3 and len(row) >= 3:
            names = [re.sub(r"[（(].*", "", h).strip() for h in header[1:]]
            question = f"{names[0]}和{names[1]}在{row[0]}上有什么不同？"
            answer = "\n".join(
                f"{name}：{value}" for name, value in zip(names, row[1:], strict=False)
            )
        else:
            question, answer = f"什么是{row[0]}？", row[1]
        pairs.append((question, answer))
    return pairs


def _answer(lines: Sequence[str]) -> str:
    return "\n".join(
        _LIST_ITEM.sub("- ", line) if _LIST_ITEM.match(line) else line for line in lines
    )


def render_drafts(drafts: Sequence[DraftEntry], topic: str = "导入草稿") -> str:
    """The drafts as a knowledge YAML file (it will not validate until alternatives are added)."""
    entries = [
        {
            "id": d.id,
            "question": d.question,
            "alternatives": [],
            "keywords": list(d.keywords),
            "answer": LiteralScalarString(d.answer + "\n"),
            "related": [],
            "source": d.source,
            "tags": ["draft"],
        }
        for d in drafts
    ]
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    out = StringIO()
    yaml.dump({"topic": topic, "entries": entries}, out)
    header = (
        "# Draft entries made by `python -m bot kb import`. Curate before use: check every\n"
        "# answer against the article, add at least 3 alternatives and keywords to each.\n"
    )
    return header + out.getvalue()
