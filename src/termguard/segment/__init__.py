"""Segmentation: split a Markdown or plain-text document into translation units.

`segment_text` is the entry point for documents, `split_sentences` for plain text. Each
`Segment` keeps the exact character spans it covers in the file and a map from its
(whitespace-collapsed) text back to file offsets. Sentence rules come from editable
per-language data files (`RuleSplitter`) or from an SRX file (`termguard.segment.srx`).
"""

from __future__ import annotations

from termguard.segment.core import Segment, guess_lang, segment_text, split_sentences
from termguard.segment.rules import RuleSplitter, load_language

__all__ = ["RuleSplitter", "Segment", "guess_lang", "load_language", "segment_text", "split_sentences"]
