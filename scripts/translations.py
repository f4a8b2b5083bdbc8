"""Keep the translation catalogues under resources/i18n/.

    python scripts/translations.py update   # extract the messages, keep what is translated
    python scripts/translations.py build    # compile the catalogues (.qm and .mo)
    python scripts/translations.py check    # list what is unfinished; exit 1 if anything
    python scripts/translations.py todo FILE.json     # the unfinished messages, to translate
    python scripts/translations.py apply FILE.json…   # put translated messages in place

Two catalogues per language, one per side of the app:
- the desktop app's words: Qt Linguist's outreach_<lang>.ts, extracted from ui/ by
  pyside6-lupdate (tr(), QCoreApplication.translate(), QT_TRANSLATE_NOOP) and compiled by
  pyside6-lrelease into outreach_<lang>.qm, which a QTranslator loads;
- the core's words (command line, validation errors, vocabularies, printed pages):
  gettext's <lang>/LC_MESSAGES/outreach.po, extracted from outreach/ by Babel
  (_(), N_(), ngettext()) through outreach.pot, and compiled into outreach.mo.

The compiled files are committed, so a checkout runs in French with no build step; a
test compiles the sources again and fails when a committed file is out of date.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
LANGUAGES = ("fr",)  # English is the source text…
#: … except for plurals: Qt's English catalogue holds only the plural forms ("%Ln states")
QT_LANGUAGES = ("en", *LANGUAGES)
DOMAIN = "outreach"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


def qt_catalogue(language: str) -> Path:
    return I18N / f"outreach_{language}.ts"


def qt_compiled(language: str) -> Path:
    return I18N / f"outreach_{language}.qm"


def core_catalogue(language: str) -> Path:
    return I18N / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def core_compiled(language: str) -> Path:
    return I18N / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def core_catalog(language: str) -> Catalog:
    """The core's catalogue of `language`, read."""
    with core_catalogue(language).open("rb") as source:
        return read_po(source, locale=language)


