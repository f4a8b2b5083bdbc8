"""Where the user's files live (platformdirs), and how a path is chosen."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Outreach"
ENV_VAR = "OUTREACH_DB"


def data_folder() -> Path:
    """The platform's folder for the app's files (the default database, its backups)."""
    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """`OUTREACH_DB` if set, else outreach.db in the platform's data folder."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return data_folder() / "outreach.db"


def app_icon() -> Path:
    """The app's icon, as shipped (resources/icons/outreach.svg)."""
    from importlib import resources

    return Path(str(resources.files("resources").joinpath("icons", "outreach.svg")))
