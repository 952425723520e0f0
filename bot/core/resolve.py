"""A message read in the chat's context: the readings of a follow-up searched, the best kept.

:mod:`bot.core.follow_up` says how a message may lean on the context; this module asks the
knowledge which reading it answers, and falls back to the message's own words only when that
is not a guess.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from bot.core import clarify, facts, follow_up, intent
from bot.core.focus import POINTING_BACK, first_question
from bot.core.knowledge import Entry
from bot.core.library import Library, Reading, written_in_english
from bot.core.script import to_simplified
from bot.core.search import Hit, Match, Verdict, decide
from bot.core.text import QUESTION_WORDS

OWN_CANDIDATES = 8
"""Candidates of a message's own words that a reading from the context may choose among."""
WORD_FOR_WORD = 0.95
"""A fuzzy likeness to one of an entry's phrasings this close is the phrasing itself."""
CONFIRM_MARGIN = 0.05
"""How far a did-you-mean's first candidate must lead for the context to settle on it."""


@dataclass(frozen=True, slots=True)
class Context:
    """The chat's topic as the dialogue keeps it (display forms, not normalised)."""

    subject: str
    last_question: str
    entry_id: str | None
    shown: tuple[str, ...] = ()
    """The entries the chat was shown, oldest first: the chat may have gone on from its subject
    to a part of it (ChatGPT's training → PPO) and come back ("在哪训练的")."""


def match_in_context(
    message: str, text: str, context: Context, library: Library
) -> tuple[Match, str]:
    """Match a message (`message` compact normalised, `text` as sent) in the chat's context, or,
    when that answers nothing and it opens with "那X呢", that question without what follows it
    ("那大厂呢？大厂有钱啊": the tail tells why the asker asks; "那注释呢？注释也算进去？" asks
    it again), as no reading of the whole message is the 那X呢. Not any question cut from its
    tail: "零样本是啥意思，举个例子" asks for the example too."""
    matched = _matched_in_context(message, text, context, library)
    if matched[0].verdict is Verdict.ANSWER:
        return matched
    asked = first_question(text, to_simplified)
    if asked is None:
        return matched
    compact = intent.compact(library.analyzer.normalise(asked))
    if not intent.ellipsis_focus(compact):
        return matched
    again = _matched_in_context(compact, asked, context, library)
    return again if again[0].verdict is Verdict.ANSWER else matched


