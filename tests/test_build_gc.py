"""The build keeps its documents out of the garbage collector's full passes while it runs
(``engine.gc.LongLived``), and leaves the collector as it found it."""

from __future__ import annotations

import gc

from builder import pipeline

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
