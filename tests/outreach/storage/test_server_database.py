"""A desk's server database is refused as strictly as a file: someone else's tables or a
newer schema are left untouched with one clear sentence; a server that cannot be reached
says so in one line."""

from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner

from outreach.cli.main import cli
from outreach.errors import NewerSchemaError, NotADatabaseError, ServerUnavailableError
from outreach.setup import open_database
from tests.postgres_server import SUPERUSER, TestServer


def tables_of(server: TestServer, name: str) -> list[str]:
    with psycopg.connect(host=str(server.socket_dir), user=SUPERUSER, dbname=name) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
    return [str(row[0]) for row in rows]


def test_a_database_holding_other_tables_is_refused_untouched(pg_server: TestServer) -> None:
    name = pg_server.new_database(prefix="payroll")
    pg_server.execute(name, "CREATE TABLE salary (id integer PRIMARY KEY, amount numeric)")
    with pytest.raises(NotADatabaseError, match="holds tables that are not Outreach's"):
        open_database(pg_server.url(name), create=True)
    assert tables_of(pg_server, name) == ["salary"]  # nothing created beside it


def test_a_newer_schema_is_refused_untouched(
    pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    name = pg_server.new_database(template=pg_templates["empty"])
    pg_server.execute(name, "UPDATE alembic_version SET version_num = '9999_future'")
    before = tables_of(pg_server, name)
    with pytest.raises(NewerSchemaError, match="newer version of Outreach"):
        open_database(pg_server.url(name), create=True)
    assert tables_of(pg_server, name) == before


def test_an_unreachable_server_is_one_line_and_no_traceback(tmp_path: object) -> None:
    url = f"postgresql://nobody@/desk?host={tmp_path}"  # no server listens there
    with pytest.raises(ServerUnavailableError, match="cannot be reached"):
        open_database(url, create=True)
    result = CliRunner().invoke(cli, ["--db", url, "states"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot be reached" in lines[0]
    assert "Traceback" not in result.output


def test_a_password_in_the_url_never_reaches_the_output(pg_server: TestServer) -> None:
    name = pg_server.new_database()
    url = pg_server.url(name).replace(f"{SUPERUSER}@", f"{SUPERUSER}:s3cret@")
    result = CliRunner().invoke(cli, ["--db", url, "init"])  # trust auth ignores it
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output and f"{SUPERUSER}@" in result.output
