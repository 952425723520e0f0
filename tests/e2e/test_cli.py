"""The command line as a user runs it: real processes, a real database file."""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from emulator_client import ROOT, bot_command, clean_environment

from bot import cli
from bot.adapters.sqlite.migrations import MIGRATIONS

SMALL = ROOT / "tests" / "fixtures" / "small_knowledge"
FAKE_API = {
    "BOT_TELEGRAM_TOKEN": "123456:" + "A" * 35,
    "BOT_API_BASE_URL": "http://127.0.0.1:9/bot",
}
"""A well-formed token and an API that is never reached: the bot stops before calling it."""


def run_bot(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, knowledge: Path = SMALL
) -> subprocess.CompletedProcess[str]:
    settings = {"BOT_KNOWLEDGE_DIR": str(knowledge), "BOT_TELEGRAM_TOKEN": "", **(env or {})}
    return bot_command(*args, settings=settings, stdin=stdin)


def chat_json(db: Path, lines: list[str]) -> list[dict[str, object]]:
    done = run_bot(
        "chat",
        "--json",
        "--db",
        str(db),
        stdin="\n".join(lines) + "\n",
        env={"BOT_PAGE_SIZE": "80"},
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_chat_json_pages_follows_up_and_keeps_context_across_processes(tmp_path: Path) -> None:
    db = tmp_path / "chat.sqlite3"
    first = chat_json(db, ["ChatGPT是怎么训练的", "继续"])
    assert len(first) == 2 and first[0]["entry_id"] == "chatgpt-training"
    assert first[0]["matched"] is True and first[0]["has_more"] is True
    assert first[0]["buttons"] == ["继续", "👍", "👎"]
    second = chat_json(db, ["继续", "那GPT呢？", '{"chat": "2", "user": "5", "text": "继续"}'])
    assert second[0]["entry_id"] == "chatgpt-training"  # the third page, after a restart
    assert second[1]["entry_id"] == "gpt-training"
    assert second[2]["chat"] == "2" and second[2]["matched"] is False
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 5


def test_chat_json_answers_every_line_even_junk(tmp_path: Path) -> None:
    lines = ["", "{not json", '{"text": 5}', "x" * 4000, "今天天气怎么样"]
    replies = chat_json(tmp_path / "db.sqlite3", lines)
    assert len(replies) == len(lines)
    assert replies[-1]["matched"] is False and "超出了我的知识范围" in str(replies[-1]["text"])


def test_ask_json_has_exactly_the_documented_keys() -> None:
    done = run_bot("ask", "--json", "大模型有多少参数")
    result = json.loads(done.stdout)
    assert set(result) == {"matched", "entry_id", "score", "question", "answer", "suggestions"}
    assert result["matched"] is True and result["entry_id"] == "large-model-parameters"
    assert result["question"] == "大模型有多少参数？"


def test_a_question_the_articles_do_not_answer_is_declined_with_what_they_say() -> None:
    done = run_bot("ask", "--json", "GPT-4的参数量是多少", knowledge=ROOT / "knowledge")
    result = json.loads(done.stdout)
    assert result["matched"] is False and result["entry_id"] is None
    assert result["declined_by"] == "gpt-4-parameters"
    assert "GPT-4、GPT-3.5、GPT-2和GPT-1的参数量，文章都没有给出" in result["answer"]
    assert "只给出了GPT-3一个型号的参数量" in result["answer"]  # what the articles do give


def test_ask_reads_stdin_lines_loading_once() -> None:
    done = run_bot("ask", "--json", "-", stdin="ChatGPT有多少参数\n今天天气怎么样\nchatgtp咋训练\n")
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["matched"] for r in results] == [False, False, True]
    assert results[0]["suggestions"] and results[0]["suggestions"][0]["entry_id"]
    assert results[1]["suggestions"] == [] and results[1]["entry_id"] is None
    assert results[2]["entry_id"] == "chatgpt-training"


def test_ask_explain_shows_tokens_and_candidates() -> None:
    done = run_bot("ask", "--explain", "請問大模形有多少參數")
    assert "规范化    请问大模型有多少参数" in done.stdout
    assert "大模型 / 有 / 多少 / 参数" in done.stdout
    assert "large-model-parameters" in done.stdout


