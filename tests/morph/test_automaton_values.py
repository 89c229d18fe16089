"""The automaton keeps a bounded number of decoded values and finds the same either way."""

from __future__ import annotations

from termguard.morph import automaton


def _items(n: int) -> tuple:
    return tuple((f" w{i} ", (i, f"w{i}", (i, None, False))) for i in range(n))


def test_hits_are_the_same_when_values_are_forgotten(monkeypatch):
    items = _items(300)
    text = " ".join(f" w{i} " for i in (5, 17, 5, 299, 0, 17, 150) * 20)
    whole = automaton.build(items).iter(text)
    monkeypatch.setattr(automaton, "DECODED", 4)
    small = automaton.build(items)
    assert small.iter(text) == whole
    assert len(small._values) <= 4
    assert [v for _last, v in whole][:3] == [items[5][1], items[17][1], items[5][1]]


def test_packed_and_items_build_the_same():
    items = _items(50)
    a, b = automaton.build(items), automaton.build(packed=automaton.pack(items))
    assert list(a.items()) == list(b.items()) == list(items)
    assert len(a) == 50 and sorted(a.keys(" w4")) == [" w4 ", " w40 ", " w41 ", " w42 ", " w43 ", " w44 ", " w45 ", " w46 ", " w47 ", " w48 ", " w49 "]
