"""`feedback export`: the raw rows as JSON or as CSV that a spreadsheet opens safely.

CSV is one table per file, as spreadsheets expect: `--table` picks one (to stdout or --out), or
`--out DIR` writes answers.csv, votes.csv and comments.csv. Files start with a UTF-8 BOM so that
Excel reads Chinese as UTF-8, times are ISO 8601 in UTC, and every cell that a spreadsheet would
run as a formula is neutralised (bot.untrusted).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

from bot.adapters.feedback_queries import EXPORTED, FeedbackQueries
from bot.settings import Settings
from bot.untrusted import for_spreadsheet

TABLES = tuple(EXPORTED)
BOM = "\ufeff"
EXIT_OK, EXIT_USAGE = 0, 2

Tables = dict[str, list[dict[str, Any]]]


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `feedback export`."""
    parser.add_argument(
        "--format", choices=("json", "csv"), default="json", help="json（默认）或 csv"
    )
    parser.add_argument("--table", choices=TABLES, help="只导出这一张表（CSV 一个文件只放一张表）")
    parser.add_argument(
        "--out",
        type=Path,
        help="写入这个文件；CSV 不加 --table 时是一个目录，写入 answers/votes/comments.csv",
    )
    parser.add_argument("--force", action="store_true", help="覆盖已存在的文件")


async def export(queries: FeedbackQueries, args: argparse.Namespace, settings: Settings) -> int:
    """Write the rows in the window as JSON or CSV (see the module docstring)."""
    problem = _problem(args)
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return EXIT_USAGE
    tables = with_iso_times(await queries.export(args.since, args.until))
    if args.table:
        tables = {args.table: tables[args.table]}
    if args.format == "json":
        _write(args.out, json.dumps(tables, ensure_ascii=False, indent=2) + "\n")
    elif args.table:
        _write(args.out, csv_text(args.table, tables[args.table]))
    else:
        args.out.mkdir(exist_ok=True)
        for name, rows in tables.items():
            _write(args.out / f"{name}.csv", csv_text(name, rows))
        print(f"已写入 {', '.join(f'{n}.csv' for n in tables)} 到 {args.out}", file=sys.stderr)
    return EXIT_OK


def _problem(args: argparse.Namespace) -> str | None:
    """Why these options cannot work together, or None."""
    out: Path | None = args.out
    if args.format == "csv" and not args.table and out is None:
        return (
            "CSV 一个文件只放一张表：加 --table answers|votes|comments，"
            "或用 --out 目录 写出三个文件"
        )
    if out is None or args.force:
        return None
    if args.format == "csv" and not args.table:
        taken = [out / f"{n}.csv" for n in TABLES if (out / f"{n}.csv").exists()]
        if out.exists() and not out.is_dir():
            return f"{out} 不是目录"
        return f"{taken[0]} 已经存在；要覆盖，加 --force" if taken else None
    return f"{out} 已经存在；要覆盖，加 --force" if out.exists() else None


def with_iso_times(tables: Tables) -> Tables:
    """Columns ending in `_at` (Unix times in the database) as ISO 8601 UTC."""
    return {
        name: [
            {k: iso_time(v) if k.endswith("_at") and v is not None else v for k, v in row.items()}
            for row in rows
        ]
        for name, rows in tables.items()
    }


def csv_text(table: str, rows: list[dict[str, Any]]) -> str:
    """One table as CSV with a BOM, its header row (even without rows) and neutralised cells."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(EXPORTED[table][2])
    writer.writerows([for_spreadsheet(value) for value in row.values()] for row in rows)
    return buffer.getvalue()


def _write(path: Path | None, text: str) -> None:
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        path.write_text(text, encoding="utf-8", newline="")


def iso_time(at: float) -> str:
    """A Unix time as ISO 8601 in UTC, to the second, as spreadsheets and people read it."""
    return dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
