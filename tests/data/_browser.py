"""Headless Chromium (Debian's chromium) for the notice-site tests: axe-core checks, screenshots.

axe-core comes from the npm registry; scripts/setup.sh installs it into
.venv/node_modules. Each page is checked in a copy of the site with two
script tags added: axe itself, and a call that writes axe's violations into
the page, which Chromium's --dump-dom then prints.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-extensions", "--no-first-run", "--disable-sync", "--mute-audio",
         "--allow-file-access-from-files", "--hide-scrollbars"]
_RUNNER = """
<script src="{axe}"></script>
<script>
axe.run(document, {{runOnly: {{type: "tag", values: {tags}}}, resultTypes: ["violations"]}})
  .then(function (r) {{ var out = document.createElement("pre"); out.id = "axe-results";
    out.textContent = JSON.stringify(r.violations); document.body.appendChild(out); }})
  .catch(function (e) {{ var out = document.createElement("pre"); out.id = "axe-results";
    out.textContent = JSON.stringify([{{id: "axe-error", help: String(e)}}]); document.body.appendChild(out); }});
</script>
"""


def _need(what: str) -> None:
    message = f"{what} is not installed; run scripts/setup.sh (it installs chromium and axe-core)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        _need("Chromium")
    return found  # type: ignore[return-value]


def axe_script() -> Path:
    candidates = [os.environ.get("POLICYEDITOR_AXE_JS", ""),
                  str(REPO / ".venv" / "node_modules" / "axe-core" / "axe.min.js"),
                  str(Path(sys.prefix) / "node_modules" / "axe-core" / "axe.min.js")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    _need("axe-core")
    raise AssertionError("unreachable")


def _run(args: list[str], timeout: int = 90) -> str:
    result = subprocess.run([chromium(), *FLAGS, *args], capture_output=True, text=True,
                            timeout=timeout, check=False)
    if result.returncode != 0:
        raise AssertionError(f"chromium failed ({result.returncode}): {result.stderr[-2000:]}")
    return result.stdout


def dump_dom(page: Path) -> str:
    """The page as Chromium renders it (after scripts ran), as HTML text."""
    return _run(["--virtual-time-budget=20000", "--dump-dom", page.resolve().as_uri()])


def axe_violations(site: Path, page: Path, work: Path) -> list[dict]:
    """axe-core's violations for ``page`` of ``site`` (checked in a copy under ``work``)."""
    copy = work / "site"
    if not copy.exists():
        shutil.copytree(site, copy)
        shutil.copy(axe_script(), copy / "axe.min.js")
    target = copy / page.relative_to(site)
    depth = len(page.relative_to(site).parts) - 1
    html = page.read_text(encoding="utf-8")
    runner = _RUNNER.format(axe="../" * depth + "axe.min.js", tags=json.dumps(AXE_TAGS))
    target.write_text(html.replace("</body>", runner + "</body>"), encoding="utf-8")
    dom = dump_dom(target)
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', dom, re.S)
    if not found:
        raise AssertionError(f"axe did not report for {page.name}; the page as rendered:\n{dom[:3000]}")
    import html as html_lib

    return json.loads(html_lib.unescape(found.group(1)))


def screenshot(page: Path, out: Path, size: str = "1000,1800") -> Path:
    _run([f"--window-size={size}", f"--screenshot={out}", page.resolve().as_uri()])
    return out
