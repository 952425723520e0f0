"""The pure dialogue step over the bundled knowledge."""

from __future__ import annotations

import pytest
from answers import answered_by

from bot.core.dialogue import ChatState, DialogueConfig, Reply, ReplyKind, joining_in, step
from bot.core.library import Library
from bot.core.reply import Action


@pytest.mark.parametrize(
    ("question", "follow_up", "expected"),
    [
        ("什么是思维链", "它的原理是什么", "chain-of-thought"),
        ("RLHF是什么", "它能做什么", "rlhf"),
        ("什么是提示学习", "它是怎么训练的", "prompt-learning"),
    ],
)
def test_a_pronoun_means_the_subject_even_when_the_words_alone_fit_another_entry(
    library: Library, question: str, follow_up: str, expected: str
) -> None:
    # "它的原理是什么" alone is closest to the entry on ChatGPT's principle; after a question
    # about 思维链, "它" is 思维链.
    first, state = step(ChatState(), question, library, now=0.0)
    assert first.kind is ReplyKind.ANSWER and first.entry_id == expected
    reply, _ = step(state, follow_up, library, now=1.0)
    assert reply.kind is ReplyKind.ANSWER
    assert reply.entry_id == expected
    assert library.match(follow_up).best.entry.id != expected  # the words alone point elsewhere


def talk(library: Library, *messages: str) -> list[tuple[Reply, ChatState]]:
    """The replies and states of a conversation, one message a second."""
    state, turns = ChatState(), []
    for second, message in enumerate(messages):
        reply, state = step(state, message, library, now=float(second))
        turns.append((reply, state))
    return turns


def test_continue_after_a_complete_answer_goes_on_to_an_unseen_entry_announced_in_one_line(
    library: Library,
) -> None:
    turns = talk(library, "ChatGPT是什么时候推出的", "继续", "接着说", "还有呢")
    first, *more = [reply for reply, _ in turns]
    assert first.pages == 1
    for reply in more:
        assert reply.kind is ReplyKind.ANSWER and reply.text.startswith("接着讲")
        assert reply.text.split("\n", 1)[0].count("：") <= 1  # one line of announcement
        assert [b.label for b in reply.buttons][-2:] == ["👍", "👎"]
    ids = [reply.entry_id for reply in [first, *more]]
    assert len(set(ids)) == len(ids)
    launch = library.get("chatgpt-launch")
    assert launch is not None and more[0].entry_id in launch.related  # related first
    assert turns[-1][1].shown == tuple(ids)


def test_asking_for_anything_else_after_a_complete_list_goes_on(library: Library) -> None:
    # The answer on ChatGPT's weaknesses says the article lists no others: "还有别的吗" asks
    # the chat to go on, not a new question to be declined.
    (first, _), (more, _) = talk(library, "ChatGPT有啥缺点", "还有别的吗")
    assert first.entry_id == "chatgpt-weaknesses"
    assert more.kind is ReplyKind.ANSWER and more.text.startswith("接着讲")
    assert more.entry_id != first.entry_id


def test_a_pronoun_after_going_on_from_a_relation_still_means_both(
    library: Library,
) -> None:
    # 继续 after the relation of 大模型 and ChatGPT goes on to an entry on one of them alone;
    # "它俩" is still the two asked about (it was ChatGPT alone: its features).
    turns = talk(library, "大模型和ChatGPT是什么关系", "继续", "它俩对AI发展有啥好处")
    assert turns[1][0].entry_id != turns[0][0].entry_id  # it went on to another entry
    assert turns[2][0].entry_id == "large-model-ai-benefits"


def test_a_pronoun_after_going_on_still_means_what_was_asked_about(library: Library) -> None:
    # 接着说 after RLHF goes on to 奖励模型; "它" was 奖励模型 (its entry, answered again).
    turns = talk(library, "RLHF是什么意思", "接着说", "它跟GPT-3比有啥提升")
    assert turns[1][0].entry_id == "reward-model"
    assert turns[2][0].entry_id == "rlhf" and turns[2][1].subject == "RLHF"


def test_a_depth_request_prefers_the_subtopics_the_answer_names(library: Library) -> None:
    state = ChatState(entry_id="chatgpt-training", page=99, subject="ChatGPT")
    deeper, _ = step(state, "展开讲讲", library, now=0.0)
    entry = library.get(deeper.entry_id or "")
    training = library.get("chatgpt-training")
    assert entry is not None and training is not None
    assert entry.subject != training.subject and entry.subject in training.answer


@pytest.mark.parametrize("deeper", ["展开说说", "详细点"])
def test_a_depth_request_with_no_subtopic_but_those_asked_about_says_there_is_no_more(
    library: Library, deeper: str
) -> None:
    # "大模型和ChatGPT啥关系" then "展开说说" went on to what ChatGPT is, which the question
    # named: it asks more of how they relate, and the articles say no more than the answer.
    (answer, _), (more, state), (then, _) = talk(
        library, "大模型和ChatGPT到底啥关系", deeper, "继续"
    )
    assert more.kind is ReplyKind.ANSWER and more.entry_id == answer.entry_id
    assert "文章没有再展开" in more.text and "模型规模" in more.text
    assert state.entry_id == answer.entry_id
    assert then.kind is ReplyKind.ANSWER and then.entry_id != answer.entry_id


def test_continue_with_nothing_left_says_so_once_then_asks_what_to_go_on_with(
    library: Library,
) -> None:
    state = ChatState(
        entry_id="rlhf", page=1, subject="RLHF", shown=tuple(e.id for e in library.entries)
    )
    end, state = step(state, "继续", library, now=0.0)
    again, _ = step(state, "继续", library, now=1.0)
    assert end.kind is ReplyKind.END and again.kind is ReplyKind.NOTHING_TO_CONTINUE
    assert end.text != again.text and again.buttons


def test_continue_repeated_thousands_of_times_is_never_answered_with_an_entry(
    library: Library,
) -> None:
    reply, _ = step(ChatState(), "继续" * 2048, library, now=0.0)
    assert reply.kind is ReplyKind.NOTHING_TO_CONTINUE and reply.entry_id is None


@pytest.mark.parametrize("first", ["它有多少参数", "这个是什么意思", "为什么", "那参数呢"])
def test_a_reference_with_no_topic_is_asked_back(library: Library, first: str) -> None:
    reply, state = step(ChatState(), first, library, now=0.0)
    assert reply.kind is ReplyKind.ASK_BACK and not reply.matched
    assert "比如" in reply.text and state.pending


@pytest.mark.parametrize(
    ("message", "entry_id"),
    [
        ("听人说模型参数过了某个数就会推理了，这个门槛是多少来着", "scale-and-emergence"),
        ("训练要海量的计算资源，这个咋解决", "compute-challenge"),
        ("用户能投赞成票反对票，这个有啥用", "chatgpt-user-feedback"),
    ],
)
def test_a_reference_to_the_clause_before_it_needs_no_topic(
    library: Library, message: str, entry_id: str
) -> None:
    reply, _ = step(ChatState(), message, library, now=0.0)
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == entry_id


@pytest.mark.parametrize("message", ["我看完了，它有多少参数", "这个有多少参数，说说"])
def test_a_reference_after_a_clause_that_names_nothing_is_asked_back(
    library: Library, message: str
) -> None:
    reply, _ = step(ChatState(), message, library, now=0.0)
    assert reply.kind is ReplyKind.ASK_BACK


def test_a_long_message_asked_back_about_offers_the_most_discussed_topics(
    library: Library,
) -> None:
    # Completing it with each name would search the whole message once per name.
    message = "其" + "很" * 300 + "有多少参数"
    reply, state = step(ChatState(), message, library, now=0.0)
    general, _ = step(ChatState(), "继续", library, now=0.0)  # what is offered for nothing
    assert reply.kind is ReplyKind.ASK_BACK and state.pending == message
    assert reply.buttons and reply.buttons == general.buttons


@pytest.mark.parametrize(
    "name", ["大模型吧", "就是大模型呀", "指的是大模型", "不是，我是说大魔型，打错了"]
)
def test_a_name_said_with_a_particle_completes_the_question_asked_back(
    library: Library, name: str
) -> None:
    (asked, _), (answer, _) = talk(library, "它有多少参数", name)
    assert asked.kind is ReplyKind.ASK_BACK
    assert answer.entry_id == "large-model-parameters"  # "大模型吧" answered what 大模型 is


def test_a_version_no_entry_is_about_is_a_name_to_swap_in(library: Library) -> None:
    # GPT-2 is only a keyword: "那GPT-2呢" read as "GPT-3的GPT-2", and the ChatGPT after it as
    # "ChatGPT的GPT-2", answered with ChatGPT's base model.
    turns = talk(library, "GPT-3有多少参数", "那GPT-2呢", "那ChatGPT呢")
    gpt2, chatgpt = turns[1][0], turns[2][0]
    assert not gpt2.matched and "GPT-2" in gpt2.text and "GPT-3一个型号" in gpt2.text
    assert not chatgpt.matched and chatgpt.text.startswith("文章没有给出ChatGPT的参数数量")


@pytest.mark.parametrize(
    ("question", "follow_up", "expected"),
    [
        ("What is RLHF?", "why does it matter", "rlhf"),
        ("How many parameters does GPT-3 have?", "what about ChatGPT?", "chatgpt-parameters"),
        ("什么是思维链", "what is it good for", "chain-of-thought"),
    ],
)
def test_an_english_follow_up_is_read_as_english(
    library: Library, question: str, follow_up: str, expected: str
) -> None:
    # Its readings carry 为什么 and the subject's name, but "matter" is an English word, not a
    # strange name (declined); "what about" is read as 什么 about (answered ChatGPT是什么); the
    # "it" of 什么是it has no \b before it (declined).
    reply = talk(library, question, follow_up)[1][0]
    # ChatGPT's parameter count is an entry that says the articles do not give it: a decline.
    declined_by = reply.hits[0].entry.id if reply.kind is ReplyKind.DECLINE and reply.hits else None
    assert (reply.entry_id or declined_by) == expected


def test_a_follow_up_is_read_with_its_typos_corrected(library: Library) -> None:
    # "gtp-4" was no name the follow-up knew: "那gtp-4呢" answered the list of GPT's versions.
    reply = talk(library, "GPT-3有多少参数", "那gtp-4呢")[1][0]
    assert not reply.matched and "GPT-3一个型号" in reply.text and "GPT-4" in reply.text


def test_the_message_after_asking_back_completes_the_question(library: Library) -> None:
    (asked, _), (answer, _) = talk(library, "它有多少参数", "GPT-3")
    assert asked.kind is ReplyKind.ASK_BACK
    assert {b.entry_id for b in asked.buttons} >= {"large-model-parameters"}
    assert answer.entry_id == "gpt-3"


def test_a_full_question_after_asking_back_is_just_a_question(library: Library) -> None:
    (_, _), (answer, state) = talk(library, "这个是什么意思", "什么是思维链")
    assert answer.entry_id == "chain-of-thought" and not state.pending


def test_an_ellipsis_chain_keeps_the_question_and_changes_subject_or_aspect(
    library: Library,
) -> None:
    turns = talk(library, "大模型有啥特征", "那参数呢", "那GPT-3呢")
    assert [reply.entry_id for reply, _ in turns] == [
        "large-model-features",
        "large-model-parameters",
        "gpt-3",
    ]


def test_the_parameters_of_gpt_are_those_of_gpt_3_the_one_version_the_articles_count(
    library: Library,
) -> None:
    # GPT is a family and the articles count only GPT-3's parameters: asked of GPT, the answer
    # gives that figure as GPT-3's and says the other versions' are not given. It was a
    # decline pointing at the GPT-3 question, after which "go on" had nothing to go on with.
    turns = talk(library, "什么是大模型", "它有多少参数", "那GPT呢")
    reply = turns[2][0]
    assert reply.matched and "GPT-3具有1750亿参数" in reply.text and "GPT-4" in reply.text
    english = talk(library, "GPT是什么", "how many parameters does it have", "go on")
    (_, _), (count, _), (more, _) = english
    assert count.matched and "1750亿" in count.text
    assert more.kind is ReplyKind.ANSWER
    # A version the articles give no count for is still declined.
    assert answered_by(library, "GPT-4有多少参数") is None
    assert answered_by(library, "GPT-3.5的参数量是多少") is None


@pytest.mark.parametrize("unknown", ["文心一言怎么样", "今天北京天气咋样", "😂😂"])
def test_a_focus_the_knowledge_does_not_know_is_declined_and_the_topic_kept(
    library: Library, unknown: str
) -> None:
    turns = talk(library, "GPT-3有多少参数", unknown)
    assert not turns[1][0].matched
    assert turns[1][1].subject == "GPT-3"  # the topic survives the detour


def test_a_first_question_not_answered_about_one_subject_makes_it_the_topic(
    library: Library,
) -> None:
    # The articles give no cost; 它 in the next question is still ChatGPT.
    (declined, state), (follow_up, _) = talk(library, "做ChatGPT一共烧了多少钱", "那它商业化了吗")
    assert not declined.matched and state.subject == "ChatGPT" and state.entry_id is None
    assert follow_up.matched and follow_up.entry_id == "chatgpt-future"
    # So does a first question offered a did-you-mean: its choices stay to be picked.
    (offered, state), (follow_up, _) = talk(library, "ChatGPT能帮我订机票吗✈️", "那它能干啥")
    assert offered.kind is ReplyKind.SUGGEST and state.subject == "ChatGPT" and state.suggestions
    assert follow_up.matched and follow_up.entry_id == "chatgpt-abilities"
    # A chat with a topic keeps it, and what it may go on with.
    turns = talk(library, "GPT-3有多少参数", "ChatGPT一共烧了多少钱")
    assert not turns[1][0].matched and turns[1][1].subject == "GPT-3"
    assert turns[1][1].entry_id == "gpt-3"


@pytest.mark.parametrize(
    ("question", "follow_up", "expected"),
    [
        # 那和X呢: the 和 was part of the focus, so "和chatgpt" was no name (ChatGPT是什么).
        ("生成式AI和大模型是什么关系", "那和ChatGPT呢", "large-model-vs-chatgpt"),
        # A pair asked about again: not GPT-3's own entry, which a lone name would prefer.
        ("GPT和ChatGPT有啥区别", "跟GPT-3呢", "chatgpt-vs-gpt3"),
    ],
)
def test_a_relation_asked_again_about_another_name(
    library: Library, question: str, follow_up: str, expected: str
) -> None:
    assert talk(library, question, follow_up)[1][0].entry_id == expected


def test_it_related_to_another_name_is_no_question_on_it_alone(library: Library) -> None:
    # "it" is GPT-3; the question compares it with ChatGPT, and GPT-3's own entry was preferred.
    turns = talk(
        library,
        "How many parameters does GPT-3 have?",
        "what's the difference between it and ChatGPT",
    )
    assert turns[1][0].entry_id == "chatgpt-vs-gpt3"


