"""Test-wide settings: the matcher cache lives in a temporary directory, never in ~/.cache."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _matcher_cache_dir(tmp_path_factory):
    os.environ["TERMGUARD_CACHE_DIR"] = str(tmp_path_factory.mktemp("matcher-cache"))
    os.environ.pop("TERMGUARD_NO_CACHE", None)
    yield
