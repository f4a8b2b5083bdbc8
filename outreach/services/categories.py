"""Priority categories: manual ones with a rationale per state, smart ones by rule."""

from __future__ import annotations

import builtins
import json
import re
from datetime import date

from sqlalchemy import select

from outreach.domain import limits
from outreach.domain.enums import CategoryKind
from outreach.domain.records import CategoryMemberRecord, CategoryRecord
from outreach.domain.smart_rules import matches, parse_rule
from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.services.picture import category_members, live_categories, load_pictures
from outreach.services.validation import optional_text, parse_date, required_text, valid_text
from outreach.storage.models import Category, CategoryMember

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def category_record(category: Category) -> CategoryRecord:
    return common.record_of(CategoryRecord, category, kind=CategoryKind(category.kind))


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _checked_colour(colour: str) -> str:
    if not COLOUR.fullmatch(valid_text(colour, N_("colour"))):  # not "#1f77b4\n" either
        message = _("'{colour}' is not a colour like #1f77b4.")
        raise ValidationError(message.format(colour=colour), "colour")
    return colour.lower()


def _slug(text: str) -> str:
    """The short name made of `text` (a slug given, or the name)."""
    key = slugify(valid_text(text, N_("short name")))
    if not key:
        raise ValidationError(_("The category needs a name with letters or digits."), "name")
    if len(key) > limits.CODE:
        message = _(
            "The category's short name is longer than {limit} characters; give a shorter one."
        )
        raise ValidationError(message.format(limit=limits.CODE), "slug")
    return key


def _rule(rule: str) -> str:
    checked = optional_text(rule, limits.RULE)
    parse_rule(checked)
    return checked


