import asyncio
import shutil
from pathlib import Path

import pytest

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
