"""Where the user's files live (platformdirs), and how a path is chosen."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Outreach"
ENV_VAR = "OUTREACH_DB"


def default_database_path() -> Path:
    """`OUTREACH_DB` if set, else outreach.db in the platform's data folder."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "outreach.db"