class CategoryService(Service):
    def all(self) -> list[CategoryRecord]:
        with self._db.read() as session:
            return [category_record(c) for c in live_categories(session)]

    def create(
        self,
        name: str,
        *,
        slug: str | None = None,
        description: str = "",
        colour: str = "#607d8b",
        rule: str | None = None,
    ) -> CategoryRecord:
        """A manual category, or a smart one when a rule is given."""
        title = required_text(name, limits.CATEGORY_NAME)
        key = _slug(slug or title)
        checked_rule = _rule(rule) if rule is not None else None
        with self._db.write() as session:
            if session.scalar(select(Category).where(Category.slug == key)) is not None:
                message = _("A category '{slug}' exists already.")
                raise ValidationError(message.format(slug=key), "slug")
            category = Category(
                slug=key,
                name=title,
                description=optional_text(description, limits.DESCRIPTION),
                colour=_checked_colour(colour),
                kind=(CategoryKind.SMART if rule else CategoryKind.MANUAL).value,
                rule=checked_rule or "",
            )
            session.add(category)
            session.flush()
            return category_record(category)

    def update(
        self,
        ref: str | int,
        *,
        name: str | None = None,
        description: str | None = None,
        colour: str | None = None,
        rule: str | None = None,
        version: int | None = None,
    ) -> CategoryRecord:
        with self._db.write() as session:
            category = lookup.category(session, ref)
            common.check_version(session, category, version, N_("category"))
            if name is not None:
                category.name = required_text(name, limits.CATEGORY_NAME)
            if description is not None:
                category.description = optional_text(description, limits.DESCRIPTION)
            if colour is not None:
                category.colour = _checked_colour(colour)
            if rule is not None:
                if category.kind != CategoryKind.SMART:
                    raise ValidationError(_("Only a smart category has a rule."), "rule")
                category.rule = _rule(rule)
            return category_record(category)

    def delete(self, ref: str | int) -> CategoryRecord:
        with self._db.write() as session:
            category = lookup.category(session, ref)
            common.soft_delete(category)
            return category_record(category)

    def restore(self, category_id: int) -> CategoryRecord:
        with self._db.write() as session:
            category = session.get(Category, category_id)
            if category is None:
                message = _("There is no {kind} with id {id}.")
                raise ValidationError(message.format(kind=_("category"), id=category_id), "id")
            common.restore(category)
            return category_record(category)

    def of_state(
        self, state_ref: str | int, *, treaty: str = "APMBC", as_of: date | None = None
    ) -> builtins.list[tuple[CategoryRecord, str]]:
        """The categories a state is in on a date, each with why (rationale or rule)."""
        with self._db.read() as session:
            state = lookup.state(session, state_ref)
            pictures = load_pictures(session, lookup.treaty(session, treaty), as_of or date.today())
            members = category_members(session, pictures)
            assigned = session.execute(
                select(CategoryMember.category_id, CategoryMember.rationale).where(
                    CategoryMember.state_id == state.id
                )
            )
            rationales = {category_id: why for category_id, why in assigned}  # noqa: C416
            return [
                (
                    category_record(category),
                    by_rule(category.rule)
                    if category.kind == CategoryKind.SMART
                    else rationales.get(category.id, ""),
                )
                for category in live_categories(session)
                if state.id in members.get(category.slug, set())
            ]

    def assign(
        self, ref: str | int, state_ref: str | int, rationale: str, on: date | None = None
    ) -> CategoryMemberRecord:
        """Put a state in a manual category, saying why."""
        reason = required_text(rationale, limits.RATIONALE)
        with self._db.write() as session:
            category = lookup.category(session, ref)
            if category.kind == CategoryKind.SMART:
                message = _("'{category}' is a smart category; its rule decides its members.")
                raise ValidationError(message.format(category=category.name), "category")
            state = lookup.state(session, state_ref)
            member = session.scalar(
                select(CategoryMember).filter_by(category_id=category.id, state_id=state.id)
            ) or CategoryMember(category_id=category.id, state_id=state.id)
            member.rationale = reason
            member.added_on = parse_date(on, N_("date")) or date.today()
            session.add(member)
            return CategoryMemberRecord(
                category.slug, state.id, state.iso3, lookup.state_name(state), reason
            )

    def unassign(self, ref: str | int, state_ref: str | int) -> None:
        with self._db.write() as session:
            category = lookup.category(session, ref)
            state = lookup.state(session, state_ref)
            member = session.scalar(
                select(CategoryMember).filter_by(category_id=category.id, state_id=state.id)
            )
            if member is None:
                message = _("{state} is not in '{category}'.")
                raise ValidationError(
                    message.format(state=lookup.state_name(state), category=category.name), "state"
                )
            session.delete(member)

    def preview(
        self, rule: str, *, treaty: str = "APMBC", as_of: date | None = None
    ) -> builtins.list[CategoryMemberRecord]:
        """The states an unsaved rule would select on a date (nothing is written)."""
        parsed = parse_rule(rule)
        why = by_rule(rule)
        with self._db.read() as session:
            pictures = load_pictures(session, lookup.treaty(session, treaty), as_of or date.today())
            chosen = [
                CategoryMemberRecord(
                    "", state_id, picture.state.iso3, lookup.state_name(picture.state), why
                )
                for state_id, picture in pictures.items()
                if matches(parsed, picture.facts)
            ]
        return sorted(chosen, key=lambda member: fold(member.state_name))

    def members(
        self, ref: str | int, *, treaty: str = "APMBC", as_of: date | None = None
    ) -> list[CategoryMemberRecord]:
        """The category's states on a date; a smart category's rule is evaluated then."""
        with self._db.read() as session:
            category = lookup.category(session, ref)
            pictures = load_pictures(session, lookup.treaty(session, treaty), as_of or date.today())
            ids = category_members(session, pictures).get(category.slug, set())
            rationale = {
                member.state_id: member.rationale
                for member in session.scalars(
                    select(CategoryMember).where(CategoryMember.category_id == category.id)
                )
            }
            if category.kind == CategoryKind.SMART:
                rationale = dict.fromkeys(ids, _("Rule: {rule}").format(rule=category.rule))
            result = [
                CategoryMemberRecord(
                    category.slug,
                    state_id,
                    pictures[state_id].state.iso3,
                    lookup.state_name(pictures[state_id].state),
                    rationale.get(state_id, ""),
                )
                for state_id in ids
            ]
            return sorted(result, key=lambda member: fold(member.state_name))


def by_rule(rule: str) -> str:
    """Why a state is in a smart category: "By rule: …" and the rule in words."""
    return _("By rule: {rule}").format(rule=describe_rule(rule))


def describe_rule(rule: str) -> str:
    """A rule in words, for rationales and tooltips."""
    parsed = parse_rule(rule)
    words = []
    for condition in parsed["conditions"]:
        negated = "not " if "not" in condition else ""
        condition = condition.get("not", condition)
        key = next(iter(condition))
        value = condition[key]
        if key == "seat":
            words.append(f"{negated}{value} seat in {condition['year']}")
        else:
            shown = " or ".join(value) if isinstance(value, list) else str(value)
            words.append(f"{negated}{key} {shown}")
    joiner = " and " if parsed.get("match", "all") == "all" else " or "
    return joiner.join(words)


def rule_json(match: str, *conditions: dict[str, object]) -> str:
    """Build a rule's JSON text (used by the demo data and tests)."""
    return json.dumps({"match": match, "conditions": list(conditions)}, ensure_ascii=False)
