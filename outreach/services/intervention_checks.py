"""What an intervention must satisfy: a title, a time slot on its meeting's clock and
within its dates, a target for a bilateral, a linked démarche made to one of the targets.
Each check raises `ValidationError` naming the field to correct.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import InterventionKind
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.services import lookup
from outreach.services.validation import optional_text, required_text, valid_text
from outreach.storage.models import Demarche, Meeting, State

#: a time given to a service: a datetime, ISO text, or None (or "") for no time
When = datetime | str | None


def title(value: str) -> str:
    return required_text(value, limits.TITLE)


def lead_officer(value: str) -> str:
    return optional_text(value, limits.LEAD_OFFICER)


def moment(value: When, zone: str, field: str) -> datetime | None:
    """A naive datetime on the meeting's clock: ISO text or a datetime (an aware one is
    converted to the meeting's time zone); None or "" mean no time."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        valid_text(value, field)
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            message = _(
                "The {field} '{value}' is not a date and time; write it as YYYY-MM-DD HH:MM."
            )
            raise ValidationError(message.format(field=_(field), value=value), field) from None
    elif not isinstance(value, datetime):
        message = _("The {field} needs a time of day, not only a date.")
        raise ValidationError(message.format(field=_(field)), field)
    if value.tzinfo is not None:
        value = value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return value.replace(microsecond=0)


def check_slot(starts_at: datetime | None, ends_at: datetime | None, meeting: Meeting) -> None:
    """A time slot starts within the meeting's dates and ends after it starts, by the
    meeting's last day; an end alone is refused, no time at all is fine."""
    if starts_at is None:
        if ends_at is not None:
            raise ValidationError(_("An end time needs a start time."), "starts_at")
        return
    period = meeting_period(meeting)
    if not meeting.starts_on <= starts_at.date() <= meeting.ends_on:
        message = _("The intervention starts on {day}, outside the meeting ({meeting}, {period}).")
        raise ValidationError(
            message.format(day=starts_at.date().isoformat(), meeting=meeting.title, period=period),
            "starts_at",
        )
    if ends_at is None:
        return
    if ends_at <= starts_at:
        message = _("The intervention ends ({end}) before it starts ({start}).")
        raise ValidationError(
            message.format(end=f"{ends_at:%Y-%m-%d %H:%M}", start=f"{starts_at:%Y-%m-%d %H:%M}"),
            "ends_at",
        )
    if ends_at.date() > meeting.ends_on:
        message = _("The intervention ends on {day}, after the meeting ({meeting}, {period}).")
        raise ValidationError(
            message.format(day=ends_at.date().isoformat(), meeting=meeting.title, period=period),
            "ends_at",
        )


def meeting_period(meeting: Meeting) -> str:
    """The meeting's dates as messages give them: "2025-06-16 to 2025-06-20"."""
    return _("{start} to {end}").format(
        start=meeting.starts_on.isoformat(), end=meeting.ends_on.isoformat()
    )


def check_within_meeting(day: date, meeting: Meeting, refusal: str) -> None:
    """Refuse a day outside the meeting's dates with `refusal`, a whole sentence (already
    translated) naming the {day}, the {meeting} and its {period}: "The bilateral took
    place on {day}, outside the meeting ({meeting}, {period}); give a day within it."."""
    if not meeting.starts_on <= day <= meeting.ends_on:
        period = meeting_period(meeting)
        raise ValidationError(
            refusal.format(day=day.isoformat(), meeting=meeting.title, period=period), "on"
        )


def check_targets(kind: str, state_ids: list[int]) -> None:
    """A bilateral is with someone: it needs a target state."""
    if kind == InterventionKind.BILATERAL and not state_ids:
        raise ValidationError(_("A bilateral needs at least one target state."), "targets")


def check_demarche(session: Session, demarche_id: int | None, state_ids: list[int]) -> None:
    """A linked démarche must be live and made to one of the target states."""
    if demarche_id is None:
        return
    demarche = lookup.get_live(session, Demarche, demarche_id, N_("démarche"))
    if demarche.state_id not in state_ids:
        state = session.get(State, demarche.state_id)
        name = (
            lookup.state_name(state)
            if state is not None
            else _("state {id}").format(id=demarche.state_id)
        )
        message = _(
            "The démarche “{title}” is made to {state}, which is not a target of this intervention."
        )
        raise ValidationError(message.format(title=demarche.title, state=name), "demarche_id")
