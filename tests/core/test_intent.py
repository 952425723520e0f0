import pytest

from bot.core.intent import (
    Intent,
    asks_for_more_of_the_kind,
    asks_what_else,
    classify,
    compact,
    correction_focus,
    doubted,
    ellipsis_focus,
    going_back_to,
    one_of_two,
    pointing_at_another,
    recalled,
    squeeze,
    without_an_example_request,
)
from bot.core.text import Analyzer


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
        "多说点",
        "go on",
        "continue",
        "more",
        "请继续吧",
        "那继续",
        "继续 please",
        "再来点",
        "再来一点呗",
        "后面呢",  # was "out of my knowledge" right after a one-page answer
        "那下面呢",
        # After an answer that says the article lists nothing more: not a new question.
        "还有别的吗",
        "那还有其他的吗",
        "anything else",
        # Built, not listed: 再/多/继续/接着 + 说/讲/聊 + 点/一些/几句 (were searched as questions).
        "再多讲点",
        "再说点",
        "接着说说",
        "继续讲讲",
        "多讲一点",
        "再多说几句",
        "讲下去",
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
    "text",
    [
        "谢谢你的解答！",
        "非常感谢您的耐心讲解",
        "多谢，明白了",
        "好的，谢谢你们",
        "thank you",
        "多谢大佬，受教了🙏",
        # All of it is padding that a question may carry ("请问…谢谢啦"): it was declined.
        "谢谢啦",
        "谢谢呀",
        "好的谢谢啦",
    ],
)
def test_a_longer_thank_you_is_thanks(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.THANKS


@pytest.mark.parametrize(
    "text", ["How are you?", "how's it going", "What's up", "Good morning!", "你好吗", "最近怎么样"]
)
def test_how_are_you_is_a_greeting_in_english_too(analyzer: Analyzer, text: str) -> None:
    # The normaliser reads how and what as 怎么 and 什么: "How are you?" was answered with
    # the entry on how ChatGPT works.
    assert classify(analyzer.normalise(text)) is Intent.GREETING


@pytest.mark.parametrize(
    "text", ["早上好各位打工人☕", "大家早上好", "hi all", "早啊各位", "晚上好家人们"]
)
def test_a_greeting_to_the_group_is_a_greeting(analyzer: Analyzer, text: str) -> None:
    # 打工人 (white-collar workers) drew the entry on jobs.
    assert classify(analyzer.normalise(text)) is Intent.GREETING


@pytest.mark.parametrize("text", ["早上好，大模型是啥", "各位大佬，RLHF是什么"])
def test_a_question_after_a_greeting_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize(
    "text", ["got it, thanks a lot", "makes sense", "I see", "great, thank you!"]
)
def test_english_acknowledgements_are_thanks(analyzer: Analyzer, text: str) -> None:
    # "got it, thanks a lot" was searched and offered ChatGPT's entries.
    assert classify(analyzer.normalise(text)) is Intent.THANKS


@pytest.mark.parametrize("text", ["好的", "ok", "嗯嗯", "哈哈哈", "666", "牛啊", "好吧"])
def test_nodding_along_is_neither_a_question_nor_thanks(analyzer: Analyzer, text: str) -> None:
    # "好的" was declined as a question beyond the bot's knowledge.
    assert classify(analyzer.normalise(text)) is Intent.NOD


@pytest.mark.parametrize(
    "text",
    [
        "懂了 666",
        "哈哈 原来是这样",
        "哈哈 难怪",
        "好的 明白了",
        "ok thx bro",
        "哈哈 有意思",
        "ok got it 谢啦 😄",
        "ok 谢啦",
        "好吧 谢了哈",
    ],
)
def test_a_nod_with_an_acknowledgement_is_thanks(analyzer: Analyzer, text: str) -> None:
    # "懂了 666" was searched and offered entries; "哈哈 难怪" declined as a question; "ok got
    # it 谢啦" was asked back what "it" meant (the padding took 啦, and 谢 alone was no thanks).
    assert classify(analyzer.normalise(text)) is Intent.THANKS


@pytest.mark.parametrize(
    "text",
    ["好的，什么是RLHF", "可以吗", "不错的模型有哪些", "懂了，那GPT呢", "难怪它这么火", "有意思吗"],
)
def test_nodding_before_a_question_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize("text", ["谢谢，那GPT呢", "谢谢 什么是RLHF", "感谢模型是什么"])
def test_thanks_with_a_question_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize(
    "text", ["什么是大模型", "继续训练是什么意思", "更多的参数有什么用", "你好，什么是gpt"]
)
def test_questions_are_questions(text: str) -> None:
    assert classify(text) is Intent.QUESTION


@pytest.mark.parametrize(
    "text", ["再详细点", "更具体一些", "能详细说说吗", "讲细一点", "再展开讲讲", "explain more"]
)
def test_more_detail_is_asked_in_more_ways_than_a_list_holds(analyzer: Analyzer, text: str) -> None:
    # "再详细点" after "详细点" was searched as a question and declined.
    assert classify(analyzer.normalise(text)) is Intent.DEPTH


@pytest.mark.parametrize("text", ["具体说说RLHF", "具体是什么", "展开讲讲思维链"])
def test_detail_about_something_named_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize("text", ["展开讲讲", "详细点", "展开说说", "具体说说", "tell me more"])
def test_depth_requests_are_their_own_kind_of_continue(text: str) -> None:
    assert classify(text) is Intent.DEPTH


@pytest.mark.parametrize(
    "text",
    [
        "为什么",
        "为什么呢",
        "怎么做到的",
        "原理呢",
        "why",
        "为啥要这样",
        "why is that",
        "那怎么做到的 展开说说",  # was declined: the request for more hid the why
        "这个是咋做到的",  # how what was just said is done (was a did-you-mean on training)
    ],
)
def test_bare_why_is_about_the_current_answer(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.WHY


def test_continue_repeated_up_to_telegram_limit_is_still_continue() -> None:
    # 4,096 characters of 继续 used to be searched as a question and answered with an entry
    # that mentions 继续 (how to use ChatGPT).
    assert classify("继续" * 2048) is Intent.CONTINUE
    assert classify("继续 继续 接着说") is Intent.CONTINUE


@pytest.mark.parametrize(
    ("text", "focus"),
    [
        ("那gpt呢", "gpt"),
        ("gpt-3呢", "gpt-3"),
        ("那么参数呢", "参数"),
        ("文心一言怎么样", "文心一言"),
        ("what about gpt-3", "gpt-3"),
        ("学校那边呢", "学校"),
        # Whether X has it too, as 那X呢 asks: not "那还有吗", which asks for more.
        ("那gpt-3那会儿有吗", "gpt-3"),
        ("那gpt-3没有这些吗", "gpt-3"),
        ("那大模型也有吗", "大模型"),
        # Whether the name can too: "but chatgpt can?" normalised.
        ("but chatgpt能", "chatgpt"),
        ("那chatgpt能吗", "chatgpt"),
        ("gpt-3也可以", "gpt-3"),
    ],
)
def test_ellipsis_focus_is_what_comes_between_na_and_ne(text: str, focus: str) -> None:
    assert ellipsis_focus(text) == focus


@pytest.mark.parametrize(
    "text", ["那还有吗", "那也有吗", "有吗", "那它有多少参数", "这样可以吗", "chatgpt能写代码吗"]
)
def test_asking_for_more_or_a_figure_is_no_ellipsis(text: str) -> None:
    assert ellipsis_focus(text) is None


@pytest.mark.parametrize(
    ("text", "focus"),
    [
        ("不是我是说gpt", "gpt"),
        ("我问的是gpt-3", "gpt-3"),
        ("i mean gpt", "gpt"),
        ("我说chatgpt", "chatgpt"),
        ("我说大模型", "大模型"),
        ("打错了我想问chatgpt背后用的啥模型", "chatgpt背后用的啥模型"),
        ("算了我问错了其实是想知道gpt是谁家的", "gpt是谁家的"),
        ("其实我想问rlhf", "rlhf"),
        # What it sets aside at the end is no part of what was meant (read whole, "gpt不是
        # chatgpt" asked how the two differ); 是不是 and a question with 不是 stay.
        ("不是我问的是gpt不是chatgpt", "gpt"),
        ("我是说gpt而不是chatgpt", "gpt"),
        ("我问的是gpt是不是开源的", "gpt是不是开源的"),
        ("我是说chatgpt不是模型吗", "chatgpt不是模型吗"),
    ],
)
def test_a_correction_names_what_was_meant(text: str, focus: str) -> None:
    assert correction_focus(text) == focus


@pytest.mark.parametrize(
    ("text", "focus"), [("I mean GPT, not ChatGPT", "gpt"), ("I meant RLHF", "rlhf")]
)
def test_i_mean_is_a_correction_once_normalised(analyzer: Analyzer, text: str, focus: str) -> None:
    # The normaliser reads mean as 定义 ("what does X mean"): "I mean GPT" was no correction.
    assert correction_focus(compact(analyzer.normalise(text))) == focus


def test_i_say_before_a_sentence_is_no_correction() -> None:
    assert correction_focus("我说这个挺好用的") is None
    assert correction_focus("我想问一下chatgpt是啥") is None  # no slip owned: a question
    assert correction_focus("其实挺好用的") is None


def test_compact_drops_punctuation_spaces_but_keeps_english_words_apart() -> None:
    assert compact("不是 我是说gpt") == "不是我是说gpt"
    assert compact("where was it trained") == "where was it trained"


def test_going_on_with_a_question_of_its_own_is_that_question() -> None:
    assert compact("继续说说它还能干啥") == "它还能干啥"
    assert compact("接着说 那推理能力是参数多大才出来的") == "那推理能力是参数多大才出来的"
    assert compact("继续训练会怎样") == "继续训练会怎样"  # 继续 before no saying


@pytest.mark.parametrize(
    "text",
    [
        "一句话总结下呗",
        "这俩最大的区别一句话总结下",
        "简单说",
        "总结一下",
        "tl;dr",
        "sum it up",
        # Not having followed is asking for the gist again (these were declined).
        "有点绕…简单点说？",
        "还是没太懂，简单点说",
        "没懂",
        # Asked as group members ask it (these were declined or answered as questions).
        "太长了没看完😂 简单点说",
        "可以再通俗一點嗎",
        "用中文一句话总结下",
        "ELI5 pls, in one sentence",
        "simpler version?",
        "shorter",
        "summarize all that in 2 lines",
        "说简单点,别整那么多字",  # was declined
        "能打个比方吗",  # an analogy the articles never make: was declined
        "用比喻讲讲",
        # Said another way, or in one sentence alone (these were declined).
        "换个说法",
        "换种方式说呗",
        "简单点,一句话",
        "一句话讲完",
        # What it comes to (these were declined).
        "所以呢",
        "所以结论是啥？",
    ],
)
def test_asking_for_the_short_of_it_is_a_summary(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.SUMMARY


@pytest.mark.parametrize(
    "text", ["刚才那个再说一遍 没看清", "再说一遍", "say that again", "重复一下"]
)
def test_asking_for_it_once_more_is_again(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.AGAIN


@pytest.mark.parametrize(
    "text",
    ["in english pls", "in English please", "can you answer in English?", "用英文回答", "说英文"],
)
def test_asking_for_it_in_english_is_in_english(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.IN_ENGLISH


@pytest.mark.parametrize(
    "text", ["英文叫什么", "英文", "能用英文提问吗", "in english, what is RLHF"]
)
def test_a_question_about_english_is_no_request_for_it(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is not Intent.IN_ENGLISH


@pytest.mark.parametrize("text", ["ChatGPT的简单版本", "what is a short summary of RLHF"])
def test_a_question_about_something_short_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize(
    "text", ["总结一下ChatGPT的特点", "简单说说大模型是什么", "不明白为什么要用RLHF"]
)
def test_a_summary_of_something_named_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize("text", ["它是咋做到的", "这是怎么做到的"])
def test_how_it_does_it_is_a_why(analyzer: Analyzer, text: str) -> None:
    # "它是咋做到的" after ChatGPT's safety measures was offered choices.
    assert classify(analyzer.normalise(text)) is Intent.WHY


def test_whether_there_is_more_detail_is_depth(analyzer: Analyzer) -> None:
    assert classify(analyzer.normalise("有冇詳細啲")) is Intent.DEPTH
    assert classify(analyzer.normalise("有没有详细点")) is Intent.DEPTH


@pytest.mark.parametrize(
    "text", ["它好厉害啊", "佢哋好犀利", "这个太强了吧", "它真聪明", "欢迎欢迎👏"]
)
def test_praise_of_what_was_said_is_a_nod(analyzer: Analyzer, text: str) -> None:
    # "它好厉害啊" after who made ChatGPT was answered with its usage tips.
    assert classify(analyzer.normalise(text)) is Intent.NOD


@pytest.mark.parametrize("text", ["它强在哪", "它为什么这么强", "强化学习"])
def test_asking_what_makes_it_strong_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize(
    "text", ["谢谢 今天就到这", "好的 先这样吧", "下次再聊", "先撤了 谢谢大家"]
)
def test_taking_leave_is_a_goodbye(analyzer: Analyzer, text: str) -> None:
    # "谢谢 今天就到这" was offered choices on 大模型: 今天 was searched.
    assert classify(analyzer.normalise(text)) is Intent.GOODBYE


@pytest.mark.parametrize("text", ["先这样做行吗", "今天的大模型到哪一步了"])
def test_leave_in_a_question_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("真的吗？这么快？文章原话怎么说的", "这么快"),
        ("不对吧，我记得是2023年才出来的", "2023年才推出的"),  # 出来 after a year: 推出
        ("你确定？一个人同时演两边？", "一个人同时演两边"),
        ("真的假的？文章里原话怎么说的", ""),
        # Doubting a figure shown: was searched, and declined as out of the knowledge.
        ("这个数字靠谱吗 感觉夸张了", ""),
        ("太夸张了吧", ""),
        # What the doubter remembers, as "不是X吗", maybe after the figure said: was searched.
        ("不是175亿吗", "175亿"),
        ("1750亿？不是175亿吗，你确定", "175亿"),
        # Asking for the grounds (were searched and declined, or answered with another entry).
        ("凭什么这么说，有证据吗", ""),
        ("真的吗 凭什么", ""),
        ("真的吗 有啥依据", ""),
        ("有证据吗 我用着挺准的", "我用着准确"),
        # Summing the answer up one's own way: a doubt with that claim.
        ("那不就是换了个皮吗", "换了个皮"),
        ("那不就很鸡肋", "很鸡肋"),
        # 说错 is 准确 in the lexicon: "你说错了吧" was searched, and declined.
        ("你说错了吧 明明是半年才一个亿", "半年才1亿"),
        # Not believing it: was read as a question of its own and declined.
        ("我不信", ""),
        ("微软的机器？我不信", "微软的机器"),
    ],
)
def test_doubting_what_was_said_puts_a_claim_against_it(
    analyzer: Analyzer, text: str, claim: str
) -> None:
    normalised = analyzer.normalise(text)
    assert classify(normalised) is Intent.DOUBT
    assert doubted(squeeze(normalised)) == claim


@pytest.mark.parametrize(
    "text",
    [
        "真的吗？那为啥网上还有人能越狱它",  # a question of its own after the doubt
        "听说ChatGPT还能写歌写剧本，真的假的？",  # a claim heard elsewhere, checked
        "不对，我是说GPT",  # a correction
        "它的原理是怎么说的",
        "它写代码靠谱吗，真懂编程？",  # whether it is reliable at something: asked
        "ChatGPT不是OpenAI做的吗",  # a claim with a subject of its own: checked
        "不是说大模型要很多数据吗",  # a claim heard elsewhere
        "不是有人说它会取代程序员吗，为什么",
        "你说ChatGPT会说错吗",  # whether it errs, asked
    ],
)
def test_a_question_with_a_doubt_in_it_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "can u summarize in one sentence",
        "总结一下吧 too long 没看完",
        "太多了 simpler pls",
        "说人话😂 太专业了听不懂",
        "听不懂，能不能讲简单点",
        "刚才那个再说一遍，简单点",
        # Shorter, put as 短 (能不能短一点 was the entry on asking for a length), the Chinese
        # tl;dr, and 啰嗦 as why.
        "能不能短一点",
        "再短点",
        "太长不看",
        "太啰嗦了 精简一下",
        "长话短说",
        # Plainer, said before the verb or with 再 (these were declined as questions).
        "通俗点讲讲",
        "再说简单点",
        "简单说说",
        "用大白话讲讲",
    ],
)
def test_asking_for_the_short_of_it_in_more_ways_is_a_summary(
    analyzer: Analyzer, text: str
) -> None:
    assert classify(analyzer.normalise(text)) is Intent.SUMMARY


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("太多了", Intent.QUESTION),
        ("没看完", Intent.QUESTION),
        ("ChatGPT回答太短了怎么办", Intent.QUESTION),
        ("简单吗", Intent.QUESTION),
        ("通俗易懂", Intent.QUESTION),
        ("简单说说RLHF", Intent.QUESTION),
    ],
)
def test_why_one_asks_for_the_short_of_it_is_not_asking_it(
    analyzer: Analyzer, text: str, intent: Intent
) -> None:
    assert classify(analyzer.normalise(text)) is intent


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("回到刚才那个思维链", "思维链"),
        ("再回到RLHF吧", "rlhf"),
        ("刚才说的参数那个再说说", "参数"),
        # The topic itself, a follow-up after it, a question, and going on are not it.
        ("回到刚才的话题", None),
        ("回到刚才的 那在自然语言处理方面呢", None),
        ("回到刚才那个思维链，为啥用代码训练就能推理", None),
        ("回到生成式AI，继续", None),
    ],
)
def test_going_back_names_what_an_earlier_answer_said(
    analyzer: Analyzer, text: str, about: str | None
) -> None:
    assert going_back_to(analyzer.normalise(text)) == about


