"""Checking a very large corpus on a Dask cluster (the optional `dask` extra).

One machine with `--jobs` handles files up to millions of entries. When a corpus is many
thousands of PO/XLIFF files (a translation memory export, every project of a platform),
`check_partitions` spreads the files over the workers of a Dask cluster: each worker loads
the glossary once, checks its partition, and the findings are merged and sorted exactly as
a local run would sort them.

    from dask.distributed import Client
    from termguard.config import Config
    from termguard.distributed import check_partitions

    client = Client("tcp://scheduler:8786")
    report = check_partitions(["corpus/"], Config(glossary="glossary/"), client)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from termguard.config import Config
from termguard.engine import Engine, Report, collect_files
from termguard.model import Finding
from termguard.suppressions import ignore_per_file

_ENGINES: dict[str, Engine] = {}


def _engine(config: Config) -> Engine:
    # One engine (glossary, matchers, morphology) per worker process and configuration;
    # Config holds dicts, so its repr is the key.
    key = repr(config)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(config)
    return _ENGINES[key]


def _check_partition(paths: list[str], config: Config) -> tuple[list[Finding], list[str], int]:
    engine = _engine(config)
    findings: list[Finding] = []
    shown: list[str] = []
    units = 0
    for path in paths:
        found, name, count = engine.check_file(path)
        findings.extend(found)
        shown.append(name)
        units += count
    return findings, shown, units


def partition(files: list[str], parts: int) -> list[list[str]]:
    """Split files into about `parts` partitions of about equal total size, keeping order."""
    if not files:
        return []
    sizes = [max(os.path.getsize(f), 1) if os.path.exists(f) else 1 for f in files]
    target = sum(sizes) / max(parts, 1)
    out: list[list[str]] = [[]]
    weight = 0.0
    for path, size in zip(files, sizes):
        if out[-1] and weight + size > target and len(out) < parts:
            out.append([])
            weight = 0.0
        out[-1].append(path)
        weight += size
    return out


def check_partitions(paths: Iterable[str], config: Config, client: Any, parts: int | None = None) -> Report:
    """Check every file under `paths` on the Dask cluster behind `client`; merge the findings.

    `parts` defaults to four partitions per worker thread. Paths must be readable by the
    workers (a shared file system, or the same checkout on every node).
    """
    files = collect_files(paths, config)
    if parts is None:
        threads = sum(client.nthreads().values()) or 1
        parts = threads * 4
    futures = client.map(_check_partition, partition(files, parts), config=config, pure=False)
    findings: list[Finding] = []
    shown: list[str] = []
    units = 0
    for found, names, count in client.gather(futures):
        findings.extend(found)
        shown.extend(names)
        units += count
    findings = ignore_per_file(config, findings)
    findings.sort(key=Finding.sort_key)
    return Report(tuple(findings), tuple(shown), units)
