"""`termguard.inttable.IntTable` behaves as a dict of unsigned 64-bit integers."""

from __future__ import annotations

import random

import pytest

from termguard.inttable import IntTable


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_answers_as_a_dict(seed):
    rng = random.Random(seed)
    table, model = IntTable(4), {}
    for i in range(20000):
        # uniform digests, small keys (0 among them), colliding low bits, the largest key
        key = rng.choice([rng.getrandbits(64), rng.randrange(8), rng.randrange(64) << 40, (1 << 64) - 1])
        assert table.get(key) == model.get(key)
        assert (key in table) == (key in model)
        if i % 3:
            value = rng.getrandbits(64)
            table[key] = value
            model[key] = value
    assert len(table) == len(model)
    assert dict(table.items()) == model
    for key, value in model.items():
        assert table[key] == value


def test_missing_and_out_of_range():
    table = IntTable()
    with pytest.raises(KeyError):
        table[5]
    assert table.get(5, 7) == 7
    assert -1 not in table and "x" not in table and (1 << 64) not in table
    with pytest.raises(OverflowError):
        table[1 << 64] = 1
    with pytest.raises(OverflowError):
        table[1] = -1


def test_the_pairs_take_two_flat_arrays():
    table = IntTable()
    rng = random.Random(0)
    for _ in range(100000):
        table[rng.getrandbits(64)] = rng.getrandbits(64)
    assert len(table) == 100000
    # 2**18 slots of 8 + 8 bytes: well under what a dict of int objects takes
    assert table._keys.itemsize * len(table._keys) * 2 <= 4 * 1024 * 1024
