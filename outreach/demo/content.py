"""The demo campaign's content: a universalization desk around 2002-2004.

Categories, stances and facts follow the campaign's own vocabulary (the Universalization
Contact Group's priorities: steadfast producers and users, likely acceders, Security
Council members, South-East Asian steadfast states, recent users). Facts are labelled
illustrative where no source was checked. Every person is fictional: their names are
the word "example" or "sample" in their own languages, and their e-mail addresses use
the reserved example.org domain.
"""

from __future__ import annotations

from datetime import date, datetime

ILLUSTRATIVE = "illustrative, after Landmine Monitor 2002-2004 (unverified)"
DEMO_OFFICER = "Desk officer (demo)"

# (slug, name, colour, description)
MANUAL_CATEGORIES = (
    (
        "steadfast-producers-users",
        "Steadfast producers and users",
        "#b71c1c",
        "States steadfast in their opposition yet of high political and humanitarian "
        "significance as producers, users or traders of anti-personnel mines.",
    ),
    (
        "likely-acceders",
        "Likely acceders",
        "#2e7d32",
        "Likely candidates to ratify or accede in time for the 2004 Review Conference.",
    ),
    (
        "recent-users",
        "Recent users",
        "#e65100",
        "States reported to have used anti-personnel mines recently.",
    ),
)

# (slug, name, colour, description, rule JSON)
SMART_CATEGORIES = (
    (
        "security-council-2004",
        "Security Council members (2004)",
        "#1565c0",
        "Members of the UN Security Council at any time in 2004.",
        '{"match": "all", "conditions": [{"seat": "UNSC", "year": 2004}]}',
    ),
    (
        "south-east-asia-steadfast",
        "South-East Asian steadfast states",
        "#6a1b9a",
        "States of South-East Asia outside the Convention or signatories only.",
        '{"match": "all", "conditions": [{"subregion": "South-eastern Asia"}, '
        '{"status": ["outside", "signatory"]}]}',
    ),
    (
        "outside-producers",
        "Outside and producer",
        "#4e342e",
        "States outside the Convention that produce anti-personnel mines.",
        '{"match": "all", "conditions": [{"status": ["outside", "signatory"]}, '
        '{"fact": "producer"}]}',
    ),
)

STEADFAST = {
    "USA": "Producer with a large stockpile; outside; policy review under way.",
    "RUS": "Producer; outside; recent use reported.",
    "CHN": "Largest stockpile; outside; says it has not exported since 1994.",
    "IND": "Producer; outside; border mining 2001-2002.",
    "PAK": "Producer; outside; border mining 2001-2002; export moratorium.",
    "MMR": "Producer and user; outside.",
    "KOR": "Outside; indications it no longer produces.",
    "PRK": "Producer; outside.",
    "SGP": "Producer; outside.",
    "VNM": "Producer; outside.",
    "EGY": "Outside; indications it no longer produces.",
    "IRN": "Producer; outside.",
    "ISR": "Outside; stockpile.",
    "CUB": "Producer; outside.",
}

LIKELY_ACCEDERS = {
    "BLR": "Cabinet has discussed accession; stockpile destruction help sought.",
    "BDI": "Signatory; ratification bill before parliament.",
    "CYP": "Signatory; ratification expected early 2003.",
    "GRC": "Signatory; joint deposit with Türkiye planned.",
    "TUR": "Announced joint deposit with Greece.",
    "SRB": "Accession under consideration.",
    "LTU": "Signatory; ratification expected 2003.",
    "SDN": "Signatory; peace process opens the way.",
    "PNG": "Accession prepared; Pacific outreach.",
    "EST": "Accession debated; Baltic seminar follow-up.",
    "LVA": "Accession debated; Baltic seminar follow-up.",
    "ETH": "Signatory; ratification in progress.",
    "BTN": "Accession under consideration.",
    "VUT": "Signatory; ratification in progress.",
    "UKR": "Signatory; stockpile destruction assistance is the key.",
    "IDN": "Signatory; ratification bill in preparation.",
    "BRN": "Signatory; ratification expected.",
    "HTI": "Signatory; ratification pending.",
    "POL": "Signatory; ratification tied to alternatives.",
}

RECENT_USERS = {
    "MMR": "Government forces and armed groups laid mines (Landmine Monitor 2003).",
    "RUS": "Use in Chechnya reported (Landmine Monitor 2003).",
    "NPL": "Use by government forces and insurgents reported (Landmine Monitor 2003).",
    "IND": "Mines laid along the border in 2001-2002.",
    "PAK": "Mines laid along the border in 2001-2002.",
    "GEO": "Use reported (Landmine Monitor 2003).",
}

PRODUCERS = (
    "MMR", "CHN", "CUB", "EGY", "IND", "IRN", "IRQ", "NPL", "PRK", "PAK", "RUS", "SGP",
    "KOR", "USA", "VNM",
)  # fmt: skip

