"""What a committed transaction changed, handed to listeners (the app's change bus)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    """The table names of the records a transaction touched."""

    entities: frozenset[str]

    def touches(self, *entities: str) -> bool:
        return bool(self.entities.intersection(entities))