def _matched_in_context(
    message: str, text: str, context: Context, library: Library
) -> tuple[Match, str]:
    """Match a message (`message` compact normalised, `text` as sent) in the chat's context;
    the match and the question it answers.

    Every reading is searched and the best answer kept ("它跟ChatGPT的关系" after a question
    on 大模型 and 生成式AI: 它 is whichever the knowledge answers best). A message that says
    it refers back (它, 那X呢) is not also answered on its own words, which would be a guess.
    """
    topic = follow_up.Context(
        context.subject,
        context.last_question,
        library.analyzer.normalise,
        given_earlier=lambda: next(iter(_earlier_subjects(context, library)), ""),
        given_pair=lambda: _last_pair(context, library),
    )
    marked = text.rstrip().endswith(("?", "？"))
    readings = follow_up.restatements(message, topic, library.vocabulary, marked=marked)
    own = _OwnWords(text, library)  # searched only if a reading needs it
    left_out = _left_out_of_what_was_shown(message, context, library, own)
    if left_out is not None:
        return left_out, text
    if not readings:
        swapped = _swapped_into_the_last_question(message, topic, library, own)
        return swapped or (library.match(text), text)
    # A reading of "why does it matter" has 为什么 and the subject's name in it, but is English
    # all the same: an English word the knowledge does not know is no strange name.
    english = written_in_english(text)
    answers: list[tuple[Match, str]] = []
    fallback: tuple[Match, str] | None = None
    # What the readings rank first, answered or not: an answered reading's entry is its first.
    ranked_first: set[str] = set()
    # The reading that answers with the entry just shown, supported by the message's words or not.
    of_the_shown: tuple[Match, str] | None = None
    told = _told_of(context, library)
    for reading in readings:
        about = _match_about(reading, library, english, told=told)
        match = _confirmed(about, context, library, own)
        match = _as_the_message_asks(match, own)
        if _left_out_of_the_answer_shown(match, context, message, library):
            return match, reading.text
        # 它 read as the current subject, whose answer lacks the kind of fact asked ("它是在哪
        # 训练的" after PPO, a step of ChatGPT's training): it may be the subject before.
        answered = match.verdict is Verdict.ANSWER and (
            reading.reference is not follow_up.Reference.PRONOUN
            or match.best is None
            or match.best.fact_held
        )
        if answered and own.besides_what_was_said(match, context):
            # "除了算力还有啥原因": the rest of the answer just shown, which says 算力, is asked
            # for, however well "ChatGPT还有什么原因" fits another entry.
            return match, reading.text
        if match.hits:
            ranked_first.add(match.hits[0].entry.id)
        if answered and _entry(match) == context.entry_id and _fact_held(match):
            of_the_shown = of_the_shown or (match, reading.text)
        if answered and (
            reading.reference.explicit
            or own.support(match)
            or own.only_ask_a_fact_held(match)
            or own.leave_the_subject_to_the_chat(match)
        ):
            answers.append((match, reading.text))
        elif not answered and reading.reference.explicit:
            fallback = _better(fallback, (match, reading.text))
    # "这些数据拿去干嘛" after how members give feedback: the data that answer speaks of,
    # however well "ChatGPT这些数据拿去干什么" fits an entry that handles data (Transformer), and
    # whether or not the message's own words rank that answer among theirs; unless it asks a
    # kind of fact that answer does not hold ("这些模型在哪训练的" after how ChatGPT is trained).
    if of_the_shown is not None and own.points_at_the_answer_shown(context):
        return of_the_shown
    if answers:
        best = _news_first(answers, context, own)
        if all(reading.reference is follow_up.Reference.ASPECT for reading in readings):
            best = _aspect_or_a_topic_of_its_own(best, context, own, text)
            return _aspect_of_an_earlier_subject(best, message, context, library, english) or best
        if all(reading.reference is follow_up.Reference.IMPLICIT for reading in readings):
            return _moved_on(best, context, library, own, text)
        return best
    # Not answered of the current subject, a question naming nothing but 它 may be of the one
    # before ("它是在哪训练的" after ChatGPT's training, then PPO: ChatGPT's).
    if all(reading.reference in _MAY_BE_EARLIER for reading in readings):
        earlier = _asked_of_earlier_subjects(message, context, library, own, english)
        if earlier is not None:
            return earlier
    plain = own.match()
    named = bool(library.vocabulary.names_in(message))
    # 它 may be what the entry shown belongs to: "我们平时给它点赞点踩有用吗" after PPO, a step
    # of ChatGPT's training, asks about ChatGPT's votes, which its own words find.
    owner = all(r.reference is follow_up.Reference.PRONOUN for r in readings) and _of_its_owner(
        plain, context, library
    )
    if fallback is None or (plain.verdict is Verdict.ANSWER and (named or owner)):
        # Words and context agreeing on the entry ("那超过多少参数会出现推理能力" after GPT-3:
        # the scale entry, read either way, though GPT-3 keeps "GPT-3参数超过多少…" from an
        # answer) is no answer about another subject by chance. Not a bare question
        # ("什么时候出的"), whose words would fit any subject's entry.
        agreed = named or (_entry(plain) in ranked_first and own.say_something())
        return plain if agreed else _off_the_topic_offered(plain, context, library), text
    return fallback


_MAY_BE_EARLIER = (follow_up.Reference.IMPLICIT, follow_up.Reference.PRONOUN)
"""Readings that, none answered, may be asked of the subjects shown before: not 那GPT呢, 那参数呢
or a correction, which say what they are about."""

SWAPPED_WORDS = 4
"""Words of the last question that the X of "那X呢" may take the place of."""


