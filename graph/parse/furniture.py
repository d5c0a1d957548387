"""Page furniture of Senate question pages, French and Dutch, in one table.

Everything the parser recognises by wording lives here; the parser itself holds no literal labels.
Labels are compared after `fold()` (lower case, no accents, straight apostrophes, single spaces).
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophe variants unified, runs of spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


# "Question écrite n° 7-1874" / "Schriftelijke vraag nr. 7-639"; print pages may prefix "SÉNAT".
HEADER = re.compile(
    r"(?P<label>Question [ée]crite n°|Schriftelijke vraag nr\.)\s*(?P<leg>\d+)\s*-\s*(?P<n>\d+)", re.I
)
HEADER_LANGUAGE = {"question": "fr", "schriftelijke": "nl"}

# "de Els Ampe (Open Vld) du 31 janvier 2023" / "van Yves Buysse (Vlaams Belang) d.d. 22 september 2020"
AUTHOR = re.compile(
    r"^(?:de|van)\s+(?P<name>[^()]+?)\s*(?:\((?P<party>[^()]*)\))?\s*(?:(?:du|d\.d\.)\s+(?P<date>.+?))?\s*$"
)
# Leading words of the addressee line, longest first.
ADDRESSEE_PREFIXES = ("à la ", "à l'", "à l’", "aux ", "au ", "aan de ", "aan het ", "aan ")

# "Question n° 7-1874 du 31 janvier 2023 : (Question posée en néerlandais)"; print pages repeat
# "Question écrite n°" here. The date after "du"/"d.d." tells it from the page header.
BODY_HEADER = re.compile(
    r"(?:Question (?:[ée]crite )?n°|(?:Schriftelijke )?[Vv]raag nr\.)\s*(?P<number>\d+-\d+)\s*"
    r"(?:du|d\.d\.)\s*(?P<date>[^:(]*?)\s*:\s*(?:\((?P<lang>[^)]*)\))?"
)
ORIGINAL_LANGUAGE = {
    "neerlandais": "nl", "francais": "fr", "allemand": "de",
    "nederlands": "nl", "frans": "fr", "duits": "de",
}

CHRONOLOGY = ("chronologie",)
# "31/1/2023Envoi question (Fin du délai de réponse: 2/3/2023)"
EVENT = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*(?P<label>.*?)\s*$")
DEADLINE = re.compile(
    r"\(\s*(?:Fin du d[ée]lai de r[ée]ponse|Einde van de antwoordtermijn)\s*:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*\)",
    re.I,
)
# Folded event labels -> contract kind; the first label that starts the folded text wins.
EVENT_KINDS: tuple[tuple[str, str], ...] = (
    ("envoi question", "sent"),
    ("verzending vraag", "sent"),
    ("reponse", "answered"),
    ("antwoord", "answered"),
    ("rappel", "reminder"),
    ("herinnering", "reminder"),
    ("dossier cloture", "closed"),
    ("dossier gesloten", "closed"),
    ("fin de la legislature", "end_of_legislature"),
    ("einde van de legislatuur", "end_of_legislature"),
    ("einde legislatuur", "end_of_legislature"),
    ("einde van de zittingsperiode", "end_of_legislature"),
    ("herkwalificatie", "requalified"),
    ("requalification", "requalified"),
    ("requalifie", "requalified"),
)

# Link lines: folded label before the colon -> record field.
LINKS: tuple[tuple[str, str], ...] = (
    ("aussi posee a", "also_asked"),
    ("ook gesteld aan", "also_asked"),
    ("reintroduction de", "reintroduced_from"),
    ("herindiening van", "reintroduced_from"),
    ("heringediend van", "reintroduced_from"),
    ("reintroduite comme", "reintroduced_as"),
    ("reintroduit comme", "reintroduced_as"),
    ("reintroduite en tant que", "reintroduced_as"),
    ("heringediend als", "reintroduced_as"),
    ("requalifiee comme", "requalified_as"),
    ("requalifiee en", "requalified_as"),
    ("requalifie comme", "requalified_as"),
    ("geherkwalificeerd als", "requalified_as"),
    ("requalification de", "requalified_from"),
    ("herkwalificatie van", "requalified_from"),
)
LINK_LINE = re.compile(r"^(?P<label>[^:]{4,60}?)\s*:\s*(?P<rest>.*\d+-\d+.*)$")
LINK_TARGET = re.compile(r"(?P<kind>[^\d:]*?)\s*(?P<number>\d+-\d+)")
REQUALIFICATION_KINDS = {
    "vraag om uitleg": "request_for_explanation",
    "demande d'explications": "request_for_explanation",
    "demande d'explication": "request_for_explanation",
    "mondelinge vraag": "oral_question",
    "question orale": "oral_question",
    "schriftelijke vraag": "written_question",
    "question ecrite": "written_question",
}

# "Réponse reçue le 27 novembre 2019 :" / "Antwoord ontvangen op 31 januari 2011 :"
ANSWER_HEADER = re.compile(r"^(?:R[ée]ponse re[çc]ue le|Antwoord ontvangen op)\b\s*(?P<date>[^:]*?)\s*(?::|$)", re.I)
ANSWER_NOT_AVAILABLE = ("texte pas encore disponible", "tekst nog niet beschikbaar", "tekst niet beschikbaar")

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "januari": 1, "februari": 2, "maart": 3, "september": 9, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "oktober": 10, "november": 11, "december": 12,
    "januar": 1, "februar": 2, "marz": 3, "august": 8, "dezember": 12,
}

# Print pages.
PRINT_MARKERS = ("senat de belgique", "belgische senaat")
PRINT_CELL_NOISE = re.compile(r"\s*\|[|\s]*$")
SEPARATOR = re.compile(r"^_{3,}(?:\s+_{3,})*$")
# Mojibake seen on Dutch pages: 'Ž' stands for 'ë'.
MOJIBAKE = {"Ž": "ë"}
