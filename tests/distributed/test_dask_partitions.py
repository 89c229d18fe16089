"""The Dask path: partitions checked on a local cluster give the same report as a local run."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.distributed import check_partitions, partition
from termguard.engine import Engine

distributed = pytest.importorskip("dask.distributed", reason="the optional `dask` extra is not installed")

GLOSSARY = """
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden}]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
"""


def test_partition_keeps_order_and_balances(tmp_path):
    files = []
    for i, size in enumerate([10, 10, 10, 10, 40]):
        f = tmp_path / f"{i}.po"
        f.write_text("x" * size)
        files.append(str(f))
    parts = partition(files, 2)
    assert [p for part in parts for p in part] == files
    assert len(parts) == 2


def test_local_cluster_matches_local_run(tmp_path):
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        body = "Система «Триумпф»" if i % 2 else "Система «Триумф»"
        (corpus / f"f{i}.po").write_text(
            f'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "The Triumf system {i}"\nmsgstr "{body} {i}"\n',
            encoding="utf-8",
        )
    config = Config(glossary=str(tmp_path / "g.yaml"), glossary_required=True, select=("forbidden-term", "missing-term"))
    local = Engine(config).run([str(corpus)])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            remote = check_partitions([str(corpus)], config, client)
    assert len(local.findings) == 3
    assert remote.findings == local.findings
    assert sorted(remote.files) == sorted(local.files)
    assert remote.units == local.units == 6
