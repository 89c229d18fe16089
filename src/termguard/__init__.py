"""termguard: a multilingual translation and glossary toolkit.

Segment source documents into translation units, keep PO translations in step, and lint
sources and translations against a glossary, the cited Russian sources and the rules of
good translation files.
"""

__version__ = "0.1.0"