def test_a_doubt_in_english_puts_its_claim(analyzer: Analyzer) -> None:
    normalised = analyzer.normalise("are you sure? I thought it was Google 😅")
    assert classify(normalised) is Intent.DOUBT
    assert doubted(squeeze(normalised)) == "itwasgoogle"
    # Inside an English question, really asks whether: no doubt of what was said.
    assert classify(analyzer.normalise("does chatgpt really understand code")) is Intent.QUESTION


def test_what_a_doubt_goes_on_to_ask_is_asked(analyzer: Analyzer) -> None:
    # "really? 怎么做到的" after the safety measures: how they are done.
    assert classify(analyzer.normalise("really? 怎么做到的")) is Intent.WHY


@pytest.mark.parametrize(
    ("text", "who", "asked"),
    [
        ("leo那个问题，GPT预训练用的啥数据", "leo", "GPT预训练用的啥数据"),
        ("他刚问的那个，为啥用代码训练就能推理了？", "", "为啥用代码训练就能推理了？"),
        ("楼上第一个问题，那高校为啥搞不了", "", "那高校为啥搞不了"),
        ("kai问的那个Transformer 还用在哪些任务上", "kai", "Transformer 还用在哪些任务上"),
    ],
)
def test_pointing_at_another_member_s_question_opens_a_message(
    text: str, who: str, asked: str
) -> None:
    assert pointing_at_another(text) == (who, asked)