def test_and_what_about_x_is_an_ellipsis_however_the_normaliser_glues_it(
    library: Library,
) -> None:
    # "and how about GPT-4" normalises to "and怎么about gpt-4", which the pattern missed.
    reply = talk(library, "How many parameters does GPT-3 have?", "and how about GPT-4?")[1][0]
    assert not reply.matched and "GPT-4" in reply.text and "GPT-3一个型号" in reply.text


def test_a_correction_asks_the_last_question_about_what_was_meant(library: Library) -> None:
    turns = talk(library, "大模型和生成式AI啥关系", "不对，我是说它跟ChatGPT的关系")
    assert [reply.entry_id for reply, _ in turns] == [
        "generative-ai-vs-large-model",
        "large-model-vs-chatgpt",
    ]


def test_both_of_them_means_the_two_subjects_of_the_last_question(library: Library) -> None:
    turns = talk(library, "GPT和ChatGPT有什么区别", "它俩有什么联系")
    assert turns[1][0].entry_id == "gpt-chatgpt-connection"


def test_why_after_an_answer_goes_to_the_entry_that_explains_it(library: Library) -> None:
    turns = talk(library, "ChatGPT是什么", "原理呢")
    assert turns[1][0].entry_id == "chatgpt-principle"


def test_a_question_leaning_on_the_last_one_stays_with_its_asker(library: Library) -> None:
    turns = talk(library, "大模型面临哪些挑战", "那怎么解决")
    answer = turns[1][0]
    entry = library.get(answer.entry_id or "")
    assert entry is not None and entry.subject == "大模型" and "解决" in entry.answer


def test_why_after_an_answer_that_is_no_definition_is_not_the_subjects_principle(
    library: Library,
) -> None:
    # "为啥要这样" after ChatGPT's safety measures answered why few teams dare build ChatGPT
    # (as a question of its own), then, as a why, ChatGPT's principle.
    reply = talk(library, "ChatGPT在安全性上做了什么", "为啥要这样")[1][0]
    assert reply.entry_id == "safety-ethics"


@pytest.mark.parametrize("why", ["为什么要这样", "为啥要这样搞", "为啥要搞这个", "为什么要做这个"])
def test_why_after_an_answer_that_says_why_itself_quotes_its_reason(
    library: Library, why: str
) -> None:
    # "为啥要这样搞" was searched on its own words and answered with why domestic teams
    # dare not 折腾.
    (answer, _), (reply, state) = talk(library, "ChatGPT在安全方面做了啥", why)
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "safety-ethics"
    reason = next(line for line in answer.text.splitlines() if "为了减少" in line)
    assert reason.removeprefix("- ") in reply.text and reply.text != answer.text
    assert [b.action for b in reply.buttons] == [Action.VOTE_UP, Action.VOTE_DOWN]
    assert state.entry_id == "safety-ethics"  # 继续 goes on from the answer, as before


def test_what_a_thing_is_done_for_is_what_its_answer_says_it_brings(library: Library) -> None:
    # "为啥要搞这个" after RLHF was answered with ChatGPT's training steps (the linked entry that
    # explains how), though RLHF's answer says what it is for.
    (answer, _), (reply, state) = talk(library, "RLHF是怎么做的", "为啥要搞这个")
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "rlhf"
    assert "友好和安全" in reply.text and reply.text != answer.text
    assert state.entry_id == "rlhf"
    # Why it is so, not what it is for, still goes to the entry that explains it.
    assert talk(library, "RLHF是怎么做的", "为什么")[1][0].entry_id == "chatgpt-training"


@pytest.mark.parametrize("why", ["why?", "为啥"])
def test_a_bare_why_after_what_a_thing_is_asks_what_it_is_for(library: Library, why: str) -> None:
    # "RLHF是啥" then "why?" was answered with ChatGPT's training steps.
    (answer, _), (reply, state) = talk(library, "RLHF是啥", why)
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "rlhf"
    assert "友好和安全" in reply.text and reply.text != answer.text
    assert state.entry_id == "rlhf"


@pytest.mark.parametrize("how", ["咋整的 具体", "怎么搞的"])
def test_how_it_is_done_asked_colloquially_is_answered_from_the_topic(
    library: Library, how: str
) -> None:
    # "咋整的 具体" and "怎么搞的" after RLHF were did-you-mean lists.
    *_, (reply, _) = talk(library, "RLHF是啥", how)
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "rlhf"


def test_a_name_after_a_question_naming_none_may_be_asked_about_alone(library: Library) -> None:
    # Nothing in the last question to swap it for: "那控制性能呢" was glued to it and answered
    # with the entry on scale and reasoning.
    turns = talk(library, "模型参数多少时推理能力会出现", "那控制性能呢")
    assert turns[1][0].entry_id == "controllability"


def test_how_it_is_done_is_not_how_to_use_it(library: Library) -> None:
    # "怎样用好ChatGPT" (usage tips) is linked to the answer on how ChatGPT converses, and
    # explains nothing of how it keeps the context: asked back, not answered with the tips.
    reply = talk(library, "ChatGPT能记住上下文吗", "怎么做到的")[1][0]
    assert reply.entry_id != "chatgpt-usage-tips" and reply.kind is ReplyKind.ASK_BACK


def test_why_when_no_entry_explains_the_answer_asks_which_part(library: Library) -> None:
    state = ChatState(entry_id="autoregressive", page=1, subject="自回归")
    reply, _ = step(state, "为什么", library, now=0.0)
    assert reply.kind is ReplyKind.ASK_BACK and not reply.matched
    assert "自回归" in reply.text and reply.buttons


@pytest.mark.parametrize(
    ("question", "bare", "subject"),
    [("什么是大模型", "有啥用", "大模型"), ("什么是大模型", "有什么缺点", "大模型")],
)
def test_a_bare_question_is_asked_of_the_current_topic(
    library: Library, question: str, bare: str, subject: str
) -> None:
    # "有啥用" alone fits GPT's uses as well as any other subject's; after 大模型 it is 大模型's.
    answer = talk(library, question, bare)[1][0]
    entry = library.get(answer.entry_id or "")
    assert answer.kind is ReplyKind.ANSWER and entry is not None and entry.subject == subject


def test_back_a_page_shows_the_page_before_and_the_first_page_stays_the_first(
    library: Library,
) -> None:
    config = DialogueConfig(page_size=80)
    state, pages = ChatState(), []
    for second, message in enumerate(["ChatGPT是怎么训练的", "继续", "上一页", "上一页"]):
        reply, state = step(state, message, library, now=float(second), config=config)
        pages.append((reply.entry_id, reply.page))
    assert pages == [("chatgpt-training", page) for page in (1, 2, 1, 1)]
    assert step(ChatState(), "上一页", library, now=0.0)[0].kind is ReplyKind.NOTHING_TO_CONTINUE


def test_a_number_with_nothing_to_choose_says_so_and_the_choices_stay_after_a_pick(
    library: Library,
) -> None:
    lone = step(ChatState(), "2", library, now=0.0)[0]
    assert lone.kind is ReplyKind.SMALL_TALK and "没有可以选的选项" in lone.text
    turns = talk(library, "有什么缺点", "1", "2")
    offered = [b.entry_id for b in turns[0][0].buttons]
    assert [reply.entry_id for reply, _ in turns[1:]] == offered[:2]


def test_none_of_the_choices_asks_again_in_other_words_and_clears_them(
    library: Library,
) -> None:
    (offered, _), (reply, state) = talk(library, "有什么缺点", "都不是")
    assert offered.kind is ReplyKind.SUGGEST
    assert reply.kind is ReplyKind.SMALL_TALK and "换个说法" in reply.text
    assert state.suggestions == ()


def test_a_bare_question_with_no_topic_offers_choices_instead_of_answering(
    library: Library,
) -> None:
    reply, _ = step(ChatState(), "有什么缺点", library, now=0.0)
    assert reply.kind is ReplyKind.SUGGEST and not reply.matched
    assert len(reply.buttons) > 1


def test_a_bare_question_answered_about_another_subject_is_offered_not_answered(
    library: Library,
) -> None:
    # "有啥风险" alone fits only the entry on why ChatGPT is hard to build; after 生成式AI the
    # asker may well mean 生成式AI, which no entry answers: offer, don't guess.
    assert answered_by(library, "有啥风险") == "chatgpt-hard-to-build"
    reply = talk(library, "生成式AI是什么", "有啥风险")[1][0]
    assert reply.kind is ReplyKind.SUGGEST and not reply.matched
    assert [b.entry_id for b in reply.buttons] == ["chatgpt-hard-to-build"]


def test_words_and_context_agreeing_on_another_subjects_entry_answer(library: Library) -> None:
    # Its own words find the entry on scale and reasoning (about 大模型), and so does the
    # question read with GPT-3; it was offered as an answer about another subject by chance.
    reply = talk(library, "GPT-3有多少参数", "那超过多少参数会出现推理能力")[1][0]
    assert reply.entry_id == "scale-and-emergence"
    # Also where the question read with GPT-3 is only offered: GPT-3 is a name the scale
    # entry lacks, but it is the entry that reading ranks first.
    after_a_claim = talk(library, "GPT-3才1750万参数吧 挺小的", "那参数超过多少会有推理能力")[1][0]
    assert after_a_claim.matched and after_a_claim.entry_id == "scale-and-emergence"
    # A bare question still is offered: "什么时候出的" after GPT's versions is no GPT date.
    bare = talk(library, "GPT有哪些版本", "什么时候出的")[1][0]
    assert not bare.matched


def test_an_everyday_question_after_a_topic_is_not_read_as_about_the_topic(
    library: Library,
) -> None:
    # "思维链今晚吃什么好" finds the entry on 思维链 by its name alone.
    reply = talk(library, "思维链是什么", "今晚吃啥好呢")[1][0]
    assert not reply.matched


@pytest.mark.parametrize("topic", ["什么是大模型", "ChatGPT是谁开发的", "思维链是什么"])
def test_chat_about_anything_else_after_a_topic_is_not_answered_with_the_topic(
    library: Library, topic: str
) -> None:
    # Read as about the topic ("思维链你是男的女的"), each finds the topic's entry on its name
    # alone; a reading only the context suggests needs the message's own words behind it.
    state = step(ChatState(), topic, library, now=0.0)[1]
    for message in [
        "今天天气怎么样",
        "你喜欢吃什么",
        "明天会下雨吗",
        "世界杯谁夺冠了",
        "你是男的女的",
        "谁赢了",  # (真的吗 doubts what was said: see test_a_doubt_is_answered_with_…)
        "在吗在吗",
        "你叫什么名字",
        "OpenAI上市了吗",
        "马斯克是谁",
    ]:
        reply = step(state, message, library, now=1.0)[0]
        assert not reply.matched, (topic, message, reply.entry_id)


@pytest.mark.parametrize(
    "topic", ["什么是大模型", "ChatGPT是谁开发的", "什么是RLHF", "GPT-3有多少参数"]
)
def test_small_talk_about_it_after_a_topic_is_not_answered_with_the_topic(
    library: Library, topic: str
) -> None:
    # Read as about the topic ("RLHF心情好吗"), each found the topic's entry on its name alone,
    # answered outright or as the did-you-mean the context settled.
    state = step(ChatState(), topic, library, now=0.0)[1]
    for message in ["它是男的女的", "它几岁了", "它结婚了吗", "它心情好吗", "它帅不帅", "它住在哪"]:
        reply = step(state, message, library, now=1.0)[0]
        assert not reply.matched, (topic, message, reply.entry_id)


def test_that_x_for_a_word_of_the_last_question_asks_it_again_with_x(library: Library) -> None:
    # 企业 is no name or term: "那企业呢" had no reading and was a did-you-mean.
    reply, state = talk(library, "为什么国内高校做不出ChatGPT", "那企业呢")[1]
    assert reply.entry_id == "chatgpt-hard-to-build"
    assert state.last_question == "为什么国内企业做不出chatgpt"


def test_whether_another_name_can_asks_the_last_question_of_it(library: Library) -> None:
    # "but chatgpt can?" after what plain GPT cannot remember was answered with ChatGPT's
    # prospects (能…成功); it asks whether ChatGPT remembers.
    first = "普通的GPT能記住之前聊的內容嗎"
    asked = talk(library, first, first)[0][0].entry_id
    for follow_up in ("but chatgpt can?", "那ChatGPT能吗"):
        reply = talk(library, first, follow_up)[1][0]
        assert reply.entry_id == asked, follow_up


def test_the_reinforcement_step_after_the_supervised_one_is_the_rl_step(library: Library) -> None:
    # "reinforcement" alone carried no weight: "then the reinforcement step?" got a did-you-mean.
    first = "chatgpt 的 supervised learning 那一步人类训练员具体干嘛"
    reply = talk(library, first, "then the reinforcement step?")[1][0]
    assert reply.entry_id is not None and "奖励模型" in reply.text


def test_tuned_on_after_the_reward_model_is_its_ppo_step(library: Library) -> None:
    # 接着调 is 微调 further: "它后面用啥算法接着调" got a did-you-mean.
    reply = talk(library, "奖励模型咋来的", "它后面用啥算法接着调")[1][0]
    assert reply.entry_id is not None and "近端策略优化" in reply.text


def test_which_one_after_a_comparison_asks_which_of_the_two(library: Library) -> None:
    # Alone, "哪个更适合做客服" offers choices: it names neither GPT nor ChatGPT.
    reply = talk(library, "GPT和ChatGPT应用领域有啥不一样", "哪个更适合做客服")[1][0]
    assert reply.entry_id == "chatgpt-use-cases"
    # 谁更 picks one of the two as 哪个更 does (was declined).
    reply = talk(library, "GPT和ChatGPT有啥不同", "谁更通用")[1][0]
    assert reply.entry_id == "gpt-vs-chatgpt"


def test_how_they_differ_after_a_question_on_two_asks_of_the_two(library: Library) -> None:
    # "区别具体点" names neither: after "GPT和ChatGPT不是一个东西吗" it is their difference.
    turns = talk(library, "GPT和ChatGPT不是一个东西吗？", "我也一直以为是一回事🤣 区别具体点？")
    assert turns[1][0].entry_id == "gpt-vs-chatgpt"


def test_an_aspect_framed_as_an_area_and_going_back_to_the_topic_are_follow_ups(
    library: Library,
) -> None:
    # "在自然语言处理方面" and "内容生成那块" are no terms, and "回到刚才的" hid the 那 of "那X呢".
    first = "生成式AI在智能客服上能怎么用"
    state = step(ChatState(), first, library, now=0.0)[1]
    for message, entry_id in [
        ("那在自然语言处理方面呢", "generative-ai-applications"),
        ("回到刚才的，那在自然语言处理方面呢", "generative-ai-applications"),
        ("内容生成那块呢", "generative-ai-applications"),  # the list's line: 媒体和广告公司
    ]:
        assert step(state, message, library, now=1.0)[0].entry_id == entry_id, message


