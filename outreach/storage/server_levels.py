"""The levels of a desk's server, weakest first: what `postgresql_rules` grants each
level's group. Apart from the rules so that the command line can offer them as choices
without loading the PostgreSQL driver."""

from __future__ import annotations

from typing import Literal, get_args

Level = Literal["reader", "officer", "admin"]
#: weakest first: each level holds the one before it
LEVELS: tuple[Level, ...] = get_args(Level)
