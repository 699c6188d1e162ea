"""A synthetic corpus of messy documents, for the benchmark and the parallel/cache tests.

``generate(n, out_dir, seed=…)`` writes ``n`` raw ``.txt`` seeds that carry the kinds of mess
real extracted documents have: text hard-wrapped near 50 columns with trailing spaces,
words hyphenated across lines, page breaks in the middle of a sentence with running
headers and page numbers, footnotes with superscript markers and their bodies at the foot
of the page, web boilerplate (navigation, cookie banners, share links), bullet glyphs,
numbered headings, and letters (letterhead, date, addressee, salutation, closing, signatory).
Theme trigger phrases come from ``themes.yml``; organisations appear as "Full Name (ACRONYM)"
and then by acronym, so themes and entities spread across the corpus.

The output is a pure function of ``(n, seed, themes)``: document ``i`` depends only on the
seed and ``i``, so a corpus of 1,000 is the first 1,000 documents of the corpus of 10,000.
"""

from __future__ import annotations

import argparse
import random
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

ORGANISATIONS = [
    ("International Labour Organization", "ILO"), ("International Organization for Migration", "IOM"),
    ("Office of the High Commissioner for Human Rights", "OHCHR"), ("United Nations Children's Fund", "UNICEF"),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR"),
    ("United Nations Office on Drugs and Crime", "UNODC"), ("Global Forum on Migration and Development", "GFMD"),
    ("European Union Agency for Fundamental Rights", "FRA"), ("Organization of American States", "OAS"),
    ("Committee on Migrant Workers", "CMW"), ("Regional Conference on Migration", "RCM"),
    ("Northern Coastal Migration Council", "NCMC"), ("Federation of Domestic Workers' Unions", "FDWU"),
    ("Ministry of Labour and Social Affairs", "MLSA"), ("National Bureau of Statistics", "NBS"),
    ("Centre for Border Studies", "CBS"), ("Association of Recruitment Agencies", "ARA"),
    ("Joint Inspection Unit", "JIU"), ("Special Rapporteur on the human rights of migrants", "SRHRM"),
    ("Inter-Agency Coordination Group against Trafficking in Persons", "ICAT"),
]
COUNTRIES = ["Arcadia", "Borduria", "Carpania", "Dravonia", "Elbonia", "Freedonia", "Genovia", "Haldor",
             "Ishtar", "Jurland", "Kravia", "Latveria", "Moldavia Minor", "Norland", "Ostrava", "Pontevia"]
PEOPLE = ["Maria K. Olsen", "David R. Mensah", "Aiko Tanaka", "Jean-Luc Moreau", "Fatima Al-Sayed",
          "Peter J. Novak", "Grace Achieng", "Lucas Ferreira", "Anna Lindqvist", "Omar Haddad"]
ROLES = ["Ambassador", "Permanent Representative", "Director-General", "Deputy Minister",
         "Head of Delegation", "Chargé d'affaires", "Chief of Section"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SUBJECTS = ["The Government", "The delegation", "Our office", "The committee", "States", "The working group",
            "Civil society organisations", "Local authorities", "The secretariat", "Member States",
            "The national commission", "Employers and unions", "The ministry", "Regional bodies"]
VERBS = ["welcomes", "recalls", "supports", "notes with concern", "calls for", "reaffirms", "has adopted",
         "continues to promote", "recommends", "has strengthened", "will review", "underlines",
         "is committed to", "has expanded", "encourages"]
OBJECTS = ["measures to protect {p}", "a national plan of action on {p}", "the collection of data on {p}",
           "cooperation with countries of origin on {p}", "training for officials on {p}",
           "access to justice for people affected by {p}", "legislation addressing {p}",
           "research into the causes of {p}", "public awareness campaigns about {p}",
           "funding for programmes on {p}", "bilateral agreements covering {p}",
           "the monitoring of {p} at the regional level"]
FILLERS = ["in line with its international obligations", "in close consultation with partners",
           "over the reporting period", "with particular attention to women and children",
           "as set out in the annex", "in all regions of the country", "within existing resources",
           "since the previous session", "with the support of development partners",
           "in accordance with national law", "at the request of the committee"]
GENERIC = ["migration governance", "human rights", "border management", "the rule of law", "social protection",
           "regular pathways", "return and reintegration", "consular assistance", "data protection"]
BOILERPLATE = ["Skip to main content", "Home | About | Newsroom | Contact",
               "Share this page: Facebook | Twitter | Email",
               "This website uses cookies. Accept cookies | Cookie settings", "Print this page",
               "Subscribe to our newsletter", "Back to top", "Follow us on social media", "Sign in | Register",
               "Privacy policy | Terms of use | Accessibility"]
BULLETS = ["•", "●", "▪", "", "–", "o", "*"]
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[str], list[float]]:
    """English words by frequency (wordfreq), with Zipf-like cumulative weights for sampling."""
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 20000) if w.isalpha() and (len(w) > 1 or w == "a")]
    cum, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 10)
        cum.append(total)
    return words, cum


