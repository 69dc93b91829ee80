"""Whether two recommendations say the same thing: TF-IDF over the domain's terms, their pairs and their letters.

A recommendation is read as terms (`words.terms`: synonyms joined, endings trimmed). Two are compared
by the cosine of their term vectors, each term weighted by how rare it is in the collection being
searched (inverse document frequency: "domestic abuse" says little in a DHR, "strangulation" a lot),
with neighbouring pairs of terms counted too, so that the order of what is said matters a little;
and by the cosine of their letter groups (four letters at a time), which catches spellings and
forms the thesaurus does not know. The two are blended; at `THRESHOLD` or above they say the same.

`WORD_WEIGHT` and `THRESHOLD` are learned from the tuning part of the labelled pairs in
tests/learning/pairs.jsonl: the weight was picked by how well its threshold held up when chosen on two
thirds of the tuning groups and tried on the rest (and on four fifths and the rest); the threshold is
`choose_threshold` on the whole tuning part (a test holds the two together). The held-out part
(`tests/learning/test_matcher.py`) plays no part in either.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from tracker.rules.learning.boilerplate import AGENCIES
from tracker.rules.learning.words import terms

THRESHOLD = 0.35
# The precision and recall the threshold is chosen to reach on the tuning pairs.
TARGET = 0.8
WORD_WEIGHT = 0.35
PAIR_WEIGHT = 0.25
GRAM = 4
# How much a term naming an agency counts beside a term of the learning itself.
AGENCY_WEIGHT = 0.125

Vector = dict[str, float]


@dataclass(frozen=True)
class Reading:
    """A text as the matcher reads it: its terms in order (what is stored, so nothing is read twice)."""

    terms: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Reading:
        return cls(tuple(terms(text)))

    @classmethod
    def stored(cls, joined: str) -> Reading:
        return cls(tuple(joined.split()))

    @property
    def joined(self) -> str:
        return " ".join(self.terms)

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.terms)


def recommendation_text(title: str, text: str = "", learning: str | None = None) -> str:
    """What a recommendation says: its lead sentence first, then its learning; the explanation adds context."""
    # The explanation often tells the case ("Ann told her GP twice"); its first sentence is enough.
    first = text.strip().split(". ")[0] if text else ""
    # Where the learning or the explanation repeats the title, it is read once, or its words would weigh double.
    parts: dict[str, str] = {}
    for part in (title, learning or "", first):
        parts.setdefault(part.strip().rstrip(".").strip().lower(), part.strip())
    return ". ".join(p for key, p in parts.items() if key)


def idf(document_frequency: int, documents: int) -> float:
    """Smoothed inverse document frequency: a term found nowhere counts as the rarest."""
    return math.log((documents + 1) / (document_frequency + 1)) + 1.0


@dataclass
class Frequencies:
    """How many texts of a collection hold each term: what makes a term rare or common."""

    documents: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, readings: Iterable[Reading]) -> Frequencies:
        frequencies = cls()
        for reading in readings:
            frequencies.add(reading)
        return frequencies

    def add(self, reading: Reading) -> None:
        self.documents += 1
        self.counts.update(reading.vocabulary)

    def weight(self, term: str) -> float:
        return idf(self.counts.get(term, 0), max(self.documents, 1))


def _normalised(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def term_vector(reading: Reading, weight: Mapping[str, float] | Frequencies) -> Vector:
    """Unit vector over terms and neighbouring pairs of terms, TF (dampened) times IDF."""
    of = _weigher(weight)
    counts = Counter(reading.terms)
    vector: Vector = {t: (1.0 + math.log(n)) * of(t) for t, n in counts.items()}
    for a, b in zip(reading.terms, reading.terms[1:], strict=False):
        if a != b:
            key = f"{a} {b}" if a < b else f"{b} {a}"
            vector[key] = vector.get(key, 0.0) + PAIR_WEIGHT * min(of(a), of(b))
    return _normalised(vector)


def letter_vector(reading: Reading, weight: Mapping[str, float] | Frequencies | None = None) -> Vector:
    """Unit vector over the groups of four letters in each term (its edges marked), each term's groups
    weighted by the square root of the term's weight: the letters of common words count for less, but
    not so much less that, among a small partnership's few recommendations, shared words count for nothing."""
    of = _weigher(weight)
    grams: dict[str, float] = {}
    for term, n in Counter(reading.terms).items():
        padded = f"<{term}>"
        w = (1.0 + math.log(n)) * math.sqrt(of(term))
        pieces = [padded] if len(padded) <= GRAM else [padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1)]
        for g in pieces:
            grams[g] = grams.get(g, 0.0) + w
    return _normalised(grams)


