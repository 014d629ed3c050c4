"""Spanish: names, patterns, tense cues and stamps for articles written in Spanish.

Spanish writes month and weekday names in lower case, and "Julio", "Mayo" and "Domingo" are
also names of people and places: a bare month is matched only in lower case (or in capitals,
as in datelines), a capitalised weekday only after "el"/"este"/... or at the start of a
sentence. A written date ("23 de Julio de 2023") may be written in any case.

Phrases: "el martes", "este miércoles", "el pasado martes", "el martes pasado", "el próximo
martes", "el lunes 26"; "la semana pasada", "este mes", "el próximo año", "el año que viene",
"la semana que entra",
"a principios de mes", "a finales del año pasado"; "en julio", "desde marzo", "julio pasado",
"a mediados de julio", "julio de 2023", "julio del año pasado"; "el 23 de julio", "el pasado 23
de julio", "23/07/2023" (day first); "hace tres días"; "ayer", "anteayer", "mañana", "pasado
mañana"; "el verano", "el verano pasado", "el invierno de 2023"; "en 2020", "desde 2020",
"a finales de 2023"; Navidad, Año Nuevo, Día de Muertos and a few more.

Tense: the future tense (-rá, -rán: "será", "se reunirán"), "va a" + infinitive, "está
previsto", "tiene previsto", "está programado", "planea", "prevé", "pretende", "se espera que",
"próximo" look ahead; the preterite (-ó, -aron, -ieron), "dijo", "ha", "fue" and the rest look back.

The validator reads a Spanish phrase with the same rules as ``suggest`` (``validator_rules``):
dateparser's Spanish reads none of "el martes", "este miércoles", "el pasado 23 de julio",
"el 23 de julio", "hace tres días" (only digits), "la semana que viene", "a principios de mes",
"a finales de 2023", "el verano", "1º de marzo"; and it reads a bare weekday on the anchor's
own weekday as the week before. Dates dateparser reads well (months, "el mes pasado", "la
semana pasada", "hace 3 días", "ayer", "mañana") are still read by it.
"""

from __future__ import annotations

import re
import unicodedata

from timeline.languages.base import (
    ISO,
    YEAR,
    Language,
    fixed,
    fourth_thursday_of_november,
    opens_with_no_event,
    word_set,
)

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTH_NUMBERS = (
    {name: i for i, name in enumerate(MONTHS, 1)}
    | {"setiembre": 9}
    | {
        abbr: i
        for i, abbrs in enumerate(
            (("ene",), ("feb",), ("mar",), ("abr",), ("may",), ("jun",), ("jul",), ("ago",), ("sep", "sept", "set")),
            1,
        )
        for abbr in abbrs
    }
    | {"oct": 10, "nov": 11, "dic": 12}
)
WEEKDAY_NUMBERS = {name: i for i, name in enumerate(WEEKDAYS)} | {"miercoles": 2, "sabado": 5}
NUMBER_WORDS = {
    "un": 1,
    "una": 1,
    "uno": 1,
    "primero": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
}
UNITS = {
    "día": "day",
    "dia": "day",
    "días": "day",
    "dias": "day",
    "semana": "week",
    "semanas": "week",
    "mes": "month",
    "meses": "month",
    "año": "year",
    "años": "year",
    "mañana": "day",
    "tarde": "day",
    "noche": "day",
    "la víspera": "day",
    "la vispera": "day",
}
ANCHOR_WORDS = {
    **dict.fromkeys(("después", "despues", "más tarde", "mas tarde", "siguiente", "posterior"), 1),
    **dict.fromkeys(("antes", "anterior", "previo", "la víspera", "la vispera"), -1),
    **dict.fromkeys(("mismo", "misma", ""), 0),
}
SPAN_WORDS = {
    **dict.fromkeys(("próximos", "proximos", "próximas", "proximas"), 1),
    **dict.fromkeys(("últimos", "ultimos", "últimas", "ultimas", "pasados", "pasadas", "último", "ultimo"), -1),
    **dict.fromkeys(("última", "ultima"), -1),
}
_UNIT_WORDS = {
    "day": ("día", "días"),
    "week": ("semana", "semanas"),
    "month": ("mes", "meses"),
    "year": ("año", "años"),
}
SEASONS = {"primavera": 3, "verano": 6, "otoño": 9, "otono": 9, "invierno": 12}
NEAR_DAYS = {
    "ayer": ("yesterday", -1),
    "anteayer": ("day-before-yesterday", -2),
    "antier": ("day-before-yesterday", -2),
    "mañana": ("tomorrow", 1),
    "pasado mañana": ("day-after-tomorrow", 2),
    "hoy": ("today", 0),
    "anoche": ("yesterday", -1),
    "esta mañana": ("today", 0),
    "esta tarde": ("today", 0),
    "esta noche": ("today", 0),
    "este mediodía": ("today", 0),
    "este mediodia": ("today", 0),
}
# Lead and relative words, read as English: "" is no relative word at all (a bare "el martes").
LEADS = {
    "el": "",
    "la": "",
    "este": "this",
    "esta": "this",
    "desde": "since",
    "que viene": "next",
    "que entra": "next",
    "entrante": "next",
} | {
    f"{article}{word}{rest}": meaning
    for word, meaning in (
        ("pasado", "last"),
        ("pasada", "last"),
        ("próximo", "next"),
        ("proximo", "next"),
        ("próxima", "next"),
        ("proxima", "next"),
    )
    for article in ("", "el ", "la ")
    for rest in ("", " mes de")
}
_RELATIVE_PHRASES = {
    ("last", "week"): "la semana pasada",
    ("this", "week"): "esta semana",
    ("next", "week"): "la próxima semana",
    ("last", "month"): "el mes pasado",
    ("this", "month"): "este mes",
    ("next", "month"): "el próximo mes",
    ("last", "year"): "el año pasado",
    ("this", "year"): "este año",
    ("next", "year"): "el próximo año",
}


