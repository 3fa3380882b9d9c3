#!/usr/bin/env python3
"""Generate conformance.json: random, realistic review sequences and what py-fsrs 6.3.2 makes of them.

The Swift test ConformanceTests replays every sequence through FSRS.Scheduler and compares stage,
step and due exactly, and stability, difficulty and retrievability to 1e-9 relative.

Run from the package root (needs only PyPI's fsrs==6.3.2):
    python3 -m venv .venv-oracles && .venv-oracles/bin/pip install fsrs==6.3.2
    .venv-oracles/bin/python Tests/FSRSTests/Fixtures/generate_conformance.py

Output is deterministic for a given --seed (the default is the committed fixture's).
"""

import argparse
import json
import math
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
import fsrs.scheduler
from fsrs import Card, Rating, Scheduler, State

from importlib.metadata import version

if version("fsrs") != "6.3.2":
    raise SystemExit(f"needs fsrs==6.3.2 (the oracle the Swift port matches), found {version('fsrs')}")

DAY_MS = 86_400_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
DEFAULTS = list(fsrs.scheduler.DEFAULT_PARAMETERS)
LOWER = fsrs.scheduler.LOWER_BOUNDS_PARAMETERS
UPPER = fsrs.scheduler.UPPER_BOUNDS_PARAMETERS
MASK64 = (1 << 64) - 1


def fuzz53(card_id: str, review_count: int) -> int:
    """Port of Swift's Fuzz.unit, returning the 53-bit numerator (the unit number is n / 2**53)."""
    prime = 0x100000001B3
    h = 0xCBF29CE484222325
    for byte in card_id.encode("utf-8"):
        h = ((h ^ byte) * prime) & MASK64
    h = ((h ^ 0xFF) * prime) & MASK64
    count = review_count & MASK64
    for _ in range(8):
        h = ((h ^ (count & 0xFF)) * prime) & MASK64
        count >>= 8
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & MASK64
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & MASK64
    h ^= h >> 31
    return h >> 11


def to_ms(dt: datetime) -> int:
    delta = dt - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def from_ms(ms: int) -> datetime:
    return EPOCH + timedelta(milliseconds=ms)


def random_parameters(rng: random.Random) -> list:
    params = []
    for i, default in enumerate(DEFAULTS):
        roll = rng.random()
        if roll < 0.06:
            value = LOWER[i]
        elif roll < 0.12:
            value = UPPER[i]
        else:
            base = default if default > 0 else 0.01
            value = base * math.exp(rng.gauss(0, 0.35))
        params.append(round(min(max(value, LOWER[i]), UPPER[i]), 6))
    return params


def random_configuration(rng: random.Random) -> dict:
    return {
        "parameters": random_parameters(rng) if rng.random() < 0.8 else DEFAULTS,
        "desiredRetention": rng.choice([0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, round(rng.uniform(0.6, 0.99), 4)]),
        "learningSteps": rng.choice([[], [600], [60, 600], [60, 600, 3600], [30, 300, 86_400], [120, 1800, 43_200, 172_800]]),
        "relearningSteps": rng.choice([[], [600], [300, 1800], [86_400], [60, 600, 3600]]),
        "maximumInterval": rng.choice([36_500, 36_500, 3650, 365, 100, 30, 7, 1]),
        "enableFuzzing": rng.random() < 0.5,
    }


def scheduler_for(config: dict) -> Scheduler:
    return Scheduler(
        parameters=config["parameters"],
        desired_retention=config["desiredRetention"],
        learning_steps=[timedelta(seconds=s) for s in config["learningSteps"]],
        relearning_steps=[timedelta(seconds=s) for s in config["relearningSteps"]],
        maximum_interval=config["maximumInterval"],
        enable_fuzzing=config["enableFuzzing"],
    )


