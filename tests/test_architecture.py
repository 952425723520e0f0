"""The house's dependency rules (../shared/STYLE.md), checked by walking `bot/`'s imports.

1. `bot/core/**` imports only the standard library, a few text libraries, earlier core modules
   and the error tree (`bot.errors`), never asyncio, and never reads `os.environ`.
2. No adapter imports another adapter (telegram, sqlite, console are separate edges).
3. Only the composition root builds the concrete store or imports an adapter at all, and only
   the root and the command-line entry points beside it import `Settings`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"

CORE_THIRD_PARTY = {"jieba", "rapidfuzz", "opencc", "yaml", "ruamel", "pypinyin"}
ROOT = {"bot.cli", "bot.bootstrap"}
"""The composition root: the only modules that build concrete adapters."""
ENTRY_POINTS = ROOT | {
    "bot.kb_commands",
    "bot.feedback_commands",
    "bot.feedback_export",
    "bot.feedback_report",
}
"""The subcommands beside cli: they may read the settings they are handed."""
CONCRETE_STORE = {"SqliteStore", "FeedbackQueries", "claim_database"}
ADAPTERS = ("telegram", "sqlite", "console")


def modules() -> Iterator[tuple[str, ast.Module]]:
    """(dotted name, syntax tree) of every module under bot/."""
    for path in sorted(BOT.rglob("*.py")):
        parts = path.relative_to(BOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, ast.parse(path.read_text(encoding="utf-8"), str(path))


def imports(name: str, tree: ast.Module) -> Iterator[tuple[str, str | None]]:
    """(module imported, name imported from it or None), relative imports resolved."""
    package = name if _is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            for alias in node.names:
                yield module, alias.name
                yield f"{module}.{alias.name}", None  # `from bot.adapters import sqlite`


def _is_package(name: str) -> bool:
    return (BOT.parent / name.replace(".", "/") / "__init__.py").exists()


def adapter_of(module: str) -> str | None:
    """Which adapter a module belongs to (bot.adapters.telegram_app -> telegram), if any."""
    parts = module.split(".")
    if parts[:2] != ["bot", "adapters"] or len(parts) < 3:
        return None
    for adapter in ADAPTERS:
        if parts[2] == adapter or parts[2].startswith(f"{adapter}_"):
            return adapter
    return parts[2]


def test_the_core_imports_only_the_stdlib_text_libraries_and_itself() -> None:
    wrong = []
    for name, tree in modules():
        if not name.startswith("bot.core"):
            continue
        for module, _ in imports(name, tree):
            top = module.split(".")[0]
            if top == "bot":
                if not module.startswith(("bot.core", "bot.errors")) and module != "bot":
                    wrong.append(f"{name} imports {module}")
            elif top not in sys.stdlib_module_names and top not in CORE_THIRD_PARTY:
                wrong.append(f"{name} imports {module}")
            elif top == "asyncio":
                wrong.append(f"{name} imports asyncio")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
                wrong.append(f"{name} reads os.{node.attr}")
    assert wrong == []


def test_no_adapter_imports_another() -> None:
    wrong = set()
    for name, tree in modules():
        own = adapter_of(name)
        if own is None:
            continue
        for module, _ in imports(name, tree):
            other = adapter_of(module)
            if other is not None and other != own:
                wrong.add(f"{name} ({own}) imports {module} ({other})")
    assert sorted(wrong) == []


def test_only_the_root_builds_the_concrete_store() -> None:
    wrong = set()
    for name, tree in modules():
        if name in ROOT or adapter_of(name) == "sqlite":
            continue
        for module, imported in imports(name, tree):
            if imported in CONCRETE_STORE or module.endswith(".sqlite_store"):
                wrong.add(f"{name} imports {imported or module}")
    assert sorted(wrong) == []


def test_only_the_root_imports_an_adapter() -> None:
    wrong = set()
    for name, tree in modules():
        if name in ROOT or name.startswith("bot.adapters"):
            continue
        for module, _ in imports(name, tree):
            if module.startswith("bot.adapters."):
                wrong.add(f"{name} imports {module}")
    assert sorted(wrong) == []


def test_only_the_root_and_its_subcommands_import_the_settings() -> None:
    wrong = set()
    for name, tree in modules():
        if name in ENTRY_POINTS or name == "bot.settings":
            continue
        for module, imported in imports(name, tree):
            if module == "bot.settings" or (module == "bot" and imported == "settings"):
                wrong.add(f"{name} imports bot.settings")
    assert sorted(wrong) == []


def test_the_walker_sees_a_forbidden_import() -> None:
    """The checks above cannot pass by seeing nothing."""
    tree = ast.parse("from bot.adapters.sqlite_store import SqliteStore\nimport telegram\n")
    found = set(imports("bot.adapters.console", tree))
    assert ("bot.adapters.sqlite_store", "SqliteStore") in found
    assert ("telegram", None) in found
    assert adapter_of("bot.adapters.sqlite_store") == "sqlite"
    assert adapter_of("bot.adapters.telegram.handlers") == "telegram"
    assert len(list(modules())) > 30
