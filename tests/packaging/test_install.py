"""What staff workstations install works on its own: the wheel in a fresh virtual environment,
the PyInstaller bundle, and the .deb installed with dpkg.

Each runs the same user's path from a folder outside the source tree, with
PYTHONPATH unset: ``--version``, ``demo``, a first-reading packet to PDF and
to DOCX, and the window offscreen on the demo library. Slow (a wheel, a venv,
a PyInstaller build): marked ``slow``; CI runs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import policyeditor

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
_ANYWHERE = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis",
                                   "node_modules", "_speedups")


def _skip(folder: str, names: list[str]) -> set[str]:
    """What a fresh clone does not have: the venv, caches, and the top-level build/ and dist/."""
    top = {"build", "dist"} & set(names) if Path(folder) == ROOT else set()
    return set(_ANYWHERE(folder, names)) | top

WINDOW = """
import time
from policyeditor.gui.app import build_window, create_application
app = create_application()
window = build_window(demo=True)
window.show()
end = time.monotonic() + 90
while "Cambridge" not in window.windowTitle() and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.02)
icons = sum(not action.icon().isNull() for action in window.actions.values())
print(window.windowTitle(), icons, not app.windowIcon().isNull(), sep="|")
window.close()
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "POLICYEDITOR", "VIRTUAL_ENV"))}
    return {**env, "POLICYEDITOR_DATA_DIR": str(tmp_path / "data"), "POLICYEDITOR_CONFIG_DIR": str(tmp_path / "config"),
            "QT_QPA_PLATFORM": "offscreen", **extra}


def _run(args: list, cwd: Path, env: dict[str, str], timeout: int = 300) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}: {done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr
    return done.stdout


def _source_copy(tmp_path: Path) -> Path:
    """The source tree as a fresh clone has it (no venv, no earlier build)."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=_skip)
    return src


def _user_path(program: Path | str, work: Path, env: dict[str, str]) -> None:
    """What a clerk does first: the version, the demo, a packet as PDF and as DOCX."""
    assert _run([program, "--version"], work, env).strip() == f"policyeditor {policyeditor.__version__}"
    assert "Created the demo library" in _run([program, "demo", "Demo Library"], work, env)
    lib = ["--library", work / "Demo Library"]
    _run([program, *lib, "packet", "website-privacy", "-o", "packet.pdf"], work, env)
    _run([program, *lib, "packet", "website-privacy", "-o", "packet.docx"], work, env)
    assert (work / "packet.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(work / "packet.docx") as docx:
        assert "Website Privacy Policy" in docx.read("word/document.xml").decode("utf-8")


def test_the_wheel_works_installed_in_a_fresh_venv(tmp_path: Path) -> None:
    src = _source_copy(tmp_path)
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheels, src],
         tmp_path, _env(tmp_path))
    (wheel,) = wheels.glob("policyeditor-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for packaged in ("icons/policyeditor.svg", "demo/website-privacy-2009.md", "translations/policyeditor_en.ts"):
        assert f"policyeditor/resources/{packaged}" in names

    venv = tmp_path / "fresh venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = venv / "bin" / "python"
    _run([python, "-m", "pip", "install", "-q", wheel], tmp_path, _env(tmp_path), timeout=600)
    shutil.rmtree(src)                                    # nothing of the source tree is left to lean on

    work = tmp_path / "work"
    work.mkdir()
    env = _env(tmp_path)
    where = _run([python, "-c", "import policyeditor; print(policyeditor.__file__)"], work, env).strip()
    assert Path(where).is_relative_to(venv)
    _user_path(venv / "bin" / "policyeditor", work, env)

    title, icons, app_icon = _run([python, "-c", WINDOW], work, env).strip().split("|")
    assert "Cambridge Public Schools" in title                # the window opened the demo library
    assert int(icons) >= 10 and app_icon == "True"           # the toolbar's SVG icons were found


def _has_pyinstaller() -> bool:
    return subprocess.run([sys.executable, "-c", "import PyInstaller"], capture_output=True).returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("dpkg-deb"),
                    reason="the bundle and .deb are built here on Debian/Ubuntu")
@pytest.mark.skipif(not _has_pyinstaller(), reason="PyInstaller (the 'packaging' extra) is not installed")
def test_the_bundle_and_the_deb_work(tmp_path: Path) -> None:
    src = _source_copy(tmp_path)
    speedups = ROOT / "policyeditor" / "_speedups"
    if speedups.is_dir():                                 # the compiled engine travels when built
        shutil.copytree(speedups, src / "policyeditor" / "_speedups")
    _run(["bash", src / "packaging" / "build"], tmp_path, _env(tmp_path, PYTHON=sys.executable), timeout=900)
    bundle = src / "dist" / "policyeditor"
    (deb,) = (src / "dist").glob("policyeditor_*.deb")

    work = tmp_path / "work"
    work.mkdir()
    env = _env(tmp_path)
    _user_path(bundle / "policyeditor", work, env)
    _window_opens(bundle / "policyeditor-gui", tmp_path / "gui", env)

    if os.geteuid() != 0:
        pytest.skip("installing the .deb needs root (CI runs as root)")
    installed = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "policyeditor"], capture_output=True, text=True)
    if "install ok installed" in installed.stdout:
        pytest.skip("a policyeditor package is already installed here; it is not this test's to remove")
    _run(["dpkg", "-i", deb], tmp_path, env)
    try:
        assert Path("/usr/share/applications/org.policyeditor.PolicyEditor.desktop").is_file()
        assert Path("/usr/share/icons/hicolor/256x256/apps/policyeditor.png").is_file()
        deb_work = tmp_path / "deb work"
        deb_work.mkdir()
        _user_path("/usr/bin/policyeditor", deb_work, _env(tmp_path / "deb"))
    finally:
        _run(["dpkg", "-r", "policyeditor"], tmp_path, env)
    assert not Path("/opt/policyeditor").exists() and not Path("/usr/bin/policyeditor").exists()


def _window_opens(program: Path, home: Path, env: dict[str, str]) -> None:
    """The windowed program opens the demo (made in its data folder) and keeps running until stopped."""
    env = {**env, "POLICYEDITOR_DATA_DIR": str(home / "data")}
    demo = home / "data" / "demo-library"
    home.mkdir()
    process = subprocess.Popen([program, "--demo"], cwd=home, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 90
        while time.monotonic() < end and process.poll() is None and not (demo / "policies" / "website-privacy").is_dir():
            time.sleep(0.2)
        time.sleep(1)
        assert process.poll() is None, process.communicate()[1][-3000:]
        assert (demo / "policies" / "website-privacy" / "policy.md").is_file()
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=30)
    assert "Traceback" not in err