def _swapped_into_the_last_question(
    message: str, topic: follow_up.Context, library: Library, own: _OwnWords
) -> tuple[Match, str] | None:
    """ "那X呢" whose X is no name or term of the knowledge, read as the last question with X in
    the place of one of its words ("那企业呢" after "为什么国内高校做不出ChatGPT": 企业 for 高校),
    with the support of its own words that a reading the context alone suggests needs. Of the
    swaps answered, the surest: the X takes the place of the word it stands beside in meaning
    ("为什么国内高校企业ChatGPT", 企业 for 做不出, finds the same entry less surely); of equals,
    the later word: in Chinese a word's modifiers come before it (国内高校: the 高校 are what is
    asked about, and "为什么企业高校做不出" is no question)."""
    focus = intent.ellipsis_focus(message) if topic.given_subject else None
    names = library.vocabulary.names_in
    if not focus or set(names(focus)) & set(names(topic.last_question)):
        # One that names what the last question named takes no word's place in it: "GPT的核心
        # 特点呢" after "GPT和ChatGPT有啥区别" is no "GPT和ChatGPT有什么GPT的核心特点".
        return None
    words = [
        token
        for token in dict.fromkeys(library.analyzer.segment(topic.last_question))
        if len(token) > 1 and token not in (focus, topic.subject) and token not in QUESTION_WORDS
    ]
    found: tuple[Match, str] | None = None
    for word in reversed(words[-SWAPPED_WORDS:]):
        asked = topic.last_question.replace(word, focus, 1)
        match = library.match(asked)
        if match.verdict is Verdict.ANSWER and own.support(match):
            found = _better(found, (match, asked))
    return found


def _asked_of_earlier_subjects(
    message: str, context: Context, library: Library, own: _OwnWords, english: bool
) -> tuple[Match, str] | None:
    """A short question naming nothing that the current subject does not answer, asked of the
    subjects before it, latest first ("在哪训练的" after ChatGPT's training, then PPO: ChatGPT's),
    then of what the entry shown belongs to ("在哪训练的" after the reward model, then PPO: both
    steps of ChatGPT's training), with the same support from its own words as any reading the
    context alone suggests."""
    earlier = _earlier_subjects(context, library)
    named = library.vocabulary.names_in(message)  # "回到GPT-3，它一般用在哪" says whose
    owners = [] if named else [o for o in _owners(context, library) if o not in earlier]
    subjects = [*earlier, *owners]
    # Who made it is asked of what it is: "who invented it" after Transformer is not who made
    # ChatGPT, whose architecture it is. (Whose machines it ran on is a place.) Read only when
    # there is a subject to ask it of.
    asked = facts.asked(own.reading.tokens) if subjects else facts.Fact.NONE
    if asked & (facts.Fact.MAKER | facts.Fact.PLACE) == facts.Fact.MAKER:
        return None
    for subject in subjects:
        name = follow_up.Context(subject, "", library.analyzer.normalise).subject
        reading = follow_up.Restatement(
            follow_up.joined(name, message), follow_up.Reference.IMPLICIT
        )
        match = _match_about(reading, library, english)
        if match.verdict is Verdict.ANSWER and _fact_held(match) and own.support(match):
            return match, reading.text
    return None


EARLIER_SUBJECTS = 2
"""Subjects before the current one that a short question naming nothing may be asked of."""


def _earlier_subjects(context: Context, library: Library) -> list[str]:
    """The subjects of the answers shown before the current one, latest first, distinct."""
    found: list[str] = []
    for entry_id in reversed(context.shown):
        entry = library.get(entry_id)
        subject = entry.subject if entry else ""
        if subject and subject != context.subject and subject not in found:
            found.append(subject)
            if len(found) == EARLIER_SUBJECTS:
                break
    return found


def _owners(context: Context, library: Library) -> list[str]:
    """The subjects the entry shown belongs to by its tags (ChatGPT, of PPO), other than the
    chat's subject."""
    shown = library.get(context.entry_id) if context.entry_id else None
    subjects = library.vocabulary.name_of  # every entry's subject, as written
    return [
        tag for tag in (shown.tags if shown else ()) if tag in subjects and tag != context.subject
    ]


