"""The names the app ships in English, as people read them in their language: the UN
M49 regions and sub-regions, the treaty, the forums and their meetings.

The database stores the shipped English name ("South-eastern Asia", "Conference on
Disarmament"); the French is the UN's own (« Asie du Sud-Est », « Conférence du
désarmement »), from the gettext catalogue. A name a desk typed reads as typed.
"""

from __future__ import annotations

from outreach.i18n import N_, current_language, words

M49_NAMES = (
    N_("Africa"),
    N_("Americas"),
    N_("Asia"),
    N_("Europe"),
    N_("Oceania"),
    N_("Australia and New Zealand"),
    N_("Caribbean"),
    N_("Central America"),
    N_("Central Asia"),
    N_("Eastern Africa"),
    N_("Eastern Asia"),
    N_("Eastern Europe"),
    N_("Melanesia"),
    N_("Micronesia"),
    N_("Middle Africa"),
    N_("Northern Africa"),
    N_("Northern America"),
    N_("Northern Europe"),
    N_("Polynesia"),
    N_("South America"),
    N_("South-eastern Asia"),
    N_("Southern Africa"),
    N_("Southern Asia"),
    N_("Southern Europe"),
    N_("Western Africa"),
    N_("Western Asia"),
    N_("Western Europe"),
)

TREATY_NAMES = (
    N_(
        "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer "
        "of Anti-Personnel Mines and on their Destruction"
    ),
    N_("Ottawa Convention"),
    N_("Convention on Cluster Munitions"),
)

FORUM_NAMES = (
    N_("Conference on Disarmament"),
    N_("UN General Assembly First Committee (Disarmament and International Security)"),
    N_("Organization for Security and Co-operation in Europe"),
    N_("Organization of American States"),
    N_("ASEAN Regional Forum"),
    N_("Commonwealth"),
    N_("Organisation internationale de la Francophonie"),
    N_("Meetings of the States Parties (APMBC)"),
    N_("Review Conference (APMBC)"),
    N_("Intersessional Standing Committees (APMBC)"),
    N_("Universalization Contact Group"),
    N_("Meetings of States Parties (CCM)"),
    N_("Review Conferences (CCM)"),
)

MEETING_TITLES = (
    N_("First Meeting of the States Parties"),
    N_("Second Meeting of the States Parties"),
    N_("Third Meeting of the States Parties"),
    N_("Fourth Meeting of the States Parties"),
    N_("Fifth Meeting of the States Parties"),
    N_("Sixth Meeting of the States Parties"),
    N_("Seventh Meeting of the States Parties"),
    N_("First Review Conference (Nairobi Summit on a Mine-Free World)"),
    N_("Standing Committees (June 2004)"),
    N_("Review Conference preparatory meeting (February 2004)"),
    N_("Review Conference preparatory meeting (June 2004)"),
    N_("Universalization Contact Group (margins of the Fifth Meeting of the States Parties)"),
    N_("First Meeting of States Parties (CCM)"),
    N_("Second Meeting of States Parties (CCM)"),
    N_("Third Meeting of States Parties (CCM)"),
    N_("Fourth Meeting of States Parties (CCM)"),
    N_("Fifth Meeting of States Parties (CCM)"),
    N_("Sixth Meeting of States Parties (CCM)"),
    N_("Seventh Meeting of States Parties (CCM)"),
    N_("Eighth Meeting of States Parties (CCM)"),
    N_("Ninth Meeting of States Parties (CCM)"),
    N_("Tenth Meeting of States Parties (CCM)"),
    N_("Eleventh Meeting of States Parties (CCM)"),
    N_("Twelfth Meeting of States Parties (CCM)"),
    N_("Thirteenth Meeting of States Parties (CCM)"),
    N_("First Review Conference (CCM)"),
    N_("Second Review Conference (CCM), first part"),
    N_("Second Review Conference (CCM), second part"),
)

SHIPPED = frozenset((*M49_NAMES, *TREATY_NAMES, *FORUM_NAMES, *MEETING_TITLES))


def shipped_name(name: str, language: str | None = None) -> str:
    """A shipped name in `language` (the app's by default); any other reads as stored."""
    if name not in SHIPPED:
        return name
    return words(language or current_language()).gettext(name)