def test_ask_explain_says_a_claim_was_answered_on_its_lead() -> None:
    done = run_bot("ask", "--explain", "RLHF训练时根本不用人来打分吧", knowledge=ROOT / "knowledge")
    verdict = next(line for line in done.stdout.splitlines() if line.startswith("判定"))
    assert "求证一个说法" in verdict and "领先第二名至少 0.1" in verdict, verdict


def test_ask_explain_says_small_talk_about_a_subject_is_declined_as_such() -> None:
    done = run_bot("ask", "--explain", "RLHF是男的女的", knowledge=ROOT / "knowledge")
    verdict = next(line for line in done.stdout.splitlines() if line.startswith("判定"))
    assert verdict.startswith("判定      拒答") and "闲聊" in verdict, verdict


def test_ask_explain_says_which_part_of_the_message_was_judged_again() -> None:
    done = run_bot("ask", "--explain", "思维链有啥用，作业要写一段", knowledge=ROOT / "knowledge")
    again = next(line for line in done.stdout.splitlines() if line.startswith("改问"))
    assert "思维链有啥用" in again and "作业" not in again, again
    assert "chain-of-thought" in done.stdout


def test_ask_explain_says_a_concept_described_was_found_by_its_definition() -> None:
    question = "模型遇到没见过的数据也能处理好，这种能力叫什么？"
    done = run_bot("ask", "--explain", question, knowledge=ROOT / "knowledge")
    lines = done.stdout.splitlines()
    described = next(line for line in lines if line.startswith("描述"))
    verdict = next(line for line in lines if line.startswith("判定"))
    assert "模型遇到未知数据也能处理好" in described and "这种能力" not in described, described
    assert verdict.startswith("判定      回答") and "定义条目" in verdict, verdict


def test_ask_explain_counts_the_domain_terms_an_entry_never_mentions() -> None:
    done = run_bot(
        "ask", "--explain", "提示工程在ChatGPT里起什么作用", knowledge=ROOT / "knowledge"
    )
    header = next(line for line in done.stdout.splitlines() if line.startswith("候选"))
    column = header.split().index("terms") - 1  # the rows have no "候选"
    rows = {line.split()[-3]: line.split() for line in done.stdout.splitlines()[-5:]}
    assert rows["ai-innovation"][column] == "1" and rows["prompt-learning"][column] == "0"


def test_broken_knowledge_refuses_to_start_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "topic: x\nentries:\n  - id: Bad Id\n    question: q\n", encoding="utf-8"
    )
    done = run_bot("ask", "什么是大模型", knowledge=tmp_path)
    assert done.returncode == 1
    assert "bad.yaml:3" in done.stderr and "Traceback" not in done.stderr


def test_a_malformed_token_is_one_sentence() -> None:
    done = run_bot("run", env={"BOT_TELEGRAM_TOKEN": "not-a-token"})
    assert done.returncode == 2 and "BOT_TELEGRAM_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr


