"""The states the app knows: ISO codes from pycountry, UN M49 regions from our shipped
table (resources/reference/m49_regions.csv), and our own display names and aliases on
top; each state's French name from pycountry's French translation of ISO 3166, with our
corrections where Canada's and the UN's usage differs.

A "state" here is a UN member state, an observer state (Holy See, State of Palestine),
Kosovo, or a state that is party to treaties in its own right (Cook Islands, Niue).
Dependent territories are left out: desk officers do not make démarches to them.
"""

from __future__ import annotations

import csv
import gettext
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pycountry

SOURCE = (
    "ISO 3166-1 (pycountry, names in English and French); "
    "UN M49 regions (UN Statistics Division, via country_converter 1.3.2)"
)

# States that are not UN members but act in treaty law, and Kosovo (XK is user-assigned).
NON_MEMBER_STATES = ("VAT", "PSE", "XKX", "COK", "NIU")

# Our display names where ISO's short name is not what a desk officer writes.
DISPLAY_NAMES: dict[str, str] = {
    "BOL": "Bolivia",
    "BRN": "Brunei Darussalam",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "Republic of Korea",
    "PRK": "Democratic People's Republic of Korea",
    "LAO": "Lao People's Democratic Republic",
    "MDA": "Republic of Moldova",
    "PSE": "State of Palestine",
    "RUS": "Russian Federation",
    "SYR": "Syrian Arab Republic",
    "TZA": "United Republic of Tanzania",
    "USA": "United States",
    "VAT": "Holy See",
    "VEN": "Venezuela",
    "VNM": "Viet Nam",
    "XKX": "Kosovo",
}

