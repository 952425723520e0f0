"""Matching on the bundled knowledge, phrased as people phrase things."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from answers import answered_by

from bot.core import facts
from bot.core.evaluation import NONE, Case, find_collisions, load_cases, run_cases
from bot.core.library import Library
from bot.core.search import Verdict

CASES = Path(__file__).resolve().parents[1] / "cases" / "kb_cases.yaml"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("大模形是啥", "large-model-definition"),  # typo
        ("請問什麼是生成式AI", "generative-ai-definition"),  # traditional characters
        ("ＣｈａｔＧＰＴ是谁开发的", "chatgpt-maker"),  # full-width letters
        ("chatgtp咋训练的", "chatgpt-training"),  # typo and colloquial
        ("LLM有多少参数", "large-model-parameters"),  # English term
        ("请问一下，思维链是什么呀？", "chain-of-thought"),  # filler words
        ("reinforcement learning from human feedback是什么", "rlhf"),
        ("AIGC和大模型有啥关系", "generative-ai-vs-large-model"),
        ("GPT和ChatGPT到底有什么区别", "gpt-vs-chatgpt"),
        ("Transformer", "transformer"),
        ("ChatGPT怎么就走红了", "chatgpt-popularity"),  # slang
        ("大模型的坏处", "large-model-challenges"),  # 坏处: 缺点 (was its definition)
        ("大模型能做什么", "large-model-ai-benefits"),  # was generative-ai-innovation
        ("ChatGPT背后的公司是谁", "chatgpt-maker"),  # was chatgpt-base-model (背后)
        ("听说ChatGPT是谷歌做的", "chatgpt-maker"),  # was chatgpt-abilities (做)
        ("ChatGPT是谷歌做的对吧", "chatgpt-maker"),  # was chatgpt-domestic (对标)
        ("同学跟我说ChatGPT是谷歌搞出来的，真的假的", "chatgpt-maker"),  # was declined (真的假)
        ("大模型可以怎样帮到生成式AI", "generative-ai-benefits"),  # was its applications (帮到)
        ("大家对ChatGPT有哪些担忧", "chatgpt-education-impact"),  # 担忧: 争议 (was its impact)
        ("ChatGPT能帮我写企划书吗", "chatgpt-abilities"),  # 企划书: 企划 (was a did-you-mean)
        ("ChatGPT会不会写歌词", "chatgpt-abilities"),  # 歌词: 歌曲 (was a did-you-mean)
        ("ChatGPT有哪些real world的scenario", "chatgpt-use-cases"),  # English inside Chinese
        ("GPT为什么一个字一个字地输出", "autoregressive"),  # 一个字一个字: 逐词
        ("ChatGPT的底座是什么", "gpt-chatgpt-connection"),  # slang
        ("ChatGPT能陪人闲聊吗", "chatgpt-features"),  # colloquial
        ("ChatGPT会不会抢了程序员的饭碗", "chatgpt-jobs-impact"),  # colloquial
        ("ChatGPT能记住前面说的吗", "chatgpt-interaction"),  # colloquial
        ("ChatGPT能干点啥", "chatgpt-abilities"),  # 干点 read before jieba makes it 能干
        ("GPT能做些啥", "gpt-applications"),  # 做些 is 做, not a word asked about
        ("ChatGPT能写些啥，举几个例子呗", "chatgpt-abilities"),  # 写些 is 写 (was a did-you-mean)
        ("这玩意真能写代码不", "chatgpt-abilities"),  # 真能 was a word of one phrasing only
        ("ChatGPT除了聊天还能干些别的吗", "chatgpt-abilities"),
        ("Transformer牛在哪，整不明白", "transformer"),  # slang, and a sigh that says nothing
        ("ChatGPT是怎么写出代码的", "chatgpt-coding"),
        ("data sharding是干嘛的", "data-challenge"),  # English for a keyword
        ("AI生成内容是什么", "generative-ai-definition"),  # what AIGC stands for
        ("ChatGPT有啥毛病", "chatgpt-weaknesses"),  # colloquial
        ("ChatGPT有啥短板", "chatgpt-weaknesses"),  # colloquial
        ("ChatGPT要钱不", "chatgpt-free"),  # colloquial
        ("为啥有的公司把ChatGPT给ban了", "chatgpt-tech-impact"),  # an English word
        ("ChatGPT能赚大钱吗", "chatgpt-future"),  # colloquial
        ("Eric Boyd怎么评价ChatGPT", "chatgpt-tech-impact"),  # the name as written in English
        ("ChatGPT会影响white-collar的工作吗", "chatgpt-jobs-impact"),
        ("ChatGPT用的是哪种强化学习算法", "ppo"),  # 哪种 asks; PPO is the RL step's algorithm
        ("ChatGPT的控制性能体现在哪些方面", "controllability"),  # 哪些方面 only asks
        ("ChatGPT能生成什么样的文本", "chatgpt-abilities"),  # 什么样 only asks
        ("ChatGPT用户多久到了一亿", "chatgpt-popularity"),  # 一亿 is 1亿
        ("ChatGPT的foundation model是什么", "chatgpt-base-model"),  # the knowledge's 底层模型
        ("生成式AI能做图吗", "generative-ai-definition"),  # 做图 is making images
        ("chatgpt有多少人在用", "chatgpt-popularity"),  # was its parameter count
        ("gpt跟chatgpt差在哪", "gpt-vs-chatgpt"),  # 差在哪 asks the difference
        ("chatgpt说的话能全信不", "chatgpt-weaknesses"),  # colloquial
        ("ChatGPT本身是不是就容易出错", "chatgpt-weaknesses"),  # was 聊几轮就容易跑题
        ("ChatGPT在哪台机器上训的", "chatgpt-training-infrastructure"),  # was its training
        ("参数要到多少模型才会推理", "scale-and-emergence"),  # 会推理: 推理能力
        ("学术界怎么看ChatGPT", "chatgpt-education-impact"),  # 学术界: 学者
        ("ChatGPT出来以后学术圈啥反应", "chatgpt-education-impact"),
        ("训个大模型要啥条件", "large-model-challenges"),  # 训: to train
        ("OpenAI会用thumbs up/down的反馈吗", "chatgpt-user-feedback"),  # both buttons
        ("ChatGPT老是出错吗", "chatgpt-weaknesses"),  # whether it errs: 准确
        ("能简单说说ChatGPT的训练过程吗", "chatgpt-training"),  # was the entry on feedback
        ("ChatGPT会不会抢走很多岗位", "chatgpt-jobs-impact"),  # 岗位: 工作
        ("ChatGPT擅长处理什么任务", "chatgpt-use-cases"),  # was GPT and ChatGPT's connection
        ("生成式AI对内容生产有什么帮助", "generative-ai-applications"),  # 内容生成, one term
        ("大模型的海量训练数据给ChatGPT带来啥好处", "large-model-vs-chatgpt"),  # 语言知识库
        ("ChatGPT回答的都对吗", "chatgpt-weaknesses"),  # whether it is always right: 准确
        ("大家都对ChatGPT的回答很好奇，它是怎么生成的", "chatgpt-principle"),  # 都对 + a noun
        ("ChatGPT用的谁家的超算", "chatgpt-training-infrastructure"),  # 超算: 超级计算
        ("ChatGPT的零样本能力是怎么来的", "prompt-learning"),  # was chatgpt-coding
        ("ChatGPT记得住前面聊过的内容吗", "chatgpt-interaction"),  # 前面聊过: 上下文
        ("ChatGPT在什么机房跑的", "chatgpt-training-infrastructure"),  # 机房: 基础设施
        ("这些模型是在哪训练的来着", "chatgpt-training-infrastructure"),  # not 训练大模型难在哪
        ("ChatGPT会不会瞎说", "chatgpt-weaknesses"),  # was 会不会有偏见 (the 不会 of 会不会)
        ("它会不会胡说八道啊", "chatgpt-weaknesses"),
        ("CGPT谁搞出来的", "chatgpt-maker"),  # a nickname
        ("人类反馈强化学习RLFH有什么用", "rlhf"),  # was declined: the term glued to the slip
        ("强化学习里的PP0是啥", "ppo"),  # a zero for an o (was declined)
        ("can ChatGPT be used as an AI assistant", "chatgpt-use-cases"),  # 对话助手 (declined)
        ("scaling 上去参数越大 model 能力就越强吗", "scale-and-emergence"),  # 上去 (did-you-mean)
        ("模型参数再怎么涨 能力也不会跟着涨吧", "scale-and-emergence"),  # 跟着 (did-you-mean)
        # AI development is 人工智能发展 (it was why ChatGPT chats better than other AI).
        (
            "What benefits do large models and ChatGPT bring to AI development?",
            "large-model-ai-benefits",
        ),
        ("ChatGPT用在哪些scenario，能当virtual assistant吗", "chatgpt-use-cases"),  # 虚拟助手
        # 全是对的 is 都是对的 (its 对 went to "ChatGPT有人反对吗").
        ("ChatGPT说的东西难道不全是对的？", "chatgpt-weaknesses"),
        ("大模型有什么局限性", "large-model-challenges"),  # 局限 is 缺点 (went to its benefits)
    ],
)
def test_people_get_the_right_answer(library: Library, question: str, entry_id: str) -> None:
    match = library.match(question)
    assert match.verdict is Verdict.ANSWER, match
    assert match.best is not None and match.best.entry.id == entry_id


WHAT_IT_IS = ("{}怎么定义", "{}的定义是什么")
WHAT_IT_IS_FOR = ("{}有什么用", "{}有啥用啊")


@pytest.mark.parametrize(
    ("forms", "subject", "entry_id"),
    [
        # 定义 is in answers that say the article gives none (reward-model's): it decided.
        (WHAT_IT_IS, "ChatGPT", "chatgpt-definition"),
        (WHAT_IT_IS, "GPT", "gpt-definition"),
        (WHAT_IT_IS, "生成式AI", "generative-ai-definition"),
        # One entry's phrasing "RLHF有什么用" once answered "ChatGPT有什么用": the 用 decided.
        (WHAT_IT_IS_FOR, "ChatGPT", "chatgpt-use-cases"),
        (WHAT_IT_IS_FOR, "GPT", "gpt-applications"),
        (WHAT_IT_IS_FOR, "大模型", "large-model-ai-benefits"),
        (WHAT_IT_IS_FOR, "生成式AI", "generative-ai-applications"),
        (WHAT_IT_IS_FOR, "RLHF", "rlhf"),
        (WHAT_IT_IS_FOR, "微调", "fine-tuning"),
        (WHAT_IT_IS_FOR, "预训练", "pretraining"),
        (WHAT_IT_IS_FOR, "思维链", "chain-of-thought"),
    ],
)
def test_a_subject_asked_in_a_common_form_is_answered_by_its_own_entry(
    library: Library, forms: tuple[str, ...], subject: str, entry_id: str
) -> None:
    for form in forms:
        question = form.format(subject)
        assert answered_by(library, question) == entry_id, question


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # The article's last word on GPT and ChatGPT (联系): plain GPT has no memory of the
        # dialogue. The answers on how they differ and how they relate both say it.
        ("普通的GPT模型也能记住之前聊过的内容吧", ("对话历史",)),
        ("GPT和ChatGPT是什么关系", ("对话历史",)),
        # A claim that a large model is only its parameters: the entry on them gives the other
        # two features, and how ability grows with the count.
        ("大模型不就是参数多吗", ("泛化能力强",)),
        ("模型能力是不是跟参数量没啥关系", ("600亿",)),
        # The multimodal entry speaks of large models; ChatGPT itself still talks in text.
        ("ChatGPT能看图片吗", ("文字方式",)),
        # The author heard a pitch for much the same thing some 15 years before.
        ("国内以前有人想做类似ChatGPT的产品吗", ("15年前",)),
        ("ChatGPT有哪些应用场景", ("自动摘要",)),  # the language work beyond chat
        ("ChatGPT为什么聊很多轮都不跑题", ("连贯性",)),  # from the large model behind it
        # Both articles: 庞大的计算资源 (the challenge), 大量计算资源和时间 (the feature).
        ("训练大模型很费算力吗", ("大量计算资源",)),
        # The stir it caused, whole from either entry: scholars' warning, big firms' bans.
        ("ChatGPT对教育有什么影响", ("大学论文", "封杀")),
        ("ChatGPT对科技行业有什么影响", ("大学论文", "封杀")),
        ("ChatGPT的监督微调是为了什么", ("特定场景",)),  # what the step is for
        ("ChatGPT用的是哪个模型", ("GPT的基础",)),  # built on GPT, one of its versions
        ("大模型和ChatGPT在哪些领域有应用", ("医疗",)),  # the fields its benefits name
    ],
)
def test_an_answer_says_what_the_articles_say_nearby(
    library: Library, question: str, said: tuple[str, ...]
) -> None:
    hit = library.match(question).answered
    assert hit is not None and all(words in hit.entry.answer for words in said), hit


@pytest.mark.parametrize(
    "question",
    [
        "今天天气怎么样",
        "MySQL怎么建索引",
        "Redis有哪些使用场景",
        "Vue的生命周期",
        "JVM垃圾回收",
        "你们的客服电话是多少",
        "ChatGPT能帮我炒股吗",
        "PPT怎么插入音频",
        "",
        "？？？",
    ],
)
def test_off_topic_is_never_answered(library: Library, question: str) -> None:
    assert library.match(question).verdict is not Verdict.ANSWER


def test_which_jobs_it_can_do_asks_what_it_can_do(library: Library) -> None:
    # 能干 and 活: jieba's "capable" and a lone character; it was a did-you-mean at 0.40.
    assert answered_by(library, "ChatGPT都能干哪些活") == "chatgpt-abilities"


def test_trust_region_in_a_chinese_message_is_the_algorithm_ppo_is_compared_with(
    library: Library,
) -> None:
    assert answered_by(library, "PPO比trust region那个好在哪") == "ppo"


@pytest.mark.parametrize(
    ("question", "asked_of"),
    [
        ("ChatGPT现在有多少用户", "现在"),
        ("ChatGPT现在还免费吗", "现在"),
        ("how many users does ChatGPT have now", "现在"),
        ("OpenAI 2025年估值是多少", "2025年"),
    ],
)
def test_a_figure_asked_of_another_time_is_not_answered_with_the_articles_figure_of_then(
    library: Library, question: str, asked_of: str
) -> None:
    # The entry gives its article's figure, dated （写于2023年初）; the question asks for another.
    match = library.match(question)
    assert match.best is not None and match.best.asked_of == asked_of, question
    assert match.verdict is Verdict.ANSWER and match.answered is None


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [("ChatGPT有多少用户", "chatgpt-popularity"), ("GPT-3现在有多少参数", "gpt-3")],
)
def test_a_figure_of_the_articles_own_time_or_of_no_time_is_answered(
    library: Library, question: str, entry_id: str
) -> None:
    # GPT-3's answer calls it "该文写作时较为知名的版本": a remark of then, not its figure.
    assert answered_by(library, question) == entry_id


@pytest.mark.parametrize(
    ("question", "unsaid"),
    [
        ("为什么大厂要封杀ChatGPT", "没有说明原因"),
        ("那些互联网大厂为啥封杀ChatGPT，原因是啥", "没有说明原因"),
        # 封杀 is two clauses before 没有说明原因, past the one that leaves out which firms.
        ("为啥要封杀ChatGPT", "没有说明原因"),
        ("国内具体是哪几家公司在做ChatGPT的对标产品", "没有说是哪些公司"),
        ("具体哪些岗位会被ChatGPT取代", "没有说具体哪些岗位"),
        ("具体是哪几家大厂封杀了ChatGPT", "没有说是哪些大厂"),
        ("国内在做ChatGPT对标产品的团队叫什么，点个名", "没有说是哪些公司"),
        ("国内第一个对标ChatGPT的产品是哪家公司发布的", "没有说是哪些公司"),
        # Products by name, asked however: the multimodal entry says none is named.
        ("多模态AI现在有哪些代表产品", "没有说已有哪家推出了这类产品"),
        ("多模态AI有什么产品吗，点几个名", "没有说已有哪家推出了这类产品"),
        # How it works inside: the answers say the articles do not explain it.
        ("自注意力机制是怎么算的 公式是啥", "没有进一步介绍自注意力机制的原理"),
        ("PPO的原理是什么", "没有介绍近端策略优化（PPO）的具体原理"),
        ("奖励模型是什么结构", "没有介绍奖励模型本身的结构"),
    ],
)
def test_a_question_for_what_the_answer_says_its_article_leaves_out_is_declined_with_it(
    library: Library, question: str, unsaid: str
) -> None:
    # The entry is the one for the question, and says itself that the article does not say.
    match = library.match(question)
    assert match.best is not None and unsaid in match.best.unsaid, question
    assert match.verdict is Verdict.ANSWER and match.answered is None


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("ChatGPT会影响哪些工作", "chatgpt-jobs-impact"),  # kinds of work: the answer names them
        ("学术界为什么警告ChatGPT", "chatgpt-education-impact"),  # not why the firms banned it
        ("ChatGPT的训练用了什么策略优化算法，叫什么名字", "ppo"),  # its principle is left out
        ("国内有没有团队在做ChatGPT的对标产品", "chatgpt-domestic"),
        ("ChatGPT是哪家公司做的", "chatgpt-maker"),  # which one: its answer names it
        ("奖励模型是怎么训练的", "reward-model"),  # how it is built, not its structure
        ("Transformer的原理", "transformer"),  # the answer leaves out 自注意力's, not its own
        # Its answer names him; what it leaves out is which firms banned ChatGPT.
        ("说ChatGPT会改变人和电脑互动方式的微软高管叫什么", "chatgpt-tech-impact"),
    ],
)
def test_a_question_the_answer_gives_is_answered_though_it_leaves_something_out(
    library: Library, question: str, entry_id: str
) -> None:
    assert answered_by(library, question) == entry_id


@pytest.mark.parametrize(
    "question",
    [
        "RLHF是男的女的",
        "大模型结婚了吗",
        "GPT-3住在哪",
        "ChatGPT帅不帅",
        "微调是谁的生日",
        "is ChatGPT a boy or a girl",
    ],
)
def test_small_talk_about_a_subject_as_if_a_person_is_declined(
    library: Library, question: str
) -> None:
    # Each named subject matches its entry well enough to be answered on the name alone.
    match = library.match(question)
    assert match.verdict is Verdict.DECLINE and not match.hits, question


@pytest.mark.parametrize(
    "question",
    ["ChatGPT前面说的它记得住吗", "大模型到底多胖才算大", "ChatGPT写多长、啥风格，能管得住不"],
)
def test_words_of_small_talk_in_another_sense_are_still_asked(
    library: Library, question: str
) -> None:
    assert library.match(question).verdict is not Verdict.DECLINE, question


@pytest.mark.parametrize(
    "question",
    ["是什么", "怎么做", "有什么用", "有什么缺点", "怎么训练的", "优势是啥", "how does it work"],
)
def test_a_question_that_names_no_subject_is_not_answered_for_one_that_ties(
    library: Library, question: str
) -> None:
    # Several subjects fit the bare form alike ("有什么缺点": ChatGPT's and 大模型's); the first
    # was answered, whichever it happened to be. The chat asks it of its current topic.
    match = library.match(question)
    assert match.verdict is Verdict.SUGGEST
    assert len({hit.entry.subject for hit in match.hits}) > 1


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [("ChatGPT有什么缺点", "chatgpt-weaknesses"), ("能写代码吗", "chatgpt-abilities")],
)
def test_a_subject_or_one_fitting_subject_still_answers(
    library: Library, question: str, entry_id: str
) -> None:
    assert answered_by(library, question) == entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [("介绍下ChatGPT", "chatgpt-definition"), ("给我介绍介绍大模型", "large-model-definition")],
)
def test_asking_for_an_introduction_is_asking_what_it_is(
    library: Library, question: str, entry_id: str
) -> None:
    # 介绍下 was a word of its own, and ChatGPT's entries tied on the name: whether it is free.
    assert answered_by(library, question) == entry_id


@pytest.mark.parametrize(
    ("asked", "entry_id"),
    [
        ("請用白話解釋一下大模型這個詞", "large-model-definition"),
        ("泛化能力 ELI5", "generalization"),
        (
            "我是大二学生，导师说我们实验室根本做不了ChatGPT这种项目，帮我总结下原因",
            "university-ai-research",
        ),
    ],
)
def test_how_to_tell_it_is_no_part_of_what_is_asked(
    library: Library, asked: str, entry_id: str
) -> None:
    # 白话, ELI5, 总结下 were words no entry says, counted against the question.
    assert answered_by(library, asked) == entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # Its 它 met the 它 of "为什么有人警告、封杀它": the entry on ChatGPT's critics.
        ("chatgpt，它到底是个啥东西", "chatgpt-definition"),
        ("ChatGPT，它是干啥的", "chatgpt-abilities"),  # not what its instruction learning does
    ],
)
def test_a_pronoun_beside_the_subject_it_points_at_says_nothing_of_its_own(
    library: Library, question: str, entry_id: str
) -> None:
    assert answered_by(library, question) == entry_id


@pytest.mark.parametrize(
    "question",
    [
        "What is the difference between RAG and fine-tuning?",
        "What is a GAN and who invented it?",
        "How does DALL-E generate images from text?",
    ],
)
def test_an_english_question_about_an_unknown_acronym_is_not_answered(
    library: Library, question: str
) -> None:
    # In English only a word with a digit was a name: RAG was an unknown word like any other,
    # and "RAG and fine-tuning" was answered with the entry on fine-tuning.
    assert answered_by(library, question) is None


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [("What is RLHF?", "rlhf"), ("What is an LLM?", "large-model-definition")],
)
def test_an_english_question_about_a_known_acronym_still_answers(
    library: Library, question: str, entry_id: str
) -> None:
    assert answered_by(library, question) == entry_id


def test_an_english_message_with_a_chinese_term_in_it_is_read_as_english(
    library: Library,
) -> None:
    # With one Chinese word in it, every English word counted as a strange name: declined.
    question = (
        "My boss keeps talking about 大模型 in every meeting, but honestly I don't know what it "
        "means. Can you explain what a large model actually is?"
    )
    assert answered_by(library, question) == "large-model-definition"


def test_going_back_to_a_subject_is_no_content(library: Library) -> None:
    # 还是 / 说 / 回 counted as words the knowledge does not know: a did-you-mean at 0.29.
    assert answered_by(library, "还是说回GPT-3，它是谁做的") == "gpt-3"


def test_boilerplate_topics_are_declined(library: Library) -> None:
    for question in ("成都创新互联公司是做什么的", "LeetCode买卖股票", "贪心算法题怎么做"):
        assert library.match(question).verdict is not Verdict.ANSWER, question


def test_every_phrasing_routes_to_its_own_entry(library: Library) -> None:
    assert find_collisions(library) == []


def test_the_shipped_cases_pass_at_ninety_percent(library: Library) -> None:
    report = run_cases(library, load_cases(CASES))
    assert report.accuracy >= 0.9, [(m.case.question, m.got) for m in report.misses]
    assert report.accuracy_of(off_topic=True) >= 0.9


def test_a_thank_you_is_declined_as_the_chat_takes_it_and_a_question_after_thanks_is_not(
    library: Library,
) -> None:
    # "谢谢你的帮助" was searched, and its 帮助 answered with what 大模型 gives 生成式AI.
    thanks = Case("谢谢你的帮助！", NONE)
    question = Case("谢谢！那什么是大模型？", "large-model-definition")
    report = run_cases(library, [thanks, question])
    assert [outcome.passed for outcome in report.outcomes] == [True, True]


def test_cases_are_not_copied_from_the_knowledge(library: Library) -> None:
    def normalise(text: str) -> str:  # width, case and punctuation only: same words, same case
        return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())

    phrasings = {normalise(p) for e in library.entries for p in e.phrasings}
    cases = load_cases(CASES)
    assert len(cases) >= 150
    assert sum(c.expect == "none" for c in cases) >= 30
    copied = [c.question for c in cases if normalise(c.question) in phrasings]
    assert copied == []


def test_each_entry_has_at_least_two_cases(library: Library) -> None:
    cases = load_cases(CASES)
    counts = {e.id: 0 for e in library.entries}
    for case in cases:
        if case.expect in counts:
            counts[case.expect] += 1
    assert [i for i, n in counts.items() if n < 2] == []


def test_knowledge_has_no_site_boilerplate(library: Library) -> None:
    banned = (
        "http",
        "www.",
        "MySQL",
        "Redis",
        "创新互联",
        "4000-747-360",
        "582059487",
        "QQ",
        "相关推荐",
        "相关文章",
        "发布者",
        "luotuoemo",
        "本文标题",
        "欢迎访问",
    )
    for entry in library.entries:
        text = " ".join((entry.question, *entry.alternatives, entry.answer))
        assert not [b for b in banned if b in text], entry.id


def test_a_repeated_question_gets_the_same_hits_whatever_the_caller_did_with_them(
    library: Library,
) -> None:
    question = "ChatGPT是怎么训练出来的"
    first = library.search(question, limit=5)
    expected = list(first)
    first.clear()  # a caller's list is its own: the hits kept for the next asker are untouched
    assert library.search(question, limit=5) == expected and expected
    assert library.search(question, limit=2) == expected[:2]


@pytest.mark.parametrize("question", ["who invented transformer?", "Transformer是谁开发的"])
def test_who_made_a_subject_is_not_answered_with_who_made_another(
    library: Library, question: str
) -> None:
    # The entry on GPT says OpenAI made GPT, and mentions Transformer: no maker of Transformer.
    assert library.match(question).answered is None


def test_who_made_a_subject_is_still_answered_of_that_subject(library: Library) -> None:
    answered = library.match("ChatGPT是谁开发的").answered
    assert answered is not None and answered.entry.id == "chatgpt-maker"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # What the articles say of ChatGPT's parameters (拥有大量的参数) answers a question
        # that asks for no figure: it was declined as "ChatGPT有多少参数" is.
        ("那ChatGPT的参数呢", "chatgpt-parameters"),
        ("ChatGPT参数多吗", "chatgpt-parameters"),
        # The figure it lacks, another model's, or anything it does not know, still declined.
        ("ChatGPT具体有多少参数", None),
        ("那GPT-4的参数呢", None),
        ("谷歌的Gemini和ChatGPT比，谁的参数多？", None),
    ],
)
def test_an_entry_that_lacks_a_figure_answers_with_what_it_says_when_no_figure_is_asked(
    library: Library, question: str, entry_id: str | None
) -> None:
    assert answered_by(library, question) == entry_id


def test_an_entry_tells_besides_what_it_lacks_only_when_it_says_more_of_its_subject(
    library: Library,
) -> None:
    chatgpt, gpt_4 = library.get("chatgpt-parameters"), library.get("gpt-4-parameters")
    assert chatgpt is not None and gpt_4 is not None
    assert facts.tells_besides_what_it_lacks(chatgpt.answer, chatgpt.subject)
    assert not facts.tells_besides_what_it_lacks(gpt_4.answer, gpt_4.subject)