@pytest.mark.parametrize("text", ["那个问题", "它有什么问题", "他是谁"])
def test_no_pointer_where_nothing_is_asked_after_it(text: str) -> None:
    assert pointing_at_another(text) is None


@pytest.mark.parametrize(
    "text", ["举个例子", "能举个例子吗", "比如呢？", "for example?", "有例子吗"]
)
def test_asking_for_an_example_alone_is_an_example(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.EXAMPLE


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("举个例子，能用在哪", "能用在哪"),
        ("舉個例子 人是怎麼參與的", "人是怎麼參與的"),
        ("举个例子呗", "举个例子呗"),  # the request alone
        ("举个例子呢", "举个例子呢"),
        ("举例说明一下", "举例说明一下"),  # an example of what is named after it
    ],
)
def test_an_example_request_before_a_question_is_set_aside(text: str, asked: str) -> None:
    assert without_an_example_request(text) == asked


@pytest.mark.parametrize("text", ["举个例子，能用在哪", "比如GPT", "比较一下"])
def test_an_example_asked_of_something_is_a_question(analyzer: Analyzer, text: str) -> None:
    assert classify(analyzer.normalise(text)) is Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "else_"),
    [("还能干啥", True), ("它还有什么用", True), ("还会啥呢", True), ("ChatGPT还能干啥", False)],
)
def test_what_else_is_asked_only_when_nothing_else_is(
    analyzer: Analyzer, text: str, else_: bool
) -> None:
    # Naming a subject, it is a question of its own.
    assert asks_what_else(compact(analyzer.normalise(text))) is else_