# Other names people use, including the ones the UN Treaty Collection prints.
ALIASES: dict[str, tuple[str, ...]] = {
    "BOL": ("Bolivia (Plurinational State of)",),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "COD": ("DR Congo", "DRC", "Congo-Kinshasa", "Zaire", "Congo, Democratic Republic of"),
    "COG": ("Congo", "Congo-Brazzaville"),
    "CPV": ("Cape Verde",),
    "CZE": ("Czech Republic",),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "GBR": (
        "United Kingdom of Great Britain and Northern Ireland",
        "UK",
        "Britain",
        "Great Britain",
    ),
    "IRN": ("Iran (Islamic Republic of)", "Islamic Republic of Iran"),
    "KOR": ("South Korea", "Korea, Republic of", "Korea"),
    "PRK": ("North Korea", "DPRK"),
    "LAO": ("Laos",),
    "MDA": ("Moldova",),
    "MKD": ("Macedonia", "The former Yugoslav Republic of Macedonia", "FYROM"),
    "MMR": ("Burma",),
    "PSE": ("Palestine",),
    "RUS": ("Russia",),
    "SWZ": ("Swaziland", "Kingdom of Eswatini"),
    "SYR": ("Syria",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey", "Turkiye"),
    "TZA": ("Tanzania",),
    "USA": ("United States of America", "USA", "US"),
    "VAT": ("Vatican", "Vatican City", "Holy See (Vatican City State)"),
    "VEN": ("Venezuela (Bolivarian Republic of)",),
    "VNM": ("Vietnam",),
    "XKX": ("Republic of Kosovo",),
    "NLD": ("Netherlands (Kingdom of the)",),
    "BHS": ("Bahamas, The",),
    "GMB": ("Gambia, The",),
}

# Our French names where ISO's French translation is not what Canada (Termium, Global
# Affairs) and the UN (UNTERM) write: ISO's inverted forms ("Corée, République de"), its
# older or informal names ("Birmanie", "Timor oriental", "Cap-Vert"), and the names each
# state asked for (« Türkiye », « Cabo Verde »).
FRENCH_NAMES: dict[str, str] = {
    "BOL": "Bolivie",
    "CIV": "Côte d'Ivoire",
    "COK": "Îles Cook",
    "CPV": "Cabo Verde",
    "FSM": "Micronésie (États fédérés de)",
    "GNQ": "Guinée équatoriale",
    "IRN": "Iran",
    "IRQ": "Iraq",
    "KNA": "Saint-Kitts-et-Nevis",
    "KOR": "République de Corée",
    "LAO": "République démocratique populaire lao",
    "MDA": "République de Moldova",
    "MMR": "Myanmar",
    "NIU": "Nioué",
    "PRK": "République populaire démocratique de Corée",
    "PSE": "État de Palestine",
    "RUS": "Fédération de Russie",
    "SLB": "Îles Salomon",
    "SLV": "El Salvador",
    "SUR": "Suriname",
    "SYR": "République arabe syrienne",
    "TLS": "Timor-Leste",
    "TUR": "Türkiye",
    "TZA": "République-Unie de Tanzanie",
    "VAT": "Saint-Siège",
    "VEN": "Venezuela",
    "VNM": "Viet Nam",
    "XKX": "Kosovo",
}


@dataclass(frozen=True, slots=True)
class CountryRef:
    iso2: str
    iso3: str
    numeric: str | None
    name: str
    official_name: str
    region: str
    subregion: str
    aliases: tuple[str, ...]
    name_fr: str | None = None


@cache
def _regions() -> dict[str, tuple[str, str, bool]]:
    """ISO3 -> (M49 region, M49 sub-region, is a UN member), from the shipped table
    (resources/reference/m49_regions.csv: the UN Statistics Division's M49 regions, as
    tabulated by country_converter 1.3.2, whose package and its pandas are not needed
    at run time)."""
    table = resources.files("resources").joinpath("reference", "m49_regions.csv")
    with table.open(encoding="utf-8") as handle:
        return {
            row["iso3"]: (row["region"], row["subregion"], row["un_member"] == "yes")
            for row in csv.DictReader(handle)
        }


@cache
def _iso_french() -> gettext.NullTranslations:
    """pycountry's French translation of ISO 3166-1's English names."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def _french(country: Any) -> str:
    """The state's French name: ours, else ISO's French for its common name (« Bolivie »
    rather than « Bolivie, État plurinational de »), else for its ISO name."""
    iso3 = str(country.alpha_3)
    if iso3 in FRENCH_NAMES:
        return FRENCH_NAMES[iso3]
    return _iso_french().gettext(str(getattr(country, "common_name", country.name)))


def _kosovo() -> CountryRef:
    return CountryRef(
        iso2="XK",
        iso3="XKX",
        numeric=None,
        name="Kosovo",
        official_name="Republic of Kosovo",
        region="Europe",
        subregion="Southern Europe",
        aliases=ALIASES["XKX"],
        name_fr=FRENCH_NAMES["XKX"],
    )


def _from_pycountry(country: Any) -> CountryRef:
    iso3 = str(country.alpha_3)
    iso_name = str(country.name)
    names = {
        iso_name,
        str(getattr(country, "common_name", iso_name)),
        str(getattr(country, "official_name", iso_name)),
        *ALIASES.get(iso3, ()),
    }
    display = DISPLAY_NAMES.get(iso3, str(getattr(country, "common_name", iso_name)))
    region, subregion, _member = _regions().get(iso3, ("", "", False))
    return CountryRef(
        iso2=str(country.alpha_2),
        iso3=iso3,
        numeric=str(country.numeric),
        name=display,
        official_name=str(getattr(country, "official_name", display)),
        region=region,
        subregion=subregion,
        aliases=tuple(sorted(names - {display})),
        name_fr=_french(country),
    )


@cache
def all_states() -> tuple[CountryRef, ...]:
    """Every state the app tracks, sorted by display name."""
    regions = _regions()
    states = [
        _from_pycountry(country)
        for country in pycountry.countries
        if regions.get(country.alpha_3, ("", "", False))[2] or country.alpha_3 in NON_MEMBER_STATES
    ]
    states.append(_kosovo())
    return tuple(sorted(states, key=lambda state: state.name))


@cache
def _french_names() -> dict[str, str]:
    return {state.iso3: state.name_fr for state in all_states() if state.name_fr}


def french_name(iso3: str) -> str | None:
    """The French name of the state with this ISO alpha-3 code (« Cambodge » for KHM);
    None for a code the app does not track."""
    return _french_names().get(iso3.upper())