def _plain(text: str) -> str:
    """Lower case, accents dropped, spaces collapsed: "Día de  Muertos" -> "dia de muertos"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return " ".join("".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").split())


_HOLIDAYS = {
    "nochebuena": fixed(12, 24),
    "navidad": fixed(12, 25),
    "nochevieja": fixed(12, 31),
    "ano nuevo": fixed(1, 1),
    "dia de muertos": fixed(11, 2),
    "dia de los muertos": fixed(11, 2),
    "dia de san valentin": fixed(2, 14),
    "cinco de mayo": fixed(5, 5),
    "dia de accion de gracias": fourth_thursday_of_november,
}


def holiday(name: str):
    """The date of a holiday in a year, by its name as matched."""
    return _HOLIDAYS.get(_plain(name))


def qualifier(text: str) -> str:
    """'a principios de' -> 'early', 'a mediados de' -> 'mid', 'a finales de' -> 'late'."""
    if re.search(r"principio|inicio|comienzo", text):
        return "early"
    return "mid" if "mediados" in text else "late"


_MON = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
_MONTH_ANYCASE = rf"\b(?i:{_MON})\b"
_MONTH_LOWER = rf"\b(?:{_MON}|{_MON.upper()})\b"  # a bare month: "Julio" and "Mayo" are also names
_MONTH_ABBR = r"\b(?i:ene|feb|mar|abr|may|jun|jul|ago|sept|sep|set|oct|nov|dic)\b\.?"
_MONTH_ANY = rf"(?:{_MONTH_ANYCASE}|{_MONTH_ABBR})"
_MONTH_ABBR_BARE = r"(?i:ene|feb|mar|abr|may|jun|jul|ago|sept|sep|set|oct|nov|dic)"
_WEEKDAY = r"\b(?i:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\b"
_DAY = r"(?:(?:3[01]|[12]\d|0?[1-9])(?:º|°)?(?!\d)|(?i:primero))"
_QUAL = r"(?i:(?:a\s+)?(?:principios|inicios|comienzos|mediados|finales|fines)\s+del?)"
_NEXT = r"pr[óo]xim[oa]"
_N_COUNT = r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|\d{1,3}"
_N = rf"un|una|{_N_COUNT}"

EXPLICIT = (
    ("iso", ISO),
    (
        "numeric",  # day first: 05/03/2024 is 5 March
        re.compile(
            rf"(?<![\d/.-])(?P<d>3[01]|[12]\d|0?[1-9])(?P<sep>[/.-])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<y>{YEAR})"
            r"(?![/.-]?\d)"
        ),
    ),
    (
        "day-month",  # "23 de julio", "el pasado 23 de julio", "martes 27 de febrero de 2024", "28 feb 2024"
        re.compile(
            rf"(?:\b(?i:(?:el\s+)?(?P<lead>pasado|{_NEXT}))\s+)?(?:{_WEEKDAY},?\s+)?(?<![\d,.$])(?P<d>{_DAY})\s+"
            rf"(?:(?i:de)\s+)?(?P<mon>{_MONTH_ANY})(?:,?\s+(?:(?i:del?)\s+)?(?P<y>{YEAR}))?(?![.,]?\d)"
        ),
    ),
    (
        "day-month",  # a stamp's "06/Dic/2022", "06-dic-2022"
        re.compile(
            rf"(?<![\d/.-])(?P<d>{_DAY})(?P<sep>[/-])(?P<mon>{_MONTH_ABBR_BARE})(?P=sep)(?P<y>{YEAR})(?![/.-]?\d)"
        ),
    ),
)
RELATIVE = (
    (
        "month-year",  # "julio de 2023", "a finales de julio de 2023"
        re.compile(rf"\b(?:(?P<q>{_QUAL})\s+)?(?P<mon>{_MONTH_ANYCASE})\s+(?:(?i:del?)\s+)?(?P<y>{YEAR})(?![.,]\d)"),
    ),
    (
        "month-rel-year",  # "julio del año pasado", "julio de este año", "julio del próximo año"
        re.compile(
            rf"\b(?:(?P<q>{_QUAL})\s+)?(?P<mon>{_MONTH_LOWER})\s+(?i:del?\s+(?:(?P<rel>este)\s+año|"
            rf"(?:el\s+)?año\s+(?P<rel2>pasado|{_NEXT}|que\s+(?:viene|entra)|entrante)|(?:el\s+)?(?P<rel3>{_NEXT}|pasado)\s+año))\b"
        ),
    ),
    (
        "month",  # "en julio", "desde julio", "el pasado mes de julio", "julio pasado", "a finales de julio"
        re.compile(
            rf"\b(?:(?P<lead>(?i:desde|este|el\s+(?:pasado|{_NEXT})(?:\s+mes\s+de)?))\s+)?(?:(?P<q>{_QUAL})\s+)?"
            rf"(?P<mon>{_MONTH_LOWER})(?:\s+(?P<trail>(?i:pasado|{_NEXT}))\b)?"
        ),
    ),
    (
        "weekday",  # "el martes", "este miércoles", "el pasado martes", "el martes próximo", "el lunes 26"
        re.compile(
            rf"\b(?:(?P<lead>(?i:el\s+pasado|el\s+{_NEXT}|este|esta|pasado|{_NEXT}|el))\s+)?(?P<wd>{_WEEKDAY})"
            rf"(?:\s+(?P<trail>(?i:pasado|{_NEXT}|que\s+(?:viene|entra)))\b)?"
            r"(?:\s+(?P<d>3[01]|[12]\d|0?[1-9])(?!\d|[:.,]\d|\s*%))?"
            r"(?:\s+(?P<tod>(?i:(?:por|en|durante)\s+la\s+(?:mañana|tarde|noche)))\b)?"
        ),
    ),
    (
        "relative",  # "la semana pasada", "este mes", "el próximo año", "el año que viene", "a principios de mes"
        re.compile(
            rf"\b(?:(?P<q>{_QUAL})\s+)?(?:(?i:la|el)\s+)?(?:(?P<rel>(?i:est[ea]|{_NEXT}|pasad[oa]))\s+)?"
            rf"(?P<unit>(?i:semana|mes|año))\b(?:\s+(?P<rel2>(?i:pasad[oa]|{_NEXT}|que\s+(?:viene|entra)|entrante))\b)?"
        ),
    ),
    (
        "season",  # "el verano", "este verano", "el verano pasado", "el invierno de 2023"
        re.compile(
            rf"\b(?:(?P<q>{_QUAL})\s+)?(?:(?P<rel>(?i:est[ea]|el\s+pasado|la\s+pasada|el\s+{_NEXT}|la\s+{_NEXT}|el|la))\s+)?"
            rf"(?P<s>(?i:primavera|verano|oto[ñn]o|invierno))\b(?:\s+(?P<rel2>(?i:pasad[oa]|{_NEXT}|que\s+(?:viene|entra)))\b)?"
            rf"(?:\s+(?i:del?)\s+(?P<y>{YEAR}))?"
        ),
    ),
    (
        "ago",  # "hace tres días", "hace 2 semanas", "hace un año"
        re.compile(
            r"(?i:\bhace\s+(?P<n>un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|\d{1,3})\s+"
            r"(?P<unit>d[íi]as?|semanas?|mes(?:es)?|años?)\b)"
        ),
    ),
    (
        "year",  # "en 2020", "desde 2020", "a finales de 2023"
        re.compile(
            rf"\b(?:(?P<lead>(?i:desde))\s+)?(?:(?P<q>{_QUAL})\s+)?(?<![\w$€£¥.,/])(?P<y>{YEAR})"
            r"(?![.,/-]?\d)(?!\s*(?:%|(?i:por\s*ciento)))"
        ),
    ),
    (
        "holiday",
        re.compile(
            r"\b(?P<h>Nochebuena|[Nn]avidad|Nochevieja|A[ñn]o\s+Nuevo|D[íi]a\s+de\s+(?:los\s+)?Muertos|"
            r"D[íi]a\s+de\s+Acci[óo]n\s+de\s+Gracias|D[íi]a\s+de\s+San\s+Valent[íi]n|Cinco\s+de\s+Mayo)\b"
        ),
    ),
    (
        "near-day",  # "hoy" and "esta noche" are the publication day; "hoy en día" means nowadays
        re.compile(
            r"(?i:\b(?P<w>pasado\s+mañana|anteayer|antier|ayer|anoche|mañana|hoy(?!\s+(?:en\s+)?d[íi]a\b)|"
            r"est[ae]\s+(?:mañana|tarde|noche|mediod[íi]a))\b)"
        ),
    ),
    (
        "anchored",  # counted from the date the sentence refers to: "tres semanas después", "el mismo día"
        re.compile(
            rf"(?i:\b(?:(?P<n>{_N})\s+(?P<unit>d[íi]as?|semanas?|mes(?:es)?|años?)\s+"
            r"(?P<dir>después|despues|más\s+tarde|mas\s+tarde|antes)\b(?!\s+de\s+que)"
            r"|(?:(?:el|ese|aquel|la|esa|aquella)\s+)?(?P<dir2>mism[oa])\s+(?P<unit2>d[íi]a|mañana|tarde|noche|semana|mes|año)\b"
            r"|(?:ese|esa|aquel|aquella)\s+(?P<unit3>d[íi]a|mañana|tarde|noche|semana|mes|año)\b"
            r"|(?:al|el|a\s+la|la)\s+(?P<unit4>d[íi]a|mañana|noche|semana|mes|año)\s+(?P<dir4>siguiente|posterior|anterior|previo)\b"
            r"|(?P<unit5>la\s+v[íi]spera)\b))"
        ),
    ),
    (
        "span",  # "durante los próximos dos años", "en los últimos tres meses", "los 90 días siguientes"
        re.compile(
            rf"(?i:\b(?:(?:en|durante|a\s+lo\s+largo\s+de|dentro\s+de|para)\s+)?(?:los|las)\s+(?:(?P<n>{_N_COUNT})\s+)?"
            rf"(?P<rel>{_NEXT}s|[úu]ltim[oa]s|pasad[oa]s)\s+(?:(?P<n2>{_N_COUNT})\s+)?(?P<unit>d[íi]as|semanas|meses|años)\b"
            rf"|\b(?:en|durante|a\s+lo\s+largo\s+de)\s+(?:el|la)\s+(?P<rel2>[úu]ltim[oa])\s+(?P<unit2>semana|mes|año)\b)"
        ),
    ),
)

# A bare month or year is a date only after one of these words (or a lead or qualifier).
MONTH_CONTEXT = word_set("en desde hasta de del durante para a al entre y e o u antes después tras hacia sobre")
YEAR_CONTEXT = MONTH_CONTEXT | word_set("el año fiscal circa")
SEASON_CONTEXT = word_set("en desde hasta durante para a antes después tras hacia")
_HABITUAL = word_set("los cada todos unos varios un otro")  # "los martes": every Tuesday; "un martes": any
_MORNING = word_set("la esta una cada toda media esa aquella el su")  # "la mañana" is the morning
_AMOUNT = word_set("más menos cerca alrededor casi unos unas")  # "más de 2000 personas" is a number
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?¿¡:«\"“—\n])[ \t\u00a0]*$")


_WEEKDAY_RANGE = re.compile(rf"\s+a\s+{_WEEKDAY}")
_WEEKDAY_RANGE_END = re.compile(rf"\b(?i:de)\s+{_WEEKDAY}\s+a\s+$")


def word_before(text: str, start: int, skip: int = 0) -> str:
    """The word before ``start`` (``skip`` words further back)."""
    window = text[max(0, start - 40) : start]
    for _ in range(skip + 1):
        m = _WORD_BEFORE.search(window)
        if not m:
            return ""
        window = window[: m.start()]
    return m.group(1).lower()


def accept(kind: str, m: re.Match, text: str) -> tuple[int, int] | None:
    """The phrase span of a match, or None when its context says it is not a date."""
    start, end = m.span()
    before = word_before(text, start)
    g = m.groupdict()
    if kind == "month" and not (g["lead"] or g["q"] or g["trail"]):
        if before not in MONTH_CONTEXT:
            return None
    elif kind == "year" and not (g["lead"] or g["q"]):
        if before not in YEAR_CONTEXT or (before == "de" and word_before(text, start, 1) in _AMOUNT):
            return None
    elif kind == "relative" and not (g["rel"] or g["rel2"] or g["q"]):
        return None  # "el mes", "la semana": no date without "pasado", "este", ...
    elif kind == "season":
        rel = LEADS.get(" ".join((g["rel"] or "").lower().split()), "")
        if not (rel or g["rel2"] or g["y"] or g["q"] or before in SEASON_CONTEXT):
            return None  # "el verano fue caluroso" says nothing of which summer without more
    elif kind == "weekday":
        wd = m.group("wd")
        if before in _HABITUAL and not g["lead"]:
            return None
        if (_WEEKDAY_RANGE.match(text, end) and before == "de") or _WEEKDAY_RANGE_END.search(
            text[max(0, start - 30) : start]
        ):
            return None  # "de lunes a sábado", with no article: every week, not a day
        if (
            wd[0].isupper()
            and not wd.isupper()
            and not g["lead"]
            # within the text, not a slice of it: in a slice "^" would match at the cut
            and not _SENTENCE_START.search(text, max(0, start - 40), start)
        ):
            return None  # "Santo Domingo", "Plácido Domingo"
    elif kind == "span" and g["rel"] and not (g["n"] or g["n2"]):
        return None  # "en los próximos meses": no span a reader can date
    elif kind == "ago" and before == "desde":
        return None  # "desde hace dos años" is a span
    elif kind == "near-day":
        word = m.group("w").lower()
        if (word == "mañana" and before in _MORNING) or (
            word == "hoy" and opens_with_no_event(text, start, end, _SENTENCE_START, FUTURE_CUE, PAST_CUE)
        ):
            return None  # "esta mañana" is this morning (its own phrase); "Hoy, la frontera es otra"
    return start, end


def normalize_stamp(text: str) -> str:
    """A written date as dateparser reads it: no "el pasado", "1º" as "1", "primero" as "1"."""
    text = re.sub(rf"^\s*(?i:(?:el\s+)?(?:pasado|{_NEXT}))\s+", "", text)
    text = re.sub(r"(?<=\d)[º°]", "", text)
    text = re.sub(r"(?i)\bprimero\b", "1", text)
    return re.sub(r"(?i)\bsetiembre\b", "septiembre", text)


# Tense cues.
FUTURE_CUE = re.compile(
    r"(?i)\b(?:(?:está|están|estaba|estaban)\s+(?:previst[oa]s?|programad[oa]s?)|tienen?\s+(?:previsto|programado)|"
    r"se\s+prevé|prevén?|planean?|pretenden?|(?:se\s+)?esperan?\s+que|(?:va|van|vamos|voy|iba|iban)\s+a\s+[a-záéíóúñ]+(?:ar|er|ir)|"
    rf"{_NEXT}s?|previst[oa]s?\s+para|programad[oa]s?\s+para|[a-záéíóúñ]{{2,}}(?:rá|rán)|"
    # what is scheduled, in the present tense: "a partir del lunes", "entra en vigor el martes"
    r"entran?\s+en\s+vigor|(?:comienza|comienzan|inicia|inician|arranca|arrancan|abre|abren|"
    r"reabre|reabren|vence|vencen|concluye|concluyen|termina|terminan|reanuda|reanudan|cierra|cierran)(?!\w))"
    r"(?!\w)"
)
WEAK_FUTURE_CUE = re.compile(r"(?i)\b(?:hasta|para)\s+(?:el\s+|la\s+)?$")
AHEAD_LEAD = re.compile(r"(?i)\ba\s+partir\s+(?:del?|de\s+est[ea])\s+$")
NOT_ANCHOR = re.compile(
    r"(?i)\b(?:dijo|dijeron|informó|informaron|señaló|señalaron|afirmó|declaró|indicó|explicó|desde)\s+"
    r"(?:el\s+|este\s+|esta\s+|la\s+)?$"
)
PAST_CUE = re.compile(
    r"(?i)\b(?:dijo|dijeron|dice|dicen|afirma|asegura|señala|informa|fue|fueron|era|eran|estuvo|estuvieron|hubo|"
    r"había|habían|ha|han|hizo|hicieron|tuvo|tuvieron|vino|vinieron|hace|según|"
    r"[a-záéíóúñ]{2,}(?:ó|aron|eron))\b"
)
CLAUSE_BREAK = re.compile(
    r"[;:—–]|\s-{1,2}\s|(?i:\b(?:después\s+de|antes\s+de|luego\s+de|tras|porque|cuando|mientras|aunque|pero|"
    r"sino|hasta\s+que|a\s+pesar\s+de)\b)"
)
QUOTED = re.compile(r"«[^»]*»?|“[^”]*”?|\"[^\"]*\"?")

# Sentences.
INLINE_END = re.compile(r"[.!?]+[\"”’»)\]]*(?=[ \t\u00a0]+[\"“‘«(\[¿¡—]?[A-ZÁÉÍÓÚÑÜ0-9])")
ABBREVIATIONS = word_set(
    "sr sra srta sres dr dra lic ing arq gral gen sen dip pdte pte mtro mtra prof no núm art etc ud uds vs "
    "ee uu av col cp tel pág ene feb mar abr may jun jul ago sep sept set oct nov dic lun mié mie jue vie sáb "
    "sab dom aprox depto"
)

# Publication stamps.
UPDATE_WORD = re.compile(
    r"(?i)\b(?:última\s+)?(?:actualizad[oa]|actualización|modificad[oa]|editad[oa]|revisad[oa])\b|©|"
    r"\(c\)\s*\d|\bcopyright\b|\bderechos\s+reservados\b|\bconsultad[oa]\b|\bimpreso\b|\bhora\s+actual\b"
)
PUBLISHED_WORD = re.compile(r"(?i)\b(?:publicad[oa]|fecha\s+de\s+publicación|publicación|difundid[oa])\b|^\s*fecha\s*:")
BYLINE = re.compile(r"^\s*Por\s+[A-ZÁÉÍÓÚÑ]")
STAMP_START = re.compile(
    r"(?i)\s*(?:(?:última\s+)?(?:actualizad[oa]|actualización|modificad[oa])|publicad[oa]|fecha\s*:|©|copyright)\b"
)
STAMP_WORDS = re.compile(
    r"(?i)\b(?:publicad[oa]|actualizad[oa]|actualización|última|modificad[oa]|fecha|comunicado|bolet[íi]n|"
    r"n[úu]m|no|de|del|el|la|a|las|los|en|"
    r"hrs?|horas|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|lun|mar|mi[ée]|jue|vie|s[áa]b|dom)\b"
)
DATELINE = re.compile(  # "CIUDAD JUÁREZ, Chihuahua, 14 de marzo de 2023 (Agencia).-", "WASHINGTON, 27 feb (EFE).-"
    rf"^[ \t]*(?P<place>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑa-záéíóúñ.'’ -]{{0,40}}?[A-ZÁÉÍÓÚÑa-záéíóúñ.]"
    r"(?:,\s*[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñ.]+(?:\s+[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñ.]+)?)?),\s+"
    rf"(?:{_WEEKDAY},?\s+)?(?P<date>(?P<d>{_DAY})\s+(?:(?i:de)\s+)?(?P<mon>{_MONTH_ANY})"
    rf"(?:,?\s+(?:(?i:del?)\s+)?(?P<y>{YEAR}))?)\s*(?P<agency>\([^)\n]{{1,40}}\)\s*)?\.?\s*(?:--|—|–|-)",
    re.M,
)

# Frequent Spanish words that are not English ones.
STOPWORDS = word_set(
    "de el la los las del que y en un una por con para se su al lo como más pero sus le ya este porque esta entre "
    "cuando muy sin sobre también hasta hay donde desde todo nos durante todos ni contra otros ese eso ante "
    "ellos esto antes algunos unos otro otras otra tanto esa estos mucho nada muchos poco ella estas algunas "
    "algo fue ha han según dijo será sido es son tras"
)

LANGUAGE = Language(
    code="es",
    name="Spanish",
    dateparser="es",
    months=MONTHS,
    month_numbers=MONTH_NUMBERS,
    weekdays=WEEKDAYS,
    weekday_numbers=WEEKDAY_NUMBERS,
    number_words=NUMBER_WORDS,
    units=UNITS,
    seasons=SEASONS,
    near_days=NEAR_DAYS,
    holidays=holiday,
    leads=LEADS,
    qualifier=qualifier,
    anchor_words=ANCHOR_WORDS,
    span_words=SPAN_WORDS,
    patterns=EXPLICIT + RELATIVE,
    explicit_kinds=frozenset(kind for kind, _pattern in EXPLICIT),
    accept=accept,
    weekday_re=re.compile(_WEEKDAY),
    month_re=re.compile(_MONTH_ANYCASE),
    strip_lead=re.compile(r"^(?i:en|durante|para|hasta|a\s+partir\s+del?|desde\s+el|el|del|al|de|a)\s+"),
    dp_month=lambda month: MONTHS[month - 1],
    dp_month_year=lambda month, year: f"{MONTHS[month - 1]} de {year}",
    dp_relative=lambda rel, unit: _RELATIVE_PHRASES[rel, unit],
    dp_ago=lambda n, unit: f"hace {n} {_UNIT_WORDS[unit][n != 1]}",  # digits: it reads no number words
    absolute_settings={"DATE_ORDER": "DMY"},
    normalize_stamp=normalize_stamp,
    future_cue=FUTURE_CUE,
    weak_future_cue=WEAK_FUTURE_CUE,
    ahead_lead=AHEAD_LEAD,
    not_anchor=NOT_ANCHOR,
    past_cue=PAST_CUE,
    clause_break=CLAUSE_BREAK,
    quoted=QUOTED,
    inline_end=INLINE_END,
    abbreviations=ABBREVIATIONS,
    abbreviation_shape=re.compile(r"(?:[a-z]{1,2}\.)+[a-z]{1,2}|[a-z]"),
    line_end=re.compile(r"[.!?:\"”’»)\]]$"),
    update_word=UPDATE_WORD,
    published_word=PUBLISHED_WORD,
    byline=BYLINE,
    stamp_start=STAMP_START,
    stamp_words=STAMP_WORDS,
    residual_word=re.compile(r"[^\W\d_]{2,}"),
    dateline=DATELINE,
    stopwords=STOPWORDS,
    validator_rules=True,
)
