"""`termguard init`: start a translation from a template, as `msginit` does.

Every unit of the template becomes an untranslated entry (plural entries get one empty
form per plural form of the language). The header is the template's, with what a
translation needs filled in from babel's CLDR data: `Language`, `Language-Team`,
`Plural-Forms` (the formula the plural-forms rule expects), `Content-Type` in UTF-8, and a
revision date; the template's `#, fuzzy` on the header is dropped, since the header is now
right. An existing file is never overwritten.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import polib
from babel import Locale, UnknownLocaleError

from termguard import __version__
from termguard.errors import ConfigError, InputError
from termguard.workflow.update import fresh_entry, read_catalog


@dataclass(frozen=True)
class InitResult:
    """The new translation file: where it goes, its text, and how many units it has."""

    path: str
    text: str
    lang: str
    units: int


def parse_language(lang: str) -> Locale:
    """The babel locale of a language code (`ru`, `tr`, `pt-BR`, `pt_BR`); an unknown code
    is a usage error naming what to write."""
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ConfigError(f"--lang {lang!r} is not a language babel knows; use a code such as ru, tr or pt_BR") from None


def plural_forms(locale: Locale) -> str:
    """The `Plural-Forms` header value for a locale, from babel's CLDR plural rules."""
    from babel.messages.plurals import get_plural

    from termguard.plurals import language_plurals

    found = language_plurals(str(locale))
    if found is not None and found.suggestion:
        return found.suggestion
    return get_plural(locale).plural_forms


def default_output(template: str, lang: str) -> str:
    """`<template's folder>/<lang>.po`."""
    return str(Path(template).parent / f"{lang}.po")


def _now() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", stamp)


def init_catalog(template: str, lang: str, output: str | None = None, translator: str | None = None) -> InitResult:
    """Build the new PO file for `lang` from `template` (nothing is written here);
    `translator` ("Name <email>") fills `Last-Translator`."""
    locale = parse_language(lang)
    code = str(locale)
    path = output or default_output(template, code)
    if os.path.exists(path):
        raise InputError("already exists; termguard init never overwrites a translation (use termguard update to merge a new template)", path)
    # The template is read as `update` reads it: termguard's own PO reader checks the syntax
    # and names the line (polib alone accepts an unterminated string and drops what follows).
    pot = read_catalog(template)
    if not any(not e.obsolete for e in pot):
        raise InputError("the template has no units; make it with termguard segment DOC -o TEMPLATE.pot", template)
    nplurals_value = plural_forms(locale)
    nplurals = int(nplurals_value.split("nplurals=", 1)[1].split(";", 1)[0])
    po = polib.POFile(wrapwidth=0)
    name = locale.english_name or code
    po.header = f"{name} translation of {Path(template).name}, started with termguard init."
    metadata = dict(pot.metadata)
    metadata.update({
        "PO-Revision-Date": _now(),
        "Language-Team": name,
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": nplurals_value,
        "X-Generator": f"termguard {__version__}",
    })
    if translator:
        if "\n" in translator or "\\" in translator or '"' in translator:
            raise ConfigError("--translator is one line of the form 'Name <email>'")
        metadata["Last-Translator"] = translator.strip()
    if metadata.get("Project-Id-Version", "PACKAGE VERSION") == "PACKAGE VERSION":
        metadata["Project-Id-Version"] = Path(template).stem
    po.metadata = metadata
    po.metadata_is_fuzzy = False
    units = 0
    for entry in pot:
        if entry.obsolete:
            continue
        units += 1
        po.append(fresh_entry(entry, nplurals))
    return InitResult(path=path, text=str(po) + "\n", lang=code, units=units)


def init_file(template: str, lang: str, output: str | None = None, translator: str | None = None) -> InitResult:
    """Write the new translation file atomically, refusing to replace an existing one."""
    from termguard.fileio import write_atomic

    result = init_catalog(template, lang, output, translator)
    parent = Path(result.path).parent
    if str(parent) and not parent.is_dir():
        raise InputError("the folder does not exist; create it or choose another -o", result.path)
    if os.path.exists(result.path):
        raise InputError("already exists; termguard init never overwrites a translation", result.path)
    write_atomic(result.path, result.text)
    return result
