"""Everything the bot says that does not come from the knowledge base, in one place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core import intent

EXAMPLE_QUESTIONS = (
    "什么是大模型？",
    "ChatGPT是怎么训练的？",
    "GPT和ChatGPT有什么区别？",
    "什么是思维链？",
)
CONTINUE_BUTTON = "继续"
VOTE_UP = "👍"
VOTE_DOWN = "👎"

RESET = "好的，我们换个话题。想了解什么，直接问我吧。"
COMMENT_PROMPT = (
    "抱歉这个回答没帮上忙。能说说哪里不对或缺了什么吗？直接回复这条消息就好（不想说可以忽略）。"
)
COMMENT_PROMPT_NEXT_LINE = (
    "抱歉这个回答没帮上忙。能说说哪里不对或缺了什么吗？下一条消息就是你的意见（留空跳过）。"
)
COMMENT_THANKS = "谢谢你的意见，已经记下了，我们会用它改进回答。"
COMMENT_SKIPPED = "好的，不写意见也没关系。"
BUTTON_EXPIRED = "这个按钮已失效，请重新提问。"
VOTE_RECORDED = {1: "已记录👍，谢谢反馈！", -1: "已记录👎，谢谢反馈！"}
VOTE_CHANGED = {1: "已改为👍", -1: "已改为👎"}
VOTE_SAME = {1: "你已经点过👍了", -1: "你已经点过👎了"}
NO_CHOICES = "现在没有可以选的选项。想了解什么，直接问我吧。"
GONE = "抱歉，这个回答的内容已经被管理员更新或移除了。请重新提问。"


def answer_page(question: str, body: str, page: int, pages: int, *, source: str = "") -> str:
    """A page of an answer: the question it answers on the first page, the source line when
    given, a footer when paged."""
    parts = [f"【{question}】\n\n{body}" if page == 1 else body]
    if source:
        parts.append(source)
    if pages > 1:
        hint = "回复“继续”查看下一段" if page < pages else "完"
        parts.append(f"（{page}/{pages}）{hint}")
    return "\n\n".join(parts)


_ARTICLE = re.compile(r"《[^》]+》")


def _article(answer: str) -> str:
    """The article an answer names first (《…》), or just 文章."""
    named = _ARTICLE.search(answer)
    return named.group(0) if named else "文章"


def all_said(answer: str, heads: Sequence[str]) -> str:
    """Said to "还有啥缺点" after the whole answer: that was all its article says, and (when
    it lists points) which they were."""
    told = f"{_article(answer)}讲到的就是上面这些"
    return f"{told}：{'；'.join(heads)}。" if heads else f"{told}。"


def point_of(answer: str, head: str, says: str) -> str:
    """One point of an answer's list, said again on its own, with the article it is from."""
    return f"其中“{head}”这一点，{_article(answer)}说：{says}"


def points_of(answer: str, points: Sequence[tuple[str, str]]) -> str:
    """The points of an answer's list, without the rest of it: a head and what its line says,
    or the item alone when it has no head of its own."""
    told = f"{_article(answer)}列出的是这几点"
    lines = [
        f"- {head}：{says}" if not says.startswith(head) else f"- {says}" for head, says in points
    ]
    return told + "：\n" + "\n".join(lines)


CHINESE_ONLY = (
    "Sorry, I can only answer in Chinese: my answers quote Chinese articles."
    "（我只能用中文回答：回答都引自中文文章。）"
)
"""Said to "in English please": the answer again follows, as written."""


def in_short(gist: str) -> str:
    """The short of an answer, asked for ("一句话总结", "简单点说", "tl;dr")."""
    return f"简单说：{gist}"


def said_of_someone(sentence: str) -> str:
    """What the articles say of a person an answer named: the one sentence that names them."""
    return f"文章里说到这个人的只有这一句：\n\n{sentence}"


def not_said_of_someone(sentence: str) -> str:
    """A question about a person the articles do not answer, with the sentence that names them."""
    return f"文章没有回答这一点，说到这个人的只有这一句：\n\n{sentence}"


def with_aside(page: str, line: str) -> str:
    """A first page followed by a line of a later one, the skip marked."""
    return f"{page}\n\n……\n{line.strip()}"


_OF_WRITING = re.compile(r"现在|20\d\d年(?:、20\d\d年)*")
"""A time asked of that only the articles' own time can be set against: today or other years
(not a moment such as 第一年, which the article may simply not give)."""