def test_this_step_is_no_pronoun(library: Library) -> None:
    # "预训练这一步" read 这 as ChatGPT: "预训练chatgpt一步干什么的".
    reply, state = talk(library, "ChatGPT是怎么实现对话生成的", "预训练这一步是干啥的")[1]
    assert reply.entry_id == "pretraining" and state.last_question == "预训练这一步是干啥的"


def test_ta_is_a_pronoun(library: Library) -> None:
    reply = talk(library, "ChatGPT是什么", "那ta是哪家公司做的")[1][0]
    assert reply.entry_id == "chatgpt-maker"


def test_the_name_or_the_model_in_english_is_the_topic(library: Library) -> None:
    # "what does the name stand for?" after GPT was offered choices (ChatGPT's, RLHF's full
    # name); "GPT全称" found the answer on ChatGPT's name, passed over for GPT's own entries.
    assert talk(library, "GPT是啥", "全称是啥")[1][0].entry_id == "chatgpt-full-name"
    named = talk(library, "GPT是啥", "what does the name stand for?")[1][0]
    assert named.entry_id == "chatgpt-full-name" and "生成式预训练变换器" in named.text
    assert talk(library, "GPT-3有多少参数", "how big is the model")[1][0].entry_id == "gpt-3"


def test_why_code_helps_asked_in_english_after_chain_of_thought_is_its_answer(
    library: Library,
) -> None:
    # The lexicon reads code as 编程, which only ChatGPT's coding entries spoke of: "why does
    # code help?" after 思维链 was offered choices.
    for message in ("why does code help?", "why code?", "why does training on code help tho?"):
        reply = talk(library, "What is chain of thought?", message)[1][0]
        assert reply.entry_id == "chain-of-thought" and "代码数据" in reply.text, message


def test_what_it_is_called_is_the_entry_on_the_name_the_answer_gives(library: Library) -> None:
    # "这个技术叫啥" after why training on code brings reasoning was read as "大模型叫什么" and
    # answered with what a large model is; the answer puts it under “思维链”.
    reply = talk(library, "为啥用代码训练能让模型会推理", "这个技术叫啥来着")[1][0]
    assert reply.entry_id == "chain-of-thought" and "思维链" in reply.text


@pytest.mark.parametrize(
    ("topic", "entry", "name"),
    [
        ("思维链是啥", "chain-of-thought", "Chain of Thought"),
        ("什么是RLHF", "rlhf", "Reinforcement Learning from Human Feedback"),
        ("提示学习是什么", "prompt-learning", "Prompt/Instruct Learning"),
    ],
)
def test_the_name_in_english_is_asked_of_the_topic(
    library: Library, topic: str, entry: str, name: str
) -> None:
    # "英文叫什么" after 思维链 was taken for ChatGPT's full name (the entry on names).
    reply = talk(library, topic, "英文叫什么")[1][0]
    assert reply.entry_id == entry and name in reply.text, reply.entry_id


@pytest.mark.parametrize(
    ("topic", "effect", "entry"),
    [
        ("生成式AI是什么", "效果咋样", "generative-ai-benefits"),
        ("微调是什么", "效果咋样", "fine-tuning"),
        ("GPT-3是什么", "那作用呢", "gpt-3"),
        # 它 before it: the topic's, not that of ChatGPT, which the last question named too.
        ("ChatGPT训练最后用的那个算法叫啥", "它效果咋样", "ppo"),
        # Whether it works well asks the same (好用吗 alone was declined).
        ("提示工程是啥", "好用吗", "prompt-learning"),
        ("思维链是什么", "那它管用吗", "chain-of-thought"),
    ],
)
def test_what_a_thing_does_is_asked_of_the_topic(
    library: Library, topic: str, effect: str, entry: str
) -> None:
    # "效果咋样" named nothing the knowledge keeps as a term, and was offered the two entries
    # whose answers happen to say 效果 (人机交互的效果, ChatGPT's training).
    reply = talk(library, topic, effect)[1][0]
    assert reply.entry_id == entry, reply.entry_id


@pytest.mark.parametrize("question", ["OpenAI估值多少", "为啥能火这么快"])
def test_a_question_after_one_about_today_keeps_to_its_own_time(
    library: Library, question: str
) -> None:
    # 现在 of "那现在有多少用户" went into the next question, which then got "no article says
    # how things stand today" instead of the figures the articles give.
    replies = talk(library, "ChatGPT用户有多少", "那现在有多少用户", question)
    assert not replies[1][0].matched and "现在" in replies[1][0].text
    assert replies[2][0].entry_id == "chatgpt-popularity", replies[2][0].entry_id
    assert "现在的情况" not in replies[2][0].text


def test_the_answer_asked_for_in_english_is_said_again_in_chinese(library: Library) -> None:
    # "in english pls" after an answer was offered unrelated entries (英文 of the usage tips).
    first, again = (reply for reply, *_ in talk(library, "ChatGPT有哪些安全措施", "in english pls"))
    assert again.entry_id == first.entry_id and again.text.startswith("Sorry, I can only answer")
    alone = talk(library, "in english pls")[0][0]
    assert alone.kind is ReplyKind.SMALL_TALK and "Chinese" in alone.text


def test_that_of_a_claim_put_back_is_the_topic(library: Library) -> None:
    # "哦哦 那是2020年出的？" after who made ChatGPT was declined: 那 was no pronoun.
    reply = talk(library, "ChatGPT是谷歌做的吧", "哦哦 那是2020年出的？")[1][0]
    assert reply.entry_id == "chatgpt-launch" and "2022年11月" in reply.text


def test_a_place_in_a_list_without_heads_is_its_line(library: Library) -> None:
    # ChatGPT's weaknesses are two lines without heads; "第二个呢" was declined.
    reply = talk(library, "ChatGPT有什么缺点", "第二个呢")[1][0]
    assert reply.entry_id == "chatgpt-weaknesses" and "意识形态" in reply.text
    assert "事实准确性" not in reply.text


def test_who_made_it_is_not_asked_of_what_it_belongs_to(library: Library) -> None:
    # "who invented it" after Transformer was asked of ChatGPT (built on it): OpenAI.
    reply = talk(library, "Transformer是什么", "who invented it")[1][0]
    assert reply.entry_id != "chatgpt-maker" and not reply.matched, reply.entry_id


def test_why_it_needs_a_thing_is_asked_of_the_topic(library: Library) -> None:
    # "为什么需要大模型" after 生成式AI was read as why anything needs 大模型: what 大模型 is.
    reply = talk(library, "生成式AI是什么", "为什么需要大模型")[1][0]
    assert reply.entry_id == "generative-ai-benefits", reply.entry_id


def test_a_pronoun_after_a_name_compared_against_is_not_that_name(library: Library) -> None:
    # "相比GPT-3 it improves what?" read "it" as GPT-3, the name just before it.
    reply = talk(library, "RLHF是什么", "相比GPT-3 it improves what?")[1][0]
    assert reply.entry_id != "gpt-3" and reply.matched, reply.entry_id
    # A name just said, then a pause, is still what 它 points at.
    assert talk(library, "RLHF是什么", "回到GPT-3，它多少参数")[1][0].entry_id == "gpt-3"


def test_hardware_asked_of_the_topic_in_english_is_not_answered(library: Library) -> None:
    # No article says what ChatGPT was trained on; "GPUs" was no word the knowledge knew, and
    # the follow-up was answered with ChatGPT's training steps.
    reply = talk(library, "ChatGPT是什么", "how many GPUs did they use to train it")[1][0]
    assert not reply.matched, reply.entry_id


def test_a_laugh_that_asks_nothing_is_chatter(library: Library) -> None:
    # "哈哈PPO听着像个饮料" was answered with what PPO is.
    for remark in ("哈哈PPO听着像个饮料", "哈哈 你也在看这个", "笑死 原来是背的"):
        reply = talk(library, "RLHF是什么", remark)[1][0]
        assert not reply.matched, (remark, reply.entry_id)
    # A laugh beside a question is no remark, whether it asks in words or with a ?.
    for question in ("哈哈 RLHF是啥", "so ChatGPT = GPT + chat? 哈哈"):
        assert talk(library, "RLHF是什么", question)[1][0].matched, question


def test_the_it_of_time_and_weather_is_no_pronoun(library: Library) -> None:
    # Read as about the topic ("什么 time is rlhf"), these were answered with the topic's entry.
    state = step(ChatState(), "What is RLHF?", library, now=0.0)[1]
    for message in ["what time is it", "What time is it now?", "is it raining"]:
        reply = step(state, message, library, now=1.0)[0]
        assert not reply.matched, (message, reply.entry_id)
    assert step(state, "why does it matter", library, now=1.0)[0].entry_id == "rlhf"


def test_the_topic_settles_a_did_you_mean_only_when_the_words_find_it_too(
    library: Library,
) -> None:
    # "RLHF会游泳吗" and "RLHF在哪上班" offer the RLHF entry by the name alone: 游泳 and 上班
    # do not find it, so the topic does not settle them.
    for topic, message in [("什么是RLHF", "它会游泳吗"), ("什么是RLHF", "它在哪上班")]:
        reply = talk(library, topic, message)[1][0]
        assert not reply.matched, (topic, message, reply.entry_id)
    # 训练 finds the training entry on its own: "它是怎么训练的" is still answered.
    assert talk(library, "ChatGPT是什么", "它是怎么训练的")[1][0].entry_id == "chatgpt-training"


def test_today_s_figure_after_the_articles_one_says_they_only_have_theirs(
    library: Library,
) -> None:
    (first, _), (reply, state) = talk(library, "ChatGPT有多少用户", "那现在有多少用户")
    assert first.matched and "1亿" in first.text
    assert reply.kind is ReplyKind.DECLINE and not reply.matched
    assert reply.text.startswith("文章没有说现在的情况") and "1亿" in reply.text
    assert state.subject == "ChatGPT"  # "那GPT-3呢" may follow


@pytest.mark.parametrize(
    "question",
    ["ChatGPT上线第五天用户数是多少", "ChatGPT头一周有多少用户", "ChatGPT上线5天用户有多少？"],
)
def test_a_figure_asked_at_a_moment_the_answer_does_not_name_says_so(
    library: Library, question: str
) -> None:
    # The article gives the users two months after launch, not on any other day or week.
    ((reply, _),) = talk(library, question)
    assert reply.kind is ReplyKind.DECLINE and not reply.matched
    assert reply.text.startswith("文章没有说") and "它说的是" in reply.text
    assert "两个月" in reply.text and "1亿" in reply.text


def test_a_figure_asked_at_the_moment_the_answer_names_is_answered(library: Library) -> None:
    ((reply, _),) = talk(library, "ChatGPT上线两个月后用户有多少")
    assert reply.matched and reply.entry_id == "chatgpt-popularity"


def test_whether_it_is_only_money_is_answered_by_the_reasons_given(library: Library) -> None:
    # 缺钱 is the 资金 the answer names among its reasons: no new question to be declined.
    (first, _), (reply, _) = talk(library, "为啥国内做不出ChatGPT", "就是缺钱？")
    assert first.entry_id == "chatgpt-hard-to-build"
    assert reply.matched and reply.entry_id == "chatgpt-hard-to-build" and "资金" in reply.text


def test_which_ones_by_name_after_an_answer_that_names_none_is_declined_with_it(
    library: Library,
) -> None:
    turns = talk(library, "国内有没有团队在做ChatGPT的对标产品", "具体是哪几家公司在做")
    (first, _), (reply, state) = turns
    assert first.matched and first.entry_id == "chatgpt-domestic"
    assert reply.kind is ReplyKind.DECLINE and not reply.matched
    assert reply.text.startswith("文章没有回答这一点") and "没有说是哪些公司" in reply.text
    assert state.subject == "ChatGPT"


def test_the_reason_the_articles_do_not_give_is_declined_and_the_talk_goes_on(
    library: Library,
) -> None:
    turns = talk(library, "ChatGPT带来了啥影响", "为什么大厂要封杀它", "微软那边的人怎么看")
    (_, _), (why, _), (then, _) = turns
    assert why.kind is ReplyKind.DECLINE and "没有说明原因" in why.text
    # Read as the reason question carried on, it found the same entry; it asks no reason.
    assert then.matched and then.entry_id == "chatgpt-tech-impact"


def test_a_bare_question_for_a_fact_is_asked_of_the_subject(library: Library) -> None:
    # "谁做的" has no word an entry could answer alone; GPT-3's answer says who made it.
    *_, (who, _) = talk(library, "GPT-3有多少参数", "谁做的")
    assert who.matched and who.entry_id == "gpt-3" and "OpenAI" in who.text
    # Not a question with words of its own, nor a fact of another subject's entry.
    *_, (price, _) = talk(library, "GPT-3有多少参数", "北京房价多少")
    assert not price.matched
    *_, (when, _) = talk(library, "GPT有哪些版本", "什么时候出的")
    assert "2022年11月" not in when.text
    # In English too: "how fast" asks how long it took.
    *_, (fast, _) = talk(library, "how many users did ChatGPT get", "how fast?")
    assert fast.matched and "两个月" in fast.text


def test_it_may_be_what_the_entry_shown_belongs_to(library: Library) -> None:
    # After PPO (a step of ChatGPT's training), 它 read as PPO found nothing, and the question
    # was declined though its own words find ChatGPT's votes.
    *_, (votes, _) = talk(library, "PPO是啥", "我们平时给它点赞点踩有用吗")
    assert votes.matched and votes.entry_id == "chatgpt-user-feedback"


def test_a_figure_put_to_be_checked_is_part_of_a_bare_question_for_a_fact(
    library: Library,
) -> None:
    # The figure says which fact, not what of: the year asked with a guess, the valuation's
    # currency after the answer that gave it.
    *_, (year, _) = talk(library, "ChatGPT是谷歌做的吧", "哪年出的 2023吧？")
    assert year.matched and year.entry_id == "chatgpt-launch" and "2022年11月" in year.text
    *_, (unit, _) = talk(library, "OpenAI现在估值多少", "290亿是人民币吧？")
    assert "290亿美元" in unit.text  # told as of the article's writing, the question's 现在


def test_how_fast_is_a_question_word_however_it_is_cut(library: Library) -> None:
    # jieba cuts 涨得多快 into 得 / 多 / 快: 快 counted as a word no entry says, and the
    # words alone were declined, so the chat's ChatGPT could not back them.
    for how_fast in ["上线以后用户涨得多快", "上线之后用户涨得快吗"]:
        *_, (fast, _) = talk(library, "ChatGPT是哪年几月推出来的？", how_fast)
        assert fast.matched and fast.entry_id == "chatgpt-popularity" and "两个月" in fast.text


def test_when_a_thing_began_says_nothing_of_what_is_asked(library: Library) -> None:
    # 一开始 (jieba: 一 / 开始) met "参数到多少模型才开始会推理" and drew the scale entry, or
    # in the chat of ChatGPT the free-use one ("一开始免费").
    *_, (first, _) = talk(library, "ChatGPT是谷歌做的吧", "一開始用的啥模型")
    assert first.matched and first.entry_id == "chatgpt-base-model"


