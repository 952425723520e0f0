"""Where an answer comes from: the article and section an entry's `source` names, in one line.

An entry's `source` reads `002_ac1126f2ad4174ea.txt#1. chatGPT介绍「quote」; ...`: seed file,
heading, quotes. Readers know the article by its title, not its file, so the titles of the
bundled seed articles (the first line of each file in seeds/, which the image does not ship;
ChatGPT written as the answers quote it) are kept here; tests/core/test_provenance.py checks
them against the seeds.
"""

from __future__ import annotations

from bot.core import phrases

ARTICLE_TITLES = {
    "000_dd73dc7b91c85a01.txt": "大模型与ChatGPT的关系",  # as the answers quote it
    "001_6546aabd4db84980.txt": "生成式AI和大模型的关系",
    "002_ac1126f2ad4174ea.txt": "ChatGPT连夜迭代的简单介绍",
    "003_edcab2ecdcc3eaf7.txt": "ChatGPT与GPT的区别与联系",
}


def source_line(source: str, *, said: str = "") -> str | None:
    """The line that says where an answer comes from (its first source); None without one.
    `said`: the part of the answer shown, when it is a part: the first source from the article
    it names (《…》), so that a sentence of one article is not put under another's title.

    A seed this module does not know (an article imported later) is named by its section only.
    """
    sources = [part.strip() for part in source.split(";")]
    first = next((part for part in sources if _title_in(part, said)), sources[0])
    file, _, where = first.partition("#")
    section = where.split("「", 1)[0].strip()
    title = ARTICLE_TITLES.get(file.strip())
    if not section and not title:
        return None
    return phrases.source_line(title, section)


def _title_in(source: str, said: str) -> bool:
    """Whether a text names the article a source (file#section) is from, as 《title》."""
    title = ARTICLE_TITLES.get(source.partition("#")[0].strip())
    return title is not None and f"《{title}》" in said
