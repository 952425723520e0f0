import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bot.core.library import Library
from bot.core.text import (
    WORD_JOINERS,
    Analyzer,
    _alternation,
    char_bigrams,
    checks_a_claim,
    set_aside,
)


def test_full_width_case_and_traditional_are_folded(analyzer: Analyzer) -> None:
    assert analyzer.normalise("請問ＣｈａｔＧＰＴ是什麼？") == "请问chatgpt是什么"


def test_a_colloquial_what_leaves_no_character_over(analyzer: Analyzer) -> None:
    # 啥玩意 alone left the 儿 of 啥玩意儿 as a word of its own ("什么儿").
    assert analyzer.tokenise("大模型是啥玩意儿") == analyzer.tokenise("大模型是什么")


def test_synonyms_become_one_term(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("LLM是什么") == analyzer.tokenise("大语言模型是什么")
    assert "生成式ai" in analyzer.tokenise("AIGC和大模型")
    assert analyzer.tokenise("chat gpt 全称") == analyzer.tokenise("ChatGPT全称")
    assert analyzer.tokenise("要的computing resource太多") == analyzer.tokenise("要的计算资源太多")
    assert analyzer.tokenise("chatgtp咋训练") == analyzer.tokenise("ChatGPT咋训练")
    assert analyzer.tokenise("基于人类反馈的强化学习") == ["rlhf"]


def test_a_variant_written_with_another_variant_s_term_is_met(analyzer: Analyzer) -> None:
    # 什么招 is a variant of 方法; people write 啥招, and 啥 becomes 什么 only in the same pass.
    assert "方法" in analyzer.tokenise("训练太慢了，有啥招")
    assert "原理" in analyzer.tokenise("RLHF是怎樣運作的")


@pytest.mark.parametrize(
    ("message", "term"),
    [
        ("ChatGPT为啥一下子火成这样", "火"),
        ("ChatGPT火到啥程度了", "火"),
        ("它能听懂洋文吗", "英文"),
        ("GPT要做具体任务是直接用还是得再调一调", "微调"),
        ("ChatGPT聊好多轮会乱吗", "多轮对话"),
        ("Transformer碰上长句子也hold得住吗", "处理"),
    ],
)
def test_colloquial_words_jieba_would_glue_are_terms(
    analyzer: Analyzer, message: str, term: str
) -> None:
    assert term in analyzer.tokenise(message)


def test_typos_the_pinyin_check_cannot_see_are_variants(analyzer: Analyzer) -> None:
    # 全程 is a word of its own (never corrected), 另 only looks like 别: neither is a
    # homophone of a term the typo corrector knows.
    assert "全称" in analyzer.tokenise("chatgpt的全程是什么")
    assert "区别" in analyzer.tokenise("ChatGPT和GPT的区另是什么")
    assert "全称" not in analyzer.tokenise("训练的全程要多久")


def test_dialect_question_words_are_question_words(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("它在学个啥子") == analyzer.tokenise("它在学个什么")
    assert "全称" in analyzer.tokenise("RLHF是啥的缩写")


def test_the_term_itself_is_padding(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("GPT这个词是什么意思") == analyzer.tokenise("GPT是什么意思")


def test_right_is_it_is_padding_but_not_the_dui_of_fandui(analyzer: Analyzer) -> None:
    # 对 alone is the 对 of 对标: "ChatGPT是谷歌做的对吧" was answered with the Chinese rivals.
    assert analyzer.tokenise("ChatGPT是谷歌做的对吧") == ["chatgpt", "谷歌", "做"]
    assert analyzer.tokenise("不对吧 我听说是微软自己做的") == ["微软", "自己", "做"]
    assert "反对" in analyzer.tokenise("没人反对吧")


def test_burning_machines_is_compute(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("练一个大模型是不是特别烧机器") == [
        "训练",
        "大模型",
        "特别",
        "计算资源",
    ]


def test_to_fix_is_to_correct_but_made_from_is_a_variant(analyzer: Analyzer) -> None:
    # "帮我改英语作文语法" asks to correct it (纠正, as the abilities entry says); "从它改出来
    # 的" asks whether ChatGPT was made from GPT-3 (变体), not whether it corrects anything.
    assert "纠正" in analyzer.tokenise("ChatGPT能帮我改英语作文语法不")
    tokens = analyzer.tokenise("ChatGPT是从GPT-3改出来的吗")
    assert "变体" in tokens and "纠正" not in tokens


def test_the_figure_itself_is_padding_but_not_the_start_of_data(analyzer: Analyzer) -> None:
    # jieba glued 数是 of "这个数是", a word no entry has, and the question was declined.
    assert analyzer.tokenise("那600亿这个数是哪来的") == ["600亿", "哪来"]
    assert analyzer.tokenise("这个数据是哪来的") == ["数据", "哪来"]


def test_chat_slang_for_the_difference_is_the_difference(analyzer: Analyzer) -> None:
    assert "区别" in analyzer.tokenise("ChatGPT vs GPT 有啥diff")


def test_put_to_use_is_application(analyzer: Analyzer) -> None:
    assert "应用" in analyzer.tokenise("大模型能在哪些行业落地")


@pytest.mark.parametrize(
    ("said", "term"),
    [
        ("Transformer能抓long dependency吗", "长期依赖性"),
        ("long-range dependencies", "长期依赖性"),
        ("訓練要多少運算資源", "计算资源"),  # Taiwan's word for compute
        ("ChatGPT在education这些domain有用吗", "领域"),
        ("那用户量呢", "用户"),
        ("它当初为什么能那么快火起来", "火"),  # jieba glued 快 to 火
        ("有同事建议拿现成的模型改一改", "预训练模型"),
        ("这是不是它的通病啊", "缺点"),
        ("那强化那一步呢", "强化学习"),  # the RL step of training
        ("人跟机器聊天的体验有啥变化", "人机交互"),
    ],
)
def test_english_and_taiwan_words_for_known_terms(analyzer: Analyzer, said: str, term: str) -> None:
    assert term in analyzer.tokenise(said)


def test_latin_synonyms_match_whole_words_only(analyzer: Analyzer) -> None:
    # "prompt" is a synonym of 提示学习, but not inside another word.
    assert "提示学习" in analyzer.tokenise("prompt是啥")
    assert "提示学习" not in analyzer.tokenise("prompts123x")


def test_a_latin_synonym_does_not_take_the_second_half_of_a_hyphened_name(
    analyzer: Analyzer,
) -> None:
    # "learning" is 学习, but Q-learning is a name the knowledge does not know, and must stay
    # one: as q- + 学习 it was answered with the PPO entry.
    assert analyzer.tokenise("learning方法") == ["学习", "方法"]
    assert analyzer.tokenise("强化学习里的Q-learning") == ["强化学习", "里", "q-learning"]


def test_an_english_word_s_chinese_term_stays_a_word_of_its_own(analyzer: Analyzer) -> None:
    # Not jieba's 点点 + 赞 of "用户点点赞", nor 参数规模 of "参数规模到多少": the English word was
    # a word by itself. An abbreviation joins its neighbours as before (生成式AI is one term).
    assert analyzer.tokenise("用户点thumbs up的反馈") == ["用户", "点", "点赞", "反馈"]
    assert analyzer.tokenise("参数scale到多少")[:2] == ["参数", "规模"]
    assert analyzer.tokenise("生成式AI在advertising行业")[:2] == ["生成式ai", "广告"]


def test_english_question_and_problem_are_wen_ti(analyzer: Analyzer) -> None:
    # A variant added in the middle of 问题's list once moved question(s) under 写.
    assert analyzer.tokenise("good questions") == ["good", "问题"]
    assert analyzer.tokenise("problems") == ["问题"]


def test_a_verb_said_short_is_the_verb(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("训大模型太慢了") == ["训练", "大模型", "太慢"]
    assert analyzer.tokenise("在谁家机房训的")[-1] == "训练"
    # Only a 训 or 聊 on its own: 培训 and 无聊 are other words.
    assert "培训" in analyzer.tokenise("去培训一下")
    assert analyzer.tokenise("无聊的时候跟它聊")[:1] == ["无聊"]
    assert "封杀" in analyzer.tokenise("听说学校和公司都在禁它")
    assert "封杀" not in analyzer.tokenise("禁止使用")
    # jieba glues 去 or 来 to it: 拿我们的数据去训 trains on them; 过去训练 is no such glue.
    assert analyzer.tokenise("拿我们的数据去训")[-1] == "训练"
    assert analyzer.tokenise("拿代码来训")[-1] == "训练"
    # 练 too ("从头练太慢了"), not 训练's own 练 nor 熟练.
    assert analyzer.tokenise("从头练太慢了") == ["从头", "训练", "太慢"]
    assert "熟练" in analyzer.tokenise("用得很熟练")
    assert analyzer.tokenise("过去训练的模型")[:2] == ["过去", "训练"]


def test_where_said_short_is_where(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("在哪训练的") == analyzer.tokenise("在哪里训练的")
    assert analyzer.tokenise("在哪儿训练的") == analyzer.tokenise("在哪里训练的")
    # Only after 在: 哪 alone may ask which.
    assert "哪里" not in analyzer.tokenise("哪年出来的")


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("思维链是靠聊天记录训练出来的吧", True),
        ("rlhf难道只是为了让答案更准", True),
        ("大模型不就是参数多吗", True),
        ("chatgpt是不是要收费", True),
        ("rlhf不是不需要人参与吗", True),  # 不是…吗 expects a yes
        ("gpt为什么不是开源的", False),
        ("我觉得大模型根本不需要微调", True),  # an opinion to be checked
        ("听说chatgpt是谷歌做的", True),  # hearsay to be checked
        ("gpt-3有1750亿参数 真的假的", True),  # asks whether it is true
        ("我朋友非说rlhf就是让用户点赞", True),  # someone insists
        ("gpt是哪家开发的 我一直以为是谷歌", True),  # a belief held so far
        ("my boss keeps saying chatgpt is just gpt is that right", True),  # in English
        ("gpt-3只有600亿参数 是这样吗", True),  # asks whether it is so
        ("这样的模型怎么训练", False),
        ("思维链是怎么训练出来的", False),
        ("吧台怎么布置", False),
    ],
)
def test_a_claim_put_to_be_confirmed_is_told_from_an_open_question(text: str, claim: bool) -> None:
    assert checks_a_claim(text) is claim


@pytest.mark.parametrize("text", ["我记得ChatGPT纯靠监督学习", "印象中RLHF不用人打分"])
def test_a_recalled_belief_is_a_claim_not_a_question_about_memory(
    analyzer: Analyzer, text: str
) -> None:
    assert checks_a_claim(analyzer.normalise(text))
    assert "记住" not in analyzer.tokenise(text)


def test_the_worst_headache_is_a_challenge_a_teacher_s_headache_is_not(analyzer: Analyzer) -> None:
    assert "挑战" in analyzer.tokenise("训练大模型最头疼的是啥")
    assert "挑战" not in analyzer.tokenise("老师是不是很头疼")


def test_more_and_more_is_cut_into_its_halves(analyzer: Analyzer) -> None:
    # jieba glued 越多越 and 越大越; the scale entry says 越大 and 越强.
    assert analyzer.tokenise("模型越大越厉害") == ["模型", "越大", "越强"]
    # With 就 between, jieba glued 越多就 into 越多 (a term no entry says, and the question
    # was offered choices).
    assert analyzer.tokenise("参数越多就越强吗") == analyzer.tokenise("参数越多越强吗")
    assert "越来越" in analyzer.tokenise("越来越重要")  # one word


def test_raising_is_one_word_however_it_is_said(analyzer: Analyzer) -> None:
    # The prompt entry says 提高 of the zero-shot ability, askers say 提升 or 升级.
    for said in ("零样本能力是怎么提升的", "哪几方面升级了", "what does it improve"):
        assert "提高" in analyzer.tokenise(said), said


def test_an_example_misspelt_is_an_example(analyzer: Analyzer) -> None:
    assert analyzer.normalise("举个列子") == analyzer.normalise("举个例子")


def test_the_more_the_better_is_the_more_the_stronger(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("参数越多越好")[-1] == "越强"
    assert "越强" not in analyzer.tokenise("参数越少越好")  # the opposite claim


def test_remembering_alone_still_asks_about_memory(analyzer: Analyzer) -> None:
    assert "记住" in analyzer.tokenise("ChatGPT记得之前聊过的内容吗")
    # Asked the other way round, it is the same question: whether it remembers.
    assert "记住" in analyzer.tokenise("普通GPT为什么记不住之前的对话")
    assert "记住" in analyzer.tokenise("原版GPT记不得之前的对话吗")


@pytest.mark.parametrize(
    ("tokens", "kept", "aside"),
    [
        ("chatgpt 除了 聊天 以外 能 做 什么", "chatgpt 能 做 什么", "聊天"),
        ("除了 写 代码 chatgpt 能 干嘛", "chatgpt 能 干嘛", "写 代码"),  # up to the subject
        ("大模型 除了 语言 处理 没 用途", "大模型 没 用途", "语言 处理"),
        ("什么 能 chatgpt 除了 聊天", "什么 能 chatgpt", "聊天"),  # English: besides at the end
        ("除了 甲 乙 丙 丁 戊", "丁 戊", "甲 乙 丙"),  # a thing or two, not the whole message
        ("transformer 除了 chatgpt 还 用 在 哪", "transformer 还 用 在 哪", "chatgpt"),
        ("除了 chatgpt 以外 还有 什么", "什么", "chatgpt"),  # a subject right after 除了
        ("除了 算力 还有 别的 原因", "别的 原因", "算力"),  # 还有 ends it, and is no content
        ("还有 哪些 地方 用 transformer", "哪些 地方 用 transformer", ""),
        ("chatgpt 能 做 什么", "chatgpt 能 做 什么", ""),
    ],
)
def test_what_besides_sets_aside_is_not_what_is_asked(tokens: str, kept: str, aside: str) -> None:
    result = set_aside(tokens.split(), is_subject=lambda token: token == "chatgpt")
    assert result == (kept.split(), aside.split())


def test_how_to_explain_it_is_padding(analyzer: Analyzer) -> None:
    tokens = analyzer.tokenise("能不能用通俗的话讲讲GPT预训练的原理")
    assert (
        tokens == analyzer.tokenise("能不能说说GPT预训练的原理") == ["能", "gpt", "预训练", "原理"]
    )
    assert analyzer.tokenise("能不能唠唠GPT预训练的原理") == tokens


@pytest.mark.parametrize("asking", ["有人懂", "有没有人知道", "谁懂"])
def test_asking_whether_anyone_knows_is_padding(analyzer: Analyzer, asking: str) -> None:
    # "有人懂ChatGPT是怎么训练的吗" was how ChatGPT came to 懂 code.
    assert analyzer.tokenise(f"{asking}ChatGPT是怎么训练的吗") == analyzer.tokenise(
        "ChatGPT是怎么训练的吗"
    )
    assert "懂" in analyzer.tokenise("ChatGPT真的懂编程吗")


@pytest.mark.parametrize(
    ("cantonese", "mandarin"),
    [
        ("佢幾時出嘅", "它什么时候出的"),
        ("識唔識講中文㗎", "会不会讲中文的"),
        ("定系英文", "还是英文"),
        ("生成式AI可以用喺邊度", "生成式ai可以用在哪里"),
        ("佢點樣幫到藝術家", "它怎样帮助艺术家"),
        ("有冇人知", "有没有人知"),
    ],
)
def test_cantonese_is_read_as_mandarin(analyzer: Analyzer, cantonese: str, mandarin: str) -> None:
    assert analyzer.normalise(cantonese) == analyzer.normalise(mandarin)
    assert "系统" in analyzer.normalise("对话系统")  # 系 alone is Mandarin's too


@pytest.mark.parametrize(
    ("playful", "plain"),
    [
        ("然后捏", "然后呢"),
        ("RLHF咧", "RLHF呢"),
        ("然后嘞", "然后呢"),
        ("咋做到滴", "咋做到的"),
        ("wei sha 这么火", "为啥这么火"),
        ("rlhf shi sha", "rlhf是啥"),
    ],
)
def test_playful_particles_and_questions_in_pinyin_are_read_as_written_plainly(
    analyzer: Analyzer, playful: str, plain: str
) -> None:
    assert analyzer.tokenise(playful) == analyzer.tokenise(plain)


def test_playful_particles_are_read_so_only_at_the_end_and_pinyin_why_leaves_other_pinyin(
    analyzer: Analyzer,
) -> None:
    assert "滴滴" in analyzer.normalise("滴滴打车是AI吗")
    assert analyzer.normalise("捏造的数据") == "捏造的数据"
    # The lexicon does not learn "wei" as an English word: "wei tiao" is still pinyin for 微调.
    assert "wei" not in analyzer.english_words


@pytest.mark.parametrize(
    ("either_way", "asked_once"),
    [
        ("ChatGPT会不会瞎说", "ChatGPT会瞎说吗"),
        ("大模型能不能写代码", "大模型能写代码吗"),
    ],
)
def test_a_yes_or_no_question_is_read_as_asked_once(
    analyzer: Analyzer, either_way: str, asked_once: str
) -> None:
    assert analyzer.tokenise(either_way) == analyzer.tokenise(asked_once)
    assert "不会" in analyzer.tokenise("这个不会吧")  # a 不会 of its own says something


@pytest.mark.parametrize("how", ["咋整的", "怎么搞的"])
def test_how_it_is_done_is_how_not_what_to_do(analyzer: Analyzer, how: str) -> None:
    # 咋整 asks what to do about something (训练太慢咋整); 是咋整的, how it is done.
    assert analyzer.tokenise(f"自回归是{how}") == analyzer.tokenise("自回归是怎么做的")
    assert "怎么办" in analyzer.tokenise("训练太慢咋整")


@pytest.mark.parametrize(
    ("said", "meant"),
    [("ChatGPT咋变得这么会说话", "ChatGPT咋这么会说话"), ("能力也会跟着涨吗", "能力也会涨吗")],
)
def test_how_a_change_comes_along_is_read_as_the_change(
    analyzer: Analyzer, said: str, meant: str
) -> None:
    # 变得 and 跟着 were words no entry says: they counted against the question.
    assert analyzer.tokenise(said) == analyzer.tokenise(meant)


def test_a_latin_term_set_beside_a_latin_word_stays_a_word_of_its_own(analyzer: Analyzer) -> None:
    # "人类反馈强化学习RLFH" was normalised to rlhfrlfh, one word the slip check could not see.
    assert analyzer.tokenise("人类反馈强化学习RLFH")[-1] == "rlfh"
    assert "rlhf" in analyzer.tokenise("人类反馈强化学习RLFH")


def test_famous_is_what_the_article_calls_well_known(analyzer: Analyzer) -> None:
    # "GPT哪个版本最有名" was the version ChatGPT is built on; the article calls GPT-3 较为知名.
    assert analyzer.tokenise("哪个最有名") == analyzer.tokenise("哪个最知名")
    assert "里面" not in analyzer.tokenise("里面哪个最有名")


def test_in_which_language_to_explain_is_padding(analyzer: Analyzer) -> None:
    # "能用中文给我解释一下吗" was read as whether ChatGPT speaks Chinese.
    assert analyzer.tokenise("GPT是啥意思，用中文给我解释一下") == analyzer.tokenise("GPT是啥意思")
    assert "中文" in analyzer.tokenise("ChatGPT能用中文吗")


@pytest.mark.parametrize("back", ["回到第一个问题，", "回到一开始的问题，", "回到"])
def test_going_back_to_an_earlier_question_is_padding(analyzer: Analyzer, back: str) -> None:
    assert analyzer.tokenise(f"{back}RLHF让ChatGPT哪方面变好了") == analyzer.tokenise(
        "RLHF让ChatGPT哪方面变好了"
    )


@pytest.mark.parametrize("aside", ["听着挺玄乎", "听起来很高大上", "听着贼玄乎"])
def test_how_a_term_sounds_to_the_asker_is_padding(analyzer: Analyzer, aside: str) -> None:
    assert analyzer.tokenise(f"思维链{aside}，到底指什么") == analyzer.tokenise("思维链到底指什么")


def test_a_claim_that_it_is_right_is_asked_as_accuracy(analyzer: Analyzer) -> None:
    assert "准确" in analyzer.tokenise("ChatGPT给的答案应该都挺准的吧")
    assert "准确" in analyzer.tokenise("ChatGPT说的都对吗")
    # A variant must not take half of a longer word: 很准 of 很准确, 全对 of 安全对.
    assert analyzer.tokenise("ChatGPT很准确吗") == ["chatgpt", "准确"]
    assert "准确" not in analyzer.tokenise("安全对大模型很重要")


def test_only_says_how_far_a_claim_goes_not_what_it_is_about(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("RLHF只是为了让回答更友好吗") == analyzer.tokenise(
        "RLHF为了让回答更友好吗"
    )


def test_fillers_particles_and_emoji_are_dropped(analyzer: Analyzer) -> None:
    tokens = analyzer.tokenise("请问一下，什么是大模型呀？😀😀")
    assert tokens == ["什么", "大模型"]


def test_an_english_interjection_is_no_word_to_look_for(analyzer: Analyzer) -> None:
    # Left in, "ok" was a latin name the knowledge does not know, which damps every entry.
    assert analyzer.tokenise("ok 那GPT-3是自回归的吗") == analyzer.tokenise("那GPT-3是自回归的吗")
    assert analyzer.tokenise("btw 大模型是啥 lol") == analyzer.tokenise("大模型是啥")


def test_the_knowledge_s_own_words_are_cut_right(analyzer: Analyzer) -> None:
    # jieba alone cuts 点赞点踩 into 点 / 赞点 / 踩.
    assert analyzer.tokenise("点赞点踩有什么用")[:2] == ["点赞", "点踩"]


def test_domain_words_stay_whole(analyzer: Analyzer) -> None:
    for word in ("思维链", "近端策略优化", "gpt-3.5", "生成式ai", "奖励模型"):
        assert word in analyzer.tokenise(f"{word}是什么"), word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("生成式AI加大模型能做什么", "大模型"),  # not 加大 / 模型
        ("ChatGPT聊久了不连贯吧", "连贯"),  # not 不连贯
        ("生成式AI不可能有创造力吧", "创造力"),  # not 有创造力
    ],
)
def test_domain_words_stay_whole_inside_a_sentence(
    analyzer: Analyzer, text: str, word: str
) -> None:
    # A word of the lexicon outweighs jieba's own words around it (加大, 有创造力, 不连贯):
    # jieba knows it as rare, if at all, and would join it to a neighbour.
    assert word in analyzer.tokenise(text)


def test_symbols_become_spaces_and_joiners_stay_only_inside_words(analyzer: Analyzer) -> None:
    assert analyzer.normalise("“GPT-3.5”、c#…-x- _y_ a_b！") == "gpt-3.5 c x y a_b"


def _letter_or_digit(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


@given(st.text(st.characters(exclude_categories=()), max_size=80))
@example("USE.0")  # an English word that becomes Chinese leaves its joiner alone (CI found it)
@example("How is a GPT model pre-trained?")
def test_normalised_text_is_letters_digits_single_spaces_and_inner_joiners(
    analyzer: Analyzer, text: str
) -> None:
    normalised = analyzer.normalise(text)
    assert normalised == " ".join(normalised.split())
    for at, char in enumerate(normalised):
        if char in WORD_JOINERS:
            neighbours = normalised[at - 1 : at] + normalised[at + 1 : at + 2]
            assert len(neighbours) == 2 and all(map(str.isalnum, neighbours)), normalised
        else:
            assert char == " " or _letter_or_digit(char), (char, normalised)


def test_hostile_text_gives_tokens_or_nothing(analyzer: Analyzer) -> None:
    for text in (
        "",
        "   ",
        "\x00\x01\x1b[31m",
        "\ud800abc",
        "🙂" * 50,
        "a" * 10_000,
        "'; DROP TABLE answers; --",
        "<script>alert(1)</script>",
    ):
        tokens = analyzer.tokenise(text)
        assert all(token.strip() for token in tokens)


def test_bigrams_cover_cjk_runs_only() -> None:
    assert char_bigrams(["大模", "形"]) == ["大模", "模形"]
    assert char_bigrams(["gpt", "训练"]) == ["训练"]


def test_a_broken_jieba_cache_is_rebuilt(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The analyzer reads jieba's cache itself; junk there must not break or change tokenising.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "jieba.cache").write_bytes(b"\x00not a marshalled dictionary")
    rebuilt = Analyzer(library.lexicon)
    question = "请问一下，ChatGPT和思维链是怎么训练出来的？"
    assert rebuilt.tokenise(question) == library.analyzer.tokenise(question)
    assert (tmp_path / "jieba.cache").stat().st_size > 1_000_000  # jieba wrote a good one
    assert Analyzer(library.lexicon).tokenise(question) == library.analyzer.tokenise(question)


def test_hedges_of_chat_are_not_content(analyzer: Analyzer) -> None:
    tokens = analyzer.tokenise("说白了这肯定就是个聊天程序而已吧，估计也没啥用")
    assert not {"说白了", "肯定", "而已", "估计"} & set(tokens)
    assert "聊天" in tokens


def test_cantonese_question_words_are_the_mandarin_ones(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("点解要用RLHF") == analyzer.tokenise("为什么要用RLHF")
    assert analyzer.tokenise("微调系咩") == analyzer.tokenise("微调系什么")


def test_all_at_once_is_not_cut_into_a_filler_and_a_character(analyzer: Analyzer) -> None:
    # 一下 is padding ("介绍一下"); removed from 一下子 it left 子, which jieba glued to 火成.
    tokens = analyzer.tokenise("ChatGPT为啥一下子火成这样")
    assert not any("子" in token for token in tokens), tokens


def test_padding_never_takes_half_of_a_word(analyzer: Analyzer) -> None:
    # 问问 is padding ("想问问…"), but not in 问问题.
    assert "问题" in analyzer.tokenise("ChatGPT怎么问问题比较好")
    assert analyzer.tokenise("想问问RLHF是啥") == ["rlhf", "什么"]


def test_taiwan_s_word_for_data_is_data(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("訓練資料從哪來") == analyzer.tokenise("训练数据从哪来")


def test_who_else_talks_about_it_is_not_content(analyzer: Analyzer) -> None:
    assert analyzer.tokenise("群里天天有人提RLHF") == ["提", "rlhf"]


def test_the_negated_modal_of_a_challenge_is_not_content(analyzer: Analyzer) -> None:
    tokens = analyzer.tokenise("训练压根不用人工标注吧，GPT-3也用不上")
    assert not {"不用", "用不上"} & set(tokens)
    assert {"训练", "标注", "gpt-3"} <= set(tokens)


def test_a_simplified_word_opencc_would_rewrite_stays_itself(analyzer: Analyzer) -> None:
    # OpenCC's Taiwan phrase table reads 程序 as 进程: 程序员 came out as 进程 / 员.
    assert "程序员" in analyzer.tokenise("ChatGPT会不会取代程序员")
    assert "程序员" in analyzer.tokenise("程式設計師會失業嗎")


def test_a_question_of_sameness_asks_for_the_difference(analyzer: Analyzer) -> None:
    for text in (
        "ChatGPT跟GPT是不是一回事",
        "大模型和ChatGPT是两码事吗",
        "你们说的大模型和生成式AI是一个东西？",
        "思维链和提示词是同一个东西吗",
    ):
        assert "区别" in analyzer.tokenise(text)
    # What something is, asked as 一个什么东西, is no sameness.
    assert "区别" not in analyzer.tokenise("大模型是一个什么东西")


def test_a_bound_character_jieba_glued_to_a_neighbour_is_told_from_a_word(
    analyzer: Analyzer,
) -> None:
    assert analyzer.tokenise("RLHF能起什么作用")[1] == "能起"  # jieba's cut, not a word
    for glued in ("能起", "上能", "帮上", "写个", "比小"):
        assert analyzer.is_miscut(glued), glued
    # Words: of the dictionary (装修, 教育), without a bound character (文心, 降重), or longer.
    for word in ("装修", "教育", "文心", "降重", "教育会", "gpt"):
        assert not analyzer.is_miscut(word), word


def test_doing_something_said_colloquially_is_doing_it(analyzer: Analyzer) -> None:
    # jieba read 能干点 as 能干 + 点; 搞点 and 做些 were words no entry knows.
    plain = analyzer.tokenise("ChatGPT能做啥")
    for text in ("ChatGPT能干点啥", "ChatGPT能搞点啥", "ChatGPT能做些啥"):
        assert analyzer.tokenise(text) == plain, text


def test_a_time_in_the_story_is_no_question_about_a_date(analyzer: Analyzer) -> None:
    assert "时候" not in analyzer.tokenise("ChatGPT训练的时候用了哪些数据")
    assert "时候" in analyzer.tokenise("ChatGPT什么时候发布的")
    assert analyzer.tokenise("刚出那会儿要花钱吗") == analyzer.tokenise("刚出要花钱吗")


_VARIANTS = ["gpt", "gpt-3", "chatgpt", "大模型", "大模", "模型", "a", "ab", "问问"]


def _longest_fitting(variants: list[str], text: str, not_before: str) -> str:
    """The alternation's meaning, spelt out: at each position the longest variant that fits
    (a latin one as a whole word, not after a lone letter and a hyphen; none right before a
    character of `not_before`)."""
    latin = set("0123456789abcdefghijklmnopqrstuvwxyz")
    out, at = [], 0
    while at < len(text):
        for variant in sorted(variants, key=len, reverse=True):
            end = at + len(variant)
            before, after = text[at - 1 : at] if at else "", text[end : end + 1]
            fits = (
                text.startswith(variant, at)
                and not (variant[0] in latin and before in latin and before)
                and not (variant[-1] in latin and after in latin and after)
                and not (variant[0] in latin and _after_a_lone_letter_and_hyphen(text, at))
                and not (after and after in not_before)
            )
            if fits:
                out.append(f"<{variant}>")
                at = end
                break
        else:
            out.append(text[at])
            at += 1
    return "".join(out)


def _after_a_lone_letter_and_hyphen(text: str, at: int) -> bool:
    latin = set("0123456789abcdefghijklmnopqrstuvwxyz")
    return (
        at >= 2
        and text[at - 1] == "-"
        and text[at - 2] in latin - set("0123456789")
        and (at < 3 or text[at - 3] not in latin)
    )


@given(st.lists(st.sampled_from([*_VARIANTS, "-", "3", "x", "题", " ", "的"]), max_size=12))
def test_the_variant_pattern_takes_the_longest_variant_that_fits(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = _alternation(dict.fromkeys(_VARIANTS, ""), not_before="题")
    assert pattern is not None
    assert pattern.sub(lambda m: f"<{m.group(0)}>", text) == _longest_fitting(_VARIANTS, text, "题")


@pytest.mark.parametrize(
    "text", ["提示学习和思维链这两项技术", "GPT和ChatGPT这俩", "二者的区别", "两种方法"]
)
def test_a_count_pointing_at_what_was_named_is_no_content(analyzer: Analyzer, text: str) -> None:
    tokens = analyzer.tokenise(text)
    assert not {"这两项", "这俩", "俩", "二者", "两种"} & set(tokens)


def test_taiwan_words_become_the_mainland_ones(analyzer: Analyzer) -> None:
    assert analyzer.normalise("軟體 資料 演算法 人工智慧 程式碼") == "软件 数据 算法 人工智能 代码"
    # OpenCC makes 保存 of 儲存; the lexicon takes it for the knowledge's 存储.
    assert analyzer.tokenise("分散式儲存") == analyzer.tokenise("分布式存储") == ["分布式存储"]


def test_simplified_words_the_taiwan_phrase_table_rewrites_still_meet_their_synonyms(
    analyzer: Analyzer,
) -> None:
    # tw2sp makes 写进程 of 写程序 and 串行 of 序列: "写程序" (a variant of 编程) was never met,
    # and 序列 was no longer the knowledge's word.
    assert analyzer.tokenise("ChatGPT会写程序吗") == analyzer.tokenise("ChatGPT會寫程式嗎")
    assert "编程" in analyzer.tokenise("ChatGPT能写程序吗")
    assert "序列" in analyzer.tokenise("Transformer怎么处理序列数据")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("大模型对客服行业有用吗", ["大模型", "对", "客服", "行业", "有用"]),  # not 有用吗
        ("Transformer常用在哪些任务上", ["transformer", "用", "哪些", "任务", "上"]),
        ("监督学习那步是干啥的", ["监督学习", "干什么"]),  # the step is the one named
    ],
)
def test_a_word_glued_to_a_particle_or_an_adverb_is_the_word_and_that_step_is_none(
    analyzer: Analyzer, text: str, tokens: list[str]
) -> None:
    assert analyzer.tokenise(text) == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("ChatGPT靠谱不", ["chatgpt", "可靠"]),  # 不 at the end asks, as 吗 does
        ("ChatGPT能写代码不？", ["chatgpt", "能", "写", "代码"]),
        ("GPT不好用", ["gpt", "不好", "用"]),  # inside the clause it negates
    ],
)
def test_a_clause_ending_in_bu_asks(analyzer: Analyzer, text: str, tokens: list[str]) -> None:
    assert analyzer.tokenise(text) == tokens


def test_jieba_loads_its_models_without_setuptools_resource_api() -> None:
    # jieba imports pkg_resources when it can: 140 ms of every start-up for two file reads.
    probe = (
        "import sys; from bot.core.text import Analyzer; "
        "words = Analyzer().tokenise('欧阳锋锋利地说'); "  # unknown name: jieba's HMM model cuts it
        "print('pkg_resources' in sys.modules, sys.modules.get('pkg_resources', 0), words)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split(" ", 2)
    assert shown[:2] == ["False", "0"]
    assert "欧阳锋" in shown[2]


def test_an_adjective_before_the_have_of_a_question_stays_apart_from_it(analyzer: Analyzer) -> None:
    # jieba's 多有 and 大有 would swallow the 多 or 大 that the question is about.
    assert analyzer.tokenise("参数多有什么用") == ["参数", "多", "有", "什么", "用"]
    assert analyzer.tokenise("模型大有什么好处")[:3] == ["模型", "大", "有"]


@pytest.mark.parametrize(
    ("message", "pointed_at"),
    [
        ("上面提到的参数又是啥", "这个参数又是什么"),
        ("这里说的强化步骤是什么", "这个强化步骤是什么"),
        ("你说的奖励模型指什么", "这个奖励模型指什么"),
        ("你刚才说的零样本是啥", "这个零样本是什么"),
    ],
)
def test_a_thing_the_answer_spoke_of_is_pointed_at_as_this(
    analyzer: Analyzer, message: str, pointed_at: str
) -> None:
    assert analyzer.normalise(message) == pointed_at


def test_going_back_to_what_an_earlier_answer_said_is_not_pointing_at_the_last(
    analyzer: Analyzer,
) -> None:
    # No question of what it is: "刚才说的参数那个再说说" goes back (intent.going_back_to).
    assert analyzer.normalise("刚才说的参数那个再说说").startswith("刚才说的")
