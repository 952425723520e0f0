"""What kind of fact a question asks for, what an answer holds, and the damping that follows."""

from __future__ import annotations

import pytest
from answers import answered_by

from bot.core import clarify, facts, phrases
from bot.core.facts import Fact
from bot.core.library import Library
from bot.core.search import Verdict


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("GPT-3有多少参数", Fact.NUMBER),
        ("How many users does ChatGPT have", Fact.NUMBER),
        ("ChatGPT是什么时候推出的", Fact.DATE),
        ("when was ChatGPT launched", Fact.DATE),
        ("how does ChatGPT learn to code when it is trained", Fact.NONE),  # "when" joins clauses
        ("GPT-1是哪一年发布的", Fact.DATE),
        ("ChatGPT是2020年就出来了吧", Fact.DATE),  # a year stated is a date checked
        ("训练大模型要花多少钱", Fact.NUMBER | Fact.MONEY),
        ("ChatGPT的API价格是多少", Fact.NUMBER | Fact.MONEY),
        ("ChatGPT一上线就得付费才能用吧", Fact.MONEY),  # whether it is paid for is a price too
        ("训练大模型成本高吗", Fact.NONE),  # a cost may be compute as much as money
        ("训练根本用不了多少算力吧", Fact.NONE),  # "not much" asks for no number
        ("微调没多少人在用吧", Fact.NONE),
        ("AI写的跟人写的还差多少", Fact.NONE),  # how far apart: a degree, not a number
        ("参数多少跟学习能力没关系吧", Fact.NONE),  # an amount named as a thing, not asked
        ("GPT是哪家公司开发的", Fact.MAKER),
        ("ChatGPT背后的公司是哪家", Fact.MAKER),
        ("ChatGPT背后的公司是谁", Fact.MAKER),
        ("ChatGPT是谁家的产品", Fact.MAKER),  # 谁家 is 哪家
        ("ChatGPT是谷歌做的吧", Fact.MAKER),  # a maker named to be checked
        ("谁能用ChatGPT", Fact.NONE),  # who may use it, not who made it
        ("这个是谁发现的", Fact.MAKER),
        ("哪个研究者的名字", Fact.MAKER),
        ("这种说法是谁提出来的", Fact.NONE),  # answered by 不少学者和研究人员
        ("那思维链是谁提出来的", Fact.MAKER),  # who came up with a method (was answered)
        ("这个观点是谁提出的", Fact.NONE),
        ("为什么学者们担心ChatGPT会毁掉大学论文", Fact.NONE),  # why, of the scholars
        ("为什么公司都在做大模型", Fact.NONE),
        ("什么公司做的ChatGPT", Fact.MAKER),
        ("GPT有几个版本", Fact.NONE),  # answered by a list as often as by a count
        ("ChatGPT用户破亿用了多久", Fact.DURATION),
        ("预训练一个大模型要跑几天", Fact.DURATION),
        ("ChatGPT是几月份推出的", Fact.DATE),  # a month, not a span of months
        ("生成式AI还能火多久", Fact.NONE),  # its future, not how long something took
        ("OpenAI的CEO是哪国人", Fact.COUNTRY),
        ("埃里克是哪里人", Fact.COUNTRY),
        ("ChatGPT的服务器在哪个国家", Fact.COUNTRY),
        ("什么是大模型", Fact.NONE),
        ("ChatGPT具体是11月几号上线的", Fact.DAY),
        ("ChatGPT是哪天发布的", Fact.DATE | Fact.DAY),
        ("有啥提示工程的课程推荐吗", Fact.PICKS),
        ("推荐几本讲大模型的书", Fact.PICKS),
        ("ChatGPT能给人推荐什么", Fact.NONE),
        ("哪个AI画图最好用", Fact.PICKS),  # which product is best
        ("国内哪家的大模型最强", Fact.PICKS | Fact.MAKER),
        ("GPT哪个版本最有名", Fact.NONE),  # GPT-3, the articles say
        ("那我们学校到底该不该禁用ChatGPT", Fact.PICKS),  # advice
        ("这名字是谁起的", Fact.NAMER),
        ("谁给ChatGPT起的名字", Fact.NAMER),
        ("ChatGPT是在哪训练的", Fact.PLACE),
        ("用的谁家的服务器", Fact.PLACE | Fact.MAKER),
        ("ChatGPT是怎么训练的", Fact.NONE),
        ("思维链英文叫什么", Fact.LATIN_NAME),
        ("GPT的全称是啥", Fact.LATIN_NAME),
        ("用英语怎么说", Fact.LATIN_NAME),
        ("ChatGPT能用英文提问吗", Fact.NONE),  # the language asked in, not a name
        ("in english: what does generative AI gain from large models?", Fact.NONE),
    ],
)
def test_the_fact_a_question_asks_for(library: Library, question: str, wanted: Fact) -> None:
    reading = library.read(question)
    assert facts.asked(library.analyzer.tokenise(reading.corrected)) == wanted