# (iso3, stockpile size)
STOCKPILES = (
    ("CHN", 110_000_000),
    ("RUS", 50_000_000),
    ("USA", 10_400_000),
    ("PAK", 6_000_000),
    ("IND", 4_000_000),
    ("BLR", 4_500_000),
    ("UKR", 6_600_000),
    ("TUR", 3_000_000),
    ("GRC", 1_500_000),
)

EXPORT_MORATORIA = ("IND", "PAK", "RUS", "USA", "SGP", "KOR", "CHN")

MINE_AFFECTED = (
    "AFG", "AGO", "BIH", "KHM", "HRV", "MOZ", "SDN", "LKA", "NIC", "ERI", "ETH", "TUR",
    "UKR", "MMR", "VNM", "LAO", "IRQ", "YEM", "SOM", "THA", "ZWE", "SEN", "TJK",
)  # fmt: skip

STANCES = {
    "USA": "opposed", "RUS": "opposed", "CHN": "opposed", "IND": "opposed",
    "PAK": "opposed", "MMR": "opposed", "PRK": "opposed", "ISR": "reluctant",
    "EGY": "reluctant", "KOR": "reluctant", "SGP": "reluctant", "VNM": "reluctant",
    "CUB": "reluctant", "IRN": "reluctant", "FIN": "undecided", "LAO": "undecided",
    "BLR": "favourable", "BDI": "favourable", "CYP": "supportive", "GRC": "favourable",
    "TUR": "favourable", "LTU": "supportive", "IDN": "favourable", "UKR": "favourable",
    "POL": "undecided", "LVA": "undecided", "EST": "undecided", "ETH": "favourable",
    "PNG": "favourable", "BTN": "undecided", "VUT": "favourable", "BRN": "favourable",
    "SRB": "favourable", "SDN": "undecided", "HTI": "favourable", "CAN": "supportive",
    "NOR": "supportive", "KHM": "supportive", "MOZ": "supportive", "THA": "supportive",
}  # fmt: skip

TALKING_POINTS = {
    "TUR": "Welcome the announced joint deposit with Greece; offer stockpile-destruction "
    "expertise; invite to the Bangkok meeting as a new State Party.",
    "IDN": "Encourage early ratification before the Review Conference; note South-East "
    "Asian leadership of Cambodia and Thailand; offer Article 7 reporting help.",
    "PAK": "Acknowledge the export moratorium; ask for support for the UNGA resolution; "
    "raise transparency on border mining.",
    "UKR": "Stockpile destruction of PFM mines is the obstacle; recall offers of "
    "assistance; encourage ratification.",
    "KHM": "Thank for hosting outreach; Article 5 clearance progress; Article 7 report.",
}

# (name, kind, state iso3 or None, city)
ORGANIZATIONS = (
    ("International Campaign to Ban Landmines (ICBL)", "ngo", None, "Geneva"),
    ("International Committee of the Red Cross (ICRC)", "international", None, "Geneva"),
    ("UN Mine Action Service (UNMAS)", "international", None, "New York"),
    ("Implementation Support Unit (ISU), GICHD", "international", None, "Geneva"),
    ("Mines Action Canada", "ngo", "CAN", "Ottawa"),
    ("Ministry of Foreign Affairs of Türkiye", "ministry", "TUR", "Ankara"),
    ("Ministry of Foreign Affairs of Indonesia", "ministry", "IDN", "Jakarta"),
    ("Ministry of Foreign Affairs of Ukraine", "ministry", "UKR", "Kyiv"),
    ("Ministry of Foreign Affairs of Pakistan", "ministry", "PAK", "Islamabad"),
    ("Ministry of Foreign Affairs of Viet Nam", "ministry", "VNM", "Hanoi"),
    ("Ministry for Foreign Affairs of Finland", "ministry", "FIN", "Helsinki"),
    ("Ministry of Foreign Affairs of Poland", "ministry", "POL", "Warsaw"),
    ("Permanent Mission of Belarus, Geneva", "mission", "BLR", "Geneva"),
    ("Permanent Mission of Greece, Geneva", "mission", "GRC", "Geneva"),
    ("Ministry of Foreign Affairs of Cambodia", "ministry", "KHM", "Phnom Penh"),
    ("Ministry of Foreign Affairs of Ethiopia", "ministry", "ETH", "Addis Ababa"),
)

