"""Accent- and case-folding for matching names typed or pasted by people."""

from __future__ import annotations

import re
import unicodedata

#: Letters that Unicode does not decompose into a letter and an accent, as the Latin
#: letters people type for them ("Lodz" for "Łódź", "Orsted" for "Ørsted"). The search
#: index folds them in SQL with one nested replace() per letter, and SQLite's parser
#: allows about 19 levels in a trigger: add letters with care (the search tests build
#: every index and fail with "parser stack overflow" past the limit).
LETTERS = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ß": "ss", "æ": "ae", "Æ": "AE", "ı": "i", "þ": "th", "Þ": "TH",
}  # fmt: skip
_LETTERS = str.maketrans(LETTERS)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """'Côte d’Ivoire ' -> "cote d'ivoire": what two spellings of one name share."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_LETTERS))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", stripped).strip().casefold()


def fold_sql(expression: str) -> str:
    """SQL giving `expression`'s text with LETTERS replaced (the rest of folding, accents
    and case, is left to whoever reads it, such as the full-text tokenizer)."""
    for letter, latin in LETTERS.items():
        expression = f"replace({expression}, '{letter}', '{latin}')"
    return expression
