"""Measuring candidates against hand labels of the date expressions of articles."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.suggest.model import WS, Candidate


@dataclass
class LabelScore:
    """How candidates compare with hand labels of the date expressions of articles."""

    labels: int = 0
    candidates: int = 0
    found: int = 0  # labels whose phrase was found in their sentence
    correct: int = 0  # ... and resolved to the labelled date at the labelled precision
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.correct / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.candidates if self.candidates else 1.0

    def add(self, other: LabelScore) -> None:
        """Add another article's counts to these."""
        self.labels += other.labels
        self.candidates += other.candidates
        self.found += other.found
        self.correct += other.correct
        self.misses += other.misses
        self.wrong += other.wrong
        self.extras += other.extras


def score_labels(candidates: list[Candidate], labels: list[dict]) -> LabelScore:
    """Match candidates to labels (each: phrase, sentence fragment, date, precision), one to one.

    A label is found by a candidate whose sentence holds the fragment and whose phrase holds the
    label's phrase (or the other way round); it is correct when date and precision agree too.
    """
    score = LabelScore(labels=len(labels), candidates=len(candidates))
    used: set[int] = set()
    for label in labels:
        fragment = WS.sub(" ", str(label["sentence"])).strip()
        phrase = WS.sub(" ", str(label["phrase"])).strip().lower()
        pool = [
            i
            for i, c in enumerate(candidates)
            if i not in used
            and fragment in WS.sub(" ", c.sentence)
            and (phrase in WS.sub(" ", c.phrase).lower() or WS.sub(" ", c.phrase).lower() in phrase)
        ]
        good = [
            i
            for i in pool
            if candidates[i].date == str(label["date"]) and candidates[i].precision == label["precision"]
        ]
        pick = (good or pool or [None])[0]
        if pick is None:
            score.misses.append(f'{label["phrase"]} ({label["date"]}) in "{fragment}"')
            continue
        used.add(pick)
        score.found += 1
        if good:
            score.correct += 1
        else:
            c = candidates[pick]
            score.wrong.append(f"{c.phrase}: {c.date} {c.precision}, labelled {label['date']} {label['precision']}")
    score.extras += [f"{c.phrase} ({c.date}, {c.rule})" for i, c in enumerate(candidates) if i not in used]
    return score