def test_a_question_about_the_subject_the_entry_shown_belongs_to_is_answered(
    library: Library,
) -> None:
    # PPO is a step of ChatGPT's training (its tags): where it was trained is ChatGPT's.
    *_, (where, _) = talk(library, "ChatGPT训练里的PPO是个啥", "为啥用它不用别的", "在哪训练的")
    assert where.matched and where.entry_id == "chatgpt-training-infrastructure"


def test_an_interjection_before_a_follow_up_changes_nothing(library: Library) -> None:
    *_, (reply, _) = talk(library, "GPT-3有多少参数", "ok 那它是自回归的吗")
    assert reply.matched and reply.entry_id == "autoregressive"


def test_a_question_naming_nothing_may_go_back_to_a_subject_the_chat_was_on(
    library: Library,
) -> None:
    # Read against 高校 it finds the universities' entry again; its own words find whether a
    # team in China is building one, an entry on ChatGPT, which the chat was on before.
    *_, (back, _) = talk(
        library, "为什么国内很难做出ChatGPT", "高校为什么做不了", "那现在有团队在做吗"
    )
    assert back.matched and back.entry_id == "chatgpt-domestic"
    # Not to a subject the chat has not been on: 思维链's entry says why code helps.
    *_, (why, _) = talk(library, "思维链是什么", "为什么代码有用")
    assert why.entry_id == "chain-of-thought"


def test_what_is_asked_about_on_a_later_page_is_shown_after_the_first(library: Library) -> None:
    (aspect, _), (more, _) = talk(library, "GPT和ChatGPT的应用领域有啥不同", "继续")
    # The first page is the comparison's summary; the line on 应用领域 is on the second.
    assert aspect.page == 1 and "……\n- 应用领域：GPT用于文本生成、情感分析" in aspect.text
    assert more.page == 2 and "应用领域" in more.text
    # A later line headed by what is asked, though the first page mentions it in passing.
    tuning = talk(library, "GPT能微调吗")[0][0]
    assert "……\n- 微调：GPT可以针对情感分析" in tuning.text
    # Asked about nothing a later page says, the first page is shown as it is.
    plain = talk(library, "GPT和ChatGPT有什么区别")[0][0]
    assert plain.page == 1 and "……" not in plain.text


def test_a_question_that_is_an_entry_s_own_phrasing_is_answered_after_another_topic(
    library: Library,
) -> None:
    # About 大模型, not GPT-4: a question naming no subject would be offered, not answered.
    *_, (reply, _) = talk(library, "GPT-4有多少参数", "那参数超过600亿会怎样")
    assert reply.matched and reply.entry_id == "scale-and-emergence"


def test_asking_for_the_short_of_it_shows_the_first_page_again(library: Library) -> None:
    turns = talk(library, "GPT和ChatGPT有什么区别", "继续", "一句话总结下呗")
    summary = turns[2][0]
    assert summary.matched and summary.page == 1 and "两者侧重点和应用不同" in summary.text
    # With nothing said yet, there is nothing to sum up.
    alone = talk(library, "总结一下")[0][0]
    assert alone.kind is ReplyKind.NOTHING_TO_CONTINUE


def test_besides_what_the_answer_said_asks_for_the_rest_of_it(library: Library) -> None:
    # The answer names 算力 among the reasons; "除了算力" sets it aside and asks for the others.
    *_, (rest, _) = talk(library, "为啥国内高校搞不出ChatGPT", "除了算力还有别的原因吗")
    assert rest.matched and rest.entry_id == "chatgpt-hard-to-build" and "资金" in rest.text
    # However well "ChatGPT还有什么原因" fits another entry (why it writes code).
    *_, (other, _) = talk(library, "为啥国内高校做不出ChatGPT", "除了算力还有啥原因")
    assert other.matched and other.entry_id == "chatgpt-hard-to-build"


def test_a_question_fitting_several_subjects_is_asked_of_the_chat_s(library: Library) -> None:
    # Alone, "一般用在哪些任务上" is torn between ChatGPT's and GPT's tasks; the Transformer
    # answer just shown says 任务 (语言翻译、文本摘要、问答等…任务), so that is what is asked.
    *_, (tasks, _) = talk(library, "Transformer是个什么架构", "一般用在哪些任务上")
    assert tasks.matched and tasks.entry_id == "transformer" and "语言翻译" in tasks.text
    # "具体怎么训练的" fits ChatGPT's, GPT's and the reward model's training alike; the RLHF
    # answer says how its 训练员 train it.
    *_, (how, _) = talk(library, "RLHF是什么意思啊", "具体怎么训练的？")
    assert how.matched and how.entry_id == "rlhf" and "奖励模型" in how.text
    # After an answer that does not say 任务, the choice is still offered.
    *_, (other, _) = talk(library, "什么是思维链", "一般用在哪些任务上")
    assert not other.matched


def test_a_follow_up_prefers_a_new_answer_to_the_entry_just_shown(library: Library) -> None:
    # Read as the last question carried on, "在哪训练的" finds the training data again, as
    # surely as "ChatGPT在哪训练的" finds where it was trained.
    turns = talk(library, "ChatGPT的训练数据是啥", "在哪训练的")
    assert [reply.entry_id for reply, _ in turns] == [
        "chatgpt-training-data",
        "chatgpt-training-infrastructure",
    ]


def test_a_short_question_goes_back_to_the_subject_the_chat_drifted_from(
    library: Library,
) -> None:
    # From ChatGPT's training to PPO: "PPO在哪训练的" has no answer, ChatGPT's has. Read with
    # the last question ("ChatGPT用的什么优化算法 在哪训练的"), the training answer says both the
    # algorithm and the machines (Azure), as the entry on the machines alone does.
    turns = talk(library, "ChatGPT是怎么训练的", "用的啥优化算法", "在哪训练的", "训练数据都有啥")
    entries = [reply.entry_id for reply, _ in turns]
    assert entries[:2] == ["chatgpt-training", "ppo"] and entries[3] == "chatgpt-training-data"
    where, state = turns[2]
    assert where.entry_id in {"chatgpt-training", "chatgpt-training-infrastructure"}
    assert "Azure" in where.text and state.subject == "ChatGPT"


def test_an_aspect_that_is_a_topic_of_its_own_moves_on_to_it(library: Library) -> None:
    # "控制性能的安全性" found the controllability entry again.
    for follow in ("那安全方面呢", "and safety?"):
        reply = talk(library, "ChatGPT的控制性能是啥", follow)[1][0]
        assert reply.entry_id == "safety-ethics", follow
    # An aspect the subject's entries answer stays with the subject.
    assert talk(library, "什么是大模型", "那参数呢")[1][0].entry_id == "large-model-parameters"


def test_an_aspect_that_begins_a_term_is_asked_of_the_subject(library: Library) -> None:
    # 数据 is no keyword, but begins 数据处理 and 数据分片: after how to find the compute, the
    # data challenge, not a decline (it was read as a question of its own, about users' data).
    turns = talk(library, "大模型算力不够怎么解决", "那数据那块呢")
    assert turns[1][0].entry_id == "data-challenge"


def test_a_follow_up_that_says_nothing_new_stays_with_the_entry_shown(library: Library) -> None:
    # "大模型怎么办" finds how to speed up training nearly as surely as the question carried on
    # finds the data-processing entry, whose answer is the solution asked for; "咋办" alone
    # prefers neither.
    turns = talk(library, "大模型数据处理有什么难点", "咋办")
    assert [reply.entry_id for reply, _ in turns] == ["data-challenge", "data-challenge"]


def test_what_it_can_do_after_an_answer_asks_about_the_topic_not_the_bot(
    library: Library,
) -> None:
    fresh = step(ChatState(), "能做啥", library, now=0.0)[0]
    assert fresh.kind is ReplyKind.SMALL_TALK
    reply = talk(library, "生成式AI是什么", "能做啥")[1][0]
    entry = library.get(reply.entry_id or "")
    assert reply.kind is ReplyKind.ANSWER and entry is not None
    assert "生成式AI" in entry.subject + entry.question
    addressed = talk(library, "生成式AI是什么", "你能做什么")[1][0]
    assert addressed.kind is ReplyKind.SMALL_TALK


def test_a_short_question_about_something_else_is_not_pulled_to_the_current_topic(
    library: Library,
) -> None:
    # "GPT-3怎么注册账号" finds the GPT-3 entry on the name alone; the message's own words
    # (注册) point elsewhere, so the context must not decide.
    turns = talk(library, "GPT-3有多少参数", "怎么注册账号")
    assert turns[1][0].entry_id != "gpt-3"


def test_a_follow_up_about_a_name_prefers_the_entry_about_that_name(library: Library) -> None:
    # "gpt-3主要用在哪些场景" scores the ChatGPT-vs-GPT-3 comparison highest; the user asked
    # about GPT-3, and the GPT-3 entry clears the answer threshold on its own.
    turns = talk(library, "ChatGPT主要用在哪些场景", "那GPT-3呢")
    entry = library.get(turns[1][0].entry_id or "")
    assert entry is not None and entry.subject == "GPT-3"


def test_a_correction_prefers_the_entry_about_what_was_meant(library: Library) -> None:
    turns = talk(library, "chatgpt有哪些核心特点", "不是，我是说GPT")
    entry = library.get(turns[1][0].entry_id or "")
    assert entry is not None and entry.subject == "GPT"


def test_a_correction_that_is_a_question_of_its_own_is_read_as_it_stands(
    library: Library,
) -> None:
    # Its 那个 points inside it (the T of ChatGPT's name), not back to GPT's maker.
    turns = talk(library, "GPT是谁开发的", "不是，我是说ChatGPT名字里那个T是啥")
    assert turns[1][0].entry_id == "chatgpt-full-name"


def test_a_question_the_articles_do_not_answer_is_declined_with_what_they_do_say(
    library: Library,
) -> None:
    entry = library.get("gpt-4-parameters")
    assert entry is not None and entry.declines
    (declined, state), (follow_up, _) = talk(library, "GPT-4的参数量有多少", "那GPT-3呢")
    assert declined.kind is ReplyKind.DECLINE and not declined.matched
    assert declined.text == entry.answer and declined.buttons == ()  # nothing to vote on
    assert state.entry_id is None  # nothing to continue
    # The subject stays: "那GPT-3呢" is GPT-3's parameter count, which the articles give.
    assert follow_up.kind is ReplyKind.ANSWER and follow_up.entry_id == "gpt-3"


def test_continuing_never_walks_into_a_question_the_articles_do_not_answer(
    library: Library,
) -> None:
    state = ChatState()
    for second in range(40):
        message = "GPT-3有多少参数" if second == 0 else "继续"
        reply, state = step(state, message, library, now=float(second))
        assert reply.entry_id is None or not library.get(reply.entry_id).declines  # type: ignore[union-attr]