# (given, family, position, organization index, state iso3, e-mail, phone, languages)
CONTACTS = (
    ("Aylin", "Örnek", "Deputy Director General, Arms Control and Disarmament",
     5, "TUR", "aylin.ornek@example.org", "+90 312 555 0101", "tr,en,fr"),
    ("Siti", "Contoh", "Director, International Security and Disarmament",
     6, "IDN", "siti.contoh@example.org", "+62 21 5550 1234", "id,en"),
    ("Олена", "Приклад", "Head of Division, Arms Control",
     7, "UKR", "olena.pryklad@example.org", "+380 44 555 0123", "uk,ru,en"),
    ("Rana", "Namuna", "Director, Disarmament",
     8, "PAK", "rana.namuna@example.org", "+92 51 555 0101", "ur,en"),
    ("Văn", "Mẫu", "Deputy Director, International Organizations",
     9, "VNM", "van.mau@example.org", "+84 24 5550 1010", "vi,en,fr"),
    ("Matti", "Esimerkki", "Counsellor, Arms Control",
     10, "FIN", "matti.esimerkki@example.org", "+358 9 555 0101", "fi,sv,en"),
    ("Jan", "Przykładowy", "Head of Unit, Conventional Arms",
     11, "POL", "jan.przykladowy@example.org", "+48 22 555 0101", "pl,en"),
    ("Алесь", "Узор", "First Secretary (disarmament)",
     12, "BLR", "ales.uzor@example.org", "+41 22 555 0101", "be,ru,en"),
    ("Eleni", "Paradeigma", "Counsellor (disarmament)",
     13, "GRC", "eleni.paradeigma@example.org", "+41 22 555 0202", "el,en,fr"),
    ("Sokha", "Ompeak", "Deputy Director, ASEAN and Multilateral Affairs",
     14, "KHM", "sokha.ompeak@example.org", "+855 23 555 0101", "km,en,fr"),
    ("Abebe", "Misale", "Director, International Organizations",
     15, "ETH", "abebe.misale@example.org", "+251 11 555 0101", "am,en"),
    ("Jane", "Sample", "Universalization officer",
     0, None, "jane.sample@example.org", "+41 22 555 0303", "en,fr"),
    ("Jean", "Exemple", "Legal adviser, weapons",
     1, None, "jean.exemple@example.org", "+41 22 555 0404", "fr,en"),
    ("Juan", "Ejemplo", "Implementation support officer",
     3, None, "juan.ejemplo@example.org", "+41 22 555 0505", "es,en,fr"),
    ("Chris", "Sample", "Coordinator",
     4, "CAN", "chris.sample@example.org", "+1 613 555 0101", "en,fr"),
)  # fmt: skip

# (state, title, action, channel, level, target status, planned, due, contact indexes,
#  talking points)
DEMARCHES = (
    ("TUR", "Encourage the joint deposit with Greece", "accede", "meeting", "ambassador",
     "closed", date(2002, 10, 1), date(2003, 3, 31), (0,),
     "Welcome the announced joint deposit; offer stockpile-destruction expertise."),
    ("GRC", "Encourage ratification with Türkiye", "ratify", "note_verbale", "director",
     "closed", date(2002, 10, 1), date(2003, 3, 31), (8,),
     "Confirm timing of the joint deposit."),
    ("IDN", "Ratification before the Review Conference", "ratify", "meeting", "ambassador",
     "response", date(2003, 11, 10), date(2004, 6, 30), (1,),
     "Encourage early ratification; offer Article 7 help."),
    ("UKR", "Ratification and PFM stockpile destruction", "ratify", "letter",
     "deputy_minister", "delivered", date(2004, 2, 2), date(2004, 9, 30), (2,),
     "Recall assistance offers for PFM-1 destruction."),
    ("PAK", "Support the UNGA First Committee resolution", "support_unga_resolution",
     "meeting", "director", "approved", date(2004, 9, 1), date(2004, 10, 20), (3,),
     "Ask for a yes vote or abstention; acknowledge the export moratorium."),
    ("VNM", "Accession: open a dialogue on alternatives", "accede", "aide_memoire",
     "director_general", "draft", date(2004, 8, 1), date(2004, 11, 15), (4,),
     "Propose a seminar on alternatives; invite to Nairobi as observer."),
    ("FIN", "Accession timetable", "accede", "meeting", "director", "draft",
     date(2004, 9, 15), date(2004, 11, 1), (5,), "Ask for the accession timetable."),
    ("POL", "Ratification", "ratify", "note_verbale", "ambassador", "cancelled",
     date(2003, 5, 1), date(2003, 9, 1), (6,), "Ratification; Warsaw seminar follow-up."),
    ("BLR", "Accession and stockpile destruction", "accede", "meeting", "ambassador",
     "closed", date(2003, 3, 1), date(2003, 9, 1), (7,),
     "Welcome cabinet discussion; stockpile destruction assistance."),
    ("KHM", "Article 7 report", "submit_art7_report", "call", "officer", "delivered",
     date(2004, 3, 1), date(2004, 4, 30), (9,), "Annual Article 7 report due 30 April."),
    ("ETH", "Ratification before Nairobi", "ratify", "meeting", "ambassador", "response",
     date(2004, 5, 3), date(2004, 11, 29), (10,), "Ratify in time for the Review Conference."),
    ("USA", "Attend the Nairobi Review Conference", "attend_meeting", "meeting",
     "ambassador", "approved", date(2004, 9, 1), date(2004, 11, 15), (),
     "Invite an observer delegation to Nairobi."),
)  # fmt: skip

