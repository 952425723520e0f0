"""The HTML report in a real browser: headless Chromium lays it out at 1280 and 390 px.

The page is loaded into an iframe of exactly that width (Chromium's own window is never narrower
than 500 px), and a measuring script in the host page reports the document's width and every
element that sticks out of the viewport or out of its chart. `scripts/setup.sh --test`
installs Chromium where it can (root with apt-get). In CI a missing Chromium is a failure; on a
developer's machine without it the test is skipped with the reason shown, and
tests/test_report_page.py still checks the same rules from the HTML.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_fixtures import busy_month, empty_report, long_history

from bot.report_page import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install chromium)",
)

MEASURE = """
window.addEventListener("load", () => {
  const frame = document.getElementById("page"), win = frame.contentWindow;
  const doc = win.document, width = win.innerWidth, bad = [];
  for (const el of doc.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const name = el.tagName + " " + (el.textContent || "").trim().slice(0, 30);
    if (r.right > width + 0.5 || r.left < -0.5) bad.push("outside the viewport: " + name);
    const style = win.getComputedStyle(el);
    if (["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1
        && !(el instanceof win.SVGElement)) bad.push("text cut off: " + name);
    const svg = el.ownerSVGElement;
    if (svg && el.tagName === "text") {
      const s = svg.getBoundingClientRect();
      if (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5
          || r.bottom > s.bottom + 0.5) bad.push("clipped by its chart: " + name);
    }
  }
  document.body.setAttribute("data-layout", JSON.stringify(
    {viewport: width, page: doc.documentElement.scrollWidth, problems: bad}));
});
"""


def layout(page: str, width: int, tmp_path: Path) -> dict[str, object]:
    """Lay `page` out `width` px wide in Chromium; its width and what overflows."""
    host = tmp_path / f"host-{width}.html"
    host.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe id="page" '
        f'style="width:{width}px;height:900px;border:0" srcdoc="{html.escape(page)}"></iframe>'
        f"<script>{MEASURE}</script></body></html>",
        encoding="utf-8",
    )
    assert CHROMIUM is not None, "no chromium: scripts/setup.sh --test installs it as root"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=5000",
            "--window-size=1400,1000",
            "--dump-dom",
            host.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = re.search(r'data-layout="([^"]*)"', done.stdout)
    assert found, f"the measuring script did not run: {done.stderr[-500:]}"
    result: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return result


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("data", [busy_month, long_history, empty_report])
def test_report_fits_the_screen_without_clipped_text(
    tmp_path: Path, width: int, data: object
) -> None:
    page = render(data())  # type: ignore[operator]
    measured = layout(page, width, tmp_path)
    assert measured["viewport"] == width
    assert measured["page"] <= width  # type: ignore[operator]
    assert measured["problems"] == []


@pytest.mark.parametrize(
    ("injected", "problem"),
    [
        ('<table style="width:700px"><tr><td>x</td></tr></table>', "outside the viewport"),
        (
            '<p style="width:80px;overflow:hidden;white-space:nowrap">不换行的很长的一句话</p>',
            "text cut off",
        ),
    ],
)
def test_the_layout_check_catches_a_wide_or_clipped_page(
    tmp_path: Path, injected: str, problem: str
) -> None:
    # The check itself must be able to fail.
    page = render(busy_month()).replace("<main>", "<main>" + injected)
    measured = layout(page, 390, tmp_path)
    assert any(problem in p for p in measured["problems"])  # type: ignore[attr-defined]
