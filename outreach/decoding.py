"""Bytes people bring in (a CSV file, an attached text file) as text: UTF-8 with or
without its byte-order mark, else Windows' Western encoding, which is what a
spreadsheet or a word processor on a desk writes when it is not UTF-8."""

from __future__ import annotations


def decode(data: bytes) -> str:
    """UTF-8 (with or without its byte-order mark), else Windows' Western encoding."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