def test_a_point_of_the_list_just_shown_is_said_again_on_its_own(library: Library) -> None:
    turns = talk(library, "生成式AI能用在哪些地方", "艺术那块具体说说")
    (listed, _), (point, state) = turns
    assert listed.entry_id == point.entry_id == "generative-ai-applications"
    assert point.kind is ReplyKind.ANSWER and "艺术家" in point.text
    assert "智能客服" in listed.text and "智能客服" not in point.text  # that point only
    assert [b.action for b in point.buttons] == [Action.VOTE_UP, Action.VOTE_DOWN]
    assert state.entry_id == "generative-ai-applications"


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        # The list was two answers ago; 数据处理 has an entry of its own.
        (("大模型面临哪些挑战", "算力不够怎么解决", "数据那块呢"), "data-challenge"),
        (("ChatGPT的基本原理是什么", "第一步具体是啥"), "pretraining"),
        # "数据那个" names the point as "数据那块" does (was the definition of 大模型).
        (("大模型现在主要有什么难点", "第一个怎么解决", "那数据那个呢"), "data-challenge"),
    ],
)
def test_a_point_with_an_entry_of_its_own_is_answered_by_it(
    library: Library, messages: tuple[str, ...], expected: str
) -> None:
    reply, _ = talk(library, *messages)[-1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == expected


def test_a_feature_listed_in_a_sentence_is_asked_about_by_its_place(library: Library) -> None:
    # GPT's answer lists its core features in one sentence: 自回归生成、大规模预训练、多用途.
    replies = [r for r, _ in talk(library, "GPT的核心特点有哪几个", "第一点展开讲讲", "第二点呢")]
    assert [r.entry_id for r in replies] == ["gpt-definition", "autoregressive", "pretraining"]


def test_a_member_who_joined_in_may_ask_about_a_point_of_the_list_they_heard(
    library: Library,
) -> None:
    # Member 2 joined member 1's topic with its third point; "第二点" was offered choices: the
    # list was member 1's answer, not theirs.
    first = step(ChatState(), "大模型和ChatGPT对AI发展有啥好处", library, now=0.0)[1]
    joined = joining_in(ChatState(), [first], now=1.0, ttl_seconds=600)
    third, state = step(joined, "第三点展开说说", library, now=1.0)
    assert third.entry_id == "multimodal"
    second = step(state, "那第二点人机交互都用在哪些领域", library, now=2.0)[0]
    assert second.kind is ReplyKind.ANSWER and second.entry_id == "large-model-ai-benefits"
    assert "客服" in second.text and "图像" not in second.text


def test_a_point_only_touched_by_another_entry_is_the_line_of_the_list(library: Library) -> None:
    # The efficiency entry has a phrasing about speeding up 内容生成: it is no entry about it.
    (_, _), (point, _) = talk(library, "生成式AI能用在哪些地方", "内容生成那块谁在用")
    assert point.entry_id == "generative-ai-applications" and "媒体和广告公司" in point.text
    assert "艺术家" not in point.text


def test_an_example_of_a_point_is_its_line_named_whole(library: Library) -> None:
    # 自动文本生成 and 自动问答 both start 自动: the head named whole tells which.
    (_, _), (point, _) = talk(library, "ChatGPT除了聊天还能干啥", "自动文本生成举个例子？")
    assert point.kind is ReplyKind.ANSWER and point.entry_id == "chatgpt-abilities"
    assert "剧本" in point.text and "自动生成答案" not in point.text


@pytest.mark.parametrize(
    ("first", "follow", "expected"),
    [
        # 那边 is where the asking points, not a word to find ("学校那边呢" was declined).
        ("ChatGPT对找工作有啥影响？会抢饭碗吗", "学校那边呢", "chatgpt-education-impact"),
        # 表态 is what someone said of it (was where ChatGPT was trained: 微软's Azure).
        ("ChatGPT出来以后对社会有啥影响", "微软那边有人表态吗", "chatgpt-tech-impact"),
    ],
)
def test_a_follow_up_about_another_side_finds_its_entry(
    library: Library, first: str, follow: str, expected: str
) -> None:
    reply, _ = talk(library, first, follow)[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == expected


def test_a_question_after_going_on_is_that_question(library: Library) -> None:
    # "接着说，…" read 接着说 as words to find and offered choices; "继续说说它还能干啥" went on
    # to the feedback entry. What else it can do, after what it can do, is its uses.
    reply = talk(library, "思维链是啥", "接着说，那推理能力是参数多大才出来的")[1][0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "scale-and-emergence"
    reply = talk(library, "ChatGPT能做什么", "继续说说它还能干啥")[1][0]
    assert reply.entry_id == "chatgpt-use-cases"


def test_how_popular_it_is_is_its_popularity(library: Library) -> None:
    # jieba glues 有多火 whole: "ChatGPT有多火" was its parameter count.
    reply = talk(library, "ChatGPT有多火")[0][0]
    assert reply.entry_id == "chatgpt-popularity"


def test_a_member_declined_after_joining_in_follows_the_talk_on(library: Library) -> None:
    # Member 2 joined member 1's talk and was declined; member 1's next answer says no company
    # is named: member 2's "具体哪家公司" was ChatGPT's maker.
    first = step(ChatState(), "为啥国内高校搞不出ChatGPT", library, now=0.0)[1]
    joined = joining_in(ChatState(), [first], now=1.0, ttl_seconds=600)
    declined, member = step(joined, "说白了就是运气差呗？", library, now=1.0)
    assert declined.kind is ReplyKind.DECLINE
    latest = step(first, "那国内有团队在做类似的吗", library, now=2.0)[1]
    following = joining_in(member, [latest], now=3.0, ttl_seconds=600)
    reply = step(following, "具体哪家公司？百度吗", library, now=3.0)[0]
    assert reply.kind is ReplyKind.DECLINE and "没有说是哪些公司" in reply.text
    # One who has read an answer of their own keeps their topic.
    own = step(ChatState(), "ChatGPT能做什么", library, now=0.5)[1]
    kept = joining_in(own, [latest], now=3.0, ttl_seconds=600)
    assert (kept.entry_id, kept.subject, kept.last_question) == (
        own.entry_id,
        own.subject,
        own.last_question,
    )


@pytest.mark.parametrize(
    ("topic", "which", "left_out"),
    [
        # Sharing no word with the answer on domestic teams, "百度那个叫啥" was ChatGPT's full
        # name.
        ("现在有国内团队在做ChatGPT吗", "具体是哪几家？百度那个叫啥来着", "没有说是哪些公司"),
        ("现在有国内团队在做ChatGPT吗", "具体是哪几家", "没有说是哪些公司"),
        # The safety answer says "文章没有介绍这些约束的具体做法"; the follow-up was answered
        # with that answer again, as if it said which words.
        ("ChatGPT在安全方面做了啥", "具体过滤了哪些词", "没有介绍这些约束的具体做法"),
        ("ChatGPT在安全方面做了啥", "具体过滤了哪些敏感词", "没有介绍这些约束的具体做法"),
    ],
)
def test_what_an_answer_says_it_leaves_out_asked_right_after_is_declined_with_it(
    library: Library, topic: str, which: str, left_out: str
) -> None:
    reply = talk(library, topic, which)[1][0]
    assert reply.kind is ReplyKind.DECLINE and left_out in reply.text


def test_which_measures_after_the_safety_answer_are_the_ones_it_lists(library: Library) -> None:
    # Its answer lists them (限制…、过滤有害信息): not declined as a detail it leaves out.
    listed = talk(library, "ChatGPT在安全方面做了啥", "具体有哪些安全设计")[1][0]
    assert listed.kind is ReplyKind.ANSWER and listed.entry_id == "safety-ethics"


def test_a_short_message_asking_by_its_mark_alone_leans_on_the_topic(library: Library) -> None:
    # No question word, only the mark: "上线半年才到一亿用户？" after ChatGPT's launch asks about
    # ChatGPT's users (it was offered as a did-you-mean); chatter with a mark stays chatter.
    reply = talk(library, "ChatGPT是什么时候推出的", "上线半年才到一亿用户？")[1][0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "chatgpt-popularity"
    assert not talk(library, "ChatGPT是什么时候推出的", "bot挂了？？")[1][0].matched


def test_another_name_asked_of_what_was_said_is_the_last_question_of_it(
    library: Library,
) -> None:
    # "那GPT-3没有这些吗" after ChatGPT's safety measures was GPT-3's parameter count.
    for follow in ("那GPT-3没有这些吗", "GPT-3就有这些了吧"):
        reply = talk(library, "ChatGPT在安全方面做了啥", follow)[1][0]
        assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "safety-ethics", follow
    # A question of its own that says 这些 is read as it stands.
    reply = talk(library, "ChatGPT在安全方面做了啥", "那DAN越狱prompt能绕过这些限制吗")[1][0]
    assert reply.entry_id != "safety-ethics"


@pytest.mark.parametrize(
    ("term", "expected"), [("特点？", "large-model-features"), ("缺点？", "large-model-challenges")]
)
def test_a_term_alone_asks_it_of_the_topic(library: Library, term: str, expected: str) -> None:
    # "特点？" after 大模型 was ChatGPT's features: the term alone named no subject.
    reply = talk(library, "大模型到底是啥意思", term)[1][0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == expected


def test_asking_whether_it_will_do_is_a_question_about_the_topic(library: Library) -> None:
    # "写代码行不行" was offered choices: 行不行 asks as 能不能 does.
    reply = talk(library, "ChatGPT除了聊天还能干啥", "写代码行不行")[1][0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id in {
        "chatgpt-abilities",
        "chatgpt-coding",
    }


def test_a_list_is_gone_through_point_by_point(library: Library) -> None:
    # "第二个" said there was nothing to choose from (or found the list's last line: its
    # second line's head, 提示/指令模式（…）, was too long with its aside); "下一个" was declined.
    turns = talk(library, "从GPT到ChatGPT有哪些关键技术", "第一个", "第二个", "下一个", "继续")
    (_, _), (first, _), (second, _), (third, _), (fourth, state) = turns
    assert "超大规模" in first.text and "提示" in second.text
    assert second.kind is ReplyKind.ANSWER and "思维链" in third.text
    assert "人类偏好" in fourth.text and state.point == 4


def test_going_on_through_a_list_shows_the_line_of_an_entry_already_read(
    library: Library,
) -> None:
    turns = talk(
        library, "大模型和ChatGPT对AI发展有什么好处", "多模态是啥", "人机交互那块具体用在哪", "继续"
    )
    assert turns[1][0].entry_id == "multimodal"
    going_on = turns[3][0]
    assert going_on.entry_id == "large-model-ai-benefits" and "多模态" in going_on.text


def test_a_cantonese_follow_up_is_understood(library: Library) -> None:
    # "佢幾時出嘅" was declined: 佢 is 它, 幾時 is 什么时候.
    reply = talk(library, "ChatGPT系咪OpenAI整嘅？", "佢幾時出嘅")[1][0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "chatgpt-launch"


def test_once_more_is_the_page_just_shown(library: Library) -> None:
    # "刚才那个再说一遍 没看清" was declined.
    config = DialogueConfig(page_size=80)
    state, shown = ChatState(), []
    for second, message in enumerate(["ChatGPT是怎么训练的", "继续", "刚才那个再说一遍 没看清"]):
        reply, state = step(state, message, library, now=float(second), config=config)
        shown.append(reply)
    assert shown[2].kind is ReplyKind.ANSWER and shown[2].page == 2
    assert shown[2].text == shown[1].text


@pytest.mark.parametrize("question", ["his title?", "what did he say?"])
def test_he_in_english_is_the_person_an_answer_names(library: Library, question: str) -> None:
    reply = talk(library, "微软那边有人评价过ChatGPT没", question)[1][0]
    assert reply.kind is ReplyKind.ANSWER and "埃里克·博伊德" in reply.text


def test_the_short_of_an_answer_is_its_gist_not_the_answer_again(library: Library) -> None:
    # "太长了没看完😂 简单点说" was declined; "一句话总结" showed the whole answer again.
    (first, _), (short, _) = talk(library, "大模型跟ChatGPT到底啥关系", "太长了没看完😂 简单点说")
    assert short.kind is ReplyKind.ANSWER and short.entry_id == "large-model-vs-chatgpt"
    assert "ChatGPT的基础" in short.text and "模型规模" in first.text
    assert "模型规模" not in short.text
    # An answer leads with what its subject is, which its gist keeps (Transformer's began with
    # "ChatGPT背后的算法基于Transformer架构", all its short said).
    *_, (gist, _) = talk(library, "Transformer是啥", "说简单点")
    assert gist.entry_id == "transformer" and "自注意力" in gist.text
    # Plainer, asked with the verb after it or with 再 (both were declined as questions).
    for plainer in ("通俗点讲讲", "再说简单点"):
        *_, (plain, _) = talk(library, "什么是RLHF", plainer)
        assert plain.kind is ReplyKind.ANSWER and plain.entry_id == "rlhf"
        assert plain.text.count("人类反馈") == 1


def test_a_correction_is_about_what_it_names_not_what_it_sets_aside(library: Library) -> None:
    # Read whole, "GPT，不是ChatGPT" asked how the two differ.
    *_, (meant, _) = talk(library, "ChatGPT是谁开发的啊", "不是，我问的是GPT，不是ChatGPT")
    assert meant.kind is ReplyKind.ANSWER and meant.entry_id == "gpt-definition"


def test_a_slip_owned_is_followed_by_what_was_meant(library: Library) -> None:
    # Declined: the words owning the slip hid the question.
    turns = talk(library, "ChatGPT实现对话是哪几步", "算了我问错了，其实是想知道GPT是谁家的")
    assert turns[1][0].kind is ReplyKind.ANSWER and "OpenAI" in turns[1][0].text


def test_how_it_is_done_asked_for_in_detail_is_what_the_answer_says(library: Library) -> None:
    # "怎么做到的？具体点" was offered choices; "怎么做到的" alone was answered.
    (_, _), (how, _) = talk(library, "为啥ChatGPT说话比GPT-3友好那么多", "怎么做到的？具体点")
    assert how.kind is ReplyKind.ANSWER and how.entry_id == "chatgpt-vs-gpt3"
    assert "人类偏好" in how.text


def test_a_point_by_its_place_is_the_line_of_that_place(library: Library) -> None:
    # The third step, 对话生成, has no entry of its own: the principle's line on it is the answer.
    (_, _), (third, _) = talk(library, "ChatGPT的基本原理是什么", "第三步具体做啥")
    assert third.entry_id == "chatgpt-principle" and "上下文相关的回复" in third.text
    assert "海量文本" not in third.text


def test_the_day_of_a_launch_dated_to_the_month_is_said_not_to_be_given(
    library: Library,
) -> None:
    reply, _ = talk(library, "ChatGPT啥时候推出的", "具体是11月几号上线的？")[1]
    assert reply.kind is ReplyKind.DECLINE and "没有回答" in reply.text
    assert "2022年11月" in reply.text


def test_asking_for_the_aspects_gives_the_list_shown_without_the_rest(library: Library) -> None:
    # "具体体现在哪几个方面" after the relation of 大模型 and ChatGPT was declined.
    (first, _), (aspects, _) = talk(library, "大模型和ChatGPT是什么关系", "具体体现在哪几个方面")
    assert aspects.kind is ReplyKind.ANSWER and aspects.entry_id == "large-model-vs-chatgpt"
    assert "模型规模" in aspects.text and "性能提升" in aspects.text and aspects.text != first.text
    # A question naming a term of its own is its own question, not the list again.
    (_, _), (steps, _) = talk(library, "生成式AI能用在哪些地方", "ChatGPT训练分哪几步")
    assert steps.entry_id == "chatgpt-training"


def test_a_point_counted_in_a_sentence_is_asked_by_its_place(library: Library) -> None:
    reply, _ = talk(library, "大模型和ChatGPT对AI发展有啥好处", "第三点什么意思")[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "multimodal"


@pytest.mark.parametrize(
    "question", ["他说了啥", "他是啥职位来着", "他是哪个公司的", "说这话的人是啥职位"]
)
def test_he_after_an_answer_naming_someone_is_that_person(library: Library, question: str) -> None:
    # "他是啥职位来着" was answered with ChatGPT's principle: 他 is no ChatGPT.
    reply, _ = talk(library, "微软那边有人评价过ChatGPT没", question)[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "chatgpt-tech-impact"
    assert "埃里克·博伊德" in reply.text and "科技行业" not in reply.text.split("\n\n", 1)[1]


def test_what_the_articles_do_not_say_of_someone_is_declined_with_what_they_do(
    library: Library,
) -> None:
    for question in ["他今年多大了", "他是哪天说的这话", "他还说过啥别的没"]:
        reply, _ = talk(library, "微软那边有人评价过ChatGPT没", question)[1]
        assert reply.kind is ReplyKind.DECLINE and "埃里克·博伊德" in reply.text, question


def test_after_a_decline_of_what_someone_said_he_is_still_that_person(library: Library) -> None:
    # "他原话大概说了啥来着" was declined: the decline had left no answer to find him in.
    turns = talk(library, "微软那边有人评价过ChatGPT没", "他是哪天说的这话", "他原话大概说了啥来着")
    reply = turns[-1][0]
    assert reply.kind is ReplyKind.ANSWER and "埃里克·博伊德" in reply.text


def test_who_found_what_an_answer_tells_is_declined(library: Library) -> None:
    # The answer says 研究者发现 and names none.
    reply, _ = talk(library, "参数超过多少推理能力才会出现？", "这个是谁发现的？哪个研究者的名字")[
        1
    ]
    assert not reply.matched


def test_a_figure_asked_of_a_point_that_gives_none_is_declined(library: Library) -> None:
    # "说回第一个，…多少钱" was answered with the compute challenge, which names no cost.
    turns = talk(
        library, "大模型面临哪些挑战", "说回第一个，用云计算一个月大概要花多少钱", "下一个"
    )
    (declined, _), (following, _) = turns[1:]
    assert declined.kind is ReplyKind.DECLINE and "云计算" in declined.text
    assert following.matched and following.entry_id == "data-challenge"
    # Asked plainly, the point is still answered.
    shown, _ = talk(library, "大模型面临哪些挑战", "说回第一个")[1]
    assert shown.matched


def test_i_say_a_name_after_an_answer_asks_the_last_question_of_it(library: Library) -> None:
    # "我说ChatGPT" was searched on its own words and answered with ChatGPT's weaknesses.
    reply, _ = talk(library, "GPT能记住上下文吗", "我说ChatGPT")[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id != "chatgpt-weaknesses"
    assert "上下文" in reply.text


def test_what_the_answer_shown_says_is_left_out_is_declined_with_it(library: Library) -> None:
    # "那个产品叫啥名字" read with the subject ("ChatGPT产品叫什么名字") found ChatGPT's full name.
    reply, _ = talk(library, "国内有团队在做类似ChatGPT的产品吗", "那个产品叫啥名字")[1]
    assert reply.kind is ReplyKind.DECLINE and "没有说是哪些公司" in reply.text


@pytest.mark.parametrize("how", ["怎么做到的", "这个是靠啥做到的"])
def test_how_it_is_done_after_an_answer_that_says_is_those_sentences(
    library: Library, how: str
) -> None:
    # "怎么做到的" after 控制性能 was asked back which point's reason was meant; the answer
    # says how: 通过有针对性的微调. "这个是靠啥做到的" was ChatGPT's coding (这个 = ChatGPT).
    reply, _ = talk(library, "ChatGPT的控制性能是指什么", how)[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "controllability"
    assert "有针对性的微调" in reply.text and "怎么做到" in reply.text


def test_how_it_is_done_is_a_linked_entry_only_when_that_one_speaks_of_the_way(
    library: Library,
) -> None:
    # "它怎么做到的" after what Transformer is was the principle of ChatGPT it links to, which
    # never speaks of 自注意力: the answer's own sentence says how.
    reply, _ = talk(library, "Transformer是啥", "它怎么做到的")[1]
    assert reply.entry_id == "transformer" and "自注意力" in reply.text
    # How ChatGPT is trained speaks of RLHF's 强化学习: it says how, step by step.
    reply, _ = talk(library, "RLHF是什么", "怎么做到的")[1]
    assert reply.entry_id == "chatgpt-training"


def test_a_point_counted_in_a_sentence_is_named_by_a_stretch_of_it(library: Library) -> None:
    reply, _ = talk(library, "大模型和ChatGPT对AI发展有啥好处", "人机交互那条展开说说")[1]
    assert reply.kind is ReplyKind.ANSWER and "客服" in reply.text and "多模态" not in reply.text


@pytest.mark.parametrize(
    ("follow_up", "says"),
    [("应用领域呢", "情感分析"), ("交互设计上呢", "多轮对话"), ("微调那块呢", "对话数据")],
)
def test_a_point_of_a_comparison_is_its_line_on_both(
    library: Library, follow_up: str, says: str
) -> None:
    # "应用领域呢" re-showed the comparison from its first page, without the line on it; "微调那块"
    # would find the entry on fine-tuning, which is not about the two.
    reply, _ = talk(library, "GPT和ChatGPT有什么区别", follow_up)[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "gpt-vs-chatgpt"
    assert says in reply.text and "这一点" in reply.text


def test_a_member_may_point_into_the_answer_another_member_was_just_shown(
    library: Library,
) -> None:
    # Member 1 had a topic of their own; "效率那点展开说说" right after member 2's answer on what
    # 生成式AI gains from 大模型 was declined.
    own = step(ChatState(), "大模型一般多少参数", library, now=0.0)[1]
    theirs = step(ChatState(), "生成式AI为啥需要这么大的模型", library, now=1.0)[1]
    member = joining_in(own, [theirs], now=2.0, ttl_seconds=600)
    reply = step(member, "效率那点展开说说", library, now=2.0)[0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "generative-ai-efficiency"
    # Their own topic stays theirs.
    assert step(member, "继续", library, now=2.0)[0].entry_id != "generative-ai-benefits"


def test_a_date_asked_of_the_topic_is_not_settled_by_the_context_alone(library: Library) -> None:
    # "佢幾時出嘅" (它什么时候出的) after 思维链 was its definition again: no article dates it.
    for follow in ["它什么时候出的", "佢幾時出嘅"]:
        reply = talk(library, "思维链是啥", follow)[1][0]
        assert reply.kind is not ReplyKind.ANSWER


def test_this_or_that_before_a_noun_is_no_pronoun(library: Library) -> None:
    # "那个创业者叫啥名字" was ChatGPT's full name: 那个 was read as ChatGPT.
    reply = talk(library, "为什么国内高校搞不出ChatGPT", "那个创业者叫啥名字")[1][0]
    assert reply.entry_id != "chatgpt-full-name" and reply.kind is not ReplyKind.ANSWER
    # Before a word for the topic, or standing alone, it is the topic.
    assert "ChatGPT的参数" in talk(library, "ChatGPT是啥", "那个模型有多少参数")[1][0].text
    assert talk(library, "ChatGPT是啥", "那个是谁做的")[1][0].entry_id == "chatgpt-maker"


def test_the_other_one_is_what_the_message_listed_beside_the_first(library: Library) -> None:
    turns = talk(library, "零样本和思维链 先说说零样本能力是怎么来的", "那另一个呢")
    assert [reply.entry_id for reply, _ in turns] == ["prompt-learning", "chain-of-thought"]
    alone = talk(library, "那另一个呢")[0][0]
    assert not alone.matched


def test_the_other_one_of_two_compared_is_asked_what_was_asked_of_the_first(
    library: Library,
) -> None:
    # After the comparison, a question named one of the two: "那另一个呢" asks it of the other
    # (was declined: the last question named only GPT).
    _, (first, _), (other, _) = talk(
        library, "GPT和ChatGPT有啥区别", "GPT的核心特点呢", "那另一个呢"
    )
    # The question naming GPT is GPT's, not swapped into the comparison ("GPT和ChatGPT有什么GPT的
    # 核心特点" found ChatGPT's features).
    assert first.entry_id == "gpt-definition"
    assert other.matched and other.entry_id == "chatgpt-features"


def test_a_doubt_with_a_claim_the_answer_does_not_speak_of_is_that_claim_checked(
    library: Library,
) -> None:
    # The base-model answer says nothing of 多轮对话: the claim is checked on its own (the
    # base-model answer was shown again).
    *_, (reply, _) = talk(library, "ChatGPT用的是GPT-2吧", "不对吧 它根本不支持多轮对话")
    assert reply.entry_id == "chatgpt-interaction"


def test_a_word_the_answer_only_mentions_is_said_to_be_unexplained(library: Library) -> None:
    # "你说的零样本是啥" after prompt learning showed the same answer again, which says only that
    # 指令学习 raised the zero-shot ability: no article says what 零样本 is.
    (shown, shown_state), (word, state) = talk(library, "提示学习是什么", "你说的零样本是啥")
    assert word.kind is ReplyKind.DECLINE and "文章没有解释“零样本”是什么" in word.text
    assert "零样本任务" in word.text and word.text != shown.text
    # The chat stays on the answer: 继续 goes on from it.
    assert (state.entry_id, state.page) == (shown_state.entry_id, shown_state.page)
    *_, (bbs, _) = talk(library, "ChatGPT的训练数据有哪些", "BBS是啥")
    assert bbs.kind is ReplyKind.DECLINE and "“BBS”" in bbs.text
    # With 那个 after the word too (it was read as the word 意识形态那个).
    *_, (ideology, _) = talk(library, "ChatGPT有啥缺点", "意识形态那个是啥意思")
    assert ideology.kind is ReplyKind.DECLINE and "“意识形态”" in ideology.text
    assert "需要小心地校正" in ideology.text


def test_drawbacks_asked_of_a_topic_no_article_faults_are_said_to_be_unsaid(
    library: Library,
) -> None:
    # "那它的缺点呢" after RLHF showed the RLHF answer again, which names none; after 多模态,
    # 它 is 多模态, not ChatGPT (whose weaknesses the words alone fit).
    asked_of = (
        ("RLHF是什么", "那它的缺点呢"),
        ("Transformer是啥", "它有啥缺点"),
        ("什么是多模态", "它有什么缺点"),
    )
    for topic, asked in asked_of:
        (shown, _), (reply, state) = talk(library, topic, asked)
        assert reply.kind is ReplyKind.DECLINE and "没有讲到" in reply.text
        assert state.entry_id == shown.entry_id
    # ChatGPT's weaknesses are told: asked again, they are its answer.
    *_, (told, _) = talk(library, "ChatGPT有啥缺点", "它有啥缺点")
    assert told.kind is ReplyKind.ANSWER and "事实准确性" in told.text


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Transformer是什么", "你说的自注意力是啥"),  # its phrasing asks what that is
        ("RLHF是什么", "你说的人类偏好是啥意思"),  # its answer quotes it, after what it is
        ("大模型的参数一般多少", "600亿是啥意思"),  # a figure's sense
        ("大模型有哪些挑战", "上面说的那个数据具体指啥"),  # what it refers to
    ],
)
def test_a_word_the_answer_explains_or_a_reference_is_not_said_to_be_unexplained(
    library: Library, question: str, asked: str
) -> None:
    *_, (reply, _) = talk(library, question, asked)
    assert "文章没有解释" not in reply.text


@pytest.mark.parametrize("then", ["然后捏", "然后嘞"])
def test_then_and_why_written_playfully_or_in_pinyin_go_on_and_ask_why(
    library: Library, then: str
) -> None:
    # "然后捏" was a question of its own (the answer shown once more), "然后嘞" was declined;
    # "wei sha" was declined.
    (first, _), (next_part, _) = talk(library, "ChatGPT是怎么训练的", then)
    assert next_part.kind is ReplyKind.ANSWER and next_part.text != first.text
    *_, (why, _) = talk(library, "ChatGPT是怎么训练的", "wei sha")
    assert why.kind is not ReplyKind.DECLINE


@pytest.mark.parametrize(
    ("question", "where", "said"),
    [
        ("GPT-3参数有多少啊", "哪里说的", "1750亿"),
        ("ChatGPT有啥缺点", "你从哪看到的？", "事实准确性"),
        ("RLHF是什么", "真的吗 出处在哪", "人类反馈"),
    ],
)
def test_asked_where_it_is_said_the_answer_is_shown_as_the_articles_say(
    library: Library, question: str, where: str, said: str
) -> None:
    # "哪里说的" after an answer was a question of its own, answered with another entry (the
    # link between GPT and ChatGPT after GPT-3's parameters).
    (answer, _), (source, state) = talk(library, question, where)
    assert source.entry_id == answer.entry_id and state.entry_id == answer.entry_id
    assert "以文章的说法为准" in source.text and said in source.text
    # Not when the message goes on to name what it asks about.
    *_, (asked, _) = talk(library, "GPT-3参数有多少啊", "哪里说它是OpenAI做的")
    assert "以文章的说法为准" not in asked.text


def test_a_doubt_is_answered_with_what_the_articles_say(library: Library) -> None:
    # "不对吧，我记得是2023年才出来的" was declined: the bot never stood by what it said.
    turns = talk(library, "chatgpt是啥时候出的", "不对吧，我记得是2023年才出来的", "继续")
    (launch, _), (doubt, state), _ = turns
    assert doubt.kind is ReplyKind.ANSWER and doubt.entry_id == launch.entry_id
    assert "以文章的说法为准" in doubt.text and "2022年11月" in doubt.text
    assert state.entry_id == launch.entry_id  # the chat stays where it was
    # A figure put against the answer is met with the sentences that give one.
    *_, (figure, _) = talk(library, "GPT-3有多少参数来着", "你确定？我印象里是175B啊")
    assert figure.kind is ReplyKind.ANSWER and "1750亿" in figure.text
    *_, (remembered, _) = talk(library, "GPT-3参数多少", "1750亿？不是175亿吗，你确定")
    assert "以文章的说法为准" in remembered.text and "1750亿" in remembered.text
    # Asked for the grounds, or summed up the member's own way, it stands by the answer too
    # (these were declined, or answered with another entry).
    *_, (grounds, _) = talk(library, "ChatGPT是谁做的", "凭什么这么说，有证据吗")
    assert "以文章的说法为准" in grounds.text and "OpenAI" in grounds.text
    *_, (summed_up, _) = talk(library, "GPT和ChatGPT有啥区别", "那不就是换了个皮吗")
    assert "以文章的说法为准" in summed_up.text and "多轮交互" in summed_up.text
    # "我怎么记得更早" doubts it too (was read as a question on ChatGPT's way of talking).
    *_, (earlier, _) = talk(library, "chatgpt是2020年出的对吧", "我怎么记得更早")
    assert "以文章的说法为准" in earlier.text and "2022年11月" in earlier.text
    # 不可能吧 / 瞎说吧 (read as 准确吧) open a doubt, 我看是 the doubter's own figure (both were
    # questions of their own, answered with another entry or declined).
    *_, (impossible, _) = talk(library, "GPT-3参数有多少啊", "不可能吧，我记得才175亿")
    assert "以文章的说法为准" in impossible.text and "1750亿" in impossible.text
    *_, (nonsense, _) = talk(library, "ChatGPT多久破亿用户", "瞎说吧 我看是半年")
    assert "以文章的说法为准" in nonsense.text and "两个月" in nonsense.text
    assert "以文章的说法为准" not in talk(library, "GPT-3参数有多少啊", "ChatGPT准确吧")[1][0].text
    # What the member remembers, with no word of doubt, of a kind the answer gives (was
    # declined); not of a kind it does not give (GPT-3's answer has no date).
    *_, (recalled, _) = talk(library, "ChatGPT多久破亿用户", "我记得是一年")
    assert "以文章的说法为准" in recalled.text and "两个月" in recalled.text
    *_, (dated, _) = talk(library, "GPT-3有多少参数", "我记得GPT-3是2019年出的")
    assert "以文章的说法为准" not in dated.text
    # The figure said back with a unit of one's own doubts it too (was declined); said first,
    # with nothing shown that gives it, it is a question.
    *_, (unit, _) = talk(library, "OpenAI估值多少", "290亿人民币?")
    assert "以文章的说法为准" in unit.text and "290亿美元" in unit.text
    assert "以文章的说法为准" not in talk(library, "1750亿参数")[0][0].text
    # With nothing said yet there is nothing to stand by.
    alone = talk(library, "真的吗")[0][0]
    assert not alone.matched


def test_what_about_another_subject_after_its_uses_is_that_one_s_uses(library: Library) -> None:
    # "那ChatGPT呢" after GPT's application areas read "ChatGPT的应用领域有哪些", which went to
    # ChatGPT's weaknesses: its uses had no phrasing on 应用领域.
    reply, _ = talk(library, "GPT的应用领域有哪些", "那ChatGPT呢")[1]
    assert reply.entry_id == "chatgpt-use-cases"


def test_two_things_no_article_compares_are_each_told(library: Library) -> None:
    # "那它跟RLHF有啥不同" after 思维链 showed the 思维链 answer again, as if RLHF was not asked.
    reply, state = talk(library, "思维链是什么", "那它跟RLHF有啥不同")[1]
    assert reply.entry_id == "chain-of-thought" and state.entry_id == "chain-of-thought"
    assert "没有直接比较思维链和RLHF" in reply.text and "人类反馈" in reply.text
    # A comparison the articles make is answered as it was.
    compared, _ = talk(library, "GPT和ChatGPT有什么区别")[0]
    assert compared.entry_id == "gpt-vs-chatgpt" and "没有直接比较" not in compared.text


def test_two_things_asked_about_each_are_each_told(library: Library) -> None:
    # "RLHF和思维链分别是啥" was the 思维链 answer alone, as if RLHF was not asked.
    reply, _ = talk(library, "RLHF和思维链分别是啥")[0]
    assert reply.entry_id == "chain-of-thought"
    assert reply.text.startswith("先说RLHF：RLHF即基于人类反馈的强化学习")
    # An entry that speaks of both answers as it was.
    both, _ = talk(library, "奖励模型和PPO分别是什么")[0]
    assert both.entry_id == "ppo" and not both.text.startswith("先说")


def test_the_first_or_second_of_two_asked_about_is_that_one(library: Library) -> None:
    # "第二个展开讲讲" was declined: the answer shown has no list for 第二个 to point into.
    turns = talk(library, "RLHF和思维链分别是啥", "第二个展开讲讲", "第一个呢", "后者有什么用")
    assert [reply.entry_id for reply, _ in turns[1:]] == [
        "chain-of-thought",
        "rlhf",
        "chain-of-thought",
    ]
    # Right after them, not a point of a list shown before ("第一个呢" was ChatGPT's usage tip).
    *_, (first, _) = talk(
        library, "chatgpt有啥缺点啊", "还有啥缺点", "RLHF和思维链分别是啥", "第一个呢"
    )
    assert first.entry_id == "rlhf"
    # Two an answer's question named, a follow-up between: 后者 is still ChatGPT.
    *_, (latter, _) = talk(library, "GPT和ChatGPT有啥区别啊", "前者展开讲讲", "那参数呢", "后者呢")
    assert latter.entry_id == "chatgpt-definition"


@pytest.mark.parametrize("asked", ["有什么效果", "那它效果如何", "效果好不好"])
def test_the_effect_asked_with_no_name_is_the_topics(library: Library, asked: str) -> None:
    # "有什么效果" after RLHF offered the entry on human-computer interaction, among others.
    reply, _ = talk(library, "RLHF是什么", asked)[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "rlhf"


def test_a_long_message_typed_with_spaces_for_stops_is_answered_in_the_chat(
    library: Library,
) -> None:
    # The chat reads it as clauses, as `ask` and `kb test` do; it was declined.
    typed = "周末在家刷手机看到好多人在聊大模型 我是卖保险的完全外行 就想知道大模型到底是个啥"
    reply, _ = talk(library, typed)[0]
    assert reply.entry_id == "large-model-definition"


def test_a_pointer_at_another_member_s_question_is_no_pronoun(library: Library) -> None:
    # "leo那个问题，…" was offered choices; "他刚问的那个，…" was asked back (那个).
    *_, (data, _) = talk(library, "GPT的自回归是啥意思", "leo那个问题，GPT预训练用的啥数据")
    assert data.matched and data.entry_id == "pretraining"
    # A name of the knowledge before 那个问题 is what the message is about.
    *_, (gpt, _) = talk(library, "RLHF是什么", "GPT那个问题，它是谁开发的")
    assert gpt.matched and gpt.entry_id != "rlhf"


def test_that_one_after_a_head_points_into_a_list_shown_before(library: Library) -> None:
    # "哦对 效率那个" after the benefits list and then 泛化能力 was 泛化能力 again.
    *_, (efficiency, _) = talk(
        library, "生成式ai怎么从大模型受益", "泛化能力是什么意思", "哦对 效率那个"
    )
    assert efficiency.matched and efficiency.entry_id == "generative-ai-efficiency"


def test_an_example_is_what_the_answer_gives_as_one(library: Library) -> None:
    # "举个例子" was declined: searched on its own words, it asks nothing.
    (first, _), (example, state) = talk(library, "什么是微调", "举个例子")
    assert example.kind is ReplyKind.ANSWER and example.entry_id == first.entry_id
    assert "情感分析" in example.text and state.entry_id == first.entry_id
    # An answer that gives none says so, and the chat stays on it.
    (_, _), (none, kept) = talk(library, "什么是RLHF", "举个例子")
    assert none.kind is ReplyKind.SMALL_TALK and kept.entry_id == "rlhf"


def test_an_example_asked_after_an_answer_giving_none_is_one_its_linked_answers_give(
    library: Library,
) -> None:
    # After how large models help generative AI learn, "举个例子" said the articles give none;
    # the linked answer on the same subject (what generative AI gains from them) gives some.
    (first, _), (example, state) = talk(library, "大模型如何增强生成式AI的学习能力", "举个例子")
    assert first.entry_id == "generative-ai-learning"
    assert example.kind is ReplyKind.ANSWER and example.entry_id == "generative-ai-benefits"
    assert "没有举例子" in example.text and state.entry_id == first.entry_id


@pytest.mark.parametrize(
    ("topic", "asked", "entry_id"),
    [
        (("生成式AI是啥", "它和大模型有啥关系"), "举个例子 能用在哪", "generative-ai-applications"),
        (("GPT是什么",), "举个例子都用在哪些任务上", "gpt-applications"),
        (("什么是RLHF", "今晚吃火锅还是烧烤好"), "举个例子 人是怎么参与的", "rlhf"),
    ],
)
def test_an_example_asked_for_before_a_follow_up_leaves_the_follow_up_to_be_asked(
    library: Library, topic: tuple[str, ...], asked: str, entry_id: str
) -> None:
    # The request's words, searched with the question's, kept it from the topic: declined.
    *_, (reply, _) = talk(library, *topic, asked)
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == entry_id


def test_a_latin_word_before_a_pronoun_keeps_the_follow_up_on_the_topic(library: Library) -> None:
    (_, _), (reply, _) = talk(library, "ChatGPT是什么", "btw它是在哪训练的")
    assert reply.kind is ReplyKind.ANSWER
    assert "Azure" in reply.text


@pytest.mark.parametrize(
    ("question", "follow_up", "said"),
    [
        ("GPT是什么", "它是怎么生成文本的", "自回归"),
        ("ChatGPT的全称是什么", "那它核心用的什么机制", "自注意力"),
    ],
)
def test_an_entry_whose_fitting_phrasing_names_the_subject_alone_is_about_it(
    library: Library, question: str, follow_up: str, said: str
) -> None:
    # 自回归's "GPT怎么一个词一个词生成文本" is about GPT, though its subject is 自回归: GPT's
    # own entry on what it is used for, which merely names 生成文本, is no better answer.
    *_, (reply, _) = talk(library, question, follow_up)
    assert reply.kind is ReplyKind.ANSWER
    assert said in reply.text


def test_it_right_after_the_name_gone_back_to_is_that_name(library: Library) -> None:
    *_, (reply, _) = talk(library, "思维链是什么", "关键技术有哪些", "好 回到思维链 它为什么有用")
    assert reply.kind is ReplyKind.ANSWER
    assert reply.entry_id == "chain-of-thought"


def test_a_point_named_by_what_its_line_says_is_shown(library: Library) -> None:
    # No head of the comparison says 上下文管理; its 对话能力 line says 记住对话上下文.
    *_, (reply, _) = talk(library, "chatgpt和gpt到底啥区别", "上下文管理那點展開說說")
    assert reply.kind is ReplyKind.ANSWER
    assert "对话能力" in reply.text  # in simplified: the service writes back in the asker's script


def test_a_question_of_its_own_on_an_entry_of_the_same_kind_is_answered(library: Library) -> None:
    # 控制性能 and ChatGPT's safety are both key techniques: the question on its own words is
    # what is asked, not a guess about another subject.
    *_, (reply, _) = talk(library, "什么是控制性能", "那安全性方面做了啥")
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "safety-ethics"


def test_the_architecture_asked_of_is_on_the_first_page_of_the_base_model_answer(
    library: Library,
) -> None:
    ((reply, _),) = talk(library, "chatgpt底层是啥架构")
    assert reply.entry_id == "chatgpt-base-model" and reply.page == 1
    assert "Transformer" in reply.text and "GPT-3.5" in reply.text


@pytest.mark.parametrize(
    "follow_up", ["它用的谁家的服务器", "btw 它是在哪训练的？用的谁家的服务器"]
)
def test_it_that_the_current_subject_does_not_answer_is_the_subject_before(
    library: Library, follow_up: str
) -> None:
    # PPO, a step of ChatGPT's training, is trained nowhere: 它 is ChatGPT, shown before it.
    *_, (reply, _) = talk(library, "ChatGPT是怎么训练的", "PPO是什么", follow_up)
    assert reply.kind is ReplyKind.ANSWER
    assert reply.entry_id == "chatgpt-training-infrastructure"


def test_it_whose_answer_lacks_the_fact_asked_is_the_subject_before_that_has_it(
    library: Library,
) -> None:
    # "那它是在哪训练的" after PPO was answered with PPO (its question says 训练, not where);
    # then, of the subject before, with the reward model, which says nowhere either.
    steps = ("ChatGPT是咋训练出来的", "你刚说的那个奖励模型是什么", "PPO又是啥玩意")
    *_, (reply, _) = talk(library, *steps, "那它是在哪训练的")
    assert reply.entry_id == "chatgpt-training-infrastructure" and "Azure" in reply.text


def test_where_it_was_trained_after_a_step_of_the_training_is_where_the_model_was(
    library: Library,
) -> None:
    # PPO's answer says nothing of machines: the place is ChatGPT's, the subject before.
    steps = ("ChatGPT是怎么训练的？", "奖励模型是怎么来的", "PPO是什么", "它比哪种算法更高效")
    *_, (reply, _) = talk(library, *steps, "这些模型在哪训练的")
    assert reply.kind is ReplyKind.ANSWER and "Azure" in reply.text


def test_back_to_a_topic_in_english_is_no_word_of_the_question(library: Library) -> None:
    *_, (reply, _) = talk(
        library,
        "思维链是什么",
        "what is RLHF",
        "back to chain of thought - why does training on code help?",
    )
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "chain-of-thought"


def test_another_model_asked_of_the_architecture_just_shown_is_not_answered(
    library: Library,
) -> None:
    # BERT is a model no article covers: "this architecture" being Transformer, the question is
    # still about BERT, and the Transformer entry says nothing of it.
    turns = talk(library, "ChatGPT背后用的啥架构", "BERT也是这个架构吗")
    assert turns[0][0].entry_id == "transformer"
    assert turns[1][0].kind is not ReplyKind.ANSWER


def test_an_aspect_the_entry_shown_never_mentions_is_asked_of_the_subject_before(
    library: Library,
) -> None:
    # The entry on multimodal AI says nothing of parameters: "那参数呢" was answered with it
    # again; the talk was on 大模型 before it.
    turns = talk(library, "大模型对AI发展有啥好处", "多模态是啥", "那参数呢")
    assert turns[1][0].entry_id == "multimodal"
    assert turns[2][0].entry_id == "large-model-parameters"


@pytest.mark.parametrize("more", ["还能干啥", "还会啥呢"])
def test_what_else_right_after_what_it_can_do_goes_on(library: Library, more: str) -> None:
    # The abilities entry again was the answer, word for word.
    turns = talk(library, "ChatGPT到底能干啥", more)
    assert turns[0][0].entry_id == "chatgpt-abilities"
    assert turns[1][0].kind is ReplyKind.ANSWER and turns[1][0].entry_id != "chatgpt-abilities"
    assert turns[1][0].text.startswith("接着讲")


def test_that_x_then_why_the_asker_asks_is_the_that_x(library: Library) -> None:
    # The tail (大厂有钱啊) says why the asker asks; with it, no reading was the 那X呢, and the
    # message was declined.
    reply, _ = talk(library, "为什么国内高校做不出ChatGPT", "那企业呢？大厂有钱啊")[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "chatgpt-hard-to-build"
    assert "资金" in reply.text


def test_a_question_is_not_cut_from_a_tail_that_asks_for_more(library: Library) -> None:
    # Only 那X呢 is read without its tail: "举个例子" asks for an example the articles do not
    # give, and 零样本 alone would be answered with the instruction-learning entry.
    reply, _ = talk(library, "什么是提示学习", "零样本具体是啥意思，举个例子")[1]
    assert reply.kind is not ReplyKind.ANSWER


def test_why_after_a_figure_is_asked_of_the_entry_that_says_why(library: Library) -> None:
    # GPT-3's 1750亿 gives no reason; read as "GPT-3为什么参数越多越强" it was shown again.
    (first, _), (why, _) = talk(library, "GPT-3有多少参数", "为啥参数越多越厉害")
    assert first.entry_id == "gpt-3"
    assert why.kind is ReplyKind.ANSWER and why.entry_id == "scale-and-emergence"


def test_that_thing_the_answer_told_of_is_its_entry_not_the_subject_s(library: Library) -> None:
    # "那个优化算法叫啥" after how ChatGPT is trained was read of ChatGPT, and its base model,
    # an answer on ChatGPT, won over PPO, the step the answer told of.
    reply = talk(library, "ChatGPT怎么训练的", "那个优化算法叫啥")[1][0]
    assert reply.entry_id == "ppo" and "近端策略优化" in reply.text


def test_who_came_up_with_a_method_no_article_names_is_not_answered(library: Library) -> None:
    # "那思维链是谁提出来的" was answered with what the articles say of 思维链, which names no one.
    reply = talk(library, "思维链是什么", "那思维链是谁提出来的")[1][0]
    assert not reply.matched, reply.entry_id


def test_how_one_thing_goes_with_another_after_a_figure_is_asked_in_general(
    library: Library,
) -> None:
    # Read with the last question ("GPT-3有多少参数 参数越多能力就越强吗"), GPT-3's 1750亿 was
    # shown again.
    reply = talk(library, "GPT-3有多少参数", "那参数越多能力就越强吗")[1][0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "scale-and-emergence"
    # More and more (越来越) is no such question.
    assert (
        talk(library, "GPT-3有多少参数", "参数越来越多吗")[1][0].entry_id != "scale-and-emergence"
    )


def test_why_after_an_entry_that_says_why_stays_with_it(library: Library) -> None:
    (first, _), (why, _) = talk(library, "什么是思维链", "为啥用代码训练")
    assert why.entry_id == first.entry_id and "逻辑性" in why.text


def test_whether_another_model_had_it_too_is_the_last_question_about_it(
    library: Library,
) -> None:
    # "那GPT-3那会儿有吗" was read on its own words: GPT-3's parameters.
    reply, _ = talk(library, "ChatGPT在安全这块做了些啥", "那GPT-3那会儿有吗")[1]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "safety-ethics"


def test_that_x_asked_again_after_it_is_the_that_x(library: Library) -> None:
    # The message asks twice (那注释呢？注释也算进去？): the first question is the 那X呢.
    reply, _ = talk(library, "为啥拿代码训练就会推理了", "那注释呢？注释也算进去？")[1]
    assert reply.kind is ReplyKind.ANSWER and "注释" in reply.text


def test_a_question_naming_nothing_may_be_of_what_the_entry_shown_belongs_to(
    library: Library,
) -> None:
    # PPO and the reward model are steps of ChatGPT's training: where "it" was trained is
    # ChatGPT's (was declined: neither subject was trained anywhere).
    turns = talk(library, "奖励模型是啥", "PPO又是啥", "话说它在哪训练的，自家机房吗？")
    assert turns[-1][0].entry_id == "chatgpt-training-infrastructure"
    # A message that names its subject is about that subject, not the owner of the entry shown.
    turns = talk(library, "GPT-3有多大", "ChatGPT底下用的是哪个模型", "回到GPT-3，它一般用在哪")
    assert turns[-1][0].entry_id == "gpt-3"


def test_a_short_why_that_points_back_is_asked_of_the_answer_shown(library: Library) -> None:
    # "为啥要加这些约束" alone is declined (it names no subject); after ChatGPT's safety
    # measures it asks why they were added, which that answer says (was declined too).
    *_, (why, _) = talk(library, "ChatGPT在安全方面做了啥", "为啥要加这些约束")
    assert why.kind is ReplyKind.ANSWER and why.entry_id == "safety-ethics"
    # Pointing back is no support for words about nothing the knowledge knows.
    *_, (dinner, _) = talk(library, "ChatGPT在安全方面做了啥", "今晚吃这个好吗")
    assert not dinner.matched


def test_the_steps_of_generating_a_dialogue_are_the_principle_and_read_one_by_one(
    library: Library,
) -> None:
    # "分几步" was the training entry's three steps; 生成对话 asks for pretraining, fine-tuning
    # and generation, and "第二步" then is fine-tuning.
    (steps, _), (second, _), (first, _) = talk(
        library, "ChatGPT生成对话分几步", "第二步具体干啥", "那第一步呢"
    )
    assert steps.entry_id == "chatgpt-principle"
    assert "特定任务" in second.text
    assert first.kind is ReplyKind.ANSWER and "海量文本" in first.text


def test_a_pair_asked_of_is_not_answered_by_a_far_weaker_entry_about_one_of_them(
    library: Library,
) -> None:
    # 他们俩 read as ChatGPT found the benefits of 大模型和ChatGPT far first, but an entry
    # whose subject is ChatGPT (its features) cleared the answer line and won.
    *_, (benefits, _) = talk(
        library, "大模型和ChatGPT到底啥关系", "ChatGPT是怎么工作的", "他们俩对AI发展有啥好处"
    )
    assert benefits.entry_id == "large-model-ai-benefits"


@pytest.mark.parametrize("back", ["算了，", "算了 "])
def test_dropping_an_aside_before_that_x_is_the_that_x(library: Library, back: str) -> None:
    # "算了，那参数呢" after an off-topic aside was read on its own words: a did-you-mean.
    *_, (reply, _) = talk(
        library, "大模型一般指啥", "对了今晚世界杯谁踢谁", back + "那参数呢，一般多少"
    )
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "large-model-parameters"


@pytest.mark.parametrize("why", ["为什么这么说", "为啥这么说", "何以见得"])
def test_why_it_says_so_is_the_explanation_in_the_answer_shown(library: Library, why: str) -> None:
    # "ChatGPT并不懂编程" comes with its explanation (对这种能力的解释是…统计相关性); "为什么
    # 这么说" was a search of its own words (the domestic teams' courage).
    *_, (reply, _) = talk(library, "chatgpt会写代码吗", "那它真的懂编程吗", why)
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "chatgpt-coding"
    assert "统计相关性" in reply.text


def test_asking_for_more_in_words_of_ones_own_pages_on(library: Library) -> None:
    # "再多讲点" after a two-page answer was searched as a question and showed the same page.
    (first, _), (more, _) = talk(library, "ChatGPT和GPT有什么区别", "再多讲点")
    assert first.pages > 1
    assert more.kind is ReplyKind.ANSWER and more.text != first.text


@pytest.mark.parametrize(
    "going_on", ["回到生成式AI，继续", "生成式AI 接着说", "接着讲生成式AI那个"]
)
def test_going_on_with_a_subject_named_goes_on_from_its_latest_answer(
    library: Library, going_on: str
) -> None:
    # It was asked as a question: the definition of 生成式AI, shown a third time.
    turns = talk(library, "生成式AI是什么", "大模型有多少参数", "今天天气如何", going_on)
    (first, _), *_, (more, state) = turns
    assert more.kind is ReplyKind.ANSWER and more.entry_id not in (first.entry_id, None)
    assert more.text.startswith("接着讲")
    assert state.subject == "生成式AI"


@pytest.mark.parametrize(
    ("earlier", "going_back", "entry_id"),
    [
        # A subject: the answer that asked about it (was the definition of 思维链 anyway, but
        # "回到刚才那个提示" and "刚才说的参数那个再说说" were did-you-means).
        ("思维链是什么东西", "回到刚才那个思维链", "chain-of-thought"),
        ("Prompt是什么", "回到刚才那个提示", "prompt-learning"),
        ("大模型一般多少参数啊", "刚才说的参数那个再说说", "large-model-parameters"),
        # Something an answer said: that answer (was the entry on 多模态, shown last).
        ("大模型对AI发展有啥好处", "回到刚才那个人机交互", "large-model-ai-benefits"),
    ],
)
def test_going_back_to_what_an_earlier_answer_said_shows_it_again(
    library: Library, earlier: str, going_back: str, entry_id: str
) -> None:
    turns = talk(library, earlier, "Transformer又是啥", "多模态是啥", going_back)
    (first, _), *_, (back, state) = turns
    assert first.entry_id == entry_id
    assert back.kind is ReplyKind.ANSWER and back.entry_id == entry_id and back.page == 1
    assert state.entry_id == entry_id  # 继续 goes on from there


def test_going_back_to_what_no_answer_said_is_asked_as_it_is(library: Library) -> None:
    *_, (reply, _) = talk(library, "思维链是什么", "回到刚才那个RLHF")
    assert reply.entry_id == "rlhf"


def test_going_on_with_a_subject_never_shown_asks_about_it(library: Library) -> None:
    *_, (reply, _) = talk(library, "大模型有多少参数", "回到生成式AI，继续")
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "generative-ai-definition"


@pytest.mark.parametrize(
    ("letter", "entry_id"),
    [
        ("T呢😂", "transformer"),
        ("what does the T stand for?", "transformer"),
        ("GPT的T代表什么", "transformer"),
        ("那P呢", "pretraining"),
        ("这里面的T是啥", "transformer"),  # was answered with what ChatGPT is
        ("那T具体指啥", "transformer"),  # was answered with controllability
    ],
)
def test_a_letter_of_a_name_spelled_out_asks_what_its_word_is(
    library: Library, letter: str, entry_id: str
) -> None:
    # After the full name, "T呢" was declined (a lone letter names nothing).
    *_, (reply, _) = talk(library, "GPT的全称是什么", letter)
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == entry_id


def test_a_letter_with_no_name_spelled_out_before_is_no_word(library: Library) -> None:
    *_, (reply, _) = talk(library, "大模型有多少参数", "T呢")
    assert reply.entry_id != "transformer"


@pytest.mark.parametrize(
    ("messages", "entry_id"),
    [
        (("提示学习是啥", "这一步有啥用"), "prompt-learning"),
        (("ChatGPT安全方面做了啥", "为啥要这样", "那GPT-3时候有吗"), "safety-ethics"),
    ],
)
def test_a_follow_up_whose_words_fit_many_entries_alike_stays_with_the_topic(
    library: Library, messages: tuple[str, ...], entry_id: str
) -> None:
    # "有啥用" fits a dozen entries within a hair of each other: the topic's entry, ninth of
    # them, was left out of the candidates its words back, and the reply was a did-you-mean
    # (or GPT-3's own entry).
    reply = talk(library, *messages)[-1][0]
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == entry_id


def test_besides_a_point_just_shown_are_the_other_points(library: Library) -> None:
    # It was the whole list again, 计算资源 first, and nothing new to read.
    (first, _), (rest, _) = talk(library, "大模型面临哪些挑战", "除了计算资源还有呢")
    assert "- 计算资源" in first.text
    assert "- 数据处理" in rest.text and "- 训练和优化" in rest.text
    assert "- 计算资源" not in rest.text


def test_more_of_the_kind_after_the_whole_answer_says_that_was_all_and_goes_on(
    library: Library,
) -> None:
    # It was the same answer again, word for word.
    (first, _), (more, _) = talk(library, "chatgpt有啥缺点啊", "还有啥缺点")
    assert more.kind is ReplyKind.ANSWER and more.text != first.text
    assert more.text.startswith("《ChatGPT连夜迭代的简单介绍》讲到的就是上面这些：事实准确性")
    assert more.entry_id not in (None, first.entry_id)


def test_more_of_the_kind_in_the_middle_of_an_answer_is_its_next_page(library: Library) -> None:
    (first, _), (more, _) = talk(library, "GPT和ChatGPT有什么区别", "还有别的区别吗")
    assert first.page == 1 and first.pages > 1
    assert more.entry_id == first.entry_id and more.page == 2


def test_how_it_is_done_is_the_answers_own_means_and_what_it_leaves_out(
    library: Library,
) -> None:
    # "这个怎么实现的" after the safety measures was ChatGPT's principle (这个 read as ChatGPT).
    (first, _), (how, _) = talk(library, "ChatGPT在安全方面做了什么", "这个怎么实现的")
    assert how.kind is ReplyKind.ANSWER and how.entry_id == first.entry_id == "safety-ethics"
    assert how.text.startswith("刚才的回答里说到了是怎么做到的") and "微调过程" in how.text
    assert how.text.rstrip().endswith("文章没有介绍这些约束的具体做法。")


def test_on_what_grounds_is_the_answers_own_evidence(library: Library) -> None:
    # "为什么这么说" after the jobs answer asked back which point's reason was meant, though
    # the answer says what shows it (ChatGPT的表现证明了…).
    (first, _), (why, _) = talk(library, "chatgpt对打工人影响大不大", "为什么这么说")
    assert why.kind is ReplyKind.ANSWER and why.entry_id == first.entry_id
    assert why.text.startswith("刚才的回答里说到了依据") and "知识型工作" in why.text


def test_a_figure_got_wrong_is_answered_with_the_articles_figure(library: Library) -> None:
    # "哦 所以是175亿对吧" after GPT-3's 1750亿 was offered the user numbers as a choice.
    (_, _), (reply, _) = talk(library, "GPT-3有多少参数", "哦 所以是175亿对吧")
    assert reply.kind is ReplyKind.ANSWER and "1750亿" in reply.text


def test_how_to_read_a_thing_asks_what_it_means_and_alone_asks_back(library: Library) -> None:
    # A lone "怎么理解" was answered with how generative AI understands meaning (理解 is its
    # word); "大模型怎么理解" with the same entry instead of what a large model is.
    (alone, _), (it, _) = talk(library, "怎么理解", "它是啥")
    assert alone.kind is not ReplyKind.ANSWER and it.kind is not ReplyKind.ANSWER
    (named, _), (short, _) = talk(library, "大模型这个词咋理解？", "一句话总结")
    assert "参数规模巨大" in named.text and "参数规模巨大" in short.text
    # Where 理解 goes on to what is understood, it is still the question of understanding.
    how, _ = talk(library, "大模型怎么理解上下文")[0]
    assert "参数规模巨大" not in how.text


def test_how_so_asks_on_what_grounds_as_why_do_you_say_so_does(library: Library) -> None:
    # "how so" was a question of how, answered with a did-you-mean of how-entries.
    *_, (english, _) = talk(library, "ChatGPT为什么能写代码", "how so?")
    *_, (chinese, _) = talk(library, "ChatGPT为什么能写代码", "为什么这么说")
    assert english.text == chinese.text


def test_a_thing_pointed_back_at_is_the_one_the_answer_just_shown_speaks_of(
    library: Library,
) -> None:
    # "这些数据" after how members give feedback is the data collected from them; read as
    # "ChatGPT这些数据拿去干什么", Transformer's answer (which handles 输入数据) came first.
    (shown, _), (pointed, _) = talk(library, "用户咋给反馈", "这些数据拿去干嘛")
    assert pointed.entry_id == shown.entry_id and "进一步训练" in pointed.text
    # Nor does it need the message's own words to rank that answer among theirs: alone,
    # "这些数据拿去干嘛" ranks eight entries on data and 干什么 before the one on feedback.
    (shown, _), (pointed, _) = talk(library, "ChatGPT会收集用户数据吗", "这些数据拿去干嘛")
    assert pointed.entry_id == shown.entry_id == "chatgpt-user-feedback"
    # A term of its own pointed at is a topic of its own, though the answer names it.
    (rlhf, _), (reward, _) = talk(library, "RLHF是什么", "这个奖励模型是干嘛的")
    assert "奖励模型" in rlhf.text and reward.entry_id != rlhf.entry_id


def test_a_doubt_that_puts_a_fact_of_another_kind_checks_it(library: Library) -> None:
    # After who made ChatGPT, "我记得是2020年出的" puts its launch date to be checked: the maker
    # once more said nothing of it.
    (maker, _), (checked, _) = talk(library, "ChatGPT是谷歌做的吧", "不对吧 我记得是2020年出的")
    assert "OpenAI" in maker.text
    assert checked.kind is ReplyKind.ANSWER and "2022年11月" in checked.text
    # A date doubted after the date given stands by that answer.
    (launch, _), (again, _) = talk(library, "ChatGPT是什么时候推出的", "不对吧 我记得是2020年")
    assert again.entry_id == launch.entry_id and "以文章的说法为准" in again.text


@pytest.mark.parametrize("follow_up", ["它能拿来干嘛", "能干啥"])
def test_what_a_subject_can_be_used_for_is_its_uses_not_its_definition(
    library: Library, follow_up: str
) -> None:
    (definition, _), (uses, _) = talk(library, "生成式AI是什么", follow_up)
    assert definition.entry_id == "generative-ai-definition"
    assert uses.entry_id == "generative-ai-applications" and "艺术创作" in uses.text


@pytest.mark.parametrize(
    ("first", "pointing", "entry_id"),
    [
        ("ChatGPT是怎么训练的", "这里说的人类训练员是干嘛的", "chatgpt-supervised-learning"),
        ("生成式AI有哪些应用", "这里的内容生成具体指什么", "generative-ai-applications"),
    ],
)
def test_a_thing_the_answer_spoke_of_asked_about_is_answered(
    library: Library, first: str, pointing: str, entry_id: str
) -> None:
    # 这里说的 and 上面提到的 were words no entry says: the question was declined.
    _, (reply, _) = talk(library, first, pointing)
    assert reply.entry_id == entry_id


def test_not_believing_an_answer_is_answered_with_the_articles_words(library: Library) -> None:
    # "我不信" was a question of its own, and declined.
    (shown, _), (again, _) = talk(library, "ChatGPT在哪训练的", "我不信")
    assert again.entry_id == shown.entry_id and "Azure" in again.text


def test_how_what_was_added_was_added_is_said_by_the_answer(library: Library) -> None:
    # "具体怎么加进去的" after the safety measures (增加了…约束) was a question of its own,
    # and declined.
    (shown, _), (how, _) = talk(library, "ChatGPT的安全性是怎么做的", "具体怎么加进去的")
    assert how.entry_id == shown.entry_id and "微调过程" in how.text
