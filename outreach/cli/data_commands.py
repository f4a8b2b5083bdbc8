"""The data commands: `outreach search`, `import untc|contacts|json`, `export json|csv`
and `duplicates`. `register(cli)` adds them to the main command group."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from outreach.cli.output import PLAINTEXT_OK, as_json, parse_day, printable
from outreach.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from outreach.cli.context import Context
    from outreach.domain.enums import ConsentKind
    from outreach.io.untc_import import ImportPlan, ParticipationChange
    from outreach.search.records import SearchResults

KIND_TITLES = {
    "state": N_("States"),
    "contact": N_("Contacts"),
    "organization": N_("Organizations"),
    "demarche": N_("Démarches"),
    "intervention": N_("Interventions"),
    "log_entry": N_("Log entries"),
    "attachment": N_("Attached files"),
}
BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


# --- search ----------------------------------------------------------------------------------


def _print_results(results: SearchResults, colour: bool) -> None:
    from outreach.search.records import MARK_END, MARK_START

    if not results:
        click.echo(_("Nothing found for '{text}'.").format(text=printable(results.text)))
        return
    start, end = (BOLD, PLAIN) if colour else ("[", "]")
    for group in results.groups:
        heading = _("{title} ({count}, more)") if group.more else "{title} ({count})"
        click.echo(heading.format(title=_(KIND_TITLES[group.kind]), count=len(group.hits)))
        for hit in group.hits:
            line = f"  {group.kind}:{hit.id}  {printable(hit.title)}"
            if hit.subtitle:
                line += f"  — {printable(hit.subtitle)}"
            click.echo(line)
            snippet = printable(hit.snippet, keep=MARK_START + MARK_END)  # the marks go below
            marked = replace(hit, snippet=snippet).plain_snippet(start, end)
            click.echo(f"      {hit.field.replace('_', ' ')}: {marked}")


@click.command(
    help=_(
        "Find states, contacts, organizations, démarches, interventions, log entries and "
        "attached files (by their name or their text).\n\n"
        'Every word must match the start of a word, ignoring case and accents: "dema" '
        'finds "démarche", "Muller" finds "Müller".'
    )
)
@click.argument("words", nargs=-1, required=True)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(list(KIND_TITLES)),
    help=_("Only records of this kind (repeat for several)."),
)
@click.option("--limit", default=5, show_default=True, help=_("Results per kind."))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def search(
    context: Context, words: tuple[str, ...], kinds: tuple[str, ...], limit: int, output: str
) -> None:
    from outreach.search import SearchService

    results = SearchService(context.db).search(" ".join(words), limit=limit, kinds=kinds or None)
    if output == "json":
        click.echo(
            as_json(
                [
                    {
                        "kind": hit.kind,
                        "id": hit.id,
                        "title": hit.title,
                        "subtitle": hit.subtitle,
                        "field": hit.field,
                        "snippet": hit.plain_snippet(),
                        "state_id": hit.state_id,
                    }
                    for hit in results.hits
                ]
            )
        )
        return
    _print_results(results, colour=sys.stdout.isatty())


# --- import ----------------------------------------------------------------------------------


@click.group(
    name="import",
    help=_("Bring data in: treaty status (UNTC), contacts (CSV), a whole export (JSON)."),
)
def import_group() -> None:
    pass


def _participation(signed: date | None, consent: date | None, kind: ConsentKind | None) -> str:
    from outreach.domain.vocabulary import label

    parts = []
    if signed:
        parts.append(_("signed {date}").format(date=signed.isoformat()))
    if consent:
        consented = label(kind) if kind else _("consent")
        parts.append(_("{consent} {date}").format(consent=consented, date=consent.isoformat()))
    return ", ".join(parts) or _("nothing")


def _describe(change: ParticipationChange) -> str:
    after = _participation(change.signed_on, change.consent_on, change.consent_kind)
    text = f"  {printable(change.state_name)}: "
    if change.kind == "changed":
        before = _participation(change.signed_before, change.consent_before, change.kind_before)
        text += f"{before} → {after}"
    elif change.kind == "not_listed":
        before = _participation(change.signed_before, change.consent_before, change.kind_before)
        text += _("was {before}; will be outside the treaty").format(before=before)
    else:
        text += after
    if change.in_force_on:
        text += " " + _("(in force {date})").format(date=change.in_force_on.isoformat())
    if change.listed_as:
        text += "  " + _('[listed as "{name}"]').format(name=printable(change.listed_as))
    if change.withdrawal_kept:
        text += "  " + _("[withdrawal kept]")
    return text


def print_plan(plan: ImportPlan, file_name: str) -> None:
    click.echo(
        _("{treaty}: {listed} participants read from {file}; {unchanged} unchanged.").format(
            treaty=plan.treaty_code, listed=plan.listed, file=file_name, unchanged=plan.unchanged
        )
    )
    sections = (
        (_("New participations ({count}):"), plan.new),
        (_("Changed ({count}):"), plan.changed),
        (_("No longer listed, outside the treaty after the import ({count}):"), plan.not_listed),
    )
    for title, changes in sections:
        if changes:
            click.echo(title.format(count=len(changes)))
            for change in changes:
                click.echo(_describe(change))
    if plan.withdrawals_kept:
        click.echo(
            _(
                "Not listed, but a withdrawal is recorded, so left as they are ({count}): {names}"
            ).format(
                count=len(plan.withdrawals_kept),
                names=printable(", ".join(plan.withdrawals_kept)),
            )
        )
    if plan.unmatched:
        click.echo(
            _("Names that match no state, not imported ({count}):").format(
                count=len(plan.unmatched)
            )
        )
        for unmatched in plan.unmatched:
            name = printable(unmatched.listed_name)
            click.echo("  " + _('line {line}: "{name}"').format(line=unmatched.line, name=name))
    if plan.problems:
        click.echo(_("Rows not read ({count}):").format(count=len(plan.problems)))
        for problem in plan.problems:
            click.echo(f"  {printable(problem)}")


def _many_removals(plan: ImportPlan) -> str:
    return _(
        "This table would take {removals} out of {treaty}. A status table lists every "
        "participant, so one that drops so many is probably incomplete (a partial copy, "
        "the header alone)."
    ).format(removals=plan.removals_summary(), treaty=plan.treaty_code)


@import_group.command(
    name="untc",
    help=_(
        "Treaty status from the UN Treaty Collection's status table (CSV or tab-separated)."
        "\n\n"
        'Columns: Participant, Signature, and "Ratification, Accession(a), Succession(d)" '
        '(or "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"). '
        "States the table does not list become outside the treaty; withdrawals recorded in "
        "Outreach are kept. Names that match no state are listed, not guessed. A table that "
        "would take more than 5 states (or a tenth of the participants) out needs --yes."
    ),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--treaty", default="APMBC", show_default=True, help=_("The treaty's code."))
@click.option("--as-of", callback=parse_day, help=_("The table's date (default: today)."))
@click.option("--dry-run", is_flag=True, help=_("Show the changes; change nothing."))
@click.option(
    "--yes",
    is_flag=True,
    help=_("Record it even though it takes more than 5 states (or a tenth) out of the treaty."),
)
@click.pass_obj
def import_untc(
    context: Context, file: Path, treaty: str, as_of: date | None, dry_run: bool, yes: bool
) -> None:
    from outreach.errors import ValidationError
    from outreach.io.untc_import import apply_untc_import, plan_untc_file
    from outreach.setup.reference import load_reference

    if load_reference(context.db):  # a new file: the states and treaties come first
        click.echo(_("Created {where} with the reference data.").format(where=context.where))
    plan = plan_untc_file(context.db, file, treaty, as_of=as_of)
    print_plan(plan, file.name)
    if dry_run:
        if plan.removals_need_confirmation:
            click.echo(
                _("{warning} Importing it would need --yes.").format(warning=_many_removals(plan))
            )
        click.echo(_("Dry run: nothing was changed."))
        return
    if not plan.changes:
        click.echo(_("Nothing to change."))
        return
    if plan.removals_need_confirmation and not yes:
        raise ValidationError(
            _(
                "{warning} Nothing was changed; check the file, or run again with --yes to "
                "record it."
            ).format(warning=_many_removals(plan))
        )
    outcome = apply_untc_import(context.db, plan)
    click.echo(
        ngettext(
            "Recorded {count} change(s) to {treaty} in one transaction.",
            "Recorded {count} change(s) to {treaty} in one transaction.",
            outcome.applied,
        ).format(count=outcome.applied, treaty=outcome.treaty_code)
    )


PROGRESS_FROM = 10_000  # steps of work (rows checked, then written) worth reporting


def _progress_on_stderr(name: str) -> Callable[[int, int], None]:
    """A progress callback that prints each tenth done to stderr, for a large file only
    (stdout keeps the summary, for scripts)."""
    shown = 0

    def report(done: int, total: int) -> None:
        nonlocal shown
        tenth = done * 10 // total if total >= PROGRESS_FROM else 0
        if tenth > shown:
            shown = tenth
            click.echo(_("{name}: {percent}% done").format(name=name, percent=tenth * 10), err=True)

    return report


@import_group.command(
    name="contacts",
    help=_(
        "Contacts from a CSV file with the header "
        "family_name,given_name,position,organization,state,email,phone,languages,notes "
        "(any order; only family_name is needed). Good rows go in; refused rows go to a "
        "report file with the reason."
    ),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="FIELD=COLUMN",
    help=_("Read FIELD from the file's COLUMN (e.g. family_name=Surname); repeatable."),
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("Where to write the refused rows (default: FILE.rejected.csv beside FILE)."),
)
@click.pass_obj
def import_contacts_command(
    context: Context, file: Path, mappings: tuple[str, ...], report: Path | None
) -> None:
    from outreach.io.contacts_csv import guess_mapping, import_contacts, read_csv_table

    mapping: dict[str, str | None] | None = None
    if mappings:
        mapping = guess_mapping(read_csv_table(file).headers)
        for item in mappings:
            field, separator, column = item.partition("=")
            if not separator:
                raise click.BadParameter(
                    _("'{item}' is not FIELD=COLUMN.").format(item=item), param_hint="--map"
                )
            mapping[field.strip()] = column.strip() or None
    result = import_contacts(
        context.db, file, mapping, report_path=report, progress=_progress_on_stderr(file.name)
    )
    imported = len(result.imported)
    click.echo(
        ngettext(
            "Imported {count} contact(s) from {file}.",
            "Imported {count} contact(s) from {file}.",
            imported,
        ).format(count=imported, file=file.name)
    )
    if result.organizations_created:
        created = len(result.organizations_created)
        click.echo(
            ngettext(
                "Created {count} organization(s): {names}",
                "Created {count} organization(s): {names}",
                created,
            ).format(count=created, names=printable(", ".join(result.organizations_created)))
        )
    if result.rejected:
        refused = len(result.rejected)
        click.echo(
            ngettext(
                "Refused {count} row(s), written with the reason to {report}:",
                "Refused {count} row(s), written with the reason to {report}:",
                refused,
            ).format(count=refused, report=result.report_path)
        )
        for row in result.rejected:
            reason = printable(row.reason)
            click.echo("  " + _("line {line}: {reason}").format(line=row.line, reason=reason))


@import_group.command(
    name="json", help=_("Everything from an `outreach export json` file, into an empty database.")
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_json_command(context: Context, file: Path) -> None:
    from outreach.io.json_export import import_json

    summary = import_json(context.creating(), file)
    click.echo(
        _("Imported {rows} rows in {tables} tables into {where}.").format(
            rows=f"{summary.total:,}", tables=len(summary.rows), where=context.where
        )
    )


# --- export ----------------------------------------------------------------------------------


@click.group(name="export", help=_("Take data out: everything as JSON, or every table as CSV."))
def export_group() -> None:
    pass


@export_group.command(
    name="json",
    help=_("Everything, audit trail included, in one JSON file (`outreach import json` reads it)."),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@PLAINTEXT_OK
@click.pass_obj
def export_json_command(context: Context, file: Path, plaintext_ok: bool) -> None:
    from outreach.io.json_export import export_json

    counts = export_json(context.db, file, plaintext_ok=plaintext_ok)
    click.echo(
        _("Wrote {rows} rows of {tables} tables to {file}.").format(
            rows=f"{sum(counts.values()):,}", tables=len(counts), file=file
        )
    )


@export_group.command(
    name="csv",
    help=_("One CSV file per table in FOLDER (cells that could run as formulas neutralised)."),
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@PLAINTEXT_OK
@click.pass_obj
def export_csv_command(context: Context, folder: Path, plaintext_ok: bool) -> None:
    from outreach.io.csv_export import export_csv

    counts = export_csv(context.db, folder, plaintext_ok=plaintext_ok)
    click.echo(
        _("Wrote {files} files ({rows} rows) to {folder}.").format(
            files=len(counts), rows=f"{sum(counts.values()):,}", folder=folder
        )
    )


# --- duplicates ------------------------------------------------------------------------------


@click.command(help=_("List likely duplicate contacts, or merge two."))
@click.option("--threshold", default=85.0, show_default=True, help=_("Score out of 100."))
@click.option("--limit", type=int, default=None, help=_("At most this many pairs."))
@click.option(
    "--merge",
    nargs=2,
    type=int,
    metavar="KEEP DROP",
    default=None,
    help=_("Merge contact DROP into contact KEEP (their log entries and démarches move)."),
)
@click.pass_obj
def duplicates(
    context: Context, threshold: float, limit: int | None, merge: tuple[int, int] | None
) -> None:
    from outreach.services.duplicates import DuplicateService

    service = DuplicateService(context.db)
    if merge:
        keep, drop = merge
        record = service.merge(keep, drop)
        click.echo(
            _(
                "Merged contact {drop} into {keep} ({name}): {entries} log entries and "
                "{demarches} démarches now name it."
            ).format(
                drop=drop,
                keep=keep,
                name=printable(record.kept.full_name),
                entries=len(record.moved_log_links) + len(record.removed_log_links),
                demarches=len(record.moved_demarche_links) + len(record.removed_demarche_links),
            )
        )
        return
    pairs = service.find(threshold, limit=limit)
    if not pairs:
        click.echo(_("No likely duplicates."))
        return
    for pair in pairs:
        click.echo(
            f"{pair.score:5.1f}  {pair.first.id}: {printable(pair.first.full_name)} "
            f"<{printable(pair.first.email)}>  ~  {pair.second.id}: "
            f"{printable(pair.second.full_name)} <{printable(pair.second.email)}>"
            f"  ({', '.join(pair.reasons)})"
        )


COMMANDS: tuple[click.Command, ...] = (search, import_group, export_group, duplicates)


def register(cli: click.Group) -> None:
    """Add the data commands to `cli` (a command already there is left alone)."""
    for command in COMMANDS:
        if command.name not in cli.commands:
            cli.add_command(command)
