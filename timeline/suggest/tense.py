"""Which way a phrase points: the tense of its sentence, from the language's cue words."""

from __future__ import annotations

from timeline.languages import Language, get

CONTEXT_CHARS = 300  # how far from a phrase tense cues are looked for


def decide_direction(
    text: str, sent_start: int, sent_end: int, start: int, end: int, language: str | Language = "en"
) -> str:
    """'past' or 'future': the tense of the sentence around a phrase at [start, end).

    The nearest cue before the phrase decides (else the first after it), looked for first in the
    phrase's clause and then in the sentence; a phrase in quoted speech looks only at the quote,
    one outside only outside quotes.
    No cue (or past or present tense) means past: a news report mostly tells what has happened,
    unless the phrase follows "until", "by" or "from" ("hasta", "para") and nothing in its clause
    says the tense.
    """
    lang = get(language)
    lo, hi = max(sent_start, start - CONTEXT_CHARS), min(sent_end, end + CONTEXT_CHARS)
    window = text[lo:hi]
    p0, p1 = start - lo, end - lo
    quotes = [q.span() for q in lang.quoted.finditer(window)]
    inside = next(((a, b) for a, b in quotes if a <= p0 and p1 <= b), None)

    def usable(pos: int) -> bool:
        if p0 <= pos < p1:
            return False
        if inside:
            return inside[0] <= pos < inside[1]
        return not any(a <= pos < b for a, b in quotes)

    future = [(m.start(), "future") for m in lang.future_cue.finditer(window) if usable(m.start())]
    future_spans = [m.span() for m in lang.future_cue.finditer(window)]
    past = [
        (m.start(), "past")
        for m in lang.past_cue.finditer(window)
        if usable(m.start()) and not any(a <= m.start() < b for a, b in future_spans)
    ]
    cues = future + past
    # "open until Sunday", "due by Friday": ahead, when nothing else in the clause says the tense
    if not inside and lang.ahead_lead.search(window, max(0, p0 - 24), p0):
        return "future"  # "starting Monday", "a partir del lunes"
    weak = None if inside else lang.weak_future_cue.search(window, max(0, p0 - 16), p0)
    if not cues:
        return "future" if weak else "past"
    breaks = [m.start() for m in lang.clause_break.finditer(window)]
    c0 = max((b for b in breaks if b <= p0), default=0)
    c1 = min((b for b in breaks if b >= p1), default=len(window))
    in_clause = [c for c in cues if c0 <= c[0] < c1]
    if weak:
        # the weak word may itself break clauses ("until"): its clause is the one before it
        w0 = max((b for b in breaks if b < weak.start()), default=0)
        if not any(w0 <= c[0] < c1 for c in cues):
            return "future"
    pool = in_clause or cues
    # A verb governs the time phrase after it ("will visit ... on Oct. 8"); a cue after the
    # phrase is often an attribution ("..., the minister said Wednesday") and decides only when
    # nothing comes before.
    before = [c for c in pool if c[0] < p0]
    if before:
        return max(before, key=lambda c: (c[0], c[1] == "future"))[1]
    return min(pool, key=lambda c: (c[0], c[1] != "future"))[1]
