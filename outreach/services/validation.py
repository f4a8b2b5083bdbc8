"""Checks shared by the services. Each raises `ValidationError` with a message for people."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from outreach.errors import ValidationError

E = TypeVar("E", bound=StrEnum)


def required_text(value: str | None, field: str, *, max_length: int = 300) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"The {field} cannot be empty.", field)
    if len(text) > max_length:
        raise ValidationError(f"The {field} is longer than {max_length} characters.", field)
    return text


def optional_text(value: str | None) -> str:
    return (value or "").strip()


def parse_date(value: str | date | None, field: str) -> date | None:
    """Accept ISO dates (2004-11-29) or date objects; None or "" mean no date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            f"The {field} '{value}' is not a date; write it as YYYY-MM-DD.", field
        ) from None


def ordered(start: date | None, end: date | None, what: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"The {what} ends ({end.isoformat()}) before it starts ({start.isoformat()}).", what
        )


def choice(enum: type[E], value: str | E, field: str) -> E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValidationError(
            f"'{value}' is not a valid {field}; choose one of: {allowed}.", field
        ) from None