@pytest.mark.parametrize(
    ("text", "more"),
    [
        ("还有啥缺点", True),
        ("还有别的区别吗", True),
        ("那还有其他原因吗", True),
        ("其他领域呢", True),
        ("还有多少参数", False),
        ("ChatGPT还有哪些缺点", False),
        ("还有呢", False),
    ],
)
def test_more_of_the_kind_is_asked_only_when_nothing_else_is(
    analyzer: Analyzer, text: str, more: bool
) -> None:
    # "还有呢" is 继续 (its own intent); naming a subject, it is a question of its own.
    assert asks_for_more_of_the_kind(compact(analyzer.normalise(text))) is more


@pytest.mark.parametrize(
    ("text", "pointed"),
    [
        ("第二个展开讲讲", (1, "")),
        ("后者呢", (1, "")),
        ("那第一个是啥", (0, "")),
        ("前者有什么效果", (0, "有什么效果")),
        ("第三个呢", None),
        ("它俩哪个好", None),
    ],
)
def test_one_of_two_is_pointed_at_with_what_is_asked_of_it(
    analyzer: Analyzer, text: str, pointed: tuple[int, str] | None
) -> None:
    assert one_of_two(compact(analyzer.normalise(text))) == pointed


@pytest.mark.parametrize(
    ("text", "claim"),
    [("我记得是一年", "一年"), ("听说上线一年才到一亿用户", "上线一年才到一亿用户")],
)
def test_what_a_member_remembers_is_a_claim(analyzer: Analyzer, text: str, claim: str) -> None:
    assert recalled(squeeze(analyzer.normalise(text))) == squeeze(analyzer.normalise(claim))


@pytest.mark.parametrize("text", ["听说ChatGPT是谁做的", "我记得", "ChatGPT是一年前出的"])
def test_a_question_or_no_claim_is_not_remembered(analyzer: Analyzer, text: str) -> None:
    assert recalled(squeeze(analyzer.normalise(text))) is None