@pytest.mark.parametrize(
    ("answer", "holds"),
    [
        ("GPT-3具有1750亿参数", Fact.NUMBER),
        ("大模型通常有数十亿个参数", Fact.NUMBER),
        ("于2022年11月推出", Fact.NUMBER | Fact.DATE),
        ("写于2023年初", Fact.NUMBER | Fact.DATE),
        ("GPT系列有GPT-1、GPT-2、GPT-3.5和GPT-4", Fact.NONE),  # versions are names, not figures
        ("ChatGPT建立在GPT系列模型之上", Fact.NONE),
        ("OpenAI估值达到290亿美元", Fact.NUMBER | Fact.MONEY | Fact.MAKER),  # names the maker
        ("ChatGPT是由OpenAI开发的", Fact.MAKER),
        ("媒体和广告公司可以用生成式AI扩大产能", Fact.NONE),  # a company, but not who made it
        ("研究预览期间可以免费使用", Fact.MONEY),  # a price, though no figure
        ("上线两个月用户就达到1亿", Fact.NUMBER | Fact.DURATION),
        ("训练用了3天", Fact.NUMBER | Fact.DURATION),
        ("他是美国人", Fact.COUNTRY),
        ("国内的团队还在规划", Fact.NONE),  # China is where the asker is, not an answer
        ("国内团队要开启对标ChatGPT产品的研发", Fact.NONE),  # research under way names no maker
        (
            "文章没有说是哪些公司、哪些团队",
            Fact.MAKER,
        ),  # which makers: the answer says it is not given
        ("于2022年11月推出", Fact.NUMBER | Fact.DATE),  # a year and a month are dates, no span
        ("《ChatGPT连夜迭代的简单介绍》（写于2023年初）给出的使用方法", Fact.NONE),  # provenance
        ("于2022年11月30日推出", Fact.NUMBER | Fact.DATE | Fact.DAY),
        ("在Microsoft Azure超级计算基础设施上训练", Fact.PLACE),
        ("思维链（Chain of Thought）", Fact.LATIN_NAME),
        ("全称是Chat Generative Pre-trained Transformer", Fact.LATIN_NAME),
        ("思维链是从GPT到ChatGPT的关键技术之一", Fact.NONE),
        ("用PPO多次迭代进一步微调模型", Fact.NONE),
    ],
)
def test_the_facts_an_answer_holds(answer: str, holds: Fact) -> None:
    assert facts.held(answer) == holds


def test_a_course_to_recommend_is_declined(library: Library) -> None:
    # Answered with the entry on 提示工程: the articles explain it and recommend nothing.
    assert library.match("有啥提示工程的课程推荐吗").verdict is Verdict.DECLINE
    assert library.match("提示工程是啥").verdict is Verdict.ANSWER


@pytest.mark.parametrize("question", ["哪个大模型最好用", "哪家的大模型最强", "这名字是谁起的"])
def test_which_product_is_best_and_who_named_it_are_not_answered(
    library: Library, question: str
) -> None:
    # Answered with what large models are good for, the definition, and GPT's definition (who
    # made it): no article ranks products or says who named ChatGPT.
    assert library.match(question).answered is None


def test_who_made_it_is_not_answered_by_an_entry_that_does_not_say(library: Library) -> None:
    hits = {hit.entry.id: hit for hit in library.search("GPT系列是哪家公司开发的", limit=8)}
    assert not hits["gpt-versions"].fact_held and hits["gpt-definition"].fact_held
    assert library.match("GPT系列是哪家公司开发的").hits[0].entry.id == "gpt-definition"


def test_which_rival_and_who_launched_it_first_is_not_answered_by_the_plans_reported(
    library: Library,
) -> None:
    # The entry on Chinese teams says they began research on rivals; it names no product or maker.
    assert library.match("国内对标chatgpt的那些产品具体叫啥名？哪家最先上线的").answered is None


