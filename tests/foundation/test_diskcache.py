"""`termguard.diskcache`: what is stored is what is loaded; anything else is refused whole."""

from __future__ import annotations

import os

import pytest

from termguard import diskcache


@pytest.fixture
def where(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TERMGUARD_NO_CACHE", raising=False)
    monkeypatch.setattr(diskcache, "_disabled", False)
    return tmp_path / "cache"


def test_round_trip_per_suffix(where):
    data = (("key", (1, 2, None)), b"\x00\x01", {"a": "б"}, 3.5)
    diskcache.store("k", data)
    diskcache.store("k", ("other",), ".glossary")
    assert diskcache.load("k") == data
    assert diskcache.load("k", ".glossary") == ("other",)
    assert diskcache.load("missing") is None
    assert not list(where.glob("*.tmp"))


def _damage(data: bytearray, damage: str) -> bytes:
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        del data[-10:]
    elif damage == "extend":
        data += b"more"
    elif damage == "magic":
        data[0:4] = b"XXXX"
    else:
        data = bytearray()
    return bytes(data)


@pytest.mark.parametrize("damage", ["flip", "truncate", "extend", "magic", "empty"])
def test_a_damaged_file_is_refused(where, damage):
    diskcache.store("k", tuple(range(1000)))
    path = where / "k.matcher"
    path.write_bytes(_damage(bytearray(path.read_bytes()), damage))
    assert diskcache.load("k") is None


def test_a_file_under_another_key_is_refused(where):
    """The key is inside the checksummed payload: a valid file copied or renamed to another
    key's name is not that key's data."""
    diskcache.store("a", ("for a",))
    (where / "a.matcher").rename(where / "b.matcher")
    assert diskcache.load("b") is None
    assert diskcache.load("a") is None


def test_off_means_nothing_read_or_written(where, monkeypatch):
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    diskcache.store("k", (1,))
    assert diskcache.load("k") is None
    assert not where.exists()


def test_pruning_counts_every_kind_of_file(where, monkeypatch):
    monkeypatch.setattr(diskcache, "KEEP", 3)
    for i in range(3):
        diskcache.store(f"m{i}", (i,))
        os.utime(where / f"m{i}.matcher", (i, i))  # oldest first
        diskcache.store(f"g{i}", (i,), ".glossary")
        os.utime(where / f"g{i}.glossary", (10 + i, 10 + i))
    names = sorted(p.name for p in where.iterdir())
    assert len(names) == 3 and all(n.startswith("g") for n in names)  # the three newest
