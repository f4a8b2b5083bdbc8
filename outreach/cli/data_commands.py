"""The data commands: `outreach search`, `import untc|contacts|json`, `export json|csv`
and `duplicates`. `register(cli)` adds them to the main command group."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from outreach.cli.output import PLAINTEXT_OK, as_json, parse_day, printable

if TYPE_CHECKING:
    from outreach.cli.context import Context
    from outreach.io.untc_import import ImportPlan, ParticipationChange
    from outreach.search.records import SearchResults

KIND_TITLES = {
    "state": "States",
    "contact": "Contacts",
    "organization": "Organizations",
    "demarche": "Démarches",
    "intervention": "Interventions",
    "log_entry": "Log entries",
}
BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


# --- search ----------------------------------------------------------------------------------


def _print_results(results: SearchResults, colour: bool) -> None:
    from outreach.search.records import MARK_END, MARK_START

    if not results:
        click.echo(f"Nothing found for '{printable(results.text)}'.")
        return
    start, end = (BOLD, PLAIN) if colour else ("[", "]")
    for group in results.groups:
        more = ", more" if group.more else ""
        click.echo(f"{KIND_TITLES[group.kind]} ({len(group.hits)}{more})")
        for hit in group.hits:
            line = f"  {group.kind}:{hit.id}  {printable(hit.title)}"
            if hit.subtitle:
                line += f"  — {printable(hit.subtitle)}"
            click.echo(line)
            snippet = printable(hit.snippet, keep=MARK_START + MARK_END)  # the marks go below
            marked = replace(hit, snippet=snippet).plain_snippet(start, end)
            click.echo(f"      {hit.field.replace('_', ' ')}: {marked}")


@click.command()
@click.argument("words", nargs=-1, required=True)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(list(KIND_TITLES)),
    help="Only records of this kind (repeat for several).",
)
@click.option("--limit", default=5, show_default=True, help="Results per kind.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def search(
    context: Context, words: tuple[str, ...], kinds: tuple[str, ...], limit: int, output: str
) -> None:
    """Find states, contacts, organizations, démarches, interventions and log entries.

    Every word must match the start of a word, ignoring case and accents: "dema"
    finds "démarche", "Muller" finds "Müller".
    """
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


@click.group(name="import")
def import_group() -> None:
    """Bring data in: treaty status (UNTC), contacts (CSV), a whole export (JSON)."""


def _participation(signed: date | None, consent: date | None, kind: Any) -> str:
    parts = []
    if signed:
        parts.append(f"signed {signed.isoformat()}")
    if consent:
        parts.append(f"{kind.value if kind else 'consent'} {consent.isoformat()}")
    return ", ".join(parts) or "nothing"


def _describe(change: ParticipationChange) -> str:
    after = _participation(change.signed_on, change.consent_on, change.consent_kind)
    text = f"  {printable(change.state_name)}: "
    if change.kind == "changed":
        before = _participation(change.signed_before, change.consent_before, change.kind_before)
        text += f"{before} → {after}"
    elif change.kind == "not_listed":
        before = _participation(change.signed_before, change.consent_before, change.kind_before)
        text += f"was {before}; will be outside the treaty"
    else:
        text += after
    if change.in_force_on:
        text += f" (in force {change.in_force_on.isoformat()})"
    if change.listed_as:
        text += f'  [listed as "{printable(change.listed_as)}"]'
    if change.withdrawal_kept:
        text += "  [withdrawal kept]"
    return text


def print_plan(plan: ImportPlan, file_name: str) -> None:
    click.echo(
        f"{plan.treaty_code}: {plan.listed} participants read from {file_name}; "
        f"{plan.unchanged} unchanged."
    )
    sections = (
        ("New participations", plan.new),
        ("Changed", plan.changed),
        ("No longer listed, outside the treaty after the import", plan.not_listed),
    )
    for title, changes in sections:
        if changes:
            click.echo(f"{title} ({len(changes)}):")
            for change in changes:
                click.echo(_describe(change))
    if plan.withdrawals_kept:
        click.echo(
            f"Not listed, but a withdrawal is recorded, so left as they are "
            f"({len(plan.withdrawals_kept)}): {printable(', '.join(plan.withdrawals_kept))}"
        )
    if plan.unmatched:
        click.echo(f"Names that match no state, not imported ({len(plan.unmatched)}):")
        for unmatched in plan.unmatched:
            click.echo(f'  line {unmatched.line}: "{printable(unmatched.listed_name)}"')
    if plan.problems:
        click.echo(f"Rows not read ({len(plan.problems)}):")
        for problem in plan.problems:
            click.echo(f"  {printable(problem)}")


def _many_removals(plan: ImportPlan) -> str:
    return (
        f"This table would take {plan.removals_summary()} out of {plan.treaty_code}. A "
        "status table lists every participant, so one that drops so many is probably "
        "incomplete (a partial copy, the header alone)."
    )


@import_group.command(name="untc")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--treaty", default="APMBC", show_default=True, help="The treaty's code.")
@click.option("--as-of", callback=parse_day, help="The table's date (default: today).")
@click.option("--dry-run", is_flag=True, help="Show the changes; change nothing.")
@click.option(
    "--yes",
    is_flag=True,
    help="Record it even though it takes more than 5 states (or a tenth) out of the treaty.",
)
@click.pass_obj
def import_untc(
    context: Context, file: Path, treaty: str, as_of: date | None, dry_run: bool, yes: bool
) -> None:
    """Treaty status from the UN Treaty Collection's status table (CSV or tab-separated).

    Columns: Participant, Signature, and "Ratification, Accession(a), Succession(d)"
    (or "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)").
    States the table does not list become outside the treaty; withdrawals recorded in
    Outreach are kept. Names that match no state are listed, not guessed. A table that
    would take more than 5 states (or a tenth of the participants) out needs --yes.
    """
    from outreach.errors import ValidationError
    from outreach.io.untc_import import apply_untc_import, plan_untc_file
    from outreach.setup.reference import load_reference

    if load_reference(context.db):  # a new file: the states and treaties come first
        click.echo(f"Created {context.where} with the reference data.")
    plan = plan_untc_file(context.db, file, treaty, as_of=as_of)
    print_plan(plan, file.name)
    if dry_run:
        if plan.removals_need_confirmation:
            click.echo(_many_removals(plan) + " Importing it would need --yes.")
        click.echo("Dry run: nothing was changed.")
        return
    if not plan.changes:
        click.echo("Nothing to change.")
        return
    if plan.removals_need_confirmation and not yes:
        raise ValidationError(
            _many_removals(plan) + " Nothing was changed; check the file, or run again "
            "with --yes to record it."
        )
    outcome = apply_untc_import(context.db, plan)
    click.echo(f"Recorded {outcome.applied} change(s) to {outcome.treaty_code} in one transaction.")


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
            click.echo(f"{name}: {tenth * 10}% done", err=True)

    return report


@import_group.command(name="contacts")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Read FIELD from the file's COLUMN (e.g. family_name=Surname); repeatable.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the refused rows (default: FILE.rejected.csv beside FILE).",
)
@click.pass_obj
def import_contacts_command(
    context: Context, file: Path, mappings: tuple[str, ...], report: Path | None
) -> None:
    """Contacts from a CSV file with the header
    family_name,given_name,position,organization,state,email,phone,languages,notes
    (any order; only family_name is needed). Good rows go in; refused rows go to a
    report file with the reason."""
    from outreach.io.contacts_csv import guess_mapping, import_contacts, read_csv_table

    mapping: dict[str, str | None] | None = None
    if mappings:
        mapping = guess_mapping(read_csv_table(file).headers)
        for item in mappings:
            field, separator, column = item.partition("=")
            if not separator:
                raise click.BadParameter(f"'{item}' is not FIELD=COLUMN.", param_hint="--map")
            mapping[field.strip()] = column.strip() or None
    result = import_contacts(
        context.db, file, mapping, report_path=report, progress=_progress_on_stderr(file.name)
    )
    click.echo(f"Imported {len(result.imported)} contact(s) from {file.name}.")
    if result.organizations_created:
        click.echo(
            f"Created {len(result.organizations_created)} organization(s): "
            + printable(", ".join(result.organizations_created))
        )
    if result.rejected:
        click.echo(
            f"Refused {len(result.rejected)} row(s), written with the reason to "
            f"{result.report_path}:"
        )
        for row in result.rejected:
            click.echo(f"  line {row.line}: {printable(row.reason)}")


@import_group.command(name="json")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_json_command(context: Context, file: Path) -> None:
    """Everything from an `outreach export json` file, into an empty database."""
    from outreach.io.json_export import import_json

    summary = import_json(context.creating(), file)
    click.echo(
        f"Imported {summary.total:,} rows in {len(summary.rows)} tables into {context.where}."
    )


# --- export ----------------------------------------------------------------------------------


@click.group(name="export")
def export_group() -> None:
    """Take data out: everything as JSON, or every table as CSV."""


@export_group.command(name="json")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@PLAINTEXT_OK
@click.pass_obj
def export_json_command(context: Context, file: Path, plaintext_ok: bool) -> None:
    """Everything, audit trail included, in one JSON file (`outreach import json` reads it)."""
    from outreach.io.json_export import export_json

    counts = export_json(context.db, file, plaintext_ok=plaintext_ok)
    click.echo(f"Wrote {sum(counts.values()):,} rows of {len(counts)} tables to {file}.")


@export_group.command(name="csv")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@PLAINTEXT_OK
@click.pass_obj
def export_csv_command(context: Context, folder: Path, plaintext_ok: bool) -> None:
    """One CSV file per table in FOLDER (cells that could run as formulas neutralised)."""
    from outreach.io.csv_export import export_csv

    counts = export_csv(context.db, folder, plaintext_ok=plaintext_ok)
    click.echo(f"Wrote {len(counts)} files ({sum(counts.values()):,} rows) to {folder}.")


# --- duplicates ------------------------------------------------------------------------------


@click.command()
@click.option("--threshold", default=85.0, show_default=True, help="Score out of 100.")
@click.option("--limit", type=int, default=None, help="At most this many pairs.")
@click.option(
    "--merge",
    nargs=2,
    type=int,
    metavar="KEEP DROP",
    default=None,
    help="Merge contact DROP into contact KEEP (their log entries and démarches move).",
)
@click.pass_obj
def duplicates(
    context: Context, threshold: float, limit: int | None, merge: tuple[int, int] | None
) -> None:
    """List likely duplicate contacts, or merge two."""
    from outreach.services.duplicates import DuplicateService

    service = DuplicateService(context.db)
    if merge:
        keep, drop = merge
        record = service.merge(keep, drop)
        click.echo(
            f"Merged contact {drop} into {keep} ({printable(record.kept.full_name)}): "
            f"{len(record.moved_log_links) + len(record.removed_log_links)} log entries and "
            f"{len(record.moved_demarche_links) + len(record.removed_demarche_links)} "
            "démarches now name it."
        )
        return
    pairs = service.find(threshold, limit=limit)
    if not pairs:
        click.echo("No likely duplicates.")
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
