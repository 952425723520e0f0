"""Everything the bot says that does not come from the knowledge base, in one place."""

from __future__ import annotations

from collections.abc import Sequence

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
NOTHING_TO_CONTINUE = "现在没有可以继续的回答。先问我一个问题吧，比如“什么是大模型？”"
GONE = "抱歉，这个回答的内容已经被管理员更新或移除了。请重新提问。"


def answer_page(question: str, body: str, page: int, pages: int) -> str:
    """A page of an answer: the question it answers on the first page, a footer when paged."""
    parts = [f"【{question}】\n\n{body}" if page == 1 else body]
    if pages > 1:
        hint = "回复“继续”查看下一段" if page < pages else "完"
        parts.append(f"（{page}/{pages}）{hint}")
    return "\n\n".join(parts)


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


def end_of_answer(related: Sequence[str]) -> str:
    """继续 after the last page: the answer is complete; offer related questions."""
    if not related:
        return "这个回答已经讲完了。还有什么想问的吗？"
    lines = "\n".join(f"{i}. {q}" for i, q in enumerate(related, start=1))
    return f"这个回答已经讲完了。你可能还想了解：\n{lines}"


def small_talk(kind: str, examples: Sequence[str]) -> str:
    """A short friendly reply to greetings, thanks, goodbyes and 'what can you do'."""
    lines = "\n".join(f"• {q}" for q in examples)
    if kind == "thanks":
        return "不客气！还有问题随时问我。"
    if kind == "goodbye":
        return "再见！有关于AI的问题随时来问。"
    if kind == "greeting":
        return (
            f"你好！我是AI概念问答机器人，可以回答大模型、ChatGPT、GPT等问题。试试问我：\n{lines}"
        )
    return (
        "我可以用中文回答关于AI概念的问题：大模型、生成式AI、GPT、ChatGPT、Transformer、"
        f"RLHF、思维链、预训练与微调等。回答太长时说“继续”看下一段。比如：\n{lines}"
    )
