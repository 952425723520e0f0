import pytest

from bot.core.intent import Intent, classify, resolve_follow_up


@pytest.mark.parametrize(
    "text",
    [
        "继续",
        "继续说",
        "接着说",
        "还有呢",
        "然后呢",
        "下一页",
        "更多",
        "展开说说",
        "continue",
        "more",
        "请继续吧",
        "那继续",
        "继续 please",
    ],
)
def test_continue_phrases(text: str) -> None:
    assert classify(text) is Intent.CONTINUE


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("你好", Intent.GREETING),
        ("hello", Intent.GREETING),
        ("谢谢", Intent.THANKS),
        ("你能做什么", Intent.CAPABILITY),
        ("换个话题", Intent.RESET),
        ("reset", Intent.RESET),
        ("拜拜", Intent.GOODBYE),
    ],
)
def test_small_talk_and_reset(text: str, intent: Intent) -> None:
    assert classify(text) is intent


@pytest.mark.parametrize(
    "text", ["什么是大模型", "继续训练是什么意思", "更多的参数有什么用", "你好，什么是gpt"]
)
def test_questions_are_questions(text: str) -> None:
    assert classify(text) is Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("它有多少参数", "ChatGPT有多少参数"),
        ("它们有什么区别", "ChatGPT有什么区别"),
        ("这个是谁开发的", "ChatGPT是谁开发的"),
        ("那它的缺点呢", "ChatGPT的缺点"),
        ("其原理是什么", "ChatGPT原理是什么"),
        ("该模型什么时候发布的", "ChatGPT什么时候发布的"),
    ],
)
def test_pronouns_take_the_subject(text: str, expected: str) -> None:
    rewrite = resolve_follow_up(text, subject="ChatGPT", last_question="ChatGPT是怎么训练的")
    assert rewrite is not None and rewrite.text == expected


@pytest.mark.parametrize("text", ["那gpt呢", "gpt呢", "那么gpt呢", "gpt怎么样"])
def test_ellipsis_asks_the_last_question_about_something_else(text: str) -> None:
    rewrite = resolve_follow_up(text, subject="ChatGPT", last_question="ChatGPT是怎么训练的")
    assert rewrite is not None and rewrite.text == "gpt是怎么训练的"


@pytest.mark.parametrize(
    "text", ["大模型是什么呢", "其他还有什么", "chatgpt的缺点呢", "什么是思维链", "尤其是大模型"]
)
def test_standalone_questions_are_not_rewritten(text: str) -> None:
    assert resolve_follow_up(text, subject="ChatGPT", last_question="ChatGPT是什么") is None


def test_no_subject_no_rewrite() -> None:
    assert resolve_follow_up("它有多少参数", subject="", last_question="") is None
