"""The text of an attached file, for the search: PDF through pypdf, Word (.docx) through
python-docx, e-mail through Python's `email` package (its plain body, or its HTML body
as readable text), plain text as it is. Other kinds are found by their name alone.

Reading never raises for a damaged or encrypted file: it says it failed, and the file
is still found by its name.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass

from outreach.decoding import decode
from outreach.domain.enums import TextState

log = logging.getLogger(__name__)

#: the most text kept for one file: a few hundred pages, enough to find it by
MAX_TEXT = 2_000_000

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EML = "message/rfc822"
MSG = "application/vnd.ms-outlook"


@dataclass(frozen=True, slots=True)
class ReadText:
    state: TextState
    text: str | None = None


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" · ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _eml(content: bytes) -> str:
    from outreach.attachments.mail import parse_eml

    message = parse_eml(content)
    return "\n".join((message.subject, message.body))


def _msg(content: bytes) -> str:
    from outreach.attachments.mail import parse_msg

    message = parse_msg(content)
    return "\n".join((message.subject, message.body))


READERS: dict[str, Callable[[bytes], str]] = {
    PDF: _pdf,
    DOCX: _docx,
    EML: _eml,
    MSG: _msg,
}


def read_text(media_type: str, content: bytes) -> ReadText:
    """What the search can read of a file of `media_type`."""
    reader = READERS.get(media_type)
    if reader is None and media_type.startswith("text/"):
        reader = decode
    if reader is None:
        return ReadText(TextState.NAME_ONLY)
    try:
        text = reader(content)
    except Exception as error:  # a damaged file is found by its name
        log.info("could not read the text of a %s file: %s", media_type, error)
        return ReadText(TextState.FAILED)
    return ReadText(TextState.DONE, text.replace("\x00", "")[:MAX_TEXT])
