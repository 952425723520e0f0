import asyncio
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.library import load_library
from bot.live_knowledge import LiveLibrary, ReloadReport

FIXTURE = Path(__file__).parent / "fixtures" / "small_knowledge"


@pytest.fixture
def live(tmp_path: Path) -> LiveLibrary:
    directory = tmp_path / "knowledge"
    shutil.copytree(FIXTURE, directory)
    return LiveLibrary(directory, load_library(directory))


def models(live: LiveLibrary) -> Path:
    return live.directory / "models.yaml"


async def test_an_unchanged_directory_is_not_reloaded(live: LiveLibrary) -> None:
    before = live.current()
    report = await live.reload()
    assert report.unchanged and live.current() is before


async def test_a_good_edit_is_swapped_in_and_reported(live: LiveLibrary) -> None:
    text = models(live).read_text(encoding="utf-8")
    models(live).write_text(
        text.replace("- 介绍下ChatGPT", "- 介绍下ChatGPT\n      - 恰特是什么"), encoding="utf-8"
    )
    report = await live.reload()
    assert report.ok and report.changed == ("chatgpt",) and not report.added
    assert "修改 1" in report.summary()
    assert live.current().match("恰特是什么").best.entry.id == "chatgpt"  # type: ignore[union-attr]


async def test_a_question_asked_before_an_edit_is_answered_from_the_new_knowledge(
    live: LiveLibrary,
) -> None:
    # A library keeps the hits of recent questions: a reload must not answer from them.
    assert live.current().match("恰特是什么").answered is None
    text = models(live).read_text(encoding="utf-8")
    models(live).write_text(
        text.replace("- 介绍下ChatGPT", "- 介绍下ChatGPT\n      - 恰特是什么"), encoding="utf-8"
    )
    assert (await live.reload()).ok
    assert live.current().match("恰特是什么").answered.entry.id == "chatgpt"  # type: ignore[union-attr]


async def test_a_question_read_before_a_lexicon_edit_is_read_with_the_new_lexicon(
    live: LiveLibrary,
) -> None:
    # A reload reuses the analyzer while the lexicon is unchanged: an edited one is read anew.
    assert live.current().analyzer.normalise("恰特是什么") == "恰特是什么"
    synonyms = live.directory / "lexicon" / "synonyms.yaml"
    text = synonyms.read_text(encoding="utf-8")
    synonyms.write_text(text.replace("ChatGPT:\n", "ChatGPT:\n  - 恰特\n", 1), encoding="utf-8")
    assert (await live.reload()).ok
    assert live.current().analyzer.normalise("恰特是什么") == "chatgpt是什么"
    assert live.current().match("恰特是什么").answered.entry.id == "chatgpt"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace("keywords: [ChatGPT, 聊天机器人]", "keywords: [ChatGPT"),
        lambda text: text.replace("related: [large-model]", "related: [nowhere]"),
        lambda text: "",
        lambda text: "\x00\xff binary junk",
    ],
)
async def test_a_broken_edit_keeps_the_old_knowledge(live: LiveLibrary, damage: object) -> None:
    before = live.current()
    models(live).write_text(
        damage(models(live).read_text(encoding="utf-8")),  # type: ignore[operator]
        encoding="utf-8",
    )
    report = await live.reload()
    assert not report.ok and "models.yaml" in report.error
    assert "继续使用旧版本" in report.summary()
    assert live.current() is before
    assert live.current().match("什么是大模型").best.entry.id == "large-model"  # type: ignore[union-attr]


async def test_deleted_files_keep_the_old_knowledge(live: LiveLibrary) -> None:
    before = live.current()
    models(live).unlink()
    report = await live.reload()
    assert not report.ok and live.current() is before


async def test_the_watcher_reloads_on_its_own(live: LiveLibrary) -> None:
    reports: list[ReloadReport] = []
    seen = asyncio.Event()

    async def notify(report: ReloadReport) -> None:
        reports.append(report)
        seen.set()

    watcher = asyncio.create_task(live.watch(notify))
    await asyncio.sleep(0.3)  # let the watcher start
    text = models(live).read_text(encoding="utf-8")
    models(live).write_text(
        text.replace("- 啥叫大模型", "- 啥叫大模型\n      - 大号模型是什么"), encoding="utf-8"
    )
    try:
        await asyncio.wait_for(seen.wait(), timeout=10)
    finally:
        watcher.cancel()
    assert reports[0].changed == ("large-model",)


def synonyms(live: LiveLibrary) -> Path:
    return live.directory / "lexicon" / "synonyms.yaml"


def dictionary(live: LiveLibrary) -> Path:
    return live.directory / "lexicon" / "dictionary.txt"


