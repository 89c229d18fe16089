"""Merge a new template into existing translations, like GNU msgmerge, without losing any.

For every entry of the template, in the template's order:

1. an old entry with the same msgctxt and msgid (active, or obsolete and so revived) keeps
   its translation, flags and translator comments;
2. otherwise an old entry with the same msgid (the unit's id changed, its text did not)
   keeps its translation too;
3. otherwise the most similar old translated entry (rapidfuzz ratio of the msgids, at least
   `threshold`) lends its translation, flagged `fuzzy`, with the old text kept as
   `#| msgid` so the translator sees what changed; old entries no longer in the template
   are preferred as donors, since an edited unit usually inherits its own translation;
4. otherwise the entry is new and untranslated.

Old entries that no template entry took become obsolete (`#~`); obsolete entries stay. An
entry is dropped only when it carries nothing a translator wrote (no translation, no
translator comment), as msgmerge does. Positions and extracted comments come from the
template; the header keeps the translation's fields and takes `POT-Creation-Date` (and
`Report-Msgid-Bugs-To`) from the template.

The merge is pure (`merge_catalogs`); `update_files` reads, validates everything first
and only then writes, atomically, so a bad file leaves every file untouched.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import polib
from rapidfuzz import fuzz, process

from termguard.errors import InputError
from termguard.fileio import Snapshot, read_snapshot, replace_if_unchanged
from termguard.readers import decode_text, load_text
from termguard.readers.po import iter_po_entries, language_from_filename

_K = TypeVar("_K")

DEFAULT_THRESHOLD = 0.7

_HEADER_FROM_TEMPLATE = ("POT-Creation-Date", "Report-Msgid-Bugs-To")


@dataclass
class MergeResult:
    """What a merge did to one translation file: counts plus the ids behind them."""

    kept: int = 0
    revived: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    dropped: int = 0
    fuzzy_sources: list[tuple[str, str, float]] = field(default_factory=list)
    obsoleted: list[str] = field(default_factory=list)
    catalog: polib.POFile | None = None
    #: (unit id, old source text, new source text) of each fuzzy unit, in `fuzzy_sources` order.
    fuzzy_texts: list[tuple[str, str, str]] = field(default_factory=list)
    #: (unit id, source text) of each new, untranslated unit.
    added: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the merge changed anything but positions and the header."""
        return bool(self.revived or self.fuzzy or self.new or self.obsolete or self.dropped)

    def summary(self) -> str:
        """`98 kept, 1 fuzzy, 0 new, 1 obsolete` (+ revived/dropped when non-zero)."""
        parts = [f"{self.kept} kept", f"{self.fuzzy} fuzzy", f"{self.new} new", f"{self.obsolete} obsolete"]
        if self.revived:
            parts.append(f"{self.revived} revived")
        if self.dropped:
            parts.append(f"{self.dropped} empty dropped")
        return ", ".join(parts)


@dataclass
class FileUpdate:
    """The planned update of one PO file: its path, the merge, and the text to write."""

    path: str
    result: MergeResult
    text: str
    unchanged: bool
    #: What the file held when it was read: it is only replaced if it still holds that.
    snapshot: Snapshot | None = None


def shorten(text: str, width: int = 72) -> str:
    """`text` on one line, cut to about `width` characters with `…` where text was left out."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def changed_span(old: str, new: str, width: int = 72, context: int = 24) -> tuple[str, str]:
    """The old and new text shortened around where they differ, so the change stays visible.

    Both keep the same `context` characters before the first difference and after the last;
    what lies further out is replaced by `…`.
    """
    a, b = " ".join(old.split()), " ".join(new.split())
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    start = max(0, prefix - context)

    def cut(text: str) -> str:
        end = min(len(text), len(text) - suffix + context)
        piece = text[start:end]
        if len(piece) > width:
            piece = piece[: width - 1].rstrip() + "…"
        elif end < len(text):
            piece += "…"
        return ("…" if start > 0 else "") + piece

    return cut(a), cut(b)


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt or None, entry.msgid)


def _label(entry: polib.POEntry) -> str:
    """How an entry is named in messages: its msgctxt (the unit id) or its first words."""
    if entry.msgctxt:
        return entry.msgctxt
    words = " ".join(entry.msgid.split()[:6])
    return f"“{words}”"


def _is_translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return any(v for v in entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _worth_keeping(entry: polib.POEntry) -> bool:
    """True when the entry carries something a translator wrote."""
    return _is_translated(entry) or bool(entry.tcomment)


def nplurals_of(catalog: polib.POFile) -> int:
    """The `nplurals` of a catalog's Plural-Forms header (2 when absent or unreadable)."""
    forms = catalog.metadata.get("Plural-Forms", "")
    for part in forms.split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "nplurals":
            try:
                return max(int(value.strip()), 1)
            except ValueError:
                break
    return 2


