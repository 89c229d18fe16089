"""Segmentation: split a Markdown or plain-text document into translation units.

`segment_text` is the single entry point. Each `Segment` keeps the exact character spans it
covers in the file and a map from its (whitespace-collapsed) text back to file offsets.
"""

from __future__ import annotations

from termguard.segment.core import Segment, segment_text

__all__ = ["Segment", "segment_text"]