def nested_deeply(live: LiveLibrary) -> Path:
    models(live).write_text("topic: x\nentries: " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    return models(live)


def synonyms_in_gbk(live: LiveLibrary) -> Path:
    synonyms(live).write_bytes("大模型:\n  - 大语言模型\n".encode("gbk"))
    return synonyms(live)


def dictionary_in_gbk(live: LiveLibrary) -> Path:
    dictionary(live).write_bytes("大模型\n思维链\n".encode("gbk"))
    return dictionary(live)


def empty_synonym(live: LiveLibrary) -> Path:
    synonyms(live).write_text('大模型: [""]\n', encoding="utf-8")
    return synonyms(live)


def a_variant_of_two_terms(live: LiveLibrary) -> Path:
    synonyms(live).write_text("大模型:\n  - LLM\n语言模型:\n  - llm\n", encoding="utf-8")
    return synonyms(live)


def a_term_that_is_another_s_variant(live: LiveLibrary) -> Path:
    synonyms(live).write_text("大模型:\n  - 大语言模型\n大语言模型:\n  - LLM\n", encoding="utf-8")
    return synonyms(live)


def impossible_date(live: LiveLibrary) -> Path:
    text = models(live).read_text(encoding="utf-8")
    models(live).write_text(text.replace("2026-11-24", "2026-02-30", 1), encoding="utf-8")
    return models(live)


def malformed_omap(live: LiveLibrary) -> Path:
    models(live).write_text("topic: x\nentries:\n  - !!omap [a: 1, a: 2]\n", encoding="utf-8")
    return models(live)


def complex_key(live: LiveLibrary) -> Path:
    text = models(live).read_text(encoding="utf-8")
    models(live).write_text(
        text.replace("  - id: large-model", "  - id: large-model\n    ? [a, b]\n    : x", 1),
        encoding="utf-8",
    )
    return models(live)


def alias_bomb(live: LiveLibrary) -> Path:
    """Nine levels of nine aliases: 387 million strings once expanded, 600 bytes as written."""
    levels = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        levels.append(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]")
    synonyms(live).write_text("\n".join(levels) + "\n", encoding="utf-8")
    return synonyms(live)


def too_big(live: LiveLibrary) -> Path:
    dictionary(live).write_text("大模型\n" * 2_000_000, encoding="utf-8")
    return dictionary(live)


BAD_SAVES = [
    nested_deeply,
    synonyms_in_gbk,
    dictionary_in_gbk,
    empty_synonym,
    a_variant_of_two_terms,
    a_term_that_is_another_s_variant,
    impossible_date,
    malformed_omap,
    complex_key,
    alias_bomb,
    too_big,
]


@pytest.mark.parametrize("save", BAD_SAVES)
async def test_any_bad_save_is_reported_with_its_file_and_keeps_the_old_knowledge(
    live: LiveLibrary, save: Callable[[LiveLibrary], Path]
) -> None:
    before = live.current()
    started = time.monotonic()
    broken = save(live)
    report = await live.reload()
    assert not report.ok and str(broken) in report.error
    assert live.current() is before
    assert time.monotonic() - started < 10  # the alias bomb is refused, never expanded


async def test_a_reload_that_takes_too_long_is_given_up_and_the_old_knowledge_serves(
    live: LiveLibrary,
) -> None:
    before = live.current()
    live.time_limit = 0.01  # a new lexicon rebuilds jieba: about a second
    dictionary(live).write_text("大模型\n恰特\n", encoding="utf-8")
    report = await live.reload()
    assert not report.ok and "超过" in report.error
    assert live.current() is before
    live.time_limit = 60
    await asyncio.sleep(3)  # the abandoned load finishes in its thread, unseen
    assert (await live.reload()).ok and live.current() is not before


async def test_the_watcher_survives_every_bad_save_and_reloads_the_next_good_one(
    live: LiveLibrary,
) -> None:
    reports: list[ReloadReport] = []
    arrived = asyncio.Event()

    async def notify(report: ReloadReport) -> None:
        reports.append(report)
        arrived.set()

    original = {
        path: path.read_bytes() for path in (models(live), synonyms(live), dictionary(live))
    }
    watcher = asyncio.create_task(live.watch(notify))
    await asyncio.sleep(0.3)  # let the watcher start
    try:
        for save in (nested_deeply, synonyms_in_gbk, empty_synonym, complex_key, alias_bomb):
            arrived.clear()
            broken = save(live)
            await asyncio.wait_for(arrived.wait(), timeout=20)
            assert not reports[-1].ok and str(broken) in reports[-1].error
            broken.write_bytes(original[broken])  # the admin fixes the file
            await asyncio.sleep(1)  # the fix itself reloads as unchanged: no report
        arrived.clear()
        text = original[models(live)].decode()
        models(live).write_text(
            text.replace("- 啥叫大模型", "- 啥叫大模型\n      - 大号模型是什么")
        )
        await asyncio.wait_for(arrived.wait(), timeout=20)
    finally:
        watcher.cancel()
    assert reports[-1].ok and reports[-1].changed == ("large-model",)
    assert not watcher.done() or watcher.cancelled()


YAML_PIECES = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        "? ",
        ": ",
        "- ",
        "&a ",
        "*a",
        "!!omap ",
        "!!set ",
        "!!binary ",
        "<<: ",
        "2026-02-30",
        "''",
        '"\\ud800"',
        "\n",
        "  ",
        "topic: x\n",
        "entries:\n",
        "id: a\n",
        "#",
        "\t",
    ]
)
SAVED_TEXT = st.one_of(
    st.binary(max_size=300),
    st.lists(YAML_PIECES, max_size=60).map(lambda pieces: "".join(pieces).encode()),
    st.integers(1, 3000).map(lambda depth: ("a: " + "[" * depth + "]" * depth).encode()),
)


# Each example is a whole reload (a new jieba instance when the lexicon changed: about a second),
# so CI runs a couple of dozen; the deep runs before a release raise this.
@settings(
    max_examples=24, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(target=st.sampled_from(["models.yaml", "lexicon/synonyms.yaml"]), content=SAVED_TEXT)
async def test_whatever_is_saved_a_reload_reports_instead_of_raising(
    live: LiveLibrary, target: str, content: bytes
) -> None:
    # The fixture lives across examples: each save lands on whatever the last one left.
    serving = live.current()
    (live.directory / target).write_bytes(content)
    report = await live.reload()
    if report.ok:
        assert live.current().fingerprint != serving.fingerprint or report.unchanged
    else:
        assert live.current() is serving and report.error
