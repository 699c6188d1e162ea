"""The cache is not trusted: whatever is found under .cache/ (damaged, truncated, foreign, an old
pickle, a planted pickle, an entry copied under another key, or deleted during the build), the
pages are the ones a clean build makes, no code from the cache runs, and the build succeeds."""

from __future__ import annotations

import hashlib
import logging
import pickle
import shutil
from pathlib import Path

import pytest

from builder import pipeline
from builder.engine import cache, store
from builder.engine.cache import CACHE_DIR
from builder.config import load_config

from conftest import make_project

SEEDS = {
    "alpha.txt": "Notes on recruitment\n\nMigrant workers pay recruitment fees to agencies\n"
                 "that are not licensed.\n\nThe ministry will publish a list of agencies.\n",
    "beta.txt": "Letter on smuggling\n\nMarch 3, 2015\n\nDear Director:\n\nSmugglers moved forty\n"
                "people across the border last week.\n\nSincerely,\n\nA. Person\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, SEEDS)


@pytest.fixture
def processed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the seeds that ``process`` ran on (the first build's included)."""
    calls: list[str] = []
    real = pipeline.process
    monkeypatch.setattr(pipeline, "process", lambda source, config: calls.append(source.name) or real(source, config))
    return calls


def build(project: Path, **options) -> dict[str, str | bytes | None]:
    return pipeline.build(project / "seeds", project, jobs=1, **options).files


def clean_build(project: Path) -> dict[str, str | bytes | None]:
    return build(project, use_cache=False)


def entry(project: Path, name: str) -> Path:
    """The document entry of seed ``name``."""
    key = cache.Cache(project, load_config(project).fingerprint).key(
        name, hashlib.sha256((project / "seeds" / name).read_bytes()).hexdigest())
    return cache.Cache(project, "").path(key)


def render_entries(project: Path) -> list[Path]:
    return sorted((project / CACHE_DIR / "render").glob("??/*.entry"))


def payload_start(path: Path) -> int:
    return store.HEAD.size + store.HEAD.unpack(path.read_bytes()[:store.HEAD.size])[3]


def edit(path: Path, old: bytes, new: bytes, *, start: int = 0) -> None:
    """Replace ``old`` by ``new`` (same length) in ``path``, from ``start`` on."""
    data = path.read_bytes()
    assert len(old) == len(new) and old in data[start:]
    path.write_bytes(data[:start] + data[start:].replace(old, new))


def cache_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "builder.engine.store" and r.levelno == logging.WARNING]


# --- damaged entries ------------------------------------------------------------------------

def test_a_same_length_edit_in_a_document_entry_never_reaches_the_pages(project, processed):
    expected = clean_build(project)
    build(project)
    edit(entry(project, "alpha.txt"), b"licensed", b"LICENSED")
    processed.clear()
    assert build(project) == expected
    assert processed == ["alpha.txt"]  # rebuilt


def test_a_bad_entry_is_reported_once_as_a_warning_naming_its_key(project, caplog):
    build(project)
    path = entry(project, "alpha.txt")
    edit(path, b"licensed", b"LICENSED")
    with caplog.at_level(logging.WARNING, logger="builder.engine.store"):
        build(project)
    warnings = cache_warnings(caplog)
    assert len(warnings) == 1 and path.stem in warnings[0]


def test_a_flipped_bit_in_a_payload_never_reaches_the_pages(project):
    expected = clean_build(project)
    build(project)
    path = entry(project, "alpha.txt")
    edit(path, b"Migrant", b"Migranu", start=payload_start(path))  # in the seed's bytes: the raw source page
    assert build(project) == expected


def test_a_same_length_edit_in_a_rendered_page_never_reaches_the_pages(project):
    expected = clean_build(project)
    build(project)
    for path in render_entries(project):
        if b"licensed" in path.read_bytes():
            edit(path, b"licensed", b"LICENSED")
    assert build(project) == expected


def test_truncated_entries_are_misses_and_the_build_succeeds(project):
    from builder.__main__ import main

    docs = project / "docs"
    args = ["build", "--root", str(project), "--seeds", str(project / "seeds"), "--docs", str(docs), "-q"]
    assert main([*args, "--no-cache"]) == 0
    expected = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert main(args) == 0  # fills the cache
    for path in (project / CACHE_DIR).rglob("*.entry"):
        path.write_bytes(path.read_bytes()[:-100])  # cut inside the payload (or a page)
    (project / CACHE_DIR / "site-stamp.json").unlink()
    assert main(args) == 0
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == expected


def test_foreign_files_in_place_of_entries_are_misses(project, processed):
    expected = clean_build(project)
    build(project)
    for path in (project / CACHE_DIR).rglob("*.entry"):
        path.write_bytes((project / "mkdocs.yml").read_bytes())
    processed.clear()
    assert build(project) == expected
    assert sorted(processed) == sorted(SEEDS)


def test_an_old_pickle_entry_is_a_miss(project, processed):
    expected = clean_build(project)
    build(project)
    doc = pipeline.process(pipeline.read_seed(pipeline.find_seeds(project / "seeds")[0][0]), load_config(project))
    entry(project, "alpha.txt").write_bytes(pickle.dumps(doc))  # what the cache held before
    processed.clear()
    assert build(project) == expected
    assert processed == ["alpha.txt"]


# --- planted pickles: loading one would create a marker file -----------------------------------

class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")  # unpickling it creates the marker file


def test_a_planted_pickle_never_runs(project, tmp_path):
    expected = clean_build(project)
    build(project)
    marker = tmp_path / "planted-pickle-ran"
    for path in (project / CACHE_DIR).rglob("*.entry"):
        path.write_bytes(pickle.dumps(_Planted(marker)))
    assert build(project) == expected
    assert not marker.exists()


def test_a_planted_pickle_with_valid_checksums_never_runs(project, tmp_path):
    """The checksums are no signature (anyone who writes .cache can compute them): it is the
    format, data only, that keeps code out."""
    expected = clean_build(project)
    build(project)
    marker = tmp_path / "planted-pickle-ran"
    bomb = pickle.dumps(_Planted(marker))
    for name in SEEDS:
        path = entry(project, name)
        path.write_bytes(b"".join(store.seal(b"document", path.stem, bomb, bomb)))
    for path in render_entries(project):
        path.write_bytes(b"".join(store.seal(b"render", path.stem, bomb)))
    assert build(project) == expected
    assert not marker.exists()


# --- entries under another key -------------------------------------------------------------------

def test_a_document_entry_copied_under_another_key_is_a_miss(project, processed):
    expected = clean_build(project)
    build(project)
    shutil.copy(entry(project, "alpha.txt"), entry(project, "beta.txt"))
    processed.clear()
    assert build(project) == expected
    assert processed == ["beta.txt"]


def test_a_rendered_page_entry_copied_under_another_key_is_a_miss(project):
    expected = clean_build(project)
    build(project)
    first, *others = render_entries(project)
    for path in others:
        shutil.copy(first, path)
    assert build(project) == expected


# --- the cache deleted or changed during a build ---------------------------------------------------

def after_linking(monkeypatch: pytest.MonkeyPatch, action) -> None:
    """Run ``action`` between the link stage and the rendering (documents loaded, payloads not read)."""
    real = pipeline.link
    monkeypatch.setattr(pipeline, "link", lambda documents, config: (action(), real(documents, config))[1])


def test_deleting_the_cache_between_stages_is_safe(project, monkeypatch):
    from builder.__main__ import main

    docs = project / "docs"
    args = ["build", "--root", str(project), "--seeds", str(project / "seeds"), "--docs", str(docs), "-q"]
    assert main([*args, "--no-cache"]) == 0
    expected = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    build(project)  # fills the cache (no stamp: the next build runs)
    after_linking(monkeypatch, lambda: shutil.rmtree(project / ".cache"))
    assert main(args) == 0
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == expected


def test_a_payload_damaged_during_the_build_is_made_again_from_its_seed(project, monkeypatch, caplog):
    expected = clean_build(project)
    build(project)
    shutil.rmtree(project / CACHE_DIR / "render")  # so every page is rendered from its payload

    def damage() -> None:
        for name in SEEDS:
            path = entry(project, name)
            data = bytearray(path.read_bytes())
            data[-1] ^= 1
            path.write_bytes(bytes(data))

    after_linking(monkeypatch, damage)
    with caplog.at_level(logging.WARNING, logger="builder.engine.store"):
        assert build(project) == expected
    warnings = cache_warnings(caplog)
    assert all(sum(f"; {name} is read" in w for w in warnings) == 1 for name in SEEDS)  # each seed, once


def test_deleting_the_cache_while_documents_are_processed_is_safe(project, monkeypatch):
    expected = clean_build(project)
    real = pipeline.process

    def process_then_delete(source, config):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        return real(source, config)

    monkeypatch.setattr(pipeline, "process", process_then_delete)
    assert build(project) == expected


def test_an_entry_is_stored_into_a_cache_folder_deleted_meanwhile(project):
    config = load_config(project)
    doc = pipeline.process(pipeline.read_seed(pipeline.find_seeds(project / "seeds")[0][0]), config)
    store = cache.Cache(project, config.fingerprint)
    key = store.key(doc.name, doc.source.sha256)
    assert store.put(key, list(cache.pack_parts(doc))) is not None
    shutil.rmtree(project / ".cache")
    assert store.put(key, list(cache.pack_parts(doc))) is not None  # the folder is made again
    assert store.get(key) is not None


def test_a_damaged_stamp_is_not_up_to_date(project):
    # The up-to-date stamp carries a checksum of its content like the entries: a damaged one
    # (edited, truncated, not JSON, of the format before it had a checksum) means build again.
    import json

    from builder.build import Options, run

    docs = project / "docs"
    stamp_file = project / CACHE_DIR / "site-stamp.json"

    def again():
        return run(Options(project / "seeds", docs, project))

    assert not again().skipped
    expected = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert again().skipped
    good = stamp_file.read_text(encoding="utf-8")
    sealed = json.loads(good)
    edited = {**sealed, "stamp": {**sealed["stamp"], "documents": sealed["stamp"]["documents"] + 1}}
    unsealed = sealed["stamp"]
    for damaged in (json.dumps(edited), good[:len(good) // 2], "\xff not json", json.dumps(unsealed),
                    good.replace(sealed["checksum"], "0" * len(sealed["checksum"]))):
        stamp_file.write_text(damaged, encoding="utf-8")
        outcome = again()
        assert not outcome.skipped, damaged[:80]
        assert outcome.documents == len(SEEDS)
        assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == expected
        assert again().skipped  # a good stamp recorded again
