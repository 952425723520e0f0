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


def source_line(source: str) -> str | None:
    """The line that says where an answer comes from (its first source); None without one.

    A seed this module does not know (an article imported later) is named by its section only.
    """
    first = source.split(";", 1)[0].strip()
    file, _, where = first.partition("#")
    section = where.split("「", 1)[0].strip()
    title = ARTICLE_TITLES.get(file.strip())
    if not section and not title:
        return None
    return phrases.source_line(title, section)
