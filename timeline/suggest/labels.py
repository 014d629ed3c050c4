"""Measuring candidates against hand labels of the date expressions of articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
    kinds: dict[str, list[int]] = field(default_factory=dict)  # a label's kind -> [labels, correct]

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
        for kind, (labels, correct) in other.kinds.items():
            mine = self.kinds.setdefault(kind, [0, 0])
            mine[0] += labels
            mine[1] += correct

    def kind_recall(self, kind: str) -> float:
        """The share of labels of a kind resolved exactly (1.0 when there are none)."""
        labels, correct = self.kinds.get(kind, (0, 0))
        return correct / labels if labels else 1.0


def score_labels(candidates: list[Candidate], labels: list[dict]) -> LabelScore:
    """Match candidates to labels (each: phrase, sentence fragment, date, precision; a span's
    ``end``; a ``kind``), one to one.

    A label is found by a candidate whose sentence holds the fragment and whose phrase holds the
    label's phrase (or the other way round); it is correct when date and precision agree too,
    and for a span its end. Counts are kept per kind (labels without one count as "other").
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
        end = str(label["end"]) if label.get("end") is not None else None
        good = [
            i
            for i in pool
            if candidates[i].date == str(label["date"])
            and candidates[i].precision == label["precision"]
            and candidates[i].span_end == end
        ]
        pick = (good or pool or [None])[0]
        tally = score.kinds.setdefault(str(label.get("kind", "other")), [0, 0])
        tally[0] += 1
        tally[1] += bool(good)
        if pick is None:
            score.misses.append(f'{label["phrase"]} ({label["date"]}) in "{fragment}"')
            continue
        used.add(pick)
        score.found += 1
        if good:
            score.correct += 1
        else:
            c = candidates[pick]
            got = f"{c.date}..{c.span_end}" if c.span_end else c.date
            want = f"{label['date']}..{end}" if end else label["date"]
            score.wrong.append(f"{c.phrase}: {got} {c.precision}, labelled {want} {label['precision']}")
    score.extras += [f"{c.phrase} ({c.date}, {c.rule})" for i, c in enumerate(candidates) if i not in used]
    return score


def score_article(candidates: list[Candidate], article: dict) -> LabelScore:
    """score_labels for one labelled article, each miss, wrong date and extra named with its file."""
    score = score_labels(candidates, article["labels"])
    for name in ("misses", "wrong", "extras"):
        setattr(score, name, [f"{article['file']}: {item}" for item in getattr(score, name)])
    return score


@dataclass
class Evaluation:
    """``suggest`` on a labelled set of articles: the label score and the publication dates."""

    score: LabelScore = field(default_factory=LabelScore)
    articles: int = 0
    published_right: int = 0  # articles whose detected publication date is the labelled one
    published_wrong: list[str] = field(default_factory=list)

    @property
    def published_accuracy(self) -> float:
        return self.published_right / self.articles if self.articles else 1.0


def evaluate_articles(articles: list[dict], folder: Path, part: str | None = None) -> Evaluation:
    """Run ``suggest`` on each labelled article and score it: the publication date it detects
    against the labelled one, and its candidates, read against the labelled publication date
    (as a curator gives it when the text does not: a wire's dateline often has no year), against
    the labels. The language is detected. Each article: ``file`` (under ``folder``),
    ``published``, ``labels``; ``part`` keeps only the articles of that part."""
    # Imported here: timeline.suggest imports this module.
    from timeline.suggest import read_article_text, suggest

    result = Evaluation()
    for article in articles:
        if part is not None and article.get("part") != part:
            continue
        text = read_article_text(folder / article["file"])
        detected = suggest(text).published.date
        found = suggest(text, published=str(article["published"]))
        result.articles += 1
        want = str(article["published"])
        if detected is not None and detected.isoformat() == want:
            result.published_right += 1
        else:
            result.published_wrong.append(f"{article['file']}: {detected}, labelled {want}")
        result.score.add(score_article(found.candidates, article))
    return result
