"""Five officers' processes writing to one server database at once for 30 seconds:
every save acknowledged is there at the end (0 lost updates) and no process met an
error it did not expect."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from outreach.services.contacts import ContactService
from outreach.setup import open_database
from tests.postgres_server import TestServer

OFFICERS = 5
SECONDS = 30
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_five_officers_for_thirty_seconds_lose_nothing(
    pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    name = pg_server.new_database(template=pg_templates["empty"])
    url = pg_server.url(name)
    db = open_database(url, actor="setup", create=True)
    try:
        contacts = ContactService(db)
        ids = [contacts.create(f"Shared {number}").id for number in range(8)]
        workers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.outreach.storage.concurrent_writer",
                    url,
                    str(SECONDS),
                    f"officer{number}",
                    *map(str, ids),
                ],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for number in range(OFFICERS)
        ]
        reports = []
        for worker in workers:
            out, err = worker.communicate(timeout=SECONDS + 120)
            assert worker.returncode == 0, err
            reports.append(json.loads(out))
        notes = {record_id: contacts.get(record_id).notes.split() for record_id in ids}
        saved = [(contact_id, token) for report in reports for contact_id, token in report["saved"]]
        lost = [pair for pair in saved if pair[1] not in notes[pair[0]]]
        assert [report["unexpected"] for report in reports] == [[]] * OFFICERS
        assert len(saved) > OFFICERS * 10  # they really wrote, and at once
        assert sum(report["retries"] for report in reports) > 0  # and really collided
        assert lost == []
        assert sum(len(tokens) for tokens in notes.values()) == len(saved)  # nothing twice
    finally:
        db.close()
        pg_server.drop_database(name)
