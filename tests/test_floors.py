"""The accuracy floors CI enforces are the ones the README tells a newcomer about."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_floor_in_the_test_script_is_in_the_readme() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    floors = re.findall(r"^floor tests/\S*?([a-z_]+\.yaml) (0\.\d+)$", script, re.MULTILINE)
    assert len(floors) > 50
    missing = [
        f"{name} ≥ {round(float(share) * 100)} %"
        for name, share in floors
        if f"{name}` ≥ {round(float(share) * 100)} %" not in readme
    ]
    assert missing == []


def test_every_question_set_has_a_floor() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    sets = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("*.yaml"))
    sets = [
        s for s in sets if s.startswith(("tests/cases/", "tests/conversations/", "tests/heldout/"))
    ]
    assert [s for s in sets if f"floor {s} " not in script] == []
