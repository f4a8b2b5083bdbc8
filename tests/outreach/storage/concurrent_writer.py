"""One officer's process for the concurrency test: for a while, append a token to the
notes of random contacts through the services, as a person saving from an open dialog
would (with the version they saw), reloading and trying again when told someone else
saved first. Prints what it saved (acknowledged tokens) and any error it did not expect.

    python -m tests.outreach.storage.concurrent_writer URL SECONDS NAME CONTACT_ID...
"""

from __future__ import annotations

import json
import random
import sys
import time

from outreach.errors import DatabaseLockedError, StaleRecordError
from outreach.services.contacts import ContactService
from outreach.setup import open_database


def main(url: str, seconds: float, name: str, contact_ids: list[int]) -> None:
    db = open_database(url, actor=name, create=True)
    contacts = ContactService(db)
    rng = random.Random(name)
    saved: list[list[object]] = []
    retries = 0
    unexpected: list[str] = []
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline:
        contact_id = rng.choice(contact_ids)
        token = f"{name}-{number}"
        while True:
            seen = contacts.get(contact_id)
            try:
                contacts.update(contact_id, notes=f"{seen.notes} {token}", version=seen.version)
            except (StaleRecordError, DatabaseLockedError):
                retries += 1
                continue
            except Exception as error:  # counted: the test expects none
                unexpected.append(f"{type(error).__name__}: {error}")
            else:
                saved.append([contact_id, token])  # acknowledged: it must be there
            break
        number += 1
    db.close()
    print(json.dumps({"saved": saved, "retries": retries, "unexpected": unexpected}))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3], [int(arg) for arg in sys.argv[4:]])
