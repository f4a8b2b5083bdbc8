"""The translation catalogues are whole and the committed compiled files are theirs.

A message added to the code and not translated, or a translation left unfinished, fails
here; so does a catalogue edited without compiling it again (scripts/translations.py).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _script()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The catalogues brought up to date with the code, in a copy: what the code says now."""
    copy = tmp_path_factory.mktemp("i18n") / "i18n"
    shutil.copytree(translations.I18N, copy)
    module = _script()
    module.I18N = copy
    for language in module.QT_LANGUAGES:
        module.update_qt(language)
        if language in module.LANGUAGES:
            module.update_core(language)
    return module


@pytest.mark.parametrize("language", translations.QT_LANGUAGES)
def test_every_message_of_the_desktop_app_is_translated(
    extracted: ModuleType, language: str
) -> None:
    assert extracted.unfinished_qt(language) == []


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_every_message_of_the_core_is_translated(extracted: ModuleType, language: str) -> None:
    assert extracted.unfinished_core(language) == []


@pytest.mark.parametrize("language", translations.QT_LANGUAGES)
def test_the_committed_qt_catalogue_is_compiled_from_its_source(
    tmp_path: Path, language: str
) -> None:
    built = translations.build_qt(language, tmp_path / "built.qm")
    assert built.read_bytes() == translations.qt_compiled(language).read_bytes()


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_committed_core_catalogue_is_compiled_from_its_source(
    tmp_path: Path, language: str
) -> None:
    built = translations.build_core(language, tmp_path / "built.mo")
    assert built.read_bytes() == translations.core_compiled(language).read_bytes()


def test_a_french_message_reads_in_french_through_the_core() -> None:
    from outreach.i18n import words

    assert words("fr").gettext("Draft") == "Brouillon"
    assert words("fr").ngettext("{count} page", "{count} pages", 3).format(count=3) == "3 pages"
