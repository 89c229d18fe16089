"""`termguard.diskcache`: what is stored is what is loaded; anything else is refused whole."""

from __future__ import annotations

import os
import zlib

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
    elif damage == "head":  # a sections head longer than the file, behind a valid checksum
        data[8:16] = (1 << 40).to_bytes(8, "little")
        data[4:8] = zlib.crc32(data[8:]).to_bytes(4, "little")
    else:
        data = bytearray()
    return bytes(data)


@pytest.mark.parametrize("damage", ["flip", "truncate", "extend", "magic", "empty"])
def test_a_damaged_file_is_refused(where, damage):
    diskcache.store("k", tuple(range(1000)))
    path = where / "k.matcher"
    path.write_bytes(_damage(bytearray(path.read_bytes()), damage))
    assert diskcache.load("k") is None


def test_sections_round_trip_as_views_of_the_file(where):
    sections = [b"keys" * 1000, b"", bytes(range(256)) * 3, b"\x00" * 7]
    diskcache.store_sections("s", ("head", (1, 2)), sections)
    head, views = diskcache.load_sections("s")
    assert head == ("head", (1, 2))
    assert [bytes(v) for v in views] == sections
    assert all(isinstance(v, memoryview) for v in views)
    assert diskcache.load("s") is None  # a file of sections is not a `store` file, nor the reverse
    diskcache.store("p", (1,))
    assert diskcache.load_sections("p") is None
    diskcache.store_sections("s", "new", [b"x"])  # replaced while the old views are held
    assert bytes(views[0]) == sections[0] and diskcache.load_sections("s")[0] == "new"


@pytest.mark.parametrize("damage", ["flip", "truncate", "extend", "magic", "empty", "head"])
def test_damaged_sections_are_refused(where, damage):
    diskcache.store_sections("s", tuple(range(100)), [b"a" * 5000, b"b" * 3000])
    path = where / "s.matcher"
    path.write_bytes(_damage(bytearray(path.read_bytes()), damage))
    assert diskcache.load_sections("s") is None


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