def _last_pair(context: Context, library: Library) -> str:
    """The question of the latest answer shown that names two things or more, or ""."""
    names_in = library.vocabulary.names_in
    for entry_id in reversed(context.shown):
        entry = library.get(entry_id)
        if entry and len(set(names_in(library.analyzer.normalise(entry.question)))) > 1:
            return entry.question
    return ""


def _aspect_or_a_topic_of_its_own(
    best: tuple[Match, str], context: Context, own: _OwnWords, text: str
) -> tuple[Match, str]:
    """An aspect asked of the subject ("那安全方面呢" after 控制性能: 控制性能的安全性) that finds
    only the entry just shown, when the aspect alone is a topic of its own answered more surely
    (ChatGPT's safety measures): the member moved on to it."""
    return _own_answer_instead(
        best, context, own, text, lambda plain: _score(plain) > _score(best[0])
    )


def _aspect_of_an_earlier_subject(
    best: tuple[Match, str], message: str, context: Context, library: Library, english: bool
) -> tuple[Match, str] | None:
    """ "那参数呢" whose only answer is the entry just shown again, which does not say the aspect
    at all (参数 of the entry on multimodal AI, shown after 大模型's benefits): the aspect of the
    subjects before it, latest first, when that finds another entry; else None."""
    aspect = intent.ellipsis_focus(message)
    shown = library.get(context.entry_id or "")
    if _entry(best[0]) != context.entry_id or not aspect or shown is None:
        return None
    normalise = library.analyzer.normalise
    if normalise(aspect) in said_by(shown, normalise):
        return None
    for subject in _earlier_subjects(context, library):
        topic = follow_up.Context(subject, context.last_question, normalise)
        for reading in follow_up.restatements(message, topic, library.vocabulary):
            match = _match_about(reading, library, english)
            if match.verdict is Verdict.ANSWER and _entry(match) != context.entry_id:
                return match, reading.text
    return None


def said_by(entry: Entry, normalise: Callable[[str], str]) -> str:
    """Everything an entry says, normalised: its phrasings, keywords and answer."""
    return normalise(" ".join([entry.question, *entry.alternatives, *entry.keywords, entry.answer]))


def _own_answer_instead(
    best: tuple[Match, str],
    context: Context,
    own: _OwnWords,
    text: str,
    accept: Callable[[Match], bool],
) -> tuple[Match, str]:
    """The message's own answer instead of the readings' best when that is only the entry just
    shown again and the own answer, another entry, is one `accept` takes."""
    if _entry(best[0]) != context.entry_id:
        return best
    plain = own.match()
    if plain.verdict is Verdict.ANSWER and _entry(plain) != context.entry_id and accept(plain):
        return plain, text
    return best


def _left_out_of_what_was_shown(
    message: str, context: Context, library: Library, own: _OwnWords
) -> Match | None:
    """The answer just shown, when the message asks, naming nothing, what that answer says its
    article leaves out, in its own words ("那个创业者叫啥" after the answer that mentions his
    pitch and says the article does not name him): read with the subject ("ChatGPT创业者叫什么")
    it would find ChatGPT's full name."""
    shown_entry = library.get(context.entry_id) if context.entry_id else None
    # Cheap checks first: reading the message's own words costs as much as a search.
    if shown_entry is None or not facts.leaves_something_out(shown_entry.answer):
        return None
    if library.vocabulary.names_in(message) or own.reading.unsaid is None:
        return None
    unsaid = own.reading.unsaid
    shown = next((hit for hit in own.hits() if hit.entry.id == context.entry_id), None)
    if shown is None:
        # Sharing no word with it ("具体是哪几家？百度那个叫啥来着" after the domestic teams):
        # what it leaves out is read off its answer all the same.
        left_out = unsaid.in_answer(shown_entry.answer, of_anything=True)
        shown = Hit(shown_entry, 0.0, 0.0, 0.0, 0.0, 0.0, shown_entry.question, unsaid=left_out)
    elif not shown.unsaid and unsaid.method:
        # How it was done in detail, asked of the answer just shown, is of all it told:
        # "具体过滤了哪些词" after the safety measures' "文章没有介绍这些约束的具体做法".
        left_out = unsaid.in_answer(shown_entry.answer, of_anything=True)
        shown = dataclasses.replace(shown, unsaid=left_out)
    if not shown.unsaid:
        return None
    return Match(Verdict.ANSWER, (shown,))