def copy_of_small_knowledge(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(SMALL, directory)
    return directory


@pytest.mark.parametrize(
    ("file", "content", "reason"),
    [
        ("lexicon/synonyms.yaml", "大模型:\n  - 大语言模型\n".encode("gbk"), "not UTF-8"),
        ("lexicon/dictionary.txt", "思维链\n".encode("gbk"), "not UTF-8"),
        ("lexicon/synonyms.yaml", '大模型: [""]\n'.encode(), "non-empty text"),
        ("models.yaml", ("a: " + "[" * 5000 + "]" * 5000).encode(), "nested too deeply"),
    ],
)
def test_kb_check_names_a_bad_file_without_a_traceback(
    tmp_path: Path, file: str, content: bytes, reason: str
) -> None:
    directory = copy_of_small_knowledge(tmp_path)
    (directory / file).write_bytes(content)
    done = run_bot("kb", "check", str(directory))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{directory / file}:" in done.stderr and reason in done.stderr


def test_kb_check_refuses_an_id_too_long_for_a_button(tmp_path: Path) -> None:
    directory = copy_of_small_knowledge(tmp_path)
    models = directory / "models.yaml"
    long_id = "chatgpt-" + "x" * 56  # 64 characters: no payload "a:<answer id>:<id>" fits
    models.write_text(
        models.read_text(encoding="utf-8").replace("chatgpt", long_id), encoding="utf-8"
    )
    done = run_bot("kb", "check", str(directory))
    assert done.returncode == 1 and "too long for a button" in done.stderr


def one_line_error(done: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """The failure as an admin sees it: the exit code, one line, no traceback."""
    assert done.returncode == code, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    return done.stderr


def test_help_is_for_admins_in_chinese() -> None:
    top = run_bot("--help").stdout
    assert "用法：python -m bot" in top and "管理员" in top and "composition root" not in top
    for command in (["kb", "test"], ["feedback", "prune"], ["feedback", "export"]):
        text = run_bot(*command, "--help").stdout
        assert text.startswith("用法：") and "show this help" not in text


def every_parser(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.extend(every_parser(sub))
    return found


def test_every_argument_of_every_command_has_help() -> None:
    parsers = every_parser(cli.build_parser())
    assert len(parsers) > 12
    missing = [
        f"{p.prog} {a.dest}"
        for p in parsers
        for a in p._actions
        if not isinstance(a, argparse._SubParsersAction) and not a.help
    ]
    assert missing == []


def test_version_is_printed() -> None:
    done = run_bot("--version")
    assert done.returncode == 0 and done.stdout.startswith("python -m bot 0.")


def test_argparse_mistakes_are_chinese_and_one_line_after_usage() -> None:
    done = run_bot("kb", "tset")
    assert done.returncode == 2 and "错误：" in done.stderr and "invalid choice" not in done.stderr


def test_a_setting_out_of_range_is_one_sentence_naming_it() -> None:
    done = run_bot("ask", "什么是大模型", env={"BOT_ANSWER_THRESHOLD": "1.5"})
    assert one_line_error(done, 2) == (
        "错误：设置无效：BOT_ANSWER_THRESHOLD 必须是 0 到 1 之间的数（当前是 1.5）\n"
    )


def test_a_missing_knowledge_dir_says_where_it_looked_and_what_to_set(tmp_path: Path) -> None:
    done = run_bot("ask", "什么是大模型", knowledge=tmp_path / "nope")
    error = one_line_error(done)
    assert str(tmp_path / "nope") in error and "BOT_KNOWLEDGE_DIR" in error


def test_ask_with_nothing_asks_for_a_question() -> None:
    error = one_line_error(run_bot("ask", "  "), 2)
    assert "请给出一个问题" in error
    piped = run_bot("ask", "--json", "-", stdin="\n").stdout.splitlines()
    [result] = [json.loads(line) for line in piped]
    assert result["matched"] is False and "请输入一个问题" in result["answer"]


def test_ask_answers_thanks_and_greetings_as_the_chat_does_not_with_an_entry() -> None:
    lines = ["谢谢你的帮助！", "你好", "继续"]
    piped = run_bot("ask", "--json", "-", stdin="\n".join(lines) + "\n").stdout.splitlines()
    thanks, hello, more = [json.loads(line) for line in piped]
    assert not any(result["matched"] for result in (thanks, hello, more))
    assert "不客气" in thanks["answer"] and "你好" in hello["answer"]
    assert "没有可以继续的回答" in more["answer"]


def test_ask_did_you_mean_has_no_buttons_to_press() -> None:
    # Whichever of these the matcher is unsure about (its calibration moves) is asked again.
    candidates = ["大模型是ChatGPT吗", "ChatGPT和大模型", "ChatGPT有多少参数"]
    answers = run_bot("ask", "--json", "-", stdin="\n".join(candidates) + "\n").stdout
    unsure = [
        q
        for q, line in zip(candidates, answers.splitlines(), strict=True)
        if json.loads(line)["suggestions"]
    ]
    assert unsure, "none of the candidates gets a did-you-mean any more: pick another"
    done = run_bot("ask", unsure[0])
    assert "是下面这些吗" in done.stdout and "点选按钮" not in done.stdout


def test_ask_into_head_ends_quietly() -> None:
    questions = "什么是大模型\n" * 3000
    done = subprocess.run(
        f"{sys.executable} -m bot ask --explain - | head -n 1",
        shell=True,
        input=questions,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=clean_environment({"BOT_KNOWLEDGE_DIR": str(SMALL)}),
    )
    assert done.stdout.startswith("问题") and done.stderr == ""


def test_kb_import_a_missing_article_is_one_line() -> None:
    error = one_line_error(run_bot("kb", "import", "/nope.txt"))
    assert "/nope.txt" in error and "不存在" in error


def test_kb_import_does_not_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "drafts.yaml"
    out.write_text("# an admin's work\n", encoding="utf-8")
    article = str(next((ROOT / "seeds").glob("*.txt")))
    error = one_line_error(run_bot("kb", "import", article, "--out", str(out)), 2)
    assert "--force" in error and out.read_text(encoding="utf-8") == "# an admin's work\n"
    assert run_bot("kb", "import", article, "--out", str(out), "--force").returncode == 0
    assert "entries:" in out.read_text(encoding="utf-8")


def test_kb_test_without_its_cases_file_names_the_cases_file() -> None:
    error = one_line_error(run_bot("kb", "test", "/nope.yaml"))
    assert "测试用例文件" in error and "/nope.yaml" in error and "知识库" not in error


def test_kb_test_with_a_malformed_cases_file_says_where_in_one_line(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text("cases: [\n", encoding="utf-8")
    error = one_line_error(run_bot("kb", "test", str(cases)))
    assert f"{cases}:2: " in error and "测试用例文件无法读取" in error


@pytest.mark.parametrize("minimum", ["0.99", "99", "99%"])
def test_kb_test_min_accuracy_takes_fraction_or_percent_and_says_why(
    tmp_path: Path, minimum: str
) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "cases:\n  - {q: 什么是大模型, expect: large-model}\n"
        "  - {q: 今天天气怎么样, expect: chatgpt}\n",
        encoding="utf-8",
    )
    done = run_bot("kb", "test", str(cases), "--min-accuracy", minimum)
    assert done.returncode == 1 and "要求至少 99.0%" in done.stdout
    assert "失败：准确率 50.0% 低于要求的 99.0%" in done.stderr
    assert run_bot("kb", "test", str(cases), "--min-accuracy", "50%").returncode == 0


def test_kb_test_judges_several_files_each_against_the_floor(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("cases:\n  - {q: 什么是大模型, expect: large-model}\n", encoding="utf-8")
    bad.write_text("cases:\n  - {q: 今天天气怎么样, expect: chatgpt}\n", encoding="utf-8")
    done = run_bot("kb", "test", str(good), str(bad), "--min-accuracy", "90%")
    assert done.returncode == 1 and done.stdout.count("个用例") == 2
    assert f"== {good}\n1 个用例：准确率 100.0%" in done.stdout
    assert f"== {bad}\n" in done.stdout and "失败：准确率 0.0%" in done.stderr
    # Every file is read before any is judged: an unreadable one stops all, in one line.
    error = one_line_error(run_bot("kb", "test", str(good), str(tmp_path / "nope.yaml")))
    assert "nope.yaml" in error


def test_kb_test_plays_conversations_through_the_service_across_a_restart(
    tmp_path: Path,
) -> None:
    talk = tmp_path / "talk.yaml"
    talk.write_text(
        "scenarios:\n"
        "  - name: the context survives a restart\n"
        "    turns:\n"
        "      - {chat: '7', say: ChatGPT是怎么训练的, matched: true}\n"
        "      - {chat: '7', say: 那GPT呢, restart: true, matched: true, any: [未标注的文本]}\n"
        "  - name: wrongly expected\n"
        "    turns:\n"
        "      - {chat: '-8', user: ann, say: 今天天气怎么样, matched: true, none: [天气]}\n",
        encoding="utf-8",
    )
    done = run_bot("kb", "test", str(talk), "--min-accuracy", "90%")
    assert done.returncode == 1 and "2 个对话（3 轮）：通过 1 个（50.0%）" in done.stdout
    assert "未通过  对话「wrongly expected」第 1 轮 '今天天气怎么样'：应当回答" in done.stdout
    assert "the context survives" not in done.stdout
    assert "失败：通过率 50.0% 低于要求的 90.0%" in done.stderr
    talk.write_text("scenarios:\n  - name: no words\n    turns:\n      - {chat: '1'}\n")
    error = one_line_error(run_bot("kb", "test", str(talk)))
    assert "talk.yaml" in error and "no words[1]" in error and "say" in error


def test_kb_test_reports_only_the_kinds_of_case_the_file_has(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        'on_topic:\n  - {q: 什么是大模型, style: plain, any: ["参数"]}\n', encoding="utf-8"
    )
    done = run_bot("kb", "test", str(cases))
    assert done.returncode == 0 and "1 个用例：准确率 100.0%（知识库内 100.0%）" in done.stdout
    assert "知识库外" not in done.stdout and "按风格：on:plain 1/1" in done.stdout


def test_a_yaml_error_keeps_the_parsers_reason_without_follow_on_errors(tmp_path: Path) -> None:
    knowledge = Path(shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge"))
    topic = knowledge / "chatgpt.yaml"
    lines = topic.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines) if text.startswith("    question:"))
    lines[line] = "\t" + lines[line].lstrip(" ")
    topic.write_text("".join(lines), encoding="utf-8")
    done = run_bot("kb", "check", knowledge=knowledge)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "found character '\\t' that cannot start any token" in done.stderr
    assert "unknown entry" not in done.stderr and "（1 处问题）" in done.stderr


def test_chat_has_its_own_database_by_default(tmp_path: Path) -> None:
    production = tmp_path / "bot.sqlite3"
    done = run_bot(
        "chat", "--json", stdin="什么是大模型\n", env={"BOT_DATABASE_PATH": str(production)}
    )
    assert done.returncode == 0, done.stderr
    assert not production.exists() and (tmp_path / "local-chat.sqlite3").is_file()


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        (("feedback", "summary"), {}),
        (("chat", "--json", "--db", "{database}"), {}),  # the local chat has its own database
        (("run",), FAKE_API),
    ],
)
def test_a_database_from_a_newer_version_is_refused_in_one_line(
    tmp_path: Path, command: tuple[str, ...], extra: dict[str, str]
) -> None:
    database = tmp_path / "future.sqlite3"
    with sqlite3.connect(database) as raw:
        raw.execute("PRAGMA user_version = 7")
    args = [part.format(database=database) for part in command]
    done = run_bot(*args, env={"BOT_DATABASE_PATH": str(database), **extra})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert f"schema version 7, newer than this bot's {len(MIGRATIONS)}" in line


@pytest.mark.parametrize(
    "command", [("kb", "check"), ("kb", "add-alternative", "chatgpt", "恰特是个啥")]
)
def test_a_symlink_loop_in_the_knowledge_folder_is_named_not_followed(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    directory = copy_of_small_knowledge(tmp_path)
    (directory / "self").symlink_to(".")
    (directory / "lexicon" / "a").symlink_to("b")
    (directory / "lexicon" / "b").symlink_to("a")
    (directory / "lexicon" / "gone").symlink_to("nowhere")  # dangling, but no loop
    done = run_bot(*command, env={"BOT_KNOWLEDGE_DIR": str(directory)})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{directory / 'self'}: symlink loop" in done.stderr
    assert f"{directory / 'lexicon' / 'a'}: symlink loop" in done.stderr
    assert "gone" not in done.stderr


def test_a_database_that_cannot_be_opened_is_one_clean_line(tmp_path: Path) -> None:
    # A folder where the file should be: sqlite cannot open it, whoever runs the bot.
    database = tmp_path / "bot.sqlite3"
    database.mkdir()
    for _ in range(3):  # the traceback came from a thread racing the loop's close: not always
        done = run_bot("run", env={"BOT_DATABASE_PATH": str(database), **FAKE_API})
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            f"错误：cannot open the database {database}: unable to open database file"
        ]


def test_kb_links_prints_a_deep_link_for_every_entry_and_refuses_a_bad_username() -> None:
    done = run_bot("kb", "links", "--bot-username", "@AiFaqBot", knowledge=ROOT / "knowledge")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "https://t.me/AiFaqBot?start=topics  按主题浏览"
    assert "https://t.me/AiFaqBot?start=chatgpt-definition  ChatGPT是什么？" in lines
    assert len(lines) == 1 + sum(
        text.count("\n  - id: ")
        for text in (p.read_text("utf-8") for p in (ROOT / "knowledge").glob("*.yaml"))
    )
    refused = run_bot("kb", "links", "--bot-username", "a b")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.splitlines()[-1].startswith(
        "错误：--bot-username：'a b' 不是机器人用户名"
    )
