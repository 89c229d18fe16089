"""Foreign names in Russian text: is a Russian name the practical transcription of a Latin word?

Russian news write foreign names in Cyrillic by practical transcription: Trump → «Трамп»,
Washington → «Вашингтон», Scholz → «Шольц», Erdoğan → «Эрдоган». The original Latin
spelling of such a name is not a romanisation of the Russian, and must not be judged as one
(romanising «Трамп» gives "Tramp", which the original "Trump" is not a drift of).

`transcribes(latin, russian)` says whether the Russian word can be read as a transcription
of the Latin one under the grapheme correspondences of practical transcription from English,
German, French, Italian, Spanish, Turkish and the usual romanisations of Arabic and Hebrew
names (w → в/у, u → а/у/ю, th → т/с, j → дж/ж/й, sch → ш, z → ц/з, c → к/с/ц, ph → ф,
Turkish ç/ş/ğ/ı, silent letters, double letters). It is a search over alignments, not a
table of names.

`russian_origin(russian, native)` says whether a Russian name is itself Russian, whatever
its Latin look-alike: a surname or patronymic with a Russian suffix (Белкова,
Стародубцев, Сергеевич), a Russian given name (Максим, Николай), a compound of Russian
words (Рособоронэкспорт), or a Russian common word quoted as a name («Триумф», «Армия»).
A Latin spelling close to such a name is a drift even where English transcription rules
would also produce it (Maxim for Максим, Nicolai for Николай, Triumph for «Триумф»).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Latin grapheme → the Russian letters practical transcription writes for it. Longer
#: graphemes are tried first; every alternative is tried (the search backtracks).
_RULES: dict[str, tuple[str, ...]] = {
    # letter groups
    "tsch": ("ч",), "sch": ("ш", "сх"), "tch": ("ч",), "dsh": ("дж",), "eau": ("о",),
    "ch": ("ч", "ш", "х", "к"), "sh": ("ш",), "zh": ("ж",), "kh": ("х",), "gh": ("г", ""), "ph": ("ф", "п"),
    "th": ("т", "с", "з"), "wh": ("у", "в"), "ck": ("к",), "dg": ("дж",), "dj": ("дж",), "dzh": ("дж",),
    "cz": ("ч", "ц"), "sz": ("ш",), "tz": ("ц",), "ts": ("ц", "тс"), "qu": ("кв", "к"), "gu": ("г", "гу"),
    "gn": ("нь", "гн"), "ng": ("нг", "н"), "ll": ("л", "лл"), "ss": ("с", "сс"),
    "ou": ("у", "ау", "оу"), "oo": ("у",), "ee": ("и",), "ea": ("и", "а", "е", "еа"), "ai": ("ай", "е", "э", "аи"),
    "ay": ("ей", "ай", "э"), "ei": ("ай", "ей", "и", "е", "еи"), "ey": ("ей", "ай", "яй", "и", "эй"),
    "ie": ("и", "ие", "ье", "ай"), "oi": ("уа", "ой", "ои"), "oy": ("ой",), "au": ("ау", "о"), "aw": ("о", "ау"),
    "ew": ("ью", "ю", "у"), "eu": ("ой", "е", "эу", "ев", "ю"), "äu": ("ой",), "ui": ("уи", "и"), "ue": ("ю", "у", "уэ"),
    "ia": ("ия", "ья", "я", "иа"), "ya": ("я", "йя", "йа", "ья"), "yo": ("йо", "е"), "yu": ("ю",), "ye": ("йе", "ье", "е"),
    "ja": ("я", "йя", "джа", "жа"), "ju": ("ю", "джу", "жу"), "jo": ("йо", "джо", "жо", "ё", "хо"),
    "eo": ("о", "ео", "эо"), "ii": ("ий", "ии"), "iy": ("ий",), "iu": ("ю", "иу"),
    # single letters
    "a": ("а", "э", "е", "о", "ей"), "b": ("б",), "c": ("к", "с", "ц", "ч"), "d": ("д",),
    "e": ("е", "э", "и", "ей"), "f": ("ф",), "g": ("г", "ж", "дж", "х"), "h": ("х", "г"),
    "i": ("и", "ай", "ы", "й"), "j": ("дж", "ж", "й", "х"), "k": ("к",), "l": ("л",), "m": ("м",), "n": ("н",),
    "o": ("о", "у", "оу", "э"), "p": ("п",), "q": ("к",), "r": ("р",), "s": ("с", "з", "ш"), "t": ("т",),
    "u": ("у", "а", "ю", "ь"), "v": ("в", "ф"), "w": ("в", "у"), "x": ("кс", "кз", "з", "х"), "y": ("й", "и", "ы", "ай"),
    "z": ("з", "ц", "с", "ж"),
    # letters with diacritics (Turkish, German, French, Spanish, Scandinavian)
    "ç": ("ч", "с"), "ş": ("ш",), "ğ": ("", "г"), "ı": ("ы", "и"), "ö": ("е", "э", "о"), "ü": ("ю", "у"),
    "ä": ("е", "э", "а"), "ß": ("с",), "é": ("е", "э"), "è": ("е", "э"), "ê": ("е", "э"), "ë": ("е", "э"),
    "à": ("а",), "â": ("а",), "î": ("и",), "ô": ("о",), "û": ("у",), "ñ": ("нь", "н"), "ø": ("е", "э"), "å": ("о", "а"),
    "ș": ("ш",), "ț": ("ц",), "ł": ("в", "л"), "ž": ("ж",), "š": ("ш",), "č": ("ч",), "ć": ("ч",), "ý": ("и", "ы"),
}
_MAX_GRAPHEME = max(len(g) for g in _RULES)
#: Endings English, French and German leave unpronounced (Steve, Yves, Charles, Hollande,
#: Michaud); h is silent anywhere (Sarah, Mahmoud, Hollande).
_SILENT_ENDINGS = frozenset({"e", "s", "h", "t", "d", "x", "z", "es", "ent"})
_VOWELS = frozenset("aeiouyäöüéèêëàâîôûıø")


def _latin_key(latin: str) -> str:
    """Lower-case Latin letters; diacritics the rules know kept, the others dropped."""
    out = []
    for ch in latin.casefold():
        if ch in _RULES or ch == "ß":
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if base.isalpha() and base.isascii() else ("" if not ch.isalpha() else ch))
    return "".join(out)


def _russian_key(russian: str) -> str:
    """Lower-case Cyrillic letters, ё as е, the soft and hard signs dropped (a transcription
    writes them or not: Шольц, Нетаньяху)."""
    return re.sub(r"[^а-я]", "", russian.casefold().replace("ё", "е").replace("ь", "").replace("ъ", ""))


@lru_cache(maxsize=8192)
def transcribes(latin: str, russian: str) -> bool:
    """True when the Russian word can be a practical transcription of the Latin word.

    `transcribes("Trump", "Трамп")`, `("Scholz", "Шольц")`, `("Erdoğan", "Эрдоган")`,
    `("Washington", "Вашингтон")` hold; `("Yermakof", "Ермаков")` and `("Armiys", "Армия")`
    do not (no rule writes f as в, or ys as я).
    """
    lat, rus = _latin_key(latin), _russian_key(russian)
    if not lat or not rus or len(rus) > 2 * len(lat) + 2:
        return False
    n, m = len(lat), len(rus)
    seen: set[tuple[int, int]] = set()

    def ok(i: int, j: int) -> bool:
        if i == n:
            return j == m
        if (i, j) in seen:
            return False
        seen.add((i, j))
        for size in range(min(_MAX_GRAPHEME, n - i), 0, -1):
            for out in _RULES.get(lat[i:i + size], ()):
                if rus.startswith(out, j) and ok(i + size, j + len(out)):
                    return True
        ch = lat[i]
        # A doubled letter is written once or twice (Barrack → Баррак, Rutte → Рютте).
        if i + 1 < n and lat[i + 1] == ch and ch not in _VOWELS:
            for out in _RULES.get(ch, ()):
                if out and rus.startswith(out, j) and ok(i + 2, j + len(out)):
                    return True
        # h after a letter is often silent (Mahmoud, Sarah); a final e, s, t, d... too.
        if i > 1 and lat[i:] in _SILENT_ENDINGS and ok(n, j):
            return True
        return ch == "h" and ok(i + 1, j)

    return ok(0, 0)


#: Russian (and Ukrainian) suffixes of surnames and patronymics (Белкова, Стародубцев,
#: Сергеевич, Ивановна, Достоевский, Навальный, Лукашенко): a name with one is of the
#: language the schemes romanise, not a transcription.
_RUSSIAN_SURNAME = re.compile(r"(?:[ое]в|ев[аы]|ов[аы]|[ое]вы|ск(?:ий|ая|ой|ие)|цк(?:ий|ая|ой|ие)|"
                              r"[ое]вич|[ое]вна|ична|инична|ьич|енко|[ыи]й)$")
#: Russian place names: -ск/-цк (Омск, Липецк), -град/-город, -славль, -ово/-ево
#: (Кемерово), and a soft sign after a consonant other than л (Пермь, Тверь, Тюмень),
#: which transcriptions of foreign names seldom end in (Мишель, Меркель end in -ль).
_RUSSIAN_PLACE = re.compile(r"(?:[сц]к|град|город|славль|[оеё]во|[бвгдзкмнпрстфх]ь)$")
#: -ин/-ын names are Russian surnames (Путин, Фомин) only when the dictionary says so:
#: Биньямин, Мартин and Франклин end the same way.
_IN_SURNAME = re.compile(r"(?:ин|ын|ина|ына)$")

#: Russian given names (nominative, ё as е) whose Latin spelling is a romanisation
#: matter, not a foreign original (Maxim, Nicolai, Alexey are anglicisations).
_GIVEN_NAMES = """
александр алексей анатолий андрей антон аркадий арсений артем борис вадим валентин валерий василий
виктор виталий владимир владислав всеволод вячеслав геннадий георгий глеб григорий денис дмитрий
евгений егор емельян ефим захар иван игорь илья иннокентий кирилл константин лев леонид макар максим
матвей михаил никита николай олег павел петр роман ростислав руслан святослав семен сергей станислав
степан тимофей тимур федор филипп юрий яков ярослав
александра алена алина алла анастасия ангелина анна антонина валентина валерия вера вероника
виктория галина дарья евгения екатерина елена елизавета жанна зинаида зоя инна ирина карина
ксения лариса лидия любовь людмила маргарита марина мария надежда наталья наталия нина оксана
ольга полина раиса светлана софья софия таисия тамара татьяна ульяна юлия яна
"""
RUSSIAN_GIVEN_NAMES = frozenset(_GIVEN_NAMES.split())

#: Heads of Russian compound names (Роснефть, Газпром, Рособоронэкспорт, Минобороны).
_COMPOUND_HEADS = ("рос", "гос", "газ", "нефт", "мин", "мос", "спец", "пром", "энерго", "атом", "оборон",
                   "авиа", "агро", "сбер", "внеш", "тех", "воен", "рус", "транс", "строй")


def _known(word: str) -> bool:
    from termguard.translit.morph import analyzer

    return len(word) >= 4 and bool(analyzer().word_is_known(word))


@lru_cache(maxsize=4096)
def _split(rest: str, parts: int) -> bool:
    if not rest:
        return parts >= 2
    if parts and _known(rest):
        return True
    if any(rest.startswith(head) and _split(rest[len(head):], parts + 1) for head in _COMPOUND_HEADS):
        return True
    return parts > 0 and any(_known(rest[:k]) and _split(rest[k:], parts + 1) for k in range(4, len(rest) - 3))


def _compound(word: str) -> bool:
    """A Russian compound: a head from `_COMPOUND_HEADS` followed by heads or dictionary words."""
    return any(word.startswith(h) for h in _COMPOUND_HEADS) and _split(word, 0)


@lru_cache(maxsize=4096)
def russian_origin(russian: str, native: bool = False) -> bool:
    """True when a Russian name is Russian (its Latin spelling is a romanisation to check).

    `native` is the caller's knowledge that the name is a Russian common word quoted as a
    name («Триумф», «Армия»): the dictionary alone cannot tell «Триумф» from «Макрон»,
    which it also knows as a common noun.
    """
    word = _russian_key(russian)
    plain = russian.casefold().replace("ё", "е")
    if native or not word:
        return True
    if plain in RUSSIAN_GIVEN_NAMES or _RUSSIAN_SURNAME.search(plain) or _RUSSIAN_PLACE.search(plain):
        return True
    if _IN_SURNAME.search(plain):
        from termguard.translit.morph import analyzer

        if any("Surn" in p.tag for p in analyzer().parse(plain)):
            return True
    return _compound(plain)


def native_word(russian: str) -> bool:
    """True when `russian` is a Russian common word (the dictionary knows it, and never as a
    name): quoted as a name («Триумф», «Армия», «Известия») it is a Russian name."""
    from termguard.translit.morph import analyzer

    parses = analyzer().parse(russian.casefold())
    known = [p for p in parses if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"]
    names = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")
    return bool(known) and not any(t in p.tag for p in parses for t in names)


def foreign_transcription(latin: str, russian: str, native: bool = False) -> bool:
    """True when `russian` is a foreign name transcribed from `latin`: not Russian itself,
    and reachable from the Latin spelling by practical transcription."""
    return not russian_origin(russian, native) and transcribes(latin, russian)