def _left_out_of_the_answer_shown(
    match: Match, context: Context, message: str, library: Library
) -> bool:
    """Whether the message asks, of the answer just shown, what that answer says its article
    leaves out ("具体是哪几家公司在做" after "文章没有说是哪些公司、哪些团队…"), naming nothing
    else: that is the reply, however surely another reading finds another entry (ChatGPT's
    maker, for "ChatGPT具体是哪几家公司在做")."""
    best = match.best
    return (
        best is not None
        and bool(best.unsaid)
        and best.entry.id == context.entry_id
        and not library.vocabulary.names_in(message)
    )


def _moved_on(
    best: tuple[Match, str], context: Context, library: Library, own: _OwnWords, text: str
) -> tuple[Match, str]:
    """A question naming nothing whose readings find only the entry just shown, while its own
    words answer another entry, about a subject the chat was on before, and rank it clearly
    above the one shown: the member went back ("那现在有团队在做吗" after why China can't build
    ChatGPT, then the universities' research: whether any team in China is building one); or
    asked why, when the entry shown gives no reason ("为啥参数越多越厉害" after GPT-3's 1750亿
    参数: why scale makes models stronger); or asked how one thing goes with another in general
    ("那参数越多能力就越强吗" after the same: not GPT-3's). Not to a subject the chat has not
    been on when the entry shown says why ("为什么代码有用" after 思维链 stays with 思维链, which
    says 逻辑性)."""
    earlier = _earlier_subjects(context, library)
    shown = library.get(context.entry_id) if context.entry_id else None

    def went_back(plain: Match) -> bool:
        subject = plain.best.entry.subject if plain.best else ""
        return subject in earlier and own.ranks_above(_entry(plain), context.entry_id)

    def asks_why_elsewhere(plain: Match) -> bool:
        unsaid = own.reading.unsaid
        return (
            unsaid is not None
            and unsaid.reason
            and shown is not None
            and not clarify.gives_a_reason(shown)
            and own.ranks_above(_entry(plain), context.entry_id)
        )

    def asks_in_general(plain: Match) -> bool:
        return (
            bool(_IN_GENERAL.search(text))
            and not library.vocabulary.names_in(text)
            and own.ranks_above(_entry(plain), context.entry_id)
        )

    return _own_answer_instead(
        best,
        context,
        own,
        text,
        lambda plain: went_back(plain) or asks_why_elsewhere(plain) or asks_in_general(plain),
    )


_IN_GENERAL = re.compile(r"越(?!来越)[^越，,。？?]{1,6}越")
"""How one thing goes with another in general: "参数越多能力就越强", "模型越大越聪明" (not
越来越, more and more)."""


def _as_the_message_asks(match: Match, own: _OwnWords) -> Match:
    """A reading that carries the last question on asks what that question asked, and the
    message may not: after "为什么大厂要封杀它", "微软那边的人怎么看" asks no reason, and the
    entry's word that its article gives none (`Hit.unsaid`) is no decline of it."""
    best = match.best
    if best is None or not best.unsaid or own.asks_what_may_be_unsaid():
        return match
    return Match(match.verdict, (dataclasses.replace(best, unsaid=""), *match.hits[1:]))


def _off_the_topic_offered(plain: Match, context: Context, library: Library) -> Match:
    """A message that names nothing, answered on its own words about another subject than the
    chat's, is offered, not answered: "有啥风险" after 生成式AI fits ChatGPT's entry, and the
    asker meant 生成式AI as likely as not. Not when the entry just shown belongs to that subject
    too (its tags): "在哪训练的" after PPO, a step of ChatGPT's training, asks where ChatGPT
    was trained; nor when the message is one of the entry's phrasings near word for word ("那参数
    超过600亿会怎样" after GPT-4's parameters): it asks just what that entry answers."""
    best = plain.best
    if plain.verdict is not Verdict.ANSWER or best is None or best.entry.subject == context.subject:
        return plain
    if _of_its_owner(plain, context, library):
        return plain
    shown = library.get(context.entry_id) if context.entry_id else None
    if shown is not None and _same_kind(shown, best.entry):
        return plain
    if best.fuzzy >= WORD_FOR_WORD:
        return plain
    return Match(Verdict.SUGGEST, (best,))


