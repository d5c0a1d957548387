"""A deterministic (seeded) generator of realistic question pages for scale tests, in French and Dutch,
drawn from the reference data: authors with their party, a post in office on the question date (titled in
the page's language), EuroVoc descriptors, organisations and countries in the body, cross-posted groups,
answers. Pages use legislature 99, which the Senate never had, so they cannot be taken for real ones."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.reference import read_table
from graph.resolve.actors import Actors, Office

LEGISLATURE = 99
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december"]
LANGUAGE_NAMES = {"fr": {"fr": "français", "nl": "néerlandais"}, "nl": {"fr": "Frans", "nl": "Nederlands"}}


@dataclass
class _Pools:
    offices: dict[str, list[Office]]
    authors: list[tuple[str, str, dt.date]]  # name, party label, a date a source shows them in that party
    descriptors: dict[str, list[str]]
    organisations: list[str]
    countries: dict[str, list[str]]


class SyntheticCorpus:
    def __init__(self, reference_dir: Path, seed: int = 1874) -> None:
        self.seed = seed
        actors = Actors(reference_dir)
        party_label = {pid: row["label"] for pid, row in actors.parties.items()}
        authors = sorted({(actors.people[m.person_id]["name"], party_label[m.organisation_id], m.start)
                          for m in actors.party_memberships() if m.person_id in actors.people})
        labels = read_table(reference_dir / "eurovoc" / "eurovoc_labels.tsv")
        countries = read_table(reference_dir / "countries.tsv")
        self.pools = _Pools(
            offices={lang: [o for o in actors.offices if o.titles().get(lang) and o.end] for lang in ("fr", "nl")},
            authors=authors,
            descriptors={lang: sorted({r["label"] for r in labels if r["lang"] == lang and r["kind"] == "pref"})
                         for lang in ("fr", "nl")},
            organisations=sorted(r["name"] for r in read_table(reference_dir / "organisations.tsv")),
            countries={lang: sorted(r[f"label_{lang}"] for r in countries if r[f"label_{lang}"]) for lang in ("fr", "nl")},
        )

    def pages(self, count: int) -> Iterator[tuple[str, str]]:
        """(file name, page text) for questions 99-1 .. 99-count; the same seed gives the same pages."""
        rng = random.Random(self.seed)
        number = 1
        while number <= count:
            group = min(rng.choice([1, 1, 1, 1, 2, 3]), count - number + 1)  # cross-posted groups
            numbers = [f"{LEGISLATURE}-{n}" for n in range(number, number + group)]
            lang = rng.choice(["fr", "fr", "nl"])
            first_office = rng.choice(self.pools.offices[lang])
            near = [a for a in self.pools.authors if abs((a[2] - first_office.start).days) < 365] or self.pools.authors
            author = rng.choice(near)
            shared = {"author": author, "lang": lang, "descriptors": rng.sample(self.pools.descriptors[lang], rng.randint(3, 6)),
                      "organisations": rng.sample(self.pools.organisations, 2),
                      "country": rng.choice(self.pools.countries[lang])}
            for index, own in enumerate(numbers):
                office = rng.choice(self.pools.offices[lang])
                span = max((office.end - office.start).days, 1)  # type: ignore[operator]
                date = office.start + dt.timedelta(days=rng.randrange(span))
                others = [n for n in numbers if n != own]
                answered = rng.random() < 0.6
                yield f"{own}.{lang}.txt", self._page(rng, own, date, office, others, answered, shared)
            number += group

    def write(self, directory: Path, count: int) -> int:
        directory.mkdir(parents=True, exist_ok=True)
        written = 0
        for name, text in self.pages(count):
            (directory / name).write_text(text, encoding="utf-8")
            written += 1
        return written

    def _page(self, rng: random.Random, number: str, date: dt.date, office: Office, others: list[str],
              answered: bool, shared: dict) -> str:
        lang = shared["lang"]
        fr = lang == "fr"
        name, party, _ = shared["author"]
        months = MONTHS_FR if fr else MONTHS_NL
        long_date = f"{date.day} {months[date.month - 1]} {date.year}"
        deadline = date + dt.timedelta(days=30)
        title = office.titles()[lang]
        prefix = ("à la " if title.lower().startswith(("ministre", "secrétaire")) and rng.random() < 0.3 else "au ") if fr else "aan de "
        organisations, country = shared["organisations"], shared["country"]
        lines = [
            "Version à imprimer bilingue Version à imprimer unilingue" if fr else "Tweetalige printerversie Eentalige printerversie", "",
            f"Question écrite n° {number}" if fr else f"Schriftelijke vraag nr. {number}", "",
            f"de {name} ({party}) du {long_date}" if fr else f"van {name} ({party}) d.d. {long_date}", "",
            prefix + title, "",
            " - ".join([organisations[0], shared["descriptors"][0].capitalize(), country]), "",
            *shared["descriptors"], "",
            "Chronologie", "",
            f"{date.day}/{date.month}/{date.year}" + ("Envoi question (Fin du délai de réponse: " if fr else
                                                      "Verzending vraag (Einde van de antwoordtermijn: ")
            + f"{deadline.day}/{deadline.month}/{deadline.year})",
        ]
        answer_date = date + dt.timedelta(days=rng.randint(10, 120))
        if answered:
            lines.append(f"{answer_date.day}/{answer_date.month}/{answer_date.year}" + ("Réponse" if fr else "Antwoord"))
        lines.append("")
        for other in others:
            lines += [f"Aussi posée à : question écrite {other}" if fr else f"Ook gesteld aan : schriftelijke vraag {other}"]
        language = LANGUAGE_NAMES[lang][lang]
        lines += ["", (f"Question n° {number} du {long_date} : (Question posée en {language})" if fr else
                       f"Vraag nr. {number} d.d. {long_date} : (Vraag gesteld in het {language})"), ""]
        if fr:
            lines += [f"La société {organisations[0]} et {organisations[1]} sont actives en {country}. "
                      f"Plusieurs rapports évoquent des risques pour la sécurité (https://example.org/rapport/{number}).", "",
                      "Je souhaiterais donc vous poser les questions suivantes:", "",
                      f"1) Combien de contrats publics ont été conclus avec {organisations[0]} ?", "",
                      "2) Quelles mesures envisagez-vous ?", ""]
        else:
            lines += [f"Het bedrijf {organisations[0]} en {organisations[1]} zijn actief in {country}. "
                      f"Verschillende rapporten wijzen op veiligheidsrisico's (https://example.org/rapport/{number}).", "",
                      "Graag had ik een antwoord gekregen op volgende vragen:", "",
                      f"1) Hoeveel overheidsopdrachten werden gegund aan {organisations[0]}?", "",
                      "2) Welke maatregelen overweegt u?", ""]
        if answered:
            answer_long = f"{answer_date.day} {months[answer_date.month - 1]} {answer_date.year}"
            lines += [f"Réponse reçue le {answer_long} :" if fr else f"Antwoord ontvangen op {answer_long} :", "",
                      "L'honorable membre trouvera ci-après la réponse à sa question." if fr else
                      "Het geachte lid vindt hieronder het antwoord op zijn vraag."]
        return "\n".join(lines) + "\n"
