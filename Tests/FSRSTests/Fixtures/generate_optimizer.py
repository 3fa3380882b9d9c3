#!/usr/bin/env python3
"""Generate optimizer.json: what fsrs-rs (through fsrs-rs-python 0.9.3) makes of three review histories.

The Swift tests OptimizerTests read it: our Evaluation must give fsrs-rs's `evaluate` log loss and
RMSE (bins) within 1e-6 for the same parameters and items, and our fit must reach a log loss within
1 % of fsrs-rs's `compute_parameters` fit on each history (both evaluated by our Evaluation).

Histories (each a list of [card, study day, rating] in chronological order):
  - "sample": fsrs-review-log-sample.csv beside this script (12,580 real reviews, MIT, from
    py-fsrs's test suite), days in UTC with the study day starting at 04:00;
  - "steady" and "struggling": synthetic learners simulated here from fixed FSRS-6 parameters,
    with same-day relearning reviews after a lapse.

Items are built as StatusDeck's TrainingSet.items builds them (and Anki before fsrs-rs): one item
per review on a later study day than the card's previous review, with every earlier review of the
card, in the order of that review.

Run from the package root (needs only PyPI's fsrs-rs-python==0.9.3; `.ci/setup --tests` installs it):
    .venv-oracles/bin/python Tests/FSRSTests/Fixtures/generate_optimizer.py
Output is deterministic.
"""

import csv
import json
import math
import random
import struct
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import fsrs_rs_python as fr

if version("fsrs-rs-python") != "0.9.3":
    raise SystemExit(f"needs fsrs-rs-python==0.9.3, found {version('fsrs-rs-python')}")

HERE = Path(__file__).resolve().parent
DAY_MS = 86_400_000
DAY_STARTS_AT = 4


def f32(x):
    """x rounded to the nearest float32, which is what fsrs-rs computes with."""
    return struct.unpack("f", struct.pack("f", x))[0]


def sample_records():
    rows = []
    with open(HERE / "fsrs-review-log-sample.csv") as f:
        for n, row in enumerate(csv.DictReader(f)):
            ms = int(datetime.fromisoformat(row["review_time"]).timestamp() * 1000)
            rows.append((ms, n, int(row["card_id"]), int(row["review_rating"])))
    rows.sort()
    cards = {}
    out = []
    for ms, _, card, rating in rows:
        number = cards.setdefault(card, len(cards))
        out.append([number, (ms - DAY_STARTS_AT * 3_600_000) // DAY_MS, rating])
    return out


def items_of(records):
    """[(card, FSRSItem reviews as (rating, delta_t))] in the order of the predicted review."""
    sequences, last_day, items = {}, {}, []
    for card, day, rating in records:
        seq = sequences.setdefault(card, [])
        delta = 0 if not seq else max(0, day - last_day[card])
        seq.append((rating, delta))
        last_day[card] = day
        if delta > 0:
            items.append((card, list(seq)))
    return items


def fsrs_items(items):
    return [fr.FSRSItem([fr.FSRSReview(r, d) for r, d in reviews]) for _, reviews in items]


def retrievability(w, days, s):
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * days / s) ** decay


def simulate(w, seed, cards, days, again_rate_bias, hard, easy):
    """A learner who answers by the recall chance of FSRS-6 with parameters w, scheduled at
    retention 0.9 with a little noise; a lapse is relearned the same day."""
    rng = random.Random(seed)
    model = fr.FSRS(w)
    events = []
    for card in range(cards):
        day = rng.randrange(days // 2)
        state = None
        elapsed = 0
        first = True
        while day < days:
            if first:
                rating = rng.choices([1, 2, 3, 4], [0.25, 0.1, 0.55, 0.1])[0]
            else:
                recalled = rng.random() < retrievability(w, elapsed, state.stability) * (1 - again_rate_bias)
                rating = 1 if not recalled else rng.choices([2, 3, 4], [hard, 1 - hard - easy, easy])[0]
            events.append((day, rng.random(), card, rating))
            next_states = model.next_states(state, 0.9, elapsed)
            state = [next_states.again, next_states.hard, next_states.good, next_states.easy][rating - 1].memory
            if rating == 1:
                # Relearned the same study day: a Good.
                events.append((day, rng.random() + 1, card, 3))
                state = model.next_states(state, 0.9, 0).good.memory
            interval = max(1, round(model.next_interval(state.stability, 0.9, 3) * rng.uniform(0.8, 1.25)))
            day += interval
            elapsed = interval
            first = False
    events.sort()
    return [[card, day, rating] for day, _, card, rating in events]


def evaluate(params, items):
    e = fr.FSRS(params).evaluate(fsrs_items(items))
    return {"logLoss": e.log_loss, "rmseBins": e.rmse_bins}


def main():
    defaults = [f32(x) for x in fr.DEFAULT_PARAMETERS]
    steady = [0.4, 1.8, 3.5, 12.0, 6.0, 0.7, 2.5, 0.01, 1.6, 0.2, 1.0, 1.8, 0.1, 0.3, 1.5,
              0.5, 2.0, 0.4, 0.2, 0.1, 0.2]
    struggling = [0.1, 0.6, 1.2, 4.0, 7.5, 0.5, 1.5, 0.02, 1.2, 0.3, 0.7, 1.2, 0.05, 0.4, 2.0,
                  0.4, 1.5, 0.7, 0.3, 0.05, 0.35]
    histories = {
        "sample": sample_records(),
        "steady": simulate(steady, 1, 300, 500, 0.0, 0.08, 0.12),
        "struggling": simulate(struggling, 2, 300, 400, 0.05, 0.15, 0.03),
    }
    out = {"generator": "fsrs-rs-python 0.9.3 (fsrs 6.6.2)", "dayStartsAt": DAY_STARTS_AT, "histories": []}
    rng = random.Random(7)
    lower = [0.001] * 4 + [1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0.01, 0.1]
    upper = [100] * 4 + [10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8]
    for name, records in histories.items():
        items = items_of(records)
        card_ids = [card for card, _ in items]
        fitted = [f32(x) for x in fr.FSRS(defaults).compute_parameters(fsrs_items(items), card_ids=card_ids)]
        # Parameters near the defaults: each moved a random share of the way to a bound.
        near = [f32(d + rng.uniform(0, 0.3) * (u - d) if rng.random() < 0.5 else d - rng.uniform(0, 0.3) * (d - l))
                for d, l, u in zip(defaults, lower, upper)]
        evaluations = []
        for label, params, subset in [
            ("default", defaults, items),
            ("fitted", fitted, items),
            # fsrs-rs sums the loss in float32; over thousands of items far from its fit that
            # alone moved the sample's log loss by 1.6e-6, so these sets are smaller.
            ("near-default, first 2000 items", near, items[:2000]),
            ("fitted, first 500 items", fitted, items[:500]),
        ]:
            evaluations.append({"label": label, "parameters": params, "items": len(subset), **evaluate(params, subset)})
        out["histories"].append({
            "name": name,
            "reviews": len(records),
            "items": len(items),
            "records": records,
            "fsrsRsFit": fitted,
            "evaluations": evaluations,
        })
        print(name, len(records), "reviews", len(items), "items", evaluations[0]["logLoss"], "->", evaluations[1]["logLoss"])
    text = json.dumps(out, separators=(",", ":"))
    (HERE / "optimizer.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