def _of_its_owner(plain: Match, context: Context, library: Library) -> bool:
    """Whether a message's own words answer about the subject the entry shown belongs to (by
    its tags), not the chat's subject itself."""
    best = plain.best
    return (
        plain.verdict is Verdict.ANSWER
        and best is not None
        and best.entry.subject in _owners(context, library)
    )


def _same_kind(shown: Entry, found: Entry) -> bool:
    """Whether two entries are of the same kind by a tag of theirs that is no subject: 控制性能
    and ChatGPT's safety are both 关键技术, and "那安全性方面做了啥" after the one asks the
    other."""
    return any(tag in found.tags and tag != found.subject for tag in shown.tags)


def _match_about(
    reading: follow_up.Restatement,
    library: Library,
    english: bool,
    *,
    told: Collection[str] = (),
) -> Match:
    """Match a reading; when it asks about one name, an answer about that name wins over a
    higher-scoring entry about another subject, if it clears the answer threshold itself.
    Not over an entry whose phrasing that fits names it alone ("GPT怎么一个词一个词生成文本",
    of 自回归, for "GPT是怎么生成文本的"): that entry is about the name too; one naming it
    beside another ("ChatGPT相比GPT-3有哪些改进") is about the other as much. Nor over one that
    fits far better ("他们俩对AI发展有啥好处" read of ChatGPT: the benefits of 大模型和ChatGPT,
    not what ChatGPT's features happen to share with it). Nor over one the answer shown told of
    (`told`), when the name is the chat's and not the message's: "那个优化算法叫啥" after how
    ChatGPT is trained asks of its PPO, not of ChatGPT's base model."""
    thresholds = library.thresholds
    hits = library.search(reading.text, limit=thresholds.max_suggestions + 2, english=english)
    match = decide(hits, thresholds)
    best = match.best
    if (
        not reading.about
        or best is None
        or _subject(best, library) == reading.about
        or (best.entry.id in told and reading.reference is not follow_up.Reference.NAME)
        or set(library.vocabulary.names_in(library.analyzer.normalise(best.phrasing)))
        == {reading.about}
    ):
        return match
    floor = max(thresholds.answer, best.score - ABOUT_MARGIN)
    for hit in hits:
        if hit.score >= floor and _subject(hit, library) == reading.about:
            return Match(Verdict.ANSWER, (hit,))
    return match


def _told_of(context: Context, library: Library) -> frozenset[str]:
    """The entries the answer shown links to: what it told of (the steps of ChatGPT's training
    are the reward model, PPO...)."""
    shown = library.get(context.entry_id) if context.entry_id else None
    return frozenset(shown.related) if shown else frozenset()


ABOUT_MARGIN = 0.4
"""How far below the best entry one about the name asked of may score and still win."""


def _subject(hit: Hit, library: Library) -> str:
    return library.vocabulary.name_of.get(hit.entry.subject, "")


