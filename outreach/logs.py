"""The log file the app and the command line write: what went wrong, for a bug report.

One rotating file, `outreach.log` (1 MB, five older ones kept), in the platform's log
folder (`platformdirs.user_log_dir`), or in OUTREACH_LOG_DIR when that is set. The
folder is 0700 and each file 0600: it is the officer's alone.

What is written, and what never is (the rule):
- Outreach's own lines name record kinds and ids and the names of error classes, never
  what a record holds (names, notes, talking points), a passphrase, or a server password.
- A known error (`OutreachError`) is logged by its class name only: its message may quote
  what the user typed or the path of a file.
- A bug is logged with its traceback, made of where the code was (file, line, function,
  the line of code) and the class of each exception in the chain, but not the exceptions'
  messages (a KeyError names the key, SQLAlchemy's messages hold the statement's
  parameters: a contact's name). The values of local variables are never included.
  The full message is in "Copy details" of the app's dialog, which the officer sees
  before sending it anywhere.
- Other libraries write only their warnings and errors (SQLAlchemy's statement log, which
  holds parameters, stays off), with the same tracebacks.
"""

from __future__ import annotations

import logging
import os
import platform
import traceback
from importlib import metadata
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

LOG_DIR_VAR = "OUTREACH_LOG_DIR"
FILE_NAME = "outreach.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: the packages whose INFO lines are kept; other libraries' only from WARNING up
OWN_LOGGERS = ("outreach", "ui")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

# Until `configure_logging` runs (a library use, a test), our records go nowhere rather
# than to Python's last-resort handler on stderr.
logging.getLogger("outreach").addHandler(logging.NullHandler())
logger = logging.getLogger(__name__)


def log_folder() -> Path:
    """Where the log files are: OUTREACH_LOG_DIR, or the platform's log folder."""
    chosen = os.environ.get(LOG_DIR_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_log_dir("Outreach", appauthor=False))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating file whose every generation is created 0600."""

    def _open(self) -> TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file left by an older version
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


class TracebackWithoutMessages(logging.Formatter):
    """The standard lines, with tracebacks that keep where and what, not the messages."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler's full traceback, messages and all
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        _kind, error, _tb = ei
        return "" if error is None else traceback_without_messages(error)


CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def traceback_without_messages(error: BaseException) -> str:
    """`error`'s traceback as Python prints it, chained ones included, with each
    exception's class where Python puts its message."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(_one_traceback(current))
        if current.__cause__ is not None:
            parts.append(CAUSE)
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            parts.append(CONTEXT)
            current = current.__context__
        else:
            break
    return "".join(reversed(parts)).rstrip("\n")


def _one_traceback(error: BaseException) -> str:
    frames = traceback.StackSummary.extract(traceback.walk_tb(error.__traceback__))
    kind = type(error)
    return (
        "Traceback (most recent call last):\n"
        + "".join(frames.format())
        + f"{kind.__module__}.{kind.__qualname__} (message not logged)\n"
    )


def current_log_file() -> Path | None:
    """The file this process logs to, once `configure_logging` has run."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrivateRotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def configure_logging(component: str) -> Path | None:
    """Send this process's log to the rotating file (once; again is a no-op) and return
    its path; None when the folder cannot be written (Outreach runs on without a log).
    `component` ("command line", "desktop app") goes on the first line."""
    existing = current_log_file()
    if existing is not None:
        return existing
    folder = log_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = PrivateRotatingFileHandler(
            folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(TracebackWithoutMessages(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    logger.info(
        "Outreach %s started (%s), Python %s on %s",
        outreach_version(),
        component,
        platform.python_version(),
        platform.platform(terse=True),
    )
    return Path(handler.baseFilename)


def outreach_version() -> str:
    try:
        return metadata.version("outreach")
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        return "(not installed)"


def stop_logging() -> None:
    """Close the log file and take its handler away (for tests)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