# (occurred, kind, states, contact indexes, summary, follow-up in days or None, done)
LOG_ENTRIES = (
    (date(2002, 10, 3), "meeting", ("TUR",), (0,),
     "Deputy DG confirmed intent to deposit jointly with Greece; expects cabinet approval "
     "in Q1", 60, True),
    (date(2002, 10, 7), "call", ("GRC",), (8,), "Greece confirms joint deposit planning", 45,
     True),
    (date(2002, 11, 19), "email", ("IDN",), (1,),
     "Indonesia interested in Article 7 reporting workshop", 30, True),
    (date(2003, 1, 20), "meeting", ("BLR",), (7,),
     "Belarus asks about stockpile destruction assistance", 30, True),
    (date(2003, 3, 12), "call", ("TUR", "GRC"), (0, 8), "Joint deposit set for September",
     None, False),
    (date(2003, 5, 14), "meeting", ("POL",), (6,),
     "Poland links ratification to alternatives; démarche on hold", None, False),
    (date(2003, 11, 10), "meeting", ("IDN",), (1,),
     "Ambassador delivered démarche on ratification; response awaited", 60, False),
    (date(2004, 1, 14), "call", ("ETH",), (10,), "Ethiopia: ratification bill in parliament",
     90, False),
    (date(2004, 2, 2), "letter", ("UKR",), (2,),
     "Letter from the Deputy Minister on PFM destruction sent", 45, False),
    (date(2004, 3, 3), "call", ("KHM",), (9,), "Cambodia's Article 7 report on track", None,
     False),
    (date(2004, 5, 5), "meeting", ("ETH",), (10,),
     "Ethiopia expects deposit before Nairobi", 120, False),
    (date(2004, 6, 22), "meeting", ("UKR", "BLR"), (2, 7),
     "Standing Committees: stockpile destruction side talk", 30, False),
    (date(2004, 6, 23), "meeting", ("FIN",), (5,),
     "Finland: accession studied with defence ministry; no date", 120, False),
    (date(2004, 9, 8), "call", ("PAK",), (3,),
     "Pakistan will consider abstaining on the UNGA resolution", 30, False),
    (date(2004, 9, 20), "email", ("VNM",), (4,),
     "Viet Nam open to a seminar on alternatives in 2005", 60, False),
    (date(2004, 10, 12), "meeting", (), (11,),
     "ICBL briefing on Nairobi outreach priorities", 14, False),
    (date(2004, 11, 30), "meeting", ("ETH", "IDN"), (10, 1),
     "Nairobi: bilateral on the margins with Ethiopia and Indonesia", 30, False),
)  # fmt: skip

# States announced as observers at the Nairobi Review Conference, beyond its members (the
# States Parties): illustrative, for the meeting planner's room; attendance lists are not
# part of the reference data.
NAIROBI = "Nairobi Summit"
NAIROBI_OBSERVERS = (
    "CHN", "EGY", "ETH", "FIN", "IDN", "IND", "KOR", "PAK", "POL", "RUS", "SGP", "UKR", "VNM",
)  # fmt: skip

# Interventions at the Fifth Meeting of the States Parties (Bangkok, September 2003):
# (part of the meeting's title, kind, title, target states, contact indexes, start in the
# meeting's time zone, minutes, talking points, outcome, follow-up in days or None,
# follow-up done). Statements and side events are planned "done"; a bilateral is planned
# and then completed through the planner, which logs the meeting with its outcome.
BANGKOK_INTERVENTIONS = (
    ("Universalization Contact Group (margins of the Fifth", "bilateral",
     "Contact Group margins, Bangkok: Indonesia positive, Cambodia to co-host outreach",
     ("IDN", "KHM"), (1, 9), datetime(2003, 9, 15, 15, 0), 30,
     "Indonesia: ratification timetable, Article 7 help. Cambodia: co-host a regional "
     "outreach seminar.",
     "Indonesia positive on ratification; Cambodia offers to co-host regional outreach.",
     30, True),
    ("Fifth Meeting of the States Parties", "statement", "Statement on universalization",
     (), (), datetime(2003, 9, 16, 10, 0), 10,
     "Report of the Universalization Contact Group; welcome new States Parties; call on "
     "states outside to accede before the Review Conference.",
     "Delivered in plenary on behalf of the Universalization Contact Group.", None, False),
)  # fmt: skip