def test_an_entry_without_the_asked_fact_is_damped(library: Library) -> None:
    # gpt-versions names every version but gives no figure and no date.
    asked = {hit.entry.id: hit for hit in library.search("GPT-1是哪一年发布的", limit=5)}
    plain = {hit.entry.id: hit for hit in library.search("GPT-1是什么", limit=5)}
    assert not asked["gpt-versions"].fact_held and plain["gpt-versions"].fact_held
    assert asked["gpt-versions"].score < plain["gpt-versions"].score
    assert library.match("GPT-1是哪一年发布的").answered is None


def test_a_price_is_not_answered_with_a_parameter_count(library: Library) -> None:
    # large-model-parameters holds numbers, none of them a sum of money.
    match = library.match("训练大模型要花多少钱")
    assert match.answered is None
    assert all(not hit.fact_held for hit in match.hits if hit.entry.id == "large-model-parameters")


def test_how_long_is_not_answered_by_an_entry_that_gives_no_span(library: Library) -> None:
    assert answered_by(library, "预训练一个大模型要跑几天") is None
    assert answered_by(library, "ChatGPT用户破亿用了多久") == "chatgpt-popularity"


def test_where_a_person_is_from_is_not_answered_by_what_the_articles_say_of_him(
    library: Library,
) -> None:
    # The impact entry quotes Eric Boyd of Microsoft; no article says where anyone is from.
    assert answered_by(library, "埃里克是哪里人") is None
    # The training entry names Microsoft's Azure, not where its servers are.
    assert answered_by(library, "ChatGPT的服务器放在哪个国家") is None


def test_a_day_asked_of_a_date_given_to_the_month_is_not_in_the_sources(
    library: Library,
) -> None:
    # "11月几号" was answered with the launch entry, which says only 2022年11月.
    match = library.match("ChatGPT具体是11月几号上线的？")
    best = match.best
    assert best is not None and best.entry.id == "chatgpt-launch" and best.fact_held
    assert best.not_in_sources and "2022年11月" in best.unsaid and match.answered is None
    assert facts.date_without_day("于2022年11月30日推出。") == ""
    assert facts.answered(Fact.DAY, Fact.DATE) and not facts.answered(Fact.DAY, Fact.NUMBER)


def test_an_entry_with_the_asked_fact_is_not_damped(library: Library) -> None:
    match = library.match("ChatGPT是什么时候推出的")
    assert match.answered is not None and match.answered.fact_held


@pytest.mark.parametrize(
    ("question", "asked_about"),
    [
        ("在公司里怎么部署大模型", ("部署",)),
        ("大模型的剪枝是什么意思", ("剪枝",)),
        ("RLHF是什么", ("rlhf",)),
        ("ChatGPT是怎么进行训练的", ()),  # 进行 is an everyday verb
        ("GPT和ChatGPT是什么关系", ()),  # the aspect asked (关系), not a term
        ("ChatGPT是什么时候推出的", ()),
        ("怎么用ChatGPT写代码", ()),  # 用: a single character is grammar
        ("ChatGPT是怎么学会编程的", ("编程",)),  # learning to is no head: what it learnt is
        # Nor is managing to ("它咋做到不乱说脏话不瞎输出的" was a did-you-mean, its 做到 known to
        # no entry): what it manages, when a word of its own follows.
        ("它咋做到不乱说脏话不瞎输出的", ()),
        ("ChatGPT是怎么做到多轮对话的", ("多轮对话",)),
    ],
)
def test_the_words_a_question_form_asks_about(
    library: Library, question: str, asked_about: tuple[str, ...]
) -> None:
    tokens = library.analyzer.tokenise(library.read(question).corrected)
    assert facts.heads(tokens, is_everyday=library.analyzer.is_everyday_word) == asked_about


def test_an_entry_that_does_not_know_the_asked_word_is_damped(library: Library) -> None:
    # "部署" (deploying) is a word no entry has: the entries on large models share 大模型 only.
    [hit] = library.search("大模型怎么部署", limit=1)
    assert not hit.head_known
    assert library.match("大模型怎么部署").answered is None
    [known] = library.search("大模型怎么训练", limit=1)
    assert known.head_known


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("谁做的", Fact.MAKER),
        ("什么时候出的", Fact.DATE),
        ("哪年出的", Fact.DATE),
        ("how fast", Fact.DURATION),
        ("北京房价多少", Fact.NONE),  # a number of something
        ("你觉得哪家公司会先做出来", Fact.NONE),  # an opinion
        ("GPT-3是谁做的", Fact.NONE),  # names what it asks about
    ],
)
def test_a_question_that_only_asks_for_a_kind_of_fact(
    library: Library, question: str, wanted: Fact
) -> None:
    assert facts.only_asks(library.read(question).tokens) == wanted


