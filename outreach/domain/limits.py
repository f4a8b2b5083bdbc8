"""How long each text people type may be, and which dates they may give: one definition
that the services check (`outreach.services.validation`), the models record (each
column's `info`) and the dialogs give their line edits (`setMaxLength`).

A limit is there to stop a paste gone wrong (a whole file in a notes box, a log's worth
of details) from making a record that no list, sheet or export shows well, not to ration
what people write: each is well above what the field is for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class TextField:
    """A text people type: the record attribute it goes to (a refusal's `field`, which
    dialogs use to focus the widget), how messages name it, how long it may be."""

    key: str  # "notes", "family_name"
    label: str  # "notes", "family name": as in "The notes are longer than …"
    max_length: int
    plural: bool = False  # "The talking points are …" rather than "… is …"

    @property
    def the(self) -> str:
        """The label as a message's subject: "The notes are", "The title is"."""
        return f"The {self.label} {'are' if self.plural else 'is'}"

    def column_info(self) -> dict[str, Any]:
        """For a model column's `info`: the limit its values are checked against."""
        return {"max_length": self.max_length}


# A column declared String(n) is n characters wide on a server (VARCHAR(n)), so the limit
# of a field stored there is at most n (tests/reliability/test_input_limits.py checks it):
# the schema is not widened here. Fields in TEXT columns get what their use calls for.

# Names and short lines
CODE = 60  # a slug: the short name of a category or forum
STATE_NAME = TextField("name", "state name", 200)
ALIAS = TextField("alias", "alias", 200)
ORGANIZATION_NAME = TextField("name", "organization name", 200)
FORUM_NAME = TextField("name", "forum name", 200)
CATEGORY_NAME = TextField("name", "category name", 120)
FAMILY_NAME = TextField("family_name", "family name", 100)
GIVEN_NAME = TextField("given_name", "given name", 100)
POSITION = TextField("position", "position", 200)  # "Director, Arms Control Division"
CITY = TextField("city", "city", 100)
OFFICER = TextField("officer", "officer's name", 120)  # a name, maybe with a title
LEAD_OFFICER = TextField("lead_officer", "lead officer's name", 120)
TITLE = TextField("title", "title", 300)  # a démarche's or an intervention's
MEETING_TITLE = TextField("title", "meeting title", 300)
SUMMARY = TextField("summary", "summary", 500)  # a log entry's one line
TIMEZONE = TextField("timezone", "time zone", 60)  # an IANA name; the longest in use has 32
LANGUAGES = TextField("languages", "languages", 60, plural=True)  # ISO 639-1 codes: "en,fr"
EMAIL = TextField("email", "e-mail address", 254)  # the longest SMTP carries (RFC 5321 path)
PHONE = TextField("phone", "phone number", 50)  # as typed, with spaces and an extension

# Paragraphs: a citation (maybe with a long URL), a reason, a one-line fact
SOURCE = TextField("source", "source", 1_000)
FACT_SOURCE = TextField("source", "source of the fact", 1_000)
FACT_DETAIL = TextField("detail", "detail", 1_000)
RATIONALE = TextField("rationale", "rationale", 2_000)
DESCRIPTION = TextField("description", "description", 2_000)
REASON = TextField("reason", "reason", 2_000)

# Notes, details, talking points, outcomes: 20,000 characters is some ten printed pages,
# more than a briefing sheet carries; what is longer is a document to file, not a note.
LONG_TEXT = 20_000
NOTES = TextField("notes", "notes", LONG_TEXT, plural=True)
TALKING_POINTS = TextField("talking_points", "talking points", LONG_TEXT, plural=True)
DETAILS = TextField("details", "details", LONG_TEXT, plural=True)
OUTCOME = TextField("outcome", "outcome", LONG_TEXT)
RESPONSE = TextField("response", "response", LONG_TEXT)
RULE = TextField("rule", "rule", LONG_TEXT)  # a smart category's JSON (a few hundred)


# --- dates ---------------------------------------------------------------------------------

# The campaigns this tool serves run from the late 1990s into the coming decades; the
# range leaves room for history (treaties of the 1900s) and far deadlines (an extended
# clearance deadline) while keeping every date, plus the months and years computed from
# it, far from the calendar's end (9999-12-31), where exports and date arithmetic fail.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)
