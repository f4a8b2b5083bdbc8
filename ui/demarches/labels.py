"""The démarche vocabularies as people read them: the core's labels
(`outreach.domain.vocabulary`), in the app's language; each takes a member or its
stored text."""

from __future__ import annotations

from functools import partial

from outreach.domain.enums import Channel, DemarcheStatus, Level, RequestedAction
from outreach.domain.vocabulary import label_of

status_label = partial(label_of, DemarcheStatus)
action_label = partial(label_of, RequestedAction)
channel_label = partial(label_of, Channel)
level_label = partial(label_of, Level)