def ui_sources() -> list[str]:
    """The desktop app's Python files, relative to the project (stable locations)."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").rglob("*.py"))


# --- extracting ---------------------------------------------------------------------------


def update_qt(language: str) -> None:
    target = qt_catalogue(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-locations",
            "none",  # no line numbers: a moved line does not change the catalogue
            "-no-obsolete",
            *(["-pluralonly"] if language == "en" else []),
            "-target-language",
            language,
            *ui_sources(),
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def extract_core() -> Catalog:
    """Every message marked in outreach/, as Babel finds it."""
    catalog = Catalog(project="Outreach", domain=DOMAIN, charset="utf-8")
    for _file, line, message, comments, context in extract_from_dir(
        str(ROOT / "outreach"),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        catalog.add(message, None, [], auto_comments=comments, context=context)
        del line
    return catalog


def update_core(language: str) -> None:
    template = extract_core()
    with (I18N / f"{DOMAIN}.pot").open("wb") as out:
        write_po(out, template, omit_header=True, no_location=True, sort_output=True)
    target = core_catalogue(language)
    if target.exists():
        catalog = core_catalog(language)
        catalog.update(template, no_fuzzy_matching=True)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="Outreach", charset="utf-8")
        catalog.update(template)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        write_po(out, catalog, omit_header=True, no_location=True, sort_output=True,
                 ignore_obsolete=True)  # fmt: skip


# --- compiling ----------------------------------------------------------------------------


def build_qt(language: str, target: Path | None = None) -> Path:
    out = target or qt_compiled(language)
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(qt_catalogue(language)), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def build_core(language: str, target: Path | None = None) -> Path:
    out = target or core_compiled(language)
    catalog = core_catalog(language)
    # The .po has no header, so Babel would stamp the .mo's with the time of the build:
    # a fixed date keeps the compiled file the same for the same catalogue.
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    with out.open("wb") as written:
        write_mo(written, catalog, use_fuzzy=False)
    return out


# --- checking -----------------------------------------------------------------------------


def qt_messages(language: str) -> Iterator[tuple[str, ET.Element]]:
    """(context, message) for every message of the Qt catalogue."""
    for context in ET.parse(qt_catalogue(language)).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def qt_unfinished(message: ET.Element) -> bool:
    """No translation, one marked unfinished, or a plural form left empty."""
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return True
    forms = list(translation.iter("numerusform"))
    return not all(form.text for form in forms) if forms else not translation.text


def core_unfinished(message: Message) -> bool:
    """Fuzzy, untranslated, or a plural form left empty."""
    return bool(message.id) and (
        message.fuzzy
        or not message.string
        or (isinstance(message.string, tuple) and not all(message.string))
    )


def unfinished_qt(language: str) -> list[str]:
    """The Qt messages without a finished translation, as "context: source"."""
    return [
        f"{name}: {message.findtext('source')}"
        for name, message in qt_messages(language)
        if qt_unfinished(message)
    ]


def unfinished_core(language: str) -> list[str]:
    return [str(message.id) for message in core_catalog(language) if core_unfinished(message)]


# --- translating outside Qt Linguist ------------------------------------------------------
#
# `todo` writes the unfinished messages as JSON ({"language": …, "qt": {context: {source:
# ""}}, "core": {msgid: ""}}; a plural as {"one": …, "other": …}); a translator fills in
# the empty strings and `apply` puts them in the catalogues.


def todo(language: str) -> dict[str, object]:
    qt: dict[str, dict[str, object]] = {}
    for name, message in qt_messages(language):
        if qt_unfinished(message):
            source = message.findtext("source") or ""
            plural = message.get("numerus") == "yes"
            qt.setdefault(name, {})[source] = {"one": "", "other": ""} if plural else ""
    core: dict[str, object] = {}
    if language in LANGUAGES:
        for message in core_catalog(language):
            if not core_unfinished(message):
                continue
            if isinstance(message.id, tuple):
                core[message.id[0]] = {"one": "", "other": "", "plural": message.id[1]}
            else:
                core[str(message.id)] = ""
    return {"language": language, "qt": qt, "core": core}


def apply(language: str, done: dict[str, object]) -> int:
    """Put the translations of `done` (a filled-in `todo`) in place; how many."""
    count = 0
    tree = ET.parse(qt_catalogue(language))
    qt = done.get("qt", {})
    assert isinstance(qt, dict)
    for context in tree.getroot().iter("context"):
        wanted = qt.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source") or "")
            translation = message.find("translation")
            if not text or translation is None:
                continue
            translation.attrib.pop("type", None)
            if isinstance(text, dict):
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                for key in ("one", "other"):
                    ET.SubElement(translation, "numerusform").text = text[key]
            else:
                translation.text = text
            count += 1
    tree.write(qt_catalogue(language), encoding="utf-8", xml_declaration=True)
    update_qt(language)  # lupdate writes the catalogue back in its own layout
    if language not in LANGUAGES:
        return count
    catalog = core_catalog(language)
    core = done.get("core", {})
    assert isinstance(core, dict)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        text = core.get(key)
        if not text:
            continue
        if isinstance(text, dict):  # every plural form past the first reads as "other"
            forms = catalog.num_plurals
            message.string = (text["one"], *[text["other"]] * (forms - 1))
        else:
            message.string = text
        message.flags.discard("fuzzy")
        count += 1
    with core_catalogue(language).open("wb") as out:
        write_po(out, catalog, omit_header=True, no_location=True, sort_output=True)
    return count


def main(argv: list[str]) -> int:
    import json

    command = argv[1] if len(argv) > 1 else ""
    if command == "todo":
        language = argv[3] if len(argv) > 3 else LANGUAGES[0]
        Path(argv[2]).write_text(
            json.dumps(todo(language), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        return 0
    if command == "apply":
        for name in argv[2:]:
            done = json.loads(Path(name).read_text(encoding="utf-8"))
            print(f"{name}: {apply(str(done['language']), done)} messages translated")
        return 0
    for language in QT_LANGUAGES:
        core = language in LANGUAGES
        if command == "update":
            update_qt(language)
            if core:
                update_core(language)
        elif command == "build":
            build_qt(language)
            if core:
                build_core(language)
        elif command == "check":
            missing = unfinished_qt(language) + (unfinished_core(language) if core else [])
            for message in missing:
                print(f"{language}: unfinished: {message}")
            if missing:
                return 1
        else:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
