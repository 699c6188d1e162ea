"""The issuer is never a sentence that names a body in passing: an English line with a
lower-case word that is no small word (``… read once and referred to the Committee on …``), the
line it wraps onto, or a bold-labelled value (``**Status:** In Assembly Committee``)."""

from __future__ import annotations

from builder.clean.run import clean
from builder.document import Metadata, Source
from builder.enrich.metadata import extract

EN = ("The Convention sets out basic rights for domestic workers, including reasonable hours of work, "
      "weekly rest and clear information on the terms and conditions of their employment.")


def meta_of(*paragraphs: str) -> Metadata:
    return extract(clean(Source("t.txt", "\n\n".join(paragraphs) + "\n", "")))


def test_a_referral_line_and_its_wrapped_end_are_no_issuer():
    meta = meta_of("Relates to the wages of seasonal farm workers",
                   "Introduced by Mr. Jones -- read twice and referred to the\nCommittee on Agriculture", EN, EN)
    assert meta.organisation is None


def test_a_bold_labelled_status_is_no_issuer():
    meta = meta_of("Relates to the wages of seasonal farm workers", "**Status:** In Senate Committee", EN, EN)
    assert meta.organisation is None


def test_an_english_masthead_is_still_the_issuer():
    meta = meta_of("Department of Labor and Employment", "Relates to the wages of seasonal farm workers", EN, EN)
    assert meta.organisation == "Department of Labor and Employment"


def test_a_front_matter_author_that_is_a_body_signs_nothing():
    meta = meta_of("---\ntitle: Guidance on statelessness\nauthor: Division of International Protection\n---",
                   EN, EN)
    assert (meta.signatory, meta.organisation) == (None, "Division of International Protection")


def test_a_front_matter_author_that_is_a_person_is_the_signatory():
    meta = meta_of("---\ntitle: Guidance on statelessness\nauthor: Maria Lopez\n---", EN, EN)
    assert meta.signatory == "Maria Lopez"


def test_a_word_in_capitals_alone_on_its_lines_is_no_issuer():
    deleted = "\n".join(f"{n}. DELETED." for n in range(401, 408))
    meta = meta_of("Rules on stateless persons", EN, deleted, EN)
    assert meta.organisation is None
