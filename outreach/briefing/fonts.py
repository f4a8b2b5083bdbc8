"""The DejaVu Sans family, embedded (as subsets) in every PDF Outreach writes.

Helvetica, reportlab's default, has no glyphs for Ł, Ş or Cyrillic; DejaVu Sans has them,
and embedded TrueType text stays searchable and extractable. The TTFs ship in
`resources/fonts` with their licence. They are read from the package data (never from a
path given to reportlab), so no file path of the user's machine reaches a document.
"""

from __future__ import annotations

import io
import threading
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
LICENCE = "LICENSE-DejaVu.txt"

_lock = threading.Lock()
_registered = False


def font_bytes(file_name: str) -> bytes:
    return resources.files("resources").joinpath("fonts", file_name).read_bytes()


def register_fonts() -> str:
    """Register the family with reportlab once per process; returns the regular face's
    name, which `<b>` and `<i>` in paragraphs map to the bold and oblique faces."""
    global _registered
    with _lock:
        if not _registered:
            for name, file_name in FILES.items():
                pdfmetrics.registerFont(TTFont(name, io.BytesIO(font_bytes(file_name))))
            pdfmetrics.registerFontFamily(
                REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
            )
            _registered = True
    return REGULAR