class _OwnWords:
    """The message matched on its own words, searched at most once and only when needed."""

    def __init__(self, text: str, library: Library) -> None:
        self._text = text
        self._library = library
        self._hits: list[Hit] | None = None

    @functools.cached_property
    def reading(self) -> Reading:
        """The words as the search reads them, once for every question asked of them."""
        return self._library.read(self._text)

    def hits(self) -> list[Hit]:
        if self._hits is None:
            found = self._library.search(self._text, limit=2 * OWN_CANDIDATES)
            # Words that fit many entries alike ("有啥用") rank them by hairbreadths, and which
            # of them make the last places is chance: one as close to the last candidate as
            # no margin tells apart is a candidate too.
            last = found[OWN_CANDIDATES - 1].score if len(found) >= OWN_CANDIDATES else 0.0
            self._hits = found[:OWN_CANDIDATES] + [
                hit for hit in found[OWN_CANDIDATES:] if hit.score > last - CONFIRM_MARGIN
            ]
        return self._hits

    @functools.cached_property
    def _scores(self) -> dict[str, float]:
        """The score of each entry among these words' candidates."""
        return {hit.entry.id: hit.score for hit in self.hits()}

    def ranks_above(self, entry_id: str | None, other: str | None) -> bool:
        """Whether these words score an entry clearly higher than another (by `CONFIRM_MARGIN`;
        one not among their candidates scores nothing)."""
        scores = self._scores
        return scores.get(entry_id or "", 0.0) - scores.get(other or "", 0.0) >= CONFIRM_MARGIN

    def say_something(self) -> bool:
        """Whether the words name something the knowledge knows beyond how a question is put
        and everyday words (参数, 推理能力; not 什么, 时候 and 出)."""
        library = self._library
        return any(
            len(token) > 1
            and token not in QUESTION_WORDS
            and library.index.knows(token)
            and not library.analyzer.is_everyday_word(token)
            for token in self.reading.tokens
        )

    def asks_what_may_be_unsaid(self) -> bool:
        """Whether the words ask a reason or which ones by name (`facts.Unsaid`), or a day
        (which an answer may give only to the month)."""
        reading = self.reading
        return reading.unsaid is not None or bool(facts.asked(reading.tokens) & facts.Fact.DAY)

    def only_ask_a_fact_held(self, match: Match) -> bool:
        """Whether the words only ask for a kind of fact ("谁做的", "哪年出的": nothing but the
        question form) that the match's answer, about the subject the reading names, holds: a
        follow-up by its form, which no entry answers alone ("谁做的" after GPT-3 is who made
        GPT-3; "什么时候出的" after GPT is not answered with ChatGPT's launch)."""
        best = match.best
        if best is None or not best.fact_held or not best.subject_named:
            return False
        return bool(facts.only_asks(self.reading.tokens))

    def entry_ids(self) -> Collection[str]:
        """The entries among these words' candidates."""
        return self._scores.keys()

    def match(self) -> Match:
        thresholds = self._library.thresholds
        return decide(self.hits()[: thresholds.max_suggestions + 2], thresholds)

    def besides_what_was_said(self, match: Match, context: Context) -> bool:
        """Whether the words set aside what the answer just shown says ("除了算力还有别的原因吗"
        after why China can't build ChatGPT, which names 算力) and a reading finds that entry
        again: the rest of what was said is asked for."""
        best = match.best
        if best is None or best.entry.id != context.entry_id:
            return False
        aside = self.reading.set_aside
        said = set(self._library.analyzer.tokenise(best.entry.answer))
        return bool(aside) and all(word in said for word in aside)

    def leave_the_subject_to_the_chat(self, match: Match) -> bool:
        """Whether the words name no subject and fit entries about several alike
        (`Hit.subject_open`), and the match's answer, about the chat's subject, says every word
        they ask about: "具体怎么训练的" after RLHF fits ChatGPT's, GPT's and the reward model's
        training alike, and the RLHF answer says how its 训练员 train it. Not an answer that
        says nothing of it ("一般用在哪些任务上" after 思维链, whose answer names no task)."""
        plain = self.match()
        best = match.best
        if plain.verdict is not Verdict.SUGGEST or plain.best is None or best is None:
            return False
        asked = [
            token for token in self.reading.tokens if len(token) > 1 and token not in QUESTION_WORDS
        ]
        if not plain.best.subject_open or not asked:
            return False
        # Inside the answer's words too: its 训练员 says 训练.
        answer = self._library.analyzer.normalise(best.entry.answer)
        return all(word in answer for word in asked)

    def points_at_the_answer_shown(self, context: Context) -> bool:
        """Whether the words point back at a thing the answer just shown speaks of, with a word
        that is no term of the knowledge ("这些数据", "这些约束"): not a topic of its own, as
        "这个奖励模型" is."""
        if context.entry_id is None:
            return False
        analyzer = self._library.analyzer
        text = analyzer.normalise(self._text)
        pointer = POINTING_BACK.search(text)
        after = analyzer.tokenise(text[pointer.end() :]) if pointer else []
        if not after or len(after[0]) < 2 or after[0] in QUESTION_WORDS:
            return False
        shown = self._library.get(context.entry_id)
        return (
            shown is not None
            and not self._library.vocabulary.is_term(after[0])
            and after[0] in analyzer.normalise(shown.answer)
        )

    def support(self, match: Match) -> bool:
        """Whether these words back a reading that only the context suggested: they are not
        declined alone, its entry is among their candidates and beats what they answer alone
        ("怎么注册账号" after GPT-3 is not about GPT-3 just because "GPT-3怎么注册账号" finds the
        GPT-3 entry)."""
        if _entry(match) not in self.entry_ids():
            return False
        plain = self.match()
        if plain.verdict is Verdict.DECLINE:
            # "今晚吃啥好呢" is about nothing the knowledge knows, topic or not. But words that
            # point at something just said and rank the reading's entry first are about it, only
            # too short to stand alone: "为啥要加这些约束" after ChatGPT's safety measures.
            first = plain.best is not None and plain.best.entry.id == _entry(match)
            return first and bool(POINTING_BACK.search(self._text))
        return plain.verdict is not Verdict.ANSWER or _score(match) >= _score(plain)