def theme_phrases(path: Path = ROOT / "themes.yml") -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    phrases = [p.replace("*", "") for t in (data or {}).get("themes", []) for p in t.get("phrases", []) if len(p) > 3]
    return phrases or list(GENERIC)


class _Doc:
    """One synthetic document being written: logical paragraphs, then laid out on 'pages'."""

    def __init__(self, rng: random.Random, phrases: list[str]) -> None:
        self.rng = rng
        self.focus = rng.sample(phrases, k=min(len(phrases), rng.randint(1, 3)))
        self.phrases = phrases
        self.orgs = rng.sample(ORGANISATIONS, k=rng.randint(2, 5))
        self.named: set[str] = set()
        self.notes: list[str] = []

    def org(self) -> str:
        name, acronym = self.rng.choice(self.orgs)
        if acronym in self.named:
            return f"the {acronym}" if self.rng.random() < 0.5 else acronym
        self.named.add(acronym)
        return f"the {name} ({acronym})"

    def topic(self) -> str:
        r = self.rng.random()
        return self.rng.choice(self.focus if r < 0.6 else self.phrases if r < 0.8 else GENERIC)

    def sentence(self) -> str:
        """A stock sentence (three in ten, as official prose repeats itself) or free prose."""
        rng = self.rng
        if rng.random() < 0.7:
            words = rng.choices(_vocabulary()[0], cum_weights=_vocabulary()[1], k=rng.randint(6, 20))
            if rng.random() < 0.5:
                words.insert(rng.randint(0, len(words)), self.topic())
            if rng.random() < 0.15:
                words.insert(rng.randint(0, len(words)), self.org())
            if rng.random() < 0.2:
                words.insert(rng.randint(1, len(words)), rng.choice(COUNTRIES))
            text = " ".join(words)
            return self._note(text[0].upper() + text[1:]) + "."
        if rng.random() < 0.7:
            subject = rng.choice(SUBJECTS)
        else:
            subject = self.org()
            subject = subject[0].upper() + subject[1:]
        words = f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS).format(p=self.topic())}"
        if rng.random() < 0.6:
            words += f", {rng.choice(FILLERS)}"
        if rng.random() < 0.3:
            words += f", together with {self.org()} and the authorities of {rng.choice(COUNTRIES)}"
        return self._note(words) + "."

    def _note(self, words: str) -> str:
        """Sometimes a footnote marker (a superscript digit) and its note, kept for the page foot."""
        rng = self.rng
        if rng.random() < 0.04 and len(self.notes) < len(SUPERSCRIPTS):
            self.notes.append(f"See the report of {self.org()} on {self.topic()}, {rng.randint(1995, 2024)}, "
                              f"paragraphs {rng.randint(2, 40)}-{rng.randint(41, 90)}.")
            words += SUPERSCRIPTS[len(self.notes) - 1]
        return words

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))


def _date(rng: random.Random) -> tuple[int, str, str]:
    year = rng.randint(1998, 2024)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return year, f"{MONTHS[month - 1]} {day}, {year}", f"{day} {MONTHS[month - 1]} {year}"


