"""Checks shared by the services. Each raises `ValidationError` with a message for people.

What a message names (a field's label, "planned date", "period") is marked `N_` where it
is given and translated here; the same text is the refusal's `field` when no key is given.

Every text a service accepts goes through `required_text`, `optional_text` or
`valid_text`, and every date through `parse_date` or `checked_date`, so the limits of
`outreach.domain.limits` hold whichever front end (app, command line, import) sent it.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from outreach.domain.limits import EARLIEST_DATE, LATEST_DATE, TextField
from outreach.errors import ValidationError
from outreach.i18n import _

E = TypeVar("E", bound=StrEnum)

# Lone surrogates (what Python makes of bytes that are not UTF-8 in a command's arguments,
# "Caf\udce9") cannot be stored or printed; NUL and the other control characters are not
# text either, and break exports. Tab, line feed and carriage return are ordinary text.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def valid_text(value: str, field: TextField | str) -> str:
    """`value` if it holds only characters that are text; else a ValidationError that does
    not repeat the value (it could not be shown). `field` is a text field, or the label of
    what else was typed (a date, a state's name)."""
    if _NOT_TEXT.search(value):
        label, key, plural = (
            (field, field, False)
            if isinstance(field, str)
            else (field.label, field.key, field.plural)
        )
        message = (
            _("The {field} contain characters that are not valid text.")
            if plural
            else _("The {field} contains characters that are not valid text.")
        )
        raise ValidationError(message.format(field=_(label)), key)
    return value


def _checked(text: str, field: TextField) -> str:
    valid_text(text, field)
    if len(text) > field.max_length:
        message = (
            _("The {field} are longer than {limit} characters.")
            if field.plural
            else _("The {field} is longer than {limit} characters.")
        )
        limit = f"{field.max_length:,}"
        raise ValidationError(message.format(field=_(field.label), limit=limit), field.key)
    return text


def required_text(value: str | None, field: TextField) -> str:
    """`value` stripped: not empty, valid text, at most the field's length."""
    text = (value or "").strip()
    if not text:
        raise empty(field.label, field.key)
    return _checked(text, field)


def empty(label: str, field: str) -> ValidationError:
    """The refusal of an empty value where one is required."""
    return ValidationError(_("The {field} cannot be empty.").format(field=_(label)), field)


def optional_text(value: str | None, field: TextField) -> str:
    """`value` stripped ("" for None): valid text, at most the field's length."""
    return _checked((value or "").strip(), field)


def checked_date(value: date, field: str) -> date:
    """`value` if it lies in the range the app handles (1900 to 2200). (By year: a
    datetime, which does not compare with a date, is checked too.)"""
    if not EARLIEST_DATE.year <= value.year <= LATEST_DATE.year:
        message = _("The {field} {date} is out of range; give a date from {earliest} to {latest}.")
        raise ValidationError(
            message.format(
                field=_(field),
                date=value.isoformat(),
                earliest=EARLIEST_DATE.year,
                latest=LATEST_DATE.year,
            ),
            field,
        )
    return value


def optional_date(value: date | None, field: str) -> date | None:
    return None if value is None else checked_date(value, field)


def parse_date(value: str | date | None, field: str) -> date | None:
    """Accept ISO dates (2004-11-29) or date objects; None or "" mean no date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return checked_date(value, field)
    valid_text(value, field)
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        message = _("The {field} '{value}' is not a date; write it as YYYY-MM-DD.")
        raise ValidationError(message.format(field=_(field), value=value), field) from None
    return checked_date(day, field)


def ordered(start: date | None, end: date | None, what: str, field: str | None = None) -> None:
    """Refuse a `what` (a period, a meeting) that ends before it starts; the refusal names
    `field` (by default `what`)."""
    if start is not None and end is not None and end < start:
        message = _("The {what} ends ({end}) before it starts ({start}).")
        raise ValidationError(
            message.format(what=_(what), end=end.isoformat(), start=start.isoformat()),
            field or what,
        )


def choice(enum: type[E], value: str | E, field: str) -> E:
    try:
        return enum(value)
    except ValueError:
        valid_text(str(value), field)
        allowed = ", ".join(member.value for member in enum)
        message = _("'{value}' is not a valid {field}; choose one of: {allowed}.")
        raise ValidationError(
            message.format(value=value, field=_(field), allowed=allowed), field
        ) from None
