"""Where the user stands: what is selected, so dialogs can start filled in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Selection:
    state_id: int | None = None
    contact_id: int | None = None
    demarche_id: int | None = None
    meeting_id: int | None = None