def _wrap(text: str, rng: random.Random, width: int) -> list[str]:
    """Hard-wrap near ``width`` columns, sometimes hyphenating, often leaving a trailing space."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            if len(word) > 8 and word.isalpha() and rng.random() < 0.15:
                cut = rng.randint(3, len(word) - 3)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line + (" " if rng.random() < 0.5 else ""))
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def _layout(blocks: list[list[str]], doc: _Doc, header: str, rng: random.Random, lines_per_page: int) -> str:
    """Blocks of lines → pages, breaking mid-paragraph, with a running header, footnotes and page numbers."""
    out: list[str] = []
    page_lines = 0
    page = 1
    for block in blocks:
        for line in block:
            if page_lines >= lines_per_page:
                notes = [f"{SUPERSCRIPTS[i]} {text}" for i, text in enumerate(doc.notes)
                         if SUPERSCRIPTS[i] in "\n".join(out[-page_lines:]) and not text.startswith("\0")]
                if notes:
                    out += ["", "_" * 20] + notes
                    for i, text in enumerate(doc.notes):
                        if f"{SUPERSCRIPTS[i]} {text}" in notes:
                            doc.notes[i] = "\0" + text
                out += ["", f"{page}" if rng.random() < 0.5 else f"Page {page} of {page + rng.randint(1, 9)}",
                        "\f" if rng.random() < 0.3 else "", header, ""]
                page += 1
                page_lines = 0
            out.append(line)
            page_lines += 1
        out.append("")
        page_lines += 1
    rest = [f"{SUPERSCRIPTS[i]} {text}" for i, text in enumerate(doc.notes) if not text.startswith("\0")]
    if rest:
        out += ["_" * 20] + rest
    return "\n".join(out)


def document(i: int, seed: int, phrases: list[str]) -> str:
    """The raw text of document ``i`` of the corpus with this seed."""
    rng = random.Random(f"{seed}:{i}")
    doc = _Doc(rng, phrases)
    kind = rng.choices(["letter", "report", "web", "factsheet"], weights=[2, 4, 2, 2])[0]
    width = rng.randint(46, 56)
    year, us_date, eu_date = _date(rng)
    target_words = int(min(4000, max(250, rng.lognormvariate(6.9, 0.55))))
    country = rng.choice(COUNTRIES)
    blocks: list[list[str]] = []
    words = 0

    def add_paragraph() -> None:
        nonlocal words
        text = doc.paragraph()
        words += len(text.split())
        blocks.append(_wrap(text, rng, width))

    if kind == "letter":
        org, acronym = doc.orgs[0]
        blocks.append([w.upper() + ("  " if rng.random() < 0.5 else "") for w in
                       ("The Permanent Mission", f"of {country}", "to the United Nations")])
        blocks.append([us_date])
        blocks.append([f"Office of the {rng.choice(ROLES)}", org, "Palais des Nations", "CH-1211 Geneva 10"])
        blocks.append([rng.choice(["Dear Madam or Sir:", "Excellency,", "To Whom It May Concern:", "Dear Director,"])])
        while words < target_words:
            add_paragraph()
        person = rng.choice(PEOPLE)
        blocks += [[rng.choice(["Sincerely,", "Sincerely yours,", "Yours faithfully,"])], [person],
                   [rng.choice(ROLES)]]
        header = f"{country} - {acronym}"
    else:
        genre = rng.choice(['Report', 'Submission', 'Fact sheet', 'Statement', 'Note'])
        title = f"{genre} on {doc.topic()} in {country}"
        if kind == "web":
            blocks.append(rng.sample(BOILERPLATE, k=rng.randint(3, 6)))
        blocks.append([title.upper() if rng.random() < 0.4 else title])
        blocks.append([rng.choice([eu_date, us_date, f"Published {eu_date}", f"Geneva, {eu_date}"])])
        section = 0
        while words < target_words:
            r = rng.random()
            if r < 0.12:
                section += 1
                head = f"{section}. {doc.topic().capitalize()} and {rng.choice(GENERIC)}"
                blocks.append([head if rng.random() < 0.7 else head.upper()])
            elif r < 0.25:
                glyph = rng.choice(BULLETS)
                items = []
                for _ in range(rng.randint(2, 6)):
                    item = doc.sentence()
                    words += len(item.split())
                    wrapped = _wrap(item, rng, width - 2)
                    items += [f"{glyph} {wrapped[0]}"] + [f"  {line}" for line in wrapped[1:]]
                blocks.append(items)
            else:
                add_paragraph()
        if kind == "web":
            blocks.append(rng.sample(BOILERPLATE, k=rng.randint(2, 4)) + [f"Last updated: {eu_date}"])
        header = title[:40]
    return _layout(blocks, doc, header, rng, lines_per_page=rng.randint(40, 60)).rstrip() + (
        "\n" if rng.random() < 0.7 else "")


def generate(n: int, out_dir: Path, *, seed: int = 9, themes: Path = ROOT / "themes.yml") -> list[Path]:
    """Write ``n`` seeds into ``out_dir`` (created); returns their paths in order."""
    phrases = theme_phrases(themes)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out_dir / f"{i:05d}_synthetic.txt"
        path.write_text(document(i, seed, phrases), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    p = argparse.ArgumentParser(description="Write a synthetic corpus of messy documents.")
    p.add_argument("n", type=int, help="number of documents")
    p.add_argument("out", type=Path, help="folder to write the seeds into")
    p.add_argument("--seed", type=int, default=9, help="random seed (default 9)")
    args = p.parse_args()
    generate(args.n, args.out, seed=args.seed)


if __name__ == "__main__":
    main()