def _carry(new: polib.POEntry, old: polib.POEntry, nplurals: int) -> bool:
    """Copy the translation side of `old` into `new`; False when singular/plural shapes differ."""
    new.tcomment = old.tcomment
    # Extracted comments come from the template, except termguard suppressions a
    # translator added to this file (`#. termguard: ignore RULE`): those must survive.
    template_lines = new.comment.splitlines() if new.comment else []
    kept = [line for line in (old.comment or "").splitlines()
            if line.strip().startswith("termguard:") and line not in template_lines]
    if kept:
        new.comment = "\n".join(template_lines + kept)
    extra = [f for f in old.flags if f not in new.flags]
    new.flags.extend(extra)
    new.previous_msgid = old.previous_msgid
    new.previous_msgid_plural = old.previous_msgid_plural
    new.previous_msgctxt = old.previous_msgctxt
    if bool(new.msgid_plural) == bool(old.msgid_plural):
        if new.msgid_plural:
            new.msgstr_plural = dict(old.msgstr_plural)
        else:
            new.msgstr = old.msgstr
        return True
    if new.msgid_plural:
        new.msgstr_plural = {0: old.msgstr, **dict.fromkeys(range(1, nplurals), "")}
    else:
        new.msgstr = old.msgstr_plural.get(0, "")
    return False


def fresh_entry(tpl: polib.POEntry, nplurals: int) -> polib.POEntry:
    """A translation-file entry for a template entry: positions and comments, no translation."""
    entry = polib.POEntry(
        msgctxt=tpl.msgctxt,
        msgid=tpl.msgid,
        msgid_plural=tpl.msgid_plural,
        occurrences=list(tpl.occurrences),
        comment=tpl.comment,
        flags=[f for f in tpl.flags if f != "fuzzy"],
    )
    if tpl.msgid_plural:
        entry.msgstr_plural = dict.fromkeys(range(nplurals), "")
    else:
        entry.msgstr = ""
    return entry


def _mark_fuzzy(entry: polib.POEntry, donor: polib.POEntry) -> None:
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    entry.previous_msgid = donor.msgid
    entry.previous_msgid_plural = donor.msgid_plural or None
    entry.previous_msgctxt = donor.msgctxt if donor.msgctxt != entry.msgctxt else None


def _header(template: polib.POFile, po: polib.POFile) -> tuple[str, dict[str, str]]:
    metadata = dict(po.metadata)
    for name in _HEADER_FROM_TEMPLATE:
        if template.metadata.get(name):
            metadata[name] = template.metadata[name]
    metadata.setdefault("Content-Type", "text/plain; charset=UTF-8")
    metadata.setdefault("Content-Transfer-Encoding", "8bit")
    return po.header, metadata


def _prefer(index: dict[_K, polib.POEntry], key: _K, entry: polib.POEntry) -> None:
    """Put `entry` at `key` in `index`, unless the entry already there is translated and
    `entry` is not."""
    current = index.get(key)
    if current is None or _is_translated(entry) or not _is_translated(current):
        index[key] = entry