def _news_first(
    answers: list[tuple[Match, str]], context: Context, own: _OwnWords
) -> tuple[Match, str]:
    """The surest answer, unless it is the entry the chat has just shown and another reading
    answers with another entry nearly as surely, one that the message's own words rank above
    the entry shown: a follow-up asks something new ("在哪训练的" after ChatGPT's training data
    reads as that question carried on, which finds the same entry, and as "ChatGPT在哪训练的",
    which finds where it was trained). "咋办" after the data-processing problem of 大模型 asks
    how to solve it, which the entry shown says: its words find no other entry before it."""
    ranked = sorted(answers, key=lambda found: _score(found[0]), reverse=True)
    best = ranked[0]
    if _entry(best[0]) != context.entry_id:
        return best
    floor = _score(best[0]) - CONFIRM_MARGIN
    return next(
        (
            found
            for found in ranked
            if _entry(found[0]) != context.entry_id
            and _score(found[0]) >= floor
            and own.ranks_above(_entry(found[0]), context.entry_id)
        ),
        best,
    )


def _entry(match: Match) -> str | None:
    return match.best.entry.id if match.best else None


def _fact_held(match: Match) -> bool:
    """Whether the best entry holds the kind of fact the question asks (any, when it asks none)."""
    return match.best is not None and match.best.fact_held


def _better(held: tuple[Match, str] | None, found: tuple[Match, str]) -> tuple[Match, str]:
    return found if held is None or _score(found[0]) > _score(held[0]) else held


def _confirmed(match: Match, context: Context, library: Library, own: _OwnWords) -> Match:
    """A did-you-mean that the context settles: one clear candidate, the current entry or
    linked to it, that the message's own words find too, so the words and the context agree
    on it ("它会游泳吗" after RLHF finds the RLHF entry only through the topic's name). Never
    one about what no entry mentions (`Hit.stray`), nor one without the kind of fact asked
    ("佢幾時出嘅" after 思维链: no article dates it)."""
    best = match.best
    if (
        match.verdict is not Verdict.SUGGEST
        or best is None
        or best.stray
        or not best.fact_held
        or context.entry_id is None
        or best.entry.id not in own.entry_ids()
    ):
        return match
    runner_up = match.hits[1].score if len(match.hits) > 1 else 0.0
    current = library.get(context.entry_id)
    linked = {context.entry_id, *library.linked_from.get(context.entry_id, ())}
    linked.update(current.related if current else ())
    if best.entry.id in linked and best.score - runner_up >= CONFIRM_MARGIN:
        return Match(Verdict.ANSWER, (best,))
    return match


def _score(match: Match) -> float:
    return match.best.score if match.best else 0.0
