"""Human labels for stored vocabulary (statuses, kinds…), translated in a context."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication


def enum_label(
    context: str, labels: Mapping[Any, object], kind: type[StrEnum], value: object
) -> str:
    """The label of `value` (a member of `kind` or its stored text), translated in
    `context`; text that is no member is shown as it is."""
    try:
        member = kind(str(value))
    except ValueError:
        return str(value)
    return QCoreApplication.translate(context, str(labels[member]))
