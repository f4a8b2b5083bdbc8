"""Country briefing sheets and meeting packs as PDF (reportlab platypus), without Qt.

`print_states`, `print_all_states` and `print_meeting` gather, lay out and write a PDF
in one call; `gather`/`gather_pack` and `build_sheets`/`build_pack` are the two halves
for callers that want them apart. Long builds report `progress(done, total)` and stop
with `outreach.errors.CancelledError` when `cancelled()` turns true, leaving no file.

The names below load on first use, so that importing `outreach.briefing.options` (as
the command line does for its option types) does not load reportlab and the services.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from outreach.briefing.data import (
        BriefingData,
        MeetingPack,
        PackGroup,
        all_state_ids,
        find_meeting,
        gather,
        gather_pack,
        resolve_states,
    )
    from outreach.briefing.document import pack_document, sheets_document
    from outreach.briefing.options import Marking, PaperSize, PrintOptions
    from outreach.briefing.printing import (
        Printed,
        build_pack,
        build_sheets,
        print_all_states,
        print_meeting,
        print_states,
    )

_WHERE = {
    "BriefingData": "data",
    "MeetingPack": "data",
    "PackGroup": "data",
    "all_state_ids": "data",
    "find_meeting": "data",
    "gather": "data",
    "gather_pack": "data",
    "resolve_states": "data",
    "pack_document": "document",
    "sheets_document": "document",
    "Marking": "options",
    "PaperSize": "options",
    "PrintOptions": "options",
    "Printed": "printing",
    "build_pack": "printing",
    "build_sheets": "printing",
    "print_all_states": "printing",
    "print_meeting": "printing",
    "print_states": "printing",
}

__all__ = [
    "BriefingData",
    "Marking",
    "MeetingPack",
    "PackGroup",
    "PaperSize",
    "PrintOptions",
    "Printed",
    "all_state_ids",
    "build_pack",
    "build_sheets",
    "find_meeting",
    "gather",
    "gather_pack",
    "pack_document",
    "print_all_states",
    "print_meeting",
    "print_states",
    "resolve_states",
    "sheets_document",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"outreach.briefing.{_WHERE[name]}"), name)
