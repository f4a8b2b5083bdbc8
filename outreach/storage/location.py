"""Where a database lives: a file on this machine, or a desk's PostgreSQL server.

`--db` and `OUTREACH_DB` take either. A server is named by a URL
(`postgresql://ROLE@HOST:PORT/DBNAME`, `postgresql+psycopg://…`, `?host=/socket/dir` for a
Unix socket). Passwords belong in libpq's own places (`~/.pgpass`, `PGPASSWORD`, a
service file); a URL that carries one is accepted, but `display` never shows it, so it
reaches no setting, log line or printed page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from outreach.errors import ValidationError
from outreach.i18n import _

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True, slots=True)
class FileLocation:
    """A SQLite file."""

    path: Path

    @property
    def display(self) -> str:
        return str(self.path)

    @property
    def name(self) -> str:
        """Short, for a window title."""
        return self.path.name


@dataclass(frozen=True, slots=True)
class ServerLocation:
    """A database on a PostgreSQL server; `url` may hold a password, `display` never."""

    url: URL

    @property
    def display(self) -> str:
        """The URL as a person may see it anywhere: scheme, role, host, port, database."""
        url = self.url
        role = f"{url.username}@" if url.username else ""
        port = f":{url.port}" if url.port else ""
        query = "&".join(
            f"{key}={value}"
            for key, values in url.query.items()
            for value in ((values,) if isinstance(values, str) else values)
            if key != "password"
        )
        return f"postgresql://{role}{url.host or ''}{port}/{url.database}" + (
            f"?{query}" if query else ""
        )

    @property
    def name(self) -> str:
        host = self.url.host or self.url.query.get("host") or _("local socket")
        if isinstance(host, tuple):
            host = host[0]
        service = self.url.query.get("service")
        if not self.url.database and service:
            return _("service {service}").format(service=service)
        return _("{database} on {host}").format(database=self.url.database, host=host)


Location = FileLocation | ServerLocation


def is_server_url(text: str) -> bool:
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    return scheme in SERVER_SCHEMES


def parse_location(value: str | Path | Location) -> Location:
    """A path or a server URL, as typed after `--db`."""
    if isinstance(value, FileLocation | ServerLocation):
        return value
    text = str(value).strip()
    if not text:
        raise ValidationError(_("Say which database to open: a file path or a server URL."))
    if "://" in text and not is_server_url(text):
        scheme = text.split("://", 1)[0]
        message = _(
            "'{scheme}://' is not a database Outreach can open; give a file path or a "
            "postgresql:// URL."
        )
        raise ValidationError(message.format(scheme=scheme))
    if not is_server_url(text):
        return FileLocation(Path(text).expanduser().absolute())
    try:
        url = make_url(text)
    except ArgumentError as error:
        message = _("That server URL cannot be read: {reason}")
        raise ValidationError(message.format(reason=error)) from None
    if not url.database and "service" not in url.query:
        raise ValidationError(
            _(
                "The server URL names no database: end it with /DBNAME "
                "(postgresql://ROLE@HOST:PORT/DBNAME)."
            )
        )
    return ServerLocation(url.set(drivername=DRIVER))