def test_an_entry_that_says_the_figure_is_not_given_holds_what_its_question_asks(
    library: Library,
) -> None:
    # GPT-4's entry gives no figure at all (it says none is given); it is still the one for
    # the question, and declines it, instead of an entry that gives ChatGPT's.
    match = library.match("GPT-4的参数量是多少")
    assert match.best is not None and match.best.entry.id == "gpt-4-parameters"
    assert match.answered is None


def test_which_companies_by_name_is_asked_of_an_answer_that_does_not_say(
    library: Library,
) -> None:
    # "是哪些大厂封的" was answered with the impact entry, which says it does not name them.
    reading = library.read("ChatGPT是被哪些大厂封的")
    assert reading.unsaid is not None and reading.unsaid.specifics
    assert library.read("ChatGPT会影响哪些工作").unsaid is None  # 哪些 alone: kinds, not names
    # What the multimodal answer does say (图像、视频) is answered, though it names no product.
    assert answered_by(library, "多模态具体指哪些数据") == "multimodal"


@pytest.mark.parametrize(
    ("entry_id", "gives"),
    [
        ("chain-of-thought", True),  # 这可能是因为代码…逻辑性
        ("safety-ethics", True),  # 为了减少模型产生的不当…的回复: a purpose is a reason too
        ("gpt-3", False),  # a figure, 1750亿参数, and no why
    ],
)
def test_an_answer_gives_a_reason_when_it_states_a_cause_or_a_purpose(
    library: Library, entry_id: str, gives: bool
) -> None:
    entry = library.get(entry_id)
    assert entry is not None and clarify.gives_a_reason(entry) is gives


@pytest.mark.parametrize(
    ("text", "moments"),
    [
        ("chatgpt上线第五天用户数是多少", ("第五天",)),
        ("头一周有多少人用", ("头一周",)),
        ("chatgpt上线5天用户有多少", ("5天",)),  # counted from the launch
        ("发布一周有多少人用", ("一周",)),
        ("chatgpt用了5天就腻了", ()),  # a stretch, but not since the launch
        ("3天之内用户破了多少", ("3天之内",)),
        ("上线两个月后用户有多少", ()),  # the answer's own span is no other moment
        ("上线一年后用户有多少", ("一年后",)),
        ("第一年赚了多少", ("第一年",)),
        ("2023年用户有多少", ()),  # a year named, not a stretch (see years_named)
        ("十几年前那个创业者做了多少", ()),
        ("chatgpt现在有多少用户", ()),
    ],
)
def test_the_moments_a_figure_is_asked_at(text: str, moments: tuple[str, ...]) -> None:
    assert facts.moments_named(text) == moments


@pytest.mark.parametrize(
    ("asked_of", "lead"),
    [
        ("现在", "文章没有说现在的情况，只有写作时的说法"),
        ("2025年", "文章没有说2025年的情况，只有写作时的说法"),
        ("第五天", "文章没有说第五天的情况，它说的是"),
        ("第一年", "文章没有说第一年的情况，它说的是"),  # a moment, not a year of writing
    ],
)
def test_a_time_asked_of_is_said_with_what_the_article_gives(asked_of: str, lead: str) -> None:
    assert phrases.not_in_sources("（答案）", asked_of=asked_of).startswith(lead)


def test_a_figure_the_answer_does_not_hold_is_said_not_given(library: Library) -> None:
    # The answer on jobs counts nobody: it was the answer, as if it said how many.
    match = library.match("ChatGPT会让多少人失业")
    assert match.best is not None and match.best.entry.id == "chatgpt-jobs-impact"
    assert answered_by(library, "ChatGPT会让多少人失业") is None
    text = phrases.not_in_sources(
        match.best.entry.answer, unsaid=match.best.leaves_out_what_is_asked
    )
    assert text.startswith("文章没有回答这一点")
    # A question of what it does, no figure asked, is still answered.
    assert answered_by(library, "ChatGPT会让人失业吗") == "chatgpt-jobs-impact"
