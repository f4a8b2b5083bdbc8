"""A throwaway PostgreSQL server for the tests and benchmarks: `initdb` and `pg_ctl` in a
temporary folder, listening on a Unix socket only (nothing reaches beyond the machine),
stopped at the end whatever happens.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user
that Debian's package creates (the README's test command installs the package). Each
test gets a database of its own, copied from a template (CREATE DATABASE … TEMPLATE),
which is much quicker than migrating a new one.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

SUPERUSER = "outreach_test"


def server_binaries() -> Path:
    """The folder of initdb and pg_ctl: pg_config's, else Debian's newest version."""
    found = shutil.which("pg_config")
    if found:
        folder = subprocess.run(
            [found, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if folder and (Path(folder) / "initdb").exists():
            return Path(folder)
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError(
        "PostgreSQL's server programs (initdb, pg_ctl) are missing: the README's test "
        "command installs Debian's postgresql package; run it, or install that package."
    )


class TestServer:
    """One server on a Unix socket in a private folder."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="outreach-pg-"))
        self.data = self.folder / "data"
        self.socket_dir = self.folder
        self.bin = server_binaries()
        self._names = itertools.count(1)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self.running = False

    def _run(self, *command: str) -> None:
        subprocess.run(
            [*self._as_user, *command],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.folder,
        )

    def start(self) -> TestServer:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        self._options = options
        self.running = True
        atexit.register(self.stop)
        self.resume()
        return self

    def _pg_ctl(self, *args: str) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), *args)

    def pause(self) -> None:
        """Stop the server as a crash or a network cut would, keeping its data."""
        self._pg_ctl("-m", "immediate", "stop")

    def resume(self) -> None:
        self._pg_ctl("-o", self._options, "-l", str(self.folder / "server.log"), "-w", "start")

    def stop(self) -> None:
        if self.running:
            self.running = False
            with contextlib.suppress(subprocess.CalledProcessError, OSError):
                self.pause()
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, role: str = SUPERUSER) -> str:
        return f"postgresql://{role}@/{database}?host={self.socket_dir}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host=str(self.socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True
        )

    def new_database(self, template: str | None = None, prefix: str = "test") -> str:
        """A new empty database (or a copy of `template`); returns its name."""
        name = f"{prefix}_{next(self._names)}"
        copy = f" TEMPLATE {template}" if template else ""
        with self.admin() as connection:
            connection.execute(f"CREATE DATABASE {name}{copy}")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def execute(self, database: str, sql: str, role: str = SUPERUSER) -> None:
        with psycopg.connect(
            host=str(self.socket_dir), user=role, dbname=database, autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]
