"""The contact log on the command line: `outreach log import-mail FILE…` logs e-mail
messages (.eml, Outlook .msg), each with its files attached.

`register(cli)` adds the `log` group; like the other command modules, it imports the
services only when a command runs, so `outreach --help` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from outreach.cli.briefing_commands import OFFICER_VAR
from outreach.errors import OutreachError
from outreach.i18n import _, ngettext


@click.group(name="log", help=_("The contact log: bring e-mail messages into it."))
def log_group() -> None:
    """The `log` commands."""


@log_group.command(
    name="import-mail",
    help=_(
        "Log e-mail messages (.eml or Outlook .msg files): one e-mail entry each, dated by "
        "the message, with the contacts whose addresses it carries, their states (or "
        "--state) and the message and its files attached. A message already logged, or "
        "one that cannot be read, is refused; the others still go in."
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--state",
    "states",
    multiple=True,
    help=_("The state the messages concern (ISO code or name); may be given more than once."),
)
@click.option(
    "--officer",
    envvar=OFFICER_VAR,
    default="",
    help=_("The officer the entries name (or set {variable}).").format(variable=OFFICER_VAR),
)
@click.pass_obj
def import_mail(
    context: Any, files: tuple[Path, ...], states: tuple[str, ...], officer: str
) -> None:
    from outreach.services.attachments import AttachmentService
    from outreach.services.mail_import import MailImportService

    service = MailImportService(context.db)
    refused = 0
    for path in files:
        try:
            imported = service.import_file(path, states=states, officer=officer)
        except OutreachError as error:
            refused += 1
            click.echo(
                _("{file}: not logged. {reason}").format(file=path.name, reason=error), err=True
            )
            continue
        entry = imported.entry
        files_said = ngettext(
            "{count} file attached", "{count} files attached", len(imported.attachments)
        ).format(count=len(imported.attachments))
        contacts_said = ngettext(
            "{count} contact", "{count} contacts", len(imported.contact_ids)
        ).format(count=len(imported.contact_ids))
        click.echo(
            _("{file}: logged “{summary}” of {day} (entry {id}); {contacts}, {files}.").format(
                file=path.name,
                summary=entry.summary,
                day=entry.occurred_on.isoformat(),
                id=entry.id,
                contacts=contacts_said,
                files=files_said,
            )
        )
        for name, address in imported.unknown:
            who = f"{name} <{address}>" if name else address
            click.echo(_("  not a contact yet: {who}").format(who=who))
    AttachmentService(context.db).read_pending_texts()  # so the search finds them now
    if refused:
        raise click.ClickException(
            ngettext(
                "{count} message was not logged.", "{count} messages were not logged.", refused
            ).format(count=refused)
        )


def register(cli: click.Group) -> None:
    """Add the `log` group to `cli` (once)."""
    if log_group.name not in cli.commands:
        cli.add_command(log_group)
