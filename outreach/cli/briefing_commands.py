"""`outreach brief`, `outreach pack` and `outreach report`: briefing sheets, meeting packs
and the director's status report as PDF.

    outreach brief KHM PAK -o sheets.pdf [--marking "PROTECTED B"] [--paper Letter]
    outreach brief --all -o all.pdf
    outreach pack nairobi -o pack.pdf        (a meeting by id, or part of its title or city)
    outreach report --as-of 2004-11-25 --since 2004-01-01 -o report.pdf
    outreach brief KHM --lang fr -o fiche.pdf

`--lang` after the command is the language of the printed pages, whatever the language
of the messages (`outreach --lang`, or the environment's), which it defaults to.

The officer printed on the sheets is only ever what `--officer` (or OUTREACH_OFFICER)
says: never the operating system's user name.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import click

from outreach.briefing.options import Marking, PaperSize, PrintOptions
from outreach.cli.output import parse_day
from outreach.errors import ValidationError
from outreach.i18n import LANGUAGES, _, current_language, ngettext
from outreach.progress import Progress
from outreach.storage.database import Database

if TYPE_CHECKING:
    from outreach.briefing.printing import Printed, Request

OFFICER_VAR = "OUTREACH_OFFICER"


class _HasDatabase(Protocol):
    @property
    def db(self) -> Database: ...


def _marking(_ctx: click.Context, _param: click.Parameter, value: str) -> Marking:
    try:
        return Marking.parse(value)
    except ValidationError as error:
        raise click.BadParameter(str(error)) from None


@dataclass(frozen=True, slots=True)
class _Job:
    """What `brief` and `pack` are told alike: the file, how it is printed, the day of
    the status and the treaty."""

    output: Path
    options: PrintOptions
    as_of: date | None
    treaty: str | None  # None: the default (for a pack, the treaty whose meeting it is)

    def request(self, progress: Progress) -> Request:
        request: Request = {"as_of": self.as_of, "progress": progress}
        if self.treaty is not None:
            request["treaty"] = self.treaty
        return request


def _options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options `brief` and `pack` share, handed to the command as one `job`."""

    @functools.wraps(function)
    def command(
        *args: Any,
        output: Path,
        marking: Marking,
        paper: str,
        officer: str,
        as_of: date | None,
        treaty: str | None,
        language: str | None,
        **kwargs: Any,
    ) -> Any:
        options = PrintOptions(
            paper=PaperSize.parse(paper),
            marking=marking,
            officer=" ".join(officer.split()),
            language=language or current_language(),
        )
        return function(*args, job=_Job(output, options, as_of, treaty), **kwargs)

    decorators = [
        click.option(
            "-o",
            "--output",
            required=True,
            type=click.Path(dir_okay=False, writable=True, path_type=Path),
            help=_("The file to write (replaced if it exists)."),
        ),
        click.option(
            "--marking",
            default=Marking.UNCLASSIFIED.value,
            show_default=True,
            callback=_marking,
            help=_('Security marking on every page: UNCLASSIFIED, "PROTECTED A" or "PROTECTED B".'),
        ),
        click.option(
            "--paper",
            type=click.Choice([size.value for size in PaperSize], case_sensitive=False),
            default=PaperSize.A4.value,
            show_default=True,
        ),
        click.option(
            "--officer",
            envvar=OFFICER_VAR,
            default="",
            help=_("The officer named on the sheets (or set {variable}); none by default.").format(
                variable=OFFICER_VAR
            ),
        ),
        click.option(
            "--as-of",
            callback=parse_day,
            help=_(
                "The date of the treaty status and the log (default: today; for a pack, "
                "the meeting's first day)."
            ),
        ),
        click.option(
            "--treaty",
            default=None,
            help=_(
                "The treaty's code (default: APMBC; for a pack, the treaty whose meeting it is)."
            ),
        ),
        click.option(
            "--lang",
            "language",
            type=click.Choice(LANGUAGES),
            default=None,
            help=_("The language of the printed pages (default: the language of messages)."),
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


@contextmanager
def _progress(label: str) -> Iterator[Progress]:
    """A progress bar on a terminal; silence when output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        yield lambda _done, _total: None
        return
    bars: list[Any] = []

    def report(done: int, total: int) -> None:
        if not bars and total:
            bars.append(click.progressbar(length=total, label=label, file=sys.stderr).__enter__())
        if bars:
            bars[0].update(done - bars[0].pos)

    try:
        yield report
    finally:
        if bars:
            bars[0].__exit__(None, None, None)


def _quiet(_done: int, _total: int) -> None:
    """No progress bar: a Word document is written in one go."""


def _done(printed: Printed, *, titled: bool) -> None:
    """Say what was written (`titled`: with the document's title, as for a pack)."""
    sheets = ngettext("{count} briefing sheet", "{count} briefing sheets", printed.sheets).format(
        count=printed.sheets
    )
    pages = ngettext("{count} page", "{count} pages", printed.pages).format(count=printed.pages)
    if titled:
        said = _("Wrote {path}: {title}; {sheets}, {pages}.").format(
            path=printed.path, title=printed.title, sheets=sheets, pages=pages
        )
    else:
        said = _("Wrote {path}: {sheets}, {pages}.").format(
            path=printed.path, sheets=sheets, pages=pages
        )
    click.echo(said)


@click.command(
    help=_(
        "Print country briefing sheets (ISO codes or names) to a PDF file, or to a Word "
        "document to edit (--format docx, or an output file ending in .docx)."
    )
)
@click.argument("states", nargs=-1)
@click.option("--all", "every_state", is_flag=True, help=_("A sheet for every state."))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["pdf", "docx"]),
    default=None,
    help=_("pdf, or docx for Word (default: from the output file's name; else pdf)."),
)
@_options
@click.pass_obj
def brief(
    context: _HasDatabase,
    states: tuple[str, ...],
    every_state: bool,
    output_format: str | None,
    job: _Job,
) -> None:
    from outreach.briefing.printing import print_all_states, print_states, word_states

    if every_state and states:
        raise click.UsageError(_("Give states or --all, not both."))
    if not every_state and not states:
        raise click.UsageError(_("Name the states to print (ISO codes such as KHM) or give --all."))
    word = (output_format or job.output.suffix.lower().lstrip(".")) == "docx"
    if word:
        refs = None if every_state else states
        printed = word_states(context.db, refs, job.output, job.options, **job.request(_quiet))
        sheets = ngettext(
            "{count} briefing sheet", "{count} briefing sheets", printed.sheets
        ).format(count=printed.sheets)
        click.echo(
            _("Wrote {path}: {sheets}, as a Word document.").format(
                path=printed.path, sheets=sheets
            )
        )
        return
    with _progress(_("Briefing sheets")) as progress:
        if every_state:
            printed = print_all_states(context.db, job.output, job.options, **job.request(progress))
        else:
            printed = print_states(
                context.db, states, job.output, job.options, **job.request(progress)
            )
    _done(printed, titled=False)


@click.command(
    help=_("Print a meeting's pack (MEETING: its id, or part of its title or city) to a PDF.")
)
@click.argument("meeting")
@_options
@click.pass_obj
def pack(context: _HasDatabase, meeting: str, job: _Job) -> None:
    from outreach.briefing.printing import print_meeting

    with _progress(_("Meeting pack")) as progress:
        printed = print_meeting(
            context.db, meeting, job.output, job.options, **job.request(progress)
        )
    _done(printed, titled=True)


@click.command(
    help=_(
        "Print the director's status report to a PDF: the States Parties curve against the "
        "target, the world map, what moved since a date, the démarches delivered, the "
        "follow-ups overdue and the next meetings."
    )
)
@click.option(
    "--since",
    callback=parse_day,
    help=_("The start of the period the report covers (default: three months before)."),
)
@_options
@click.pass_obj
def report(context: _HasDatabase, since: date | None, job: _Job) -> None:
    from outreach.briefing.printing import print_report

    with _progress(_("Status report")) as progress:
        printed = print_report(
            context.db, job.output, job.options, since=since, **job.request(progress)
        )
    pages = ngettext("{count} page", "{count} pages", printed.pages).format(count=printed.pages)
    click.echo(
        _("Wrote {path}: {title}, {pages}.").format(
            path=printed.path, title=printed.title, pages=pages
        )
    )


@click.command(
    help=_(
        "Draft a démarche's note verbale or aide-mémoire (DEMARCHE: its id) as a Word "
        "document, from a template; the draft is attached to the démarche."
    )
)
@click.argument("demarche", type=int)
@click.option(
    "--template",
    type=click.Choice(["note-verbale", "aide-memoire"]),
    default="note-verbale",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help=_("The Word file to write (replaced if it exists)."),
)
@click.option("--mission", default="", help=_('Who writes: "Embassy of Canada" by default.'))
@click.option("--city", default="", help=_("Where it is dated (none by default)."))
@click.option(
    "--marking",
    default=Marking.UNCLASSIFIED.value,
    show_default=True,
    callback=_marking,
    help=_('Security marking: UNCLASSIFIED, "PROTECTED A" or "PROTECTED B".'),
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(LANGUAGES),
    default=None,
    help=_("The language of the draft (default: the language of messages)."),
)
@click.pass_obj
def draft(
    context: _HasDatabase,
    demarche: int,
    template: str,
    output: Path,
    mission: str,
    city: str,
    marking: Marking,
    language: str | None,
) -> None:
    from outreach.briefing.drafts import draft_demarche

    drafted = draft_demarche(
        context.db,
        demarche,
        output,
        template=template,
        language=language or current_language(),
        mission=mission,
        city=city,
        marking=marking,
    )
    click.echo(
        _("Wrote {path} from {template}; attached to the démarche.").format(
            path=drafted.path, template=drafted.template
        )
    )


def register(cli: click.Group) -> None:
    """Add `brief`, `pack`, `report` and `draft` to the command line (once; a second
    call changes nothing)."""
    for command in (brief, pack, report, draft):
        if command.name not in cli.commands:
            cli.add_command(command)
