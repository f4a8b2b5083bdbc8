"""`outreach desktop-entry [--install]`: the freedesktop .desktop file that puts Outreach
in the desktop's menu, and its icon. Without --install it is printed; with it, written
where the desktop looks for a user's own applications ($XDG_DATA_HOME, by default
~/.local/share: applications/outreach.desktop and the icon in icons/hicolor)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

from outreach.i18n import _
from outreach.paths import app_icon

APP_ID = "outreach"
ICON_NAME = "outreach"


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the freedesktop base directory spec)."""
    chosen = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(chosen) if chosen else Path.home() / ".local" / "share"


def command() -> list[str]:
    """How the menu starts Outreach: the `outreach` script this one runs as, else the
    one on PATH, else this Python with `-m outreach`."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "outreach" and script.is_file():
        return [str(script)]
    found = shutil.which("outreach")
    return [found] if found else [sys.executable, "-m", "outreach"]


def exec_key(arguments: list[str]) -> str:
    """The Exec= value: each argument quoted as the specification asks when it holds a
    space or a reserved character."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")

    def quoted(argument: str) -> str:
        if not reserved.intersection(argument):
            return argument
        for special in ("\\", '"', "$", "`"):
            argument = argument.replace(special, "\\" + special)
        return '"' + argument + '"'

    return " ".join(quoted(argument) for argument in arguments)


def desktop_file(arguments: list[str]) -> str:
    """The .desktop file's text (freedesktop Desktop Entry Specification 1.5)."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.5",
            "Name=Outreach",
            "GenericName=Treaty outreach CRM",
            "GenericName[fr]=Gestion des démarches d'universalisation",
            "Comment=Contacts, démarches, forums and briefing sheets for treaty campaigns",
            "Comment[fr]=Contacts, démarches, forums et fiches d'information pour les campagnes",
            f"Exec={exec_key(arguments)}",
            f"Icon={ICON_NAME}",
            "Terminal=false",
            "Categories=Office;ContactManagement;",
            "StartupWMClass=Outreach",
            "",
        ]
    )


def install(home: Path | None = None, arguments: list[str] | None = None) -> tuple[Path, Path]:
    """Write the .desktop file and the icon under `home` (the data home); their paths."""
    base = home or data_home()
    applications = base / "applications"
    icons = base / "icons" / "hicolor" / "scalable" / "apps"
    applications.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    entry = applications / f"{APP_ID}.desktop"
    entry.write_text(desktop_file(arguments or command()), encoding="utf-8")
    icon = icons / f"{ICON_NAME}.svg"
    shutil.copyfile(app_icon(), icon)
    return entry, icon


@click.command(
    name="desktop-entry",
    help=_(
        "Print the desktop menu entry for Outreach, or write it with its icon "
        "(--install) so that it appears in the desktop's menu."
    ),
)
@click.option("--install", "do_install", is_flag=True, help=_("Write it (and the icon)."))
def desktop_entry(do_install: bool) -> None:
    if not do_install:
        click.echo(desktop_file(command()), nl=False)
        return
    try:
        entry, icon = install()
    except OSError as error:
        raise click.ClickException(
            _("Cannot write the menu entry: {reason}").format(reason=error.strerror or error)
        ) from None
    click.echo(_("Wrote {entry} and {icon}.").format(entry=entry, icon=icon))


def register(cli: click.Group) -> None:
    if desktop_entry.name not in cli.commands:
        cli.add_command(desktop_entry)