def next_time(rng: random.Random, last: int, due: int) -> int:
    """A realistic moment for the next review, given the last review and the due date (ms)."""
    kind = rng.choices(
        ["on-time", "early", "late", "same-day", "midnight", "24h", "24h-1ms", "whole-days", "long-gap", "backwards"],
        weights=[30, 10, 15, 10, 8, 5, 4, 6, 4, 1],
    )[0]
    if kind == "on-time":
        return due
    if kind == "early":
        return last + int((due - last) * rng.random())
    if kind == "late":
        return due + rng.randint(60_000, 30 * DAY_MS)
    if kind == "same-day":
        return last + rng.randint(1000, DAY_MS - 1)
    if kind == "midnight":
        midnight = (last // DAY_MS + 1) * DAY_MS
        latest = min(midnight + 6 * 3_600_000, last + DAY_MS - 1)
        return rng.randint(midnight, latest)
    if kind == "24h":
        return last + DAY_MS
    if kind == "24h-1ms":
        return last + DAY_MS - 1
    if kind == "whole-days":
        return last + rng.randint(2, 60) * DAY_MS
    if kind == "long-gap":
        return last + rng.randint(100, 4000) * DAY_MS + rng.randint(0, DAY_MS - 1)
    return last - rng.randint(1000, 3 * 3_600_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--sequences", type=int, default=360)
    parser.add_argument("--out", default=str(Path(__file__).with_name("conformance.json")))
    args = parser.parse_args()
    rng = random.Random(args.seed)

    configs = [
        {"parameters": DEFAULTS, "desiredRetention": 0.9, "learningSteps": [60, 600], "relearningSteps": [600],
         "maximumInterval": 36_500, "enableFuzzing": False},
        {"parameters": DEFAULTS, "desiredRetention": 0.9, "learningSteps": [60, 600], "relearningSteps": [600],
         "maximumInterval": 36_500, "enableFuzzing": True},
    ]
    configs += [random_configuration(rng) for _ in range(30)]
    schedulers = [scheduler_for(c) for c in configs]

    injected = {"value": 0.0}
    fsrs.scheduler.random = lambda: injected["value"]  # py-fsrs does `from random import random`

    kinds = ["code-to-meaning", "meaning-to-code", "phrase-to-code", "class", "contrast"]
    sequences = []
    for number in range(args.sequences):
        if number % 17 == 0:
            card_id = f"卡片/{rng.randint(100, 599)}/{rng.choice(kinds)}/é{number}"
        else:
            card_id = f"http/{rng.randint(100, 599)}/{rng.choice(kinds)}/{number}"
        config_index = rng.choices([0, 1, rng.randrange(2, len(configs))], weights=[25, 15, 60])[0]
        switch_at = rng.randint(2, 12) if rng.random() < 0.08 else None
        switch_to = rng.randrange(len(configs))
        start = rng.randint(to_ms(datetime(2020, 1, 1, tzinfo=timezone.utc)),
                            to_ms(datetime(2030, 1, 1, tzinfo=timezone.utc)))
        card = Card(card_id=number, due=from_ms(start))
        length = min(int(rng.expovariate(1 / 12)) + 2, 60)
        ratings_weights = rng.choice([[15, 15, 60, 10], [40, 20, 35, 5], [5, 5, 50, 40], [25, 25, 25, 25]])
        last = None
        rows = []
        for count in range(length):
            if switch_at is not None and count == switch_at:
                config_index = switch_to
            scheduler = schedulers[config_index]
            if last is None:
                at = start + rng.randint(0, 3 * DAY_MS)
            else:
                at = next_time(rng, last, to_ms(card.due))
            rating = Rating(rng.choices([1, 2, 3, 4], weights=ratings_weights)[0])
            numerator = fuzz53(card_id, count)
            injected["value"] = numerator / 2**53
            r_before = scheduler.get_card_retrievability(card, from_ms(at))
            card, _ = scheduler.review_card(card, rating, from_ms(at))
            assert to_ms(card.due) % 1 == 0
            rows.append([
                config_index, int(rating), at, numerator,
                int(card.state), card.step, to_ms(card.due),
                card.stability, card.difficulty, float(r_before),
            ])
            last = at
        sequences.append({"cardID": card_id, "start": start, "reviews": rows})

    fixture = {
        "generator": "Tests/FSRSTests/Fixtures/generate_conformance.py",
        "oracle": "py-fsrs 6.3.2",
        "seed": args.seed,
        "columns": ["config", "rating", "at", "fuzz53", "stage", "step", "due", "stability", "difficulty", "retrievabilityBefore"],
        "configurations": configs,
        "sequences": sequences,
    }
    Path(args.out).write_text(json.dumps(fixture, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    total = sum(len(s["reviews"]) for s in sequences)
    print(f"wrote {args.out}: {len(sequences)} sequences, {total} reviews")


if __name__ == "__main__":
    main()