def _weigher(weight: Mapping[str, float] | Frequencies | None) -> Callable[[str], float]:
    """A term's weight: how rare it is, and less for an agency."""
    if weight is None:
        rarity: Callable[[str], float] = lambda _t: 1.0  # noqa: E731
    elif isinstance(weight, Frequencies):
        rarity = weight.weight
    else:
        rarity = lambda t: weight.get(t, 1.0)  # noqa: E731
    return lambda t: rarity(t) * _KIND.get(t, 1.0)


_KIND: dict[str, float] = {}


def reweigh() -> None:
    """Take up `AGENCY_WEIGHT` (it is read once, not for every term)."""
    _KIND.clear()
    _KIND.update(dict.fromkeys(AGENCIES, AGENCY_WEIGHT))


reweigh()


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


@dataclass(frozen=True)
class Vectors:
    terms: Vector
    letters: Vector


def vectors(reading: Reading, weight: Mapping[str, float] | Frequencies) -> Vectors:
    return Vectors(term_vector(reading, weight), letter_vector(reading, weight))


def similarity(a: Vectors, b: Vectors) -> float:
    """0 (nothing in common) to 1 (the same terms): the blend the threshold applies to."""
    return WORD_WEIGHT * cosine(a.terms, b.terms) + (1 - WORD_WEIGHT) * cosine(a.letters, b.letters)


def same_learning(score: float, threshold: float = THRESHOLD) -> bool:
    return score >= threshold


def compare(a: str, b: str, frequencies: Frequencies) -> float:
    """The similarity of two texts, weighed against a collection's frequencies."""
    ra, rb = Reading.of(a), Reading.of(b)
    return similarity(vectors(ra, frequencies), vectors(rb, frequencies))


@dataclass(frozen=True)
class Score:
    pairs: int
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int


def scored_pairs(pairs: Iterable[tuple[str, str, bool]]) -> list[tuple[float, bool]]:
    """Each labelled pair's similarity, weighing terms against the pairs' own texts, with its label."""
    labelled = list(pairs)
    readings = {t: Reading.of(t) for a, b, _ in labelled for t in (a, b)}
    frequencies = Frequencies.of(readings.values())
    made = {t: vectors(r, frequencies) for t, r in readings.items()}
    return [(similarity(made[a], made[b]), same) for a, b, same in labelled]


def tally(scored: list[tuple[float, bool]], threshold: float) -> Score:
    """Precision and recall of scored, labelled pairs at a threshold."""
    tp = fp = fn = 0
    for value, same in scored:
        said = same_learning(value, threshold)
        tp += said and same
        fp += said and not same
        fn += same and not said
    return Score(
        pairs=len(scored),
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
    )


def score_pairs(pairs: Iterable[tuple[str, str, bool]], threshold: float = THRESHOLD) -> Score:
    """Precision and recall of the matcher on labelled pairs."""
    return tally(scored_pairs(pairs), threshold)


def choose_threshold(pairs: Iterable[tuple[str, str, bool]], *, target: float = TARGET) -> float:
    """The threshold learned from labelled pairs: the lowest (in hundredths) at which precision and recall
    both reach `target`. A person checks every suggestion, so the matcher leans towards finding: a missed
    earlier recommendation is learning lost, a wrong one costs a glance. Where none reaches the target,
    the threshold with the best of the smaller of the two."""
    return threshold_for(scored_pairs(pairs), target=target)


def threshold_for(scored: list[tuple[float, bool]], *, target: float = TARGET) -> float:
    """`choose_threshold` for pairs already scored."""
    steps = [step / 100 for step in range(1, 100)]
    tallies = [tally(scored, t) for t in steps]
    worst = [min(t.precision, t.recall) for t in tallies]
    reaching = [t for t, low in zip(steps, worst, strict=True) if low >= target]
    return reaching[0] if reaching else steps[max(range(len(steps)), key=lambda i: worst[i])]