def merge_catalogs(template: polib.POFile, po: polib.POFile, threshold: float = DEFAULT_THRESHOLD) -> MergeResult:
    """Merge `template` into the translations of `po`; return the new catalog and counts.

    Neither argument is modified. See the module docstring for the matching order.
    """
    nplurals = nplurals_of(po)
    result = MergeResult()
    old_active = [e for e in po if not e.obsolete]
    old_obsolete = [e for e in po if e.obsolete]

    by_key: dict[tuple[str | None, str], polib.POEntry] = {}
    by_msgid: dict[str, polib.POEntry] = {}
    # Active entries win over obsolete ones with the same key; translated over untranslated.
    for entry in old_obsolete + old_active:
        if entry.msgid == "" and not entry.msgctxt:
            continue
        _prefer(by_key, _key(entry), entry)
        _prefer(by_msgid, entry.msgid, entry)

    template_entries = [e for e in template if not e.obsolete and not (e.msgid == "" and not e.msgctxt)]
    template_keys = {_key(e) for e in template_entries}
    template_msgids = {e.msgid for e in template_entries}

    used: set[int] = set()
    merged: list[polib.POEntry] = []
    pending: list[tuple[int, polib.POEntry]] = []
    for tpl in template_entries:
        entry = fresh_entry(tpl, nplurals)
        old = by_key.get(_key(tpl)) or by_msgid.get(tpl.msgid)
        if old is not None:
            used.add(id(old))
            shapes_match = _carry(entry, old, nplurals)
            if not shapes_match:
                _mark_fuzzy(entry, old)
                result.fuzzy += 1
                result.fuzzy_sources.append((_label(entry), _label(old), 1.0))
                result.fuzzy_texts.append((_label(entry), old.msgid, entry.msgid))
            elif old.obsolete:
                result.revived += 1
            else:
                result.kept += 1
        else:
            pending.append((len(merged), entry))
        merged.append(entry)

    # Donors for fuzzy matches: translated old entries. Those whose text left the template
    # are tried first (an edited sentence inherits its own translation), then all others.
    donors = [e for e in old_active + old_obsolete if _is_translated(e) and e.msgid]
    gone = [e for e in donors if _key(e) not in template_keys and e.msgid not in template_msgids]
    cutoff = threshold * 100
    for _position, entry in pending:
        donor, score = _best_donor(entry.msgid, gone, cutoff)
        if donor is None:
            donor, score = _best_donor(entry.msgid, donors, cutoff)
        if donor is None:
            result.new += 1
            result.added.append((_label(entry), entry.msgid))
            continue
        used.add(id(donor))
        _carry(entry, donor, nplurals)
        _mark_fuzzy(entry, donor)
        result.fuzzy += 1
        result.fuzzy_sources.append((_label(entry), _label(donor), round(score / 100, 3)))
        result.fuzzy_texts.append((_label(entry), donor.msgid, entry.msgid))

    obsolete: list[polib.POEntry] = []
    for old in old_active:
        if id(old) in used or (old.msgid == "" and not old.msgctxt):
            continue
        if not _worth_keeping(old):
            result.dropped += 1
            continue
        gone_entry = _copy(old)
        gone_entry.obsolete = True
        gone_entry.occurrences = []
        obsolete.append(gone_entry)
        result.obsolete += 1
        result.obsoleted.append(_label(old))
    for old in old_obsolete:
        if id(old) not in used:
            obsolete.append(_copy(old))

    catalog = polib.POFile(wrapwidth=po.wrapwidth, check_for_duplicates=False)
    catalog.header, catalog.metadata = _header(template, po)
    catalog.metadata_is_fuzzy = po.metadata_is_fuzzy
    catalog.extend(merged)
    catalog.extend(obsolete)
    result.catalog = catalog
    return result


def _best_donor(msgid: str, candidates: list[polib.POEntry], cutoff: float) -> tuple[polib.POEntry | None, float]:
    if not candidates:
        return None, 0.0
    found = process.extractOne(msgid, [c.msgid for c in candidates], scorer=fuzz.ratio, score_cutoff=cutoff)
    if found is None:
        return None, 0.0
    _, score, index = found
    return candidates[index], score


def _copy(entry: polib.POEntry) -> polib.POEntry:
    clone = polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgid_plural=entry.msgid_plural,
        msgstr=entry.msgstr,
        occurrences=list(entry.occurrences),
        comment=entry.comment,
        tcomment=entry.tcomment,
        flags=list(entry.flags),
        previous_msgctxt=entry.previous_msgctxt,
        previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural,
        obsolete=entry.obsolete,
    )
    if entry.msgid_plural:
        clone.msgstr_plural = dict(entry.msgstr_plural)
    return clone


def _wrap_style(text: str) -> int:
    """The wrap width a file was written with: 0 (unwrapped, as `termguard segment` writes)
    when any line is longer than gettext's 79 columns, else gettext's usual wrapping.

    Keeping the file's own style means an update changes only the lines that changed.
    """
    longest = max((len(line) for line in text.split("\n")), default=0)
    return 0 if longest > 79 else 78