def not_in_sources(answer: str, *, asked_of: str = "", unsaid: bool = False) -> str:
    """The reply to a question the articles do not answer, with what they say nearby: an
    entry that says so is its own reply; a figure asked of another time (现在, 2025年) is
    given as of its article, and one asked at another moment (第五天) as the article gives it;
    an answer that says its article leaves out what is asked (the reason, which ones) follows a
    word that this is so."""
    if _OF_WRITING.fullmatch(asked_of):
        return f"文章没有说{asked_of}的情况，只有写作时的说法：\n\n{answer}"
    if asked_of:
        return f"文章没有说{asked_of}的情况，它说的是：\n\n{answer}"
    if unsaid:
        return f"文章没有回答这一点，相关的说法是：\n\n{answer}"
    return answer


def suggest(questions: Sequence[str]) -> str:
    """Did you mean: the candidate questions, numbered."""
    lines = [f"{i}. {q}" for i, q in enumerate(questions, start=1)]
    return (
        "我不太确定你想问的是哪一个，是下面这些吗？\n"
        + "\n".join(lines)
        + "\n\n点选按钮，或回复序号。"
    )


def decline(topics: Sequence[str], examples: Sequence[str]) -> str:
    """Nothing fits: say so, and say what the bot does know."""
    known = "、".join(topics) if topics else "AI概念"
    lines = "\n".join(f"• {q}" for q in examples)
    return (
        f"抱歉，这个问题超出了我的知识范围，我不想乱答。\n"
        f"我能回答关于{known}的问题，比如：\n{lines}"
    )


def moved_on(subject: str | None) -> str:
    """The one line that says 继续 went on to another entry after the last page (its subject,
    or None when that is the subject just discussed: the entry's question follows anyway)."""
    return f"接着讲：{subject}" if subject else "接着讲一个相关的问题："


def goes_no_deeper(answer: str) -> str:
    """展开讲讲 after a short answer shown whole, none of whose sub-topics is left to go into:
    the articles say no more about it than that answer, given again."""
    return f"文章没有再展开，说到的就是这些：\n\n{answer.strip()}\n\n想看相关的内容，可以说“继续”。"


def walked_to_the_end() -> str:
    """继续 when every entry near the conversation has been shown (said once)."""
    return "相关的内容都讲完了。想换个话题吗？点选下面的话题，或者直接问我。"


def nothing_to_continue(names: Sequence[str]) -> str:
    """继续 with no topic in the chat: ask what to go on with."""
    return f"现在没有可以继续的回答。你想了解哪个话题？{_for_instance(names)}"


def _for_instance(names: Sequence[str]) -> str:
    """Topics to offer, or a question to start with when there are none."""
    return f"比如 {'、'.join(names)}" if names else "比如“什么是大模型？”"


def for_example(said: str) -> str:
    """The examples an answer gives, asked for ("举个例子")."""
    return f"文章里举到的例子：\n\n{said}"


def examples_elsewhere(said: str) -> str:
    """举个例子 after an answer that gives none: those a linked answer on its subject gives."""
    return f"这部分文章没有举例子；说到同一话题的例子有：\n\n{said}"


NO_EXAMPLE = "这部分文章没有举具体的例子。可以换个问法，或者说“继续”看相关的内容。"


def nothing_to_stand_by(names: Sequence[str]) -> str:
    """真的吗 with no answer in the chat: nothing was said to doubt."""
    return f"我还没有回答过什么。你想了解哪个话题？{_for_instance(names)}"


def each_told(this: str, other: str, said_of_other: str) -> str:
    """Two things asked about each, answered by an entry on one: what is said first of the
    other, before the answer on this one."""
    return f"先说{other}：{said_of_other}\n\n下面是关于{this}的回答："


def not_compared(this: str, other: str, said_of_other: str) -> str:
    """Two things asked to be compared that no article compares: what is said first of the
    other, before the answer on this one."""
    return (
        f"文章没有直接比较{this}和{other}。关于{other}，文章说：{said_of_other}"
        f"\n\n下面是关于{this}的回答："
    )


def as_the_articles_say(said: str) -> str:
    """What was said, doubted ("真的吗", "我记得是2023年"), once more as the articles put it."""
    return f"以文章的说法为准：\n\n{said}"


def none_of_these(names: Sequence[str]) -> str:
    """None of the choices offered was meant: ask again in other words (the question is already
    among the unanswered ones the admins read)."""
    examples = f"，比如 {'、'.join(names)}" if names else ""
    return f"好的。换个说法再问一次吧，带上你想了解的概念名{examples}。"


