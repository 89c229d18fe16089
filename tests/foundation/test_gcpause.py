"""`termguard.gcpause`: the collector is paused and restored as found; only the termguard
program freezes what a lasting pause leaves alive."""

from __future__ import annotations

import gc

import pytest

from termguard import gcpause


@pytest.fixture(autouse=True)
def _restore_collector():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_restores_the_collector_as_found(enabled):
    (gc.enable if enabled else gc.disable)()
    with gcpause.paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled
    with pytest.raises(RuntimeError), gcpause.paused():
        raise RuntimeError("an error inside")
    assert gc.isenabled() is enabled


def test_lasting_pauses_freeze_only_when_the_program_says_so(monkeypatch):
    gc.unfreeze()
    with gcpause.paused(lasting=True):
        kept = [object() for _ in range(100)]
    assert gc.get_freeze_count() == 0  # embedded: nothing frozen
    monkeypatch.setattr(gcpause, "freeze_lasting", True)
    with gcpause.paused(lasting=True):
        kept.append([])
    assert gc.get_freeze_count() > 0


def test_the_program_entry_point_sets_it(monkeypatch):
    from termguard import cli

    monkeypatch.setattr(gcpause, "freeze_lasting", False)
    monkeypatch.setattr(cli, "main", lambda: None)
    ended = []
    monkeypatch.setattr(cli, "_end", ended.append)
    cli.run()
    assert gcpause.freeze_lasting and ended == [0]


def test_frozen_undoes_its_own_freeze_but_never_another_programs(monkeypatch):
    monkeypatch.setattr(gcpause, "freeze_lasting", False)
    gc.unfreeze()
    kept = [[] for _ in range(10)]
    with gcpause.frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # embedded, nothing frozen before: undone
    gc.freeze()  # the embedding program's own freeze
    before = gc.get_freeze_count()
    kept.append([])
    with gcpause.frozen():
        assert gc.get_freeze_count() == before  # left as it is
    assert gc.get_freeze_count() == before


def test_frozen_is_for_good_in_the_program(monkeypatch):
    monkeypatch.setattr(gcpause, "freeze_lasting", True)
    gc.unfreeze()
    kept = [[] for _ in range(10)]
    with gcpause.frozen():
        pass
    assert gc.get_freeze_count() > 0 and kept