def read_catalog(path: str, text: str | None = None) -> polib.POFile:
    """Read a PO/POT file (or parse `text`, read from it already): syntax checked by
    termguard's reader (exact line), modelled by polib."""
    if text is None:
        text = load_text(path)
    for _ in iter_po_entries(text, path):
        pass  # raises InputError naming the line of the first syntax error
    try:
        return polib.pofile(text, encoding="utf-8", wrapwidth=_wrap_style(text))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot parse as a PO file ({exc}); fix the syntax or regenerate it", path) from None


def _check_template(template: polib.POFile, path: str) -> None:
    for entry in template:
        if entry.obsolete or (entry.msgid == "" and not entry.msgctxt):
            continue
        if _is_translated(entry):
            raise InputError(
                "not a template: this entry has a translation; pass the .pot written by `termguard segment`",
                path,
                entry.linenum,
            )
    if not any(not e.obsolete and e.msgid for e in template):
        raise InputError("template has no entries; regenerate it with `termguard segment DOC -o OUT.pot`", path)


def _language(po: polib.POFile, path: str) -> str | None:
    lang = po.metadata.get("Language") or language_from_filename(path)
    return lang.replace("-", "_") if lang else None


def _read_only(path: str) -> bool:
    """True for a file nobody may write: no write permission bit, or no access for us.

    The permission bits are checked too, so that `chmod a-w` protects a file even from a
    root user, whom `os.access` always allows.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK)


def _overlaps(template: polib.POFile, po: polib.POFile) -> bool:
    keys = {_key(e) for e in template if not e.obsolete}
    msgids = {e.msgid for e in template if not e.obsolete and e.msgid}
    return any(_key(e) in keys or e.msgid in msgids for e in po if e.msgid and not e.obsolete)


def plan_updates(
    template_path: str,
    po_paths: list[str] | tuple[str, ...],
    *,
    lang: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    force: bool = False,
    check_writable: bool = True,
) -> list[FileUpdate]:
    """Read and merge everything, raising `InputError` for the first bad file; write nothing."""
    if not 0.0 < threshold <= 1.0:
        raise InputError(f"similarity threshold {threshold} out of range; use a value in (0, 1]", template_path)
    template = read_catalog(template_path)
    _check_template(template, template_path)
    tpl_abs = os.path.abspath(template_path)
    plans: list[FileUpdate] = []
    seen: set[str] = set()
    for path in po_paths:
        if os.path.abspath(path) == tpl_abs:
            raise InputError("this is the template itself; pass the translation files after it", path)
        if os.path.abspath(path) in seen:
            continue
        seen.add(os.path.abspath(path))
        if Path(path).suffix.lower() == ".pot":
            raise InputError("a template cannot be updated; pass .po translation files", path)
        if check_writable and _read_only(path):
            raise InputError("file is read-only; make it writable (chmod u+w) and run again", path)
        data, snapshot = read_snapshot(path)
        old_text = decode_text(data, path)
        po = read_catalog(path, old_text)
        found = _language(po, path)
        if lang and found and found.lower() != lang.replace("-", "_").lower():
            raise InputError(f"language is {found!r}, not {lang!r}; pass the {lang} file or drop --lang", path)
        if lang and not found:
            raise InputError(f"no Language header; add `Language: {lang}` to the header", path)
        translated = [e for e in po if not e.obsolete and e.msgid and _is_translated(e)]
        if translated and not force and not _overlaps(template, po):
            raise InputError(
                f"shares no unit with template {template_path}; is it the right template? (--force to merge anyway)",
                path,
            )
        result = merge_catalogs(template, po, threshold=threshold)
        assert result.catalog is not None
        text = str(result.catalog)
        if not text.endswith("\n"):
            text += "\n"
        plans.append(FileUpdate(path=path, result=result, text=text, unchanged=text == old_text, snapshot=snapshot))
    return plans


def apply_updates(plans: list[FileUpdate]) -> None:
    """Write every planned file that changed, each atomically and only if it still holds
    what was read (`termguard.fileio.replace_if_unchanged`): a PO file edited while the
    update ran stops the run with exit 2 naming it, and the edit is kept."""
    for plan in plans:
        if not plan.unchanged:
            if plan.snapshot is None:
                raise InputError("internal: an update planned without reading the file", plan.path)
            replace_if_unchanged(plan.path, plan.snapshot, plan.text)
