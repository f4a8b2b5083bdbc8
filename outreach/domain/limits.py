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

from outreach.i18n import N_


@dataclass(frozen=True)
class TextField:
    """A text people type: the record attribute it goes to (a refusal's `field`, which
    dialogs use to focus the widget), how messages name it, how long it may be."""

    key: str  # "notes", "family_name"
    label: str  # "notes", "family name": as in "The notes are longer than …" (marked N_)
    max_length: int
    plural: bool = False  # "The talking points are …" rather than "… is …"

    def column_info(self) -> dict[str, Any]:
        """For a model column's `info`: the limit its values are checked against."""
        return {"max_length": self.max_length}


# A column declared String(n) is n characters wide on a server (VARCHAR(n)), so the limit
# of a field stored there is at most n (tests/reliability/test_input_limits.py checks it):
# the schema is not widened here. Fields in TEXT columns get what their use calls for.

# Names and short lines
CODE = 60  # a slug: the short name of a category or forum
STATE_NAME = TextField("name", N_("state name"), 200)
ALIAS = TextField("alias", N_("alias"), 200)
ORGANIZATION_NAME = TextField("name", N_("organization name"), 200)
FORUM_NAME = TextField("name", N_("forum name"), 200)
CATEGORY_NAME = TextField("name", N_("category name"), 120)
FAMILY_NAME = TextField("family_name", N_("family name"), 100)
GIVEN_NAME = TextField("given_name", N_("given name"), 100)
POSITION = TextField("position", N_("position"), 200)  # "Director, Arms Control Division"
CITY = TextField("city", N_("city"), 100)
OFFICER = TextField("officer", N_("officer's name"), 120)  # a name, maybe with a title
LEAD_OFFICER = TextField("lead_officer", N_("lead officer's name"), 120)
TITLE = TextField("title", N_("title"), 300)
FILE_NAME = TextField("name", N_("file name"), 255)  # an attachment's, as most file systems allow
MEDIA_TYPE = 127  # "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: an attachment's largest size unless the officer chooses another (Preferences)
ATTACHMENT_LIMIT_MB = 50  # a démarche's or an intervention's
MEETING_TITLE = TextField("title", N_("meeting title"), 300)
SUMMARY = TextField("summary", N_("summary"), 500)  # a log entry's one line
TIMEZONE = TextField("timezone", N_("time zone"), 60)  # an IANA name; the longest in use has 32
LANGUAGES = TextField("languages", N_("languages"), 60, plural=True)  # ISO 639-1 codes: "en,fr"
EMAIL = TextField("email", N_("e-mail address"), 254)  # the longest SMTP carries (RFC 5321 path)
PHONE = TextField("phone", N_("phone number"), 50)  # as typed, with spaces and an extension

# Paragraphs: a citation (maybe with a long URL), a reason, a one-line fact
SOURCE = TextField("source", N_("source"), 1_000)
FACT_SOURCE = TextField("source", N_("source of the fact"), 1_000)
FACT_DETAIL = TextField("detail", N_("detail"), 1_000)
RATIONALE = TextField("rationale", N_("rationale"), 2_000)
DESCRIPTION = TextField("description", N_("description"), 2_000)
REASON = TextField("reason", N_("reason"), 2_000)

# Notes, details, talking points, outcomes: 20,000 characters is some ten printed pages,
# more than a briefing sheet carries; what is longer is a document to file, not a note.
LONG_TEXT = 20_000
NOTES = TextField("notes", N_("notes"), LONG_TEXT, plural=True)
TALKING_POINTS = TextField("talking_points", N_("talking points"), LONG_TEXT, plural=True)
DETAILS = TextField("details", N_("details"), LONG_TEXT, plural=True)
OUTCOME = TextField("outcome", N_("outcome"), LONG_TEXT)
RESPONSE = TextField("response", N_("response"), LONG_TEXT)
RULE = TextField("rule", N_("rule"), LONG_TEXT)  # a smart category's JSON (a few hundred)


# --- dates ---------------------------------------------------------------------------------

# The campaigns this tool serves run from the late 1990s into the coming decades; the
# range leaves room for history (treaties of the 1900s) and far deadlines (an extended
# clearance deadline) while keeping every date, plus the months and years computed from
# it, far from the calendar's end (9999-12-31), where exports and date arithmetic fail.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)