def ask_back(word: str | None, names: Sequence[str]) -> str:
    """A message leans on a topic the chat does not have: ask what it means (the pronoun), or
    which topic's aspect it asks about; `word` None for a bare 为什么."""
    examples = "、".join(names)
    if word is None:
        return f"你想问什么的原因？先告诉我是哪个话题，比如 {examples}"
    if intent.PRONOUN.fullmatch(word):
        return f"你说的“{word}”是指什么？比如 {examples}"
    return f"你想问哪个的“{word}”？比如 {examples}"


def stated_reason(sentences: Sequence[str]) -> str:
    """为什么 after an answer that says why itself: those of its sentences."""
    return "刚才的回答里说到了原因：\n" + "\n".join(sentences)


def stated_means(sentences: Sequence[str]) -> str:
    """怎么做到的 after an answer that says how itself: those of its sentences."""
    return "刚才的回答里说到了是怎么做到的：\n" + "\n".join(sentences)


def stated_grounds(sentences: Sequence[str]) -> str:
    """ "为什么这么说" after an answer that says what shows it: those of its sentences."""
    return "刚才的回答里说到了依据：\n" + "\n".join(sentences)


def word_left_unexplained(word: str, sentences: Sequence[str]) -> str:
    """What a word of the answer shown means, asked when no article explains it: where the
    answer speaks of it, and no more."""
    return f"文章没有解释“{word}”是什么，刚才的回答里说到它的只有：\n" + "\n".join(sentences)


def drawbacks_unsaid(subject: str) -> str:
    """The drawbacks of the subject just told of, asked when no article names any."""
    return f"文章没有讲到{subject}有什么缺点，我不想乱答。"


def which_reason(subject: str, questions: Sequence[str]) -> str:
    """为什么 after an answer that no entry explains further: ask which part is meant."""
    lines = "\n".join(f"{i}. {q}" for i, q in enumerate(questions, start=1))
    ask = f"你想知道{subject}哪一点的原因？可以说得具体些"
    return f"{ask}，或者看看：\n{lines}" if lines else f"{ask}。"


def small_talk(kind: intent.Intent, examples: Sequence[str]) -> str:
    """A short friendly reply to greetings, thanks, goodbyes and 'what can you do'."""
    lines = "\n".join(f"• {q}" for q in examples)
    if kind is intent.Intent.THANKS:
        return "不客气！还有问题随时问我。"
    if kind is intent.Intent.NOD:
        return "好的！还有问题随时问我。"
    if kind is intent.Intent.GOODBYE:
        return "再见！有关于AI的问题随时来问。"
    if kind is intent.Intent.GREETING:
        return (
            f"你好！我是AI概念问答机器人，可以回答大模型、ChatGPT、GPT等问题。试试问我：\n{lines}"
        )
    return (
        "我可以用中文回答关于AI概念的问题：大模型、生成式AI、GPT、ChatGPT、Transformer、"
        f"RLHF、思维链、预训练与微调等。回答太长时说“继续”看下一段。比如：\n{lines}"
    )


def vote_notice(previous: int | None, value: int) -> str:
    """What a vote press is acknowledged with: recorded, changed, unchanged or expired."""
    if previous is None:
        return BUTTON_EXPIRED
    if previous == value:
        return VOTE_SAME[value]
    return VOTE_CHANGED[value] if previous else VOTE_RECORDED[value]


def topic_list(items: Sequence[tuple[str, int]], *, browsing: bool = False) -> str:
    """The knowledge's topics (name, number of entries), as /topics shows them; `browsing`
    when each topic is a button (or a number) that opens its questions."""
    if not items:
        return "知识库目前是空的。"
    lines = [f"• {name}（{count} 条）" for name, count in items]
    total = sum(count for _, count in items)
    how = "点选一个主题看它的问题。" if browsing else "发送 /help 查看示例问题。"
    return "我了解这些主题：\n" + "\n".join(lines) + f"\n\n共 {total} 条。{how}"


PREVIOUS_PAGE = "◀ 上一页"
NEXT_PAGE = "下一页 ▶"
ALL_TOPICS = "↩ 全部主题"


def topic_questions(topic: str, page: int, pages: int) -> str:
    """The heading of a page of a topic's questions in the browser."""
    where = f"（第 {page}/{pages} 页）" if pages > 1 else ""
    return f"“{topic}”里的问题{where}：点选一个问题看回答。"


def source_line(title: str | None, section: str) -> str:
    """Where an answer comes from, in one short line: the article and its section."""
    if title and section:
        return f"来源：《{title}》· {section}"
    return f"来源：《{title}》" if title else f"来源：{section}"
