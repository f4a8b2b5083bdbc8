"""Smart categories: a rule over what we know of a state, kept as JSON on the category.

A rule is {"match": "all" | "any", "conditions": [...]}; each condition is one of
  {"status": ["outside", "signatory"]}        treaty status (for the list's treaty and date)
  {"fact": "producer"}                        a fact that holds (latest as-of wins)
  {"region": "Asia"} / {"subregion": "South-eastern Asia"}
  {"seat": "UNSC", "year": 2004}              a seat held at any time in that year
  {"forum": "arf"}                            a member of a forum on the date
  {"stance": ["opposed", "reluctant"]}
  {"not": {...}}                              the opposite of one condition
Unknown keys are refused when the rule is saved, not silently ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from outreach.domain.enums import FactKind, SeatBody, Stance, TreatyStatus
from outreach.errors import ValidationError
from outreach.i18n import _


@dataclass(frozen=True, slots=True)
class SeatSpan:
    """A seat on a body from one year to another (`last` None: permanent or open-ended).
    Kept as its bounds, not as the years it covers: the Conference's and the Council's
    open-ended seats would otherwise be a set of years to 2100 each, built for every state
    every time the states list is shown."""

    body: str
    first: int
    last: int | None

    def covers(self, body: str, year: int) -> bool:
        return self.body == body and self.first <= year and (self.last is None or year <= self.last)


@dataclass(frozen=True, slots=True)
class StateFacts:
    """What a rule may look at for one state on one date."""

    status: TreatyStatus
    region: str
    subregion: str
    stance: str
    facts: frozenset[str]  # fact kinds that hold
    seats: frozenset[SeatSpan]  # the years each seat covers
    forums: frozenset[str]  # forum slugs


def _as_list(value: Any) -> list[str]:
    return [str(item) for item in (value if isinstance(value, list) else [value])]


def _check_condition(condition: Mapping[str, Any]) -> None:
    if not isinstance(condition, Mapping) or not condition:
        raise ValidationError(_("Each condition of a rule must be an object."), "rule")
    if "not" in condition:
        _check_condition(condition["not"])
        return
    keys = set(condition)
    if keys == {"status"}:
        for value in _as_list(condition["status"]):
            if value not in TreatyStatus.__members__.values():
                message = _("Unknown treaty status '{value}' in rule.")
                raise ValidationError(message.format(value=value), "rule")
    elif keys == {"fact"}:
        if condition["fact"] not in FactKind.__members__.values():
            message = _("Unknown fact '{value}' in rule.")
            raise ValidationError(message.format(value=condition["fact"]), "rule")
    elif keys == {"stance"}:
        for value in _as_list(condition["stance"]):
            if value not in Stance.__members__.values():
                message = _("Unknown stance '{value}' in rule.")
                raise ValidationError(message.format(value=value), "rule")
    elif keys == {"seat", "year"}:
        if condition["seat"] not in SeatBody.__members__.values():
            message = _("Unknown body '{value}' in rule.")
            raise ValidationError(message.format(value=condition["seat"]), "rule")
        if not isinstance(condition["year"], int):
            raise ValidationError(_("A seat condition needs a whole year."), "rule")
    elif keys not in ({"region"}, {"subregion"}, {"forum"}):
        message = _("Unknown condition {keys} in rule.")
        raise ValidationError(message.format(keys=sorted(keys)), "rule")


def parse_rule(text: str) -> dict[str, Any]:
    """Parse and check a rule; raise ValidationError with what is wrong."""
    try:
        rule = json.loads(text)
    except json.JSONDecodeError as error:
        message = _("The rule is not valid JSON: {reason}.")
        raise ValidationError(message.format(reason=error.msg), "rule") from None
    if not isinstance(rule, dict) or rule.get("match", "all") not in ("all", "any"):
        raise ValidationError(_("A rule is an object with match 'all' or 'any'."), "rule")
    conditions = rule.get("conditions")
    if not isinstance(conditions, list) or not conditions:
        raise ValidationError(_("A rule needs at least one condition."), "rule")
    for condition in conditions:
        _check_condition(condition)
    return rule


def _holds(condition: Mapping[str, Any], state: StateFacts) -> bool:
    if "not" in condition:
        return not _holds(condition["not"], state)
    if "status" in condition:
        return state.status.value in _as_list(condition["status"])
    if "fact" in condition:
        return str(condition["fact"]) in state.facts
    if "stance" in condition:
        return state.stance in _as_list(condition["stance"])
    if "seat" in condition:
        body, year = str(condition["seat"]), int(condition["year"])
        return any(seat.covers(body, year) for seat in state.seats)
    if "region" in condition:
        return state.region == str(condition["region"])
    if "subregion" in condition:
        return state.subregion == str(condition["subregion"])
    if "forum" in condition:
        return str(condition["forum"]) in state.forums
    return False


def matches(rule: Mapping[str, Any], state: StateFacts) -> bool:
    results = (_holds(condition, state) for condition in rule["conditions"])
    return all(results) if rule.get("match", "all") == "all" else any(results)


def seat_span(body: str, start_on: date, end_on: date | None) -> SeatSpan:
    """The years a seat covers; a permanent seat covers every year ahead."""
    return SeatSpan(body, start_on.year, end_on.year if end_on is not None else None)
