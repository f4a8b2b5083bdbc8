"""Accent- and case-folding for matching names typed or pasted by people."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """'Côte d’Ivoire ' -> "cote d'ivoire": what two spellings of one name share."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", stripped.replace("ł", "l").replace("Ł", "L")).strip().casefold()
