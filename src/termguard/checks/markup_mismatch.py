"""TG310 markup-mismatch: the translation loses, adds or breaks the source's inline markup."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, register, translated_pairs
from termguard.markdown_tokens import MARKUP_CHARS, Token, tokens
from termguard.model import Field, Finding, Severity, Unit

_NAMES = {"*": "emphasis `*…*`", "_": "emphasis `_…_`", "**": "strong `**…**`", "__": "strong `__…__`"}
_CLASS = {
    "link": ("link target", "the link text may change, the URL may not"),
    "footnote": ("footnote marker", "keep every footnote marker of the source"),
    "code": ("inline code", "code is copied as it is, never translated"),
    "tag": ("HTML tag", "keep the source's tags, translating only the text between them"),
}


@register
class MarkupMismatch(Rule):
    """The translation's inline Markdown markup differs from the source's, or is left open.

    What:
        Compares the inline markup of each translation (msgstr; msgid_plural for plural
        forms) with its source (msgid): emphasis and strong markers (`*`, `_`, `**`,
        `__`) present and balanced as in the source; link targets (`[text](URL)`,
        `<URL>`, bare URLs: the link text may change, the URL may not); footnote markers
        (`[^n]`, `<sup>n</sup>`); inline code (`` `code` ``, verbatim); HTML tags
        (`<sup>`, `</sup>`, `<br>`). A source unit that opens an emphasis closed in the
        next unit (the segmenter splits a paragraph in emphasis into sentences, and says
        so in the template's comment) must open it in the translation too, and the next
        unit must close it; a translation that opens one the source does not, or closes
        one the source leaves open, is reported at its marker. Markers inside code and
        URLs, escaped markers (`\\*`), `2 * 3` and snake_case underscores are not markup.
        Brackets and quotation marks are brackets-quotes' to check; source documents
        have nothing to compare with and are not read.
    Why:
        A lost closing `*` turns the rest of the paragraph into italics when the
        translation is built; a changed URL or a lost footnote marker sends readers
        nowhere; translated code is wrong code. Review tools (memoQ, Trados, Xbench) call
        this tag QA.
    Example:
        `msgid "The *S-400* deal"` with `msgstr "Сделка по *С-400"` is reported: the
        translation opens `*` and never closes it. `[Kremlin](https://kremlin.ru)` as
        `[Кремль](https://kremlin.com)` is reported: the URL changed.
    Use instead:
        The source's markup around the translated words: `Сделка по *С-400*`,
        `[Кремль](https://kremlin.ru)`.
    """

    code = "TG310"
    name = "markup-mismatch"
    severity = Severity.WARNING
    summary = "inline markup (emphasis, links, footnotes, code, tags) lost, added or left open"
    applies_to = "translation"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Compare the markup of each non-empty target with its source."""
        for src, fld in translated_pairs(unit):
            yield from self._compare(unit, ctx, src, fld)

    def _compare(self, unit: Unit, ctx: CheckContext, src: Field, fld: Field) -> Iterator[Finding]:
        lang = unit.target_lang
        if not MARKUP_CHARS.search(src.text) and not MARKUP_CHARS.search(fld.text):
            return  # no markup on either side: nothing to compare
        have = tokens(fld.text)
        want = tokens(src.text)
        yield from self._emphasis(unit, ctx, src, fld, want, have)
        for kind, (what, rule_of_thumb) in _CLASS.items():
            w = Counter(t.key for t in want if t.kind == kind)
            h = Counter(t.key for t in have if t.kind == kind)
            if w == h:
                continue
            extra = h - w
            missing = w - h
            for t in have:
                if t.kind == kind and extra[t.key] > 0:
                    extra[t.key] -= 1
                    changed = " (changed from the source's)" if missing else ""
                    yield ctx.finding(self, unit, fld, t.start, t.end,
                                      f"{what} {t.key} is not in the source{changed}; {rule_of_thumb}",
                                      lang=lang, found=t.key, suggestions=list(missing.elements())[:1])
            for t in want:
                if t.kind == kind and missing[t.key] > 0:
                    missing[t.key] -= 1
                    yield ctx.finding(self, unit, src, t.start, t.end,
                                      f"{what} {t.key} of the source is missing from the translation; {rule_of_thumb}",
                                      lang=lang, found=t.key)

    def _emphasis(self, unit: Unit, ctx: CheckContext, src: Field, fld: Field, want: list[Token], have: list[Token]) -> Iterator[Finding]:
        """Balance per marker (a span opened with `*` closes with `*`), presence per kind
        (`_x_` for `*x*` is the same emphasis)."""
        lang = unit.target_lang
        for kind, keys in (("strong", ("**", "__")), ("emphasis", ("*", "_"))):
            unbalanced = False
            for key in keys:
                w = [t for t in want if t.key == key]
                h = [t for t in have if t.key == key]
                name = _NAMES[key]
                if len(w) % 2 == 0 and len(h) % 2:
                    # The source closes every span it opens here; the translation does not.
                    unbalanced = True
                    last = h[-1]
                    yield ctx.finding(self, unit, fld, last.start, last.end,
                                      f"unbalanced {name}: the translation has {len(h)} `{key}` marker(s), the source "
                                      f"{len(w)}, all closed in this unit; close it where the source does",
                                      lang=lang, found=key)
                elif len(w) % 2 and len(h) % 2 == 0:
                    unbalanced = True
                    if h:
                        at_fld, start, end = fld, h[-1].start, h[-1].end
                    else:
                        at_fld, start, end = src, w[-1].start, w[-1].end
                    yield ctx.finding(self, unit, at_fld, start, end,
                                      f"{name} is left open across units in the source (it continues in the next or "
                                      f"previous unit), but not in the translation ({len(h)} `{key}` against {len(w)}); "
                                      "keep the marker in this unit as the source does",
                                      lang=lang, found=key)
            if unbalanced:
                continue
            w = [t for t in want if t.kind == kind]
            h = [t for t in have if t.kind == kind]
            if len(h) < len(w):
                missing = w[len(h)]
                yield ctx.finding(self, unit, src, missing.start, missing.end,
                                  f"{_NAMES[missing.key]} of the source is missing from the translation ({len(h)} {kind} "
                                  f"markers against {len(w)}); keep the {kind}",
                                  lang=lang, found=missing.key)
            elif len(h) > len(w):
                extra = h[len(w)]
                yield ctx.finding(self, unit, fld, extra.start, extra.end,
                                  f"{_NAMES[extra.key]} that the source does not have ({len(h)} {kind} markers against "
                                  f"{len(w)})", lang=lang, found=extra.key)
