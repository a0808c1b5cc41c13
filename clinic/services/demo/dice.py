"""The few random choices every part of the demo makes, all from one ``random.Random``."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, options: Sequence[T]) -> T:
    return options[rng.randrange(len(options))]


def weighted(rng: random.Random, options: Sequence[tuple[T, int]]) -> T:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options], k=1)[0]


def chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def between(rng: random.Random, lo: date, hi: date) -> date:
    """A day from ``lo`` to ``hi`` inclusive (``lo`` when the range is empty)."""
    span = (hi - lo).days
    return lo + timedelta(days=rng.randint(0, span)) if span > 0 else lo


def days(n: int) -> timedelta:
    return timedelta(days=n)
