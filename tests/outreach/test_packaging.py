"""Installable without the source tree: the wheel holds every resource the app reads
(reference data, fonts, translations, templates, the icon) and its entry points; and
`outreach desktop-entry` writes a freedesktop menu entry with the icon."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from outreach.cli.desktop_entry import install
from outreach.cli.main import cli
from outreach.paths import app_icon

ROOT = Path(__file__).resolve().parents[2]
#: what the app reads from resources/ at run time, by kind
DATA = {".csv", ".ttf", ".txt", ".qm", ".mo", ".docx", ".svg", ".json"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel `pip wheel` builds from a copy of the tree (the checkout is left clean)."""
    tree = tmp_path_factory.mktemp("tree")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    for package in ("outreach", "ui", "resources"):
        shutil.copytree(
            ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(tree)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("outreach-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_holds_every_resource_the_app_reads(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    shipped = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.suffix in DATA
    )
    assert [name for name in shipped if name not in names] == []
    for expected in (
        "resources/reference/apmbc_participation.csv",
        "resources/i18n/outreach_fr.qm",
        "resources/i18n/fr/LC_MESSAGES/outreach.mo",
        "resources/templates/note-verbale.docx",
        "resources/icons/outreach.svg",
        "resources/map/world.json",
        "outreach/storage/migrations/versions/0012_attachments.py",
        "ui/app.py",
    ):
        assert expected in names, expected
    (entry_points,) = [name for name in names if name.endswith("entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "outreach = outreach.cli.start:main" in text
    assert "desktop = ui.app:main" in text
    assert not any(name.startswith(("tests/", "benchmarks/", "scripts/")) for name in names)


def test_the_unpacked_wheel_runs_on_its_own_resources(
    wheel: zipfile.ZipFile, tmp_path: Path
) -> None:
    """The wheel's files, as pip puts them in a site folder, and nothing of the source
    tree on the path (`-I`, run from elsewhere): a database made, and the status report
    (map, fonts, French catalogues) printed from the wheel's own resources."""
    site = tmp_path / "site"
    wheel.extractall(site)
    report = tmp_path / "rapport.pdf"
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import outreach, resources\n"
        f"assert outreach.__file__.startswith({str(site)!r}), outreach.__file__\n"
        f"assert resources.__file__.startswith({str(site)!r}), resources.__file__\n"
        "from outreach.cli.main import cli\n"
        "cli(sys.argv[1:])\n"
    )
    db = str(tmp_path / "w.db")
    for args in (
        ["--db", db, "init"],
        ["--db", db, "report", "--lang", "fr", "--as-of", "2005-01-01", "-o", str(report)],
    ):
        done = subprocess.run(
            [sys.executable, "-I", "-c", code, *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(report).pages)
    assert "Rapport de situation" in text
    assert re.search(r"Partie : 1\d\d\b", text)  # the map's legend: 143 States Parties then


def test_desktop_entry_install_writes_the_entry_and_the_icon(tmp_path: Path) -> None:
    entry, icon = install(tmp_path, ["/opt/Outreach Desk/bin/outreach"])
    assert entry == tmp_path / "applications" / "outreach.desktop"
    assert icon == tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "outreach.svg"
    assert icon.read_bytes() == app_icon().read_bytes()
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str  # type: ignore[assignment,method-assign]
    parsed.read(entry, encoding="utf-8")
    section = parsed["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "Outreach"
    assert section["Exec"] == '"/opt/Outreach Desk/bin/outreach"'  # quoted: it has a space
    assert section["Icon"] == "outreach"
    assert section["Terminal"] == "false"


def test_desktop_entry_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = CliRunner().invoke(cli, ["desktop-entry"])
    assert printed.exit_code == 0 and printed.output.startswith("[Desktop Entry]\n")
    assert "Exec=" in printed.output
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    written = CliRunner().invoke(cli, ["desktop-entry", "--install"])
    assert written.exit_code == 0, written.output
    assert (tmp_path / "applications" / "outreach.desktop").is_file()
    assert (
        str(tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "outreach.svg") in written.output
    )
