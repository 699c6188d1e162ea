"""The build keeps its documents out of the garbage collector's full passes while it runs
(``engine.gc.LongLived``), pauses the collector while linking (``engine.gc.paused``), and leaves
the collector as it found it."""

from __future__ import annotations

import gc

from builder import pipeline
from builder.engine.gc import paused

from conftest import make_project

SEEDS = {"a.txt": "Migrant workers have rights in every country.\n",
         "b.txt": "Refugees and asylum seekers need protection.\n"}


def test_a_build_leaves_nothing_frozen_in_the_garbage_collector(tmp_path):
    project = make_project(tmp_path, SEEDS)
    assert gc.get_freeze_count() == 0
    pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    assert gc.get_freeze_count() == 0


def test_a_build_leaves_objects_the_host_program_froze_frozen(tmp_path):
    project = make_project(tmp_path, SEEDS)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
        # Not equal: a frozen object may be freed meanwhile (reference counting still works on
        # them); the build must neither unfreeze the host's objects nor freeze its own.
        assert frozen * 0.99 <= gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_the_collector_is_paused_inside_and_as_it_was_after():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # (a host that had it off keeps it off)
    finally:
        gc.enable()


def test_the_build_links_with_the_collector_paused(tmp_path, monkeypatch):
    project = make_project(tmp_path, SEEDS)
    enabled_while_linking = []
    link = pipeline.link

    def watched_link(*args):
        enabled_while_linking.append(gc.isenabled())
        return link(*args)

    monkeypatch.setattr(pipeline, "link", watched_link)
    pipeline.build(project / "seeds", project, jobs=1, use_cache=False)
    assert enabled_while_linking == [False]
    assert gc.isenabled()
