"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 05:01:18.427155

The tables as Alembic's autogenerate wrote them, said in short (see
`outreach.storage.migrations.shapes`): created in this order, dropped in the reverse.
"""

from collections.abc import Sequence

from outreach.storage.migrations.shapes import create, drop, link, table

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCED = "source text, as_of date null"  # where a reference fact came from, and its date

TABLES = (
    table(
        "audit_entry",
        "at datetime, actor str(120), action str(10), entity str(40), entity_id int, "
        "state_id int null index, changes text",
        indexes={"ix_audit_entry_entity": ("entity", "entity_id")},
    ),
    table(
        "category",
        "slug str(60) unique, name str(120), description text, colour str(7), kind str(10), "
        "rule text, deleted_at datetime null",
    ),
    table("forum", "slug str(60) unique, name str(200), kind str(20), notes text"),
    table(
        "state",
        "iso2 str(2) unique, iso3 str(3) unique, numeric str(3) null, name str(200), "
        "official_name str(300), region str(100), subregion str(100), stance str(20), "
        "notes text, talking_points text",
    ),
    table(
        "treaty",
        "code str(20) unique, name text, short_name str(100), adopted_on date null, "
        "in_force_on date null, threshold_reached_on date null, months_after_deposit int, "
        f"signature_closes_on date null, withdrawal_months int, target_parties int null, {SOURCED}",
    ),
    link("category_member", "category", "state", "rationale text, added_on date null"),
    table(
        "demarche",
        "state_id int index -> state, treaty_id int null -> treaty, title str(300), "
        "requested_action str(40), channel str(30), level str(30), talking_points text, "
        "officer str(120), status str(20) index, planned_on date null, due_on date null index, "
        "delivered_on date null, response text, closed_on date null, status_reason text, "
        "deleted_at datetime null",
    ),
    table(
        "fact",
        "state_id int index -> state, kind str(30), holds bool, quantity int null, detail text, "
        f"{SOURCED}",
    ),
    table(
        "forum_membership",
        "forum_id int index -> forum cascade, state_id int index -> state, since date null, "
        f"until date null, {SOURCED}",
        checks={"until_after": "until IS NULL OR since IS NULL OR until >= since"},
        unique=("forum_id", "state_id", "since"),
    ),
    table(
        "meeting",
        "forum_id int index -> forum, title str(300), city str(100), timezone str(60), "
        "starts_on date, ends_on date, notes text, deleted_at datetime null",
        checks={"ends_after_start": "ends_on >= starts_on"},
    ),
    table(
        "organization",
        "name str(200), kind str(20), state_id int null index -> state, city str(100), "
        "notes text, deleted_at datetime null",
    ),
    table(
        "participation",
        "treaty_id int index -> treaty, state_id int index -> state, signed_on date null, "
        "consent_on date null, consent_kind str(20) null, in_force_on date null, "
        "provisional_application bool, withdrawal_notified_on date null, "
        f"withdrawal_effective_on date null, {SOURCED}",
        checks={"in_force_needs_consent": "in_force_on IS NULL OR consent_on IS NOT NULL"},
        unique=("treaty_id", "state_id"),
    ),
    table(
        "seat",
        "state_id int index -> state, body str(10), kind str(20), start_on date, "
        f"end_on date null, {SOURCED}",
        checks={"ends_after_start": "end_on IS NULL OR end_on >= start_on"},
    ),
    table(
        "state_alias",
        "state_id int index -> state cascade, alias str(200), folded str(200) unique",
    ),
    table(
        "contact",
        "given_name str(100), family_name str(100), position str(200), "
        "organization_id int null index -> organization, state_id int null index -> state, "
        "email str(254), phone str(20), languages str(60), notes text, deleted_at datetime null",
    ),
    table(
        "intervention",
        "meeting_id int index -> meeting, kind str(20), title str(300), lead_officer str(120), "
        "talking_points text, starts_at datetime null, ends_at datetime null, status str(20), "
        "outcome text, demarche_id int null index -> demarche, deleted_at datetime null",
    ),
    table(
        "log_entry",
        "occurred_on date, kind str(20), summary str(500), details text, officer str(120), "
        "follow_up_on date null index, follow_up_done_on date null, "
        "meeting_id int null index -> meeting, demarche_id int null index -> demarche, "
        "deleted_at datetime null",
        indexes={"ix_log_entry_occurred": ("occurred_on", "id")},
    ),
    link("meeting_attendee", "meeting", "state"),
    table(
        "obligation",
        "participation_id int index -> participation cascade, kind str(30), description text, "
        f"due_on date, extended_to date null, met_on date null, {SOURCED}",
    ),
    link("demarche_contact", "demarche", "contact"),
    link("intervention_target", "intervention", "state"),
    link("log_entry_contact", "log_entry", "contact"),
    link("log_entry_state", "log_entry", "state"),
)


def upgrade() -> None:
    for shape in TABLES:
        create(shape)


def downgrade() -> None:
    for shape in reversed(TABLES):
        drop(shape)
