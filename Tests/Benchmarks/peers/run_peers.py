#!/usr/bin/env python3
"""Times StatusDeck's peers on the synthetic histories that statusdeck-bench wrote.

Run by `statusdeck-bench --peers` with the interpreter of the venv that setup.sh creates; it can
also be run by hand:

    .venv-bench/bin/python Tests/Benchmarks/peers/run_peers.py --runs 3 \
        --history 10k=/tmp/x/10k/history.jsonl --out /tmp/peers.json

What is timed (reading and parsing the JSON Lines file is NOT timed for any peer: it is the same
setup for all, and StatusDeck's own figures say separately what they include):

- py-fsrs 6.3.2: `Scheduler.review_card` over every card's reviews in order, from a new `Card`,
  with the default parameters, steps and fuzzing on (as StatusDeck's default configuration).
- fsrs-rs-python: `FSRS.memory_state_batch` over one `FSRSItem` per card (ratings and whole days
  since the previous review): the Rust FSRS core that Anki uses, through its Python binding.
- anki: `col._backend.graphs(search="", days=0)` (the "deck life" period: the whole history, as
  StatusDeck's stats read the whole history), the Rust backend's computation behind Anki's
  Statistics screen (today, future due, reviews per day, card counts, intervals, difficulty,
  retrievability, true retention, buttons, hours…), over a collection built with the `anki`
  package: one note per card id and one revlog row per review. Building the collection is not timed.

Each peer runs up to --runs times per history and stops repeating once --budget seconds are spent
on it (it always runs once), so py-fsrs on a million reviews does not take the whole evening.
The result is JSON: {"peers": {NAME: {SIZE: {"seconds": [...], "reviews": N, "note": "..."}}},
"versions": {...}}; a peer that cannot run reports {"error": "..."} instead of figures.
"""

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import shutil
import sys
import tempfile
import time

DEFAULT_PARAMETERS = (
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
)
DAY_MS = 86_400_000


def parse_instant_ms(text):
    # The history writes UTC with milliseconds (2026-11-01T08:15:02.123Z); fromisoformat reads
    # that form since Python 3.11 and is far quicker than strptime over a million lines.
    d = dt.datetime.fromisoformat(text)
    if d.tzinfo is None:
        d = d.replace(tzinfo=dt.timezone.utc)
    return int(d.timestamp() * 1000 + 0.5)


def read_history(path):
    """Reviews per card in time order, undone reviews removed, as [(ms, rating, answer_ms)]."""
    reviews, undone = [], set()
    with open(path, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break  # a torn last line is not a record
            event = json.loads(raw)
            if "undo" in event:
                undone.add(event["undo"])
            elif "mark" in event:
                continue  # suspends and buries schedule nothing
            else:
                reviews.append(event)
    cards = {}
    for e in reviews:
        if e["id"] in undone:
            continue
        cards.setdefault(e["card"], []).append(
            (parse_instant_ms(e["at"]), int(e["rating"]), int(e.get("ms", 0))))
    for seq in cards.values():
        seq.sort(key=lambda r: r[0])  # stable: ties keep file order, as StatusDeck's replay
    return cards


def timed_runs(body, runs, budget):
    seconds = []
    spent = 0.0
    while len(seconds) < runs and (not seconds or spent < budget):
        start = time.perf_counter()
        body()
        took = time.perf_counter() - start
        seconds.append(took)
        spent += took
    return seconds


def py_fsrs(cards, runs, budget):
    import fsrs

    scheduler = fsrs.Scheduler(parameters=DEFAULT_PARAMETERS, desired_retention=0.9,
                               enable_fuzzing=True)
    prepared = [
        [(fsrs.Rating(r), dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc)) for ms, r, _ in seq]
        for seq in cards.values()
    ]
    sink = []

    def body():
        total = 0.0
        for seq in prepared:
            card = fsrs.Card()
            for rating, when in seq:
                card, _ = scheduler.review_card(card, rating, review_datetime=when)
            total += card.stability or 0.0
        sink.append(total)

    return {"seconds": timed_runs(body, runs, budget), "reviews": sum(len(s) for s in prepared),
            "note": "Scheduler.review_card per review, fuzzing on"}


def fsrs_rs(cards, runs, budget):
    import fsrs_rs_python as rs

    model = rs.FSRS(list(DEFAULT_PARAMETERS))
    items = []
    for seq in cards.values():
        reviews, previous = [], None
        for ms, rating, _ in seq:
            # Whole 24-hour periods since the previous review, as FSRS counts elapsed days.
            reviews.append(rs.FSRSReview(rating, 0 if previous is None else (ms - previous) // DAY_MS))
            previous = ms
        items.append(rs.FSRSItem(reviews))
    sink = []

    def body():
        states = model.memory_state_batch(items)
        sink.append(sum(s.stability for s in states))

    return {"seconds": timed_runs(body, runs, budget), "reviews": sum(len(s) for s in cards.values()),
            "note": "FSRS.memory_state_batch, one FSRSItem per card"}


def build_anki_collection(cards, folder):
    """A collection with one note per card id and one revlog row per review.

    Notes are added through the `anki` package; the revlog and the cards' scheduling are then
    written with Python's sqlite3 in one transaction: Anki's own DB proxy commits row by row and
    needs minutes for a million rows, which is setup, not what is compared.
    """
    import sqlite3
    from anki.collection import Collection

    path = os.path.join(folder, "collection.anki2")
    col = Collection(path)
    notetype = col.models.by_name("Basic")
    deck_id = col.decks.id("StatusDeck bench")
    anki_ids = {}
    for card_id in cards:
        note = col.new_note(notetype)
        note["Front"] = card_id
        note["Back"] = card_id
        col.add_note(note, deck_id)
        anki_ids[card_id] = note.card_ids()[0]
    col.set_config("fsrs", True)
    col.close()

    first_ms = min(seq[0][0] for seq in cards.values())
    crt_day = first_ms // DAY_MS
    rows, used_ids = [], set()
    card_updates = []
    for card_id, seq in cards.items():
        cid = anki_ids[card_id]
        stage, last_ivl, lapses = "new", 0, 0
        for i, (ms, rating, answer_ms) in enumerate(seq):
            revlog_id = ms
            while revlog_id in used_ids:  # revlog ids are unique milliseconds
                revlog_id += 1
            used_ids.add(revlog_id)
            # Anki's revlog type: 0 learn, 1 review, 2 relearn. The interval is the time until the
            # card's next review in this history: days, or negative seconds below a day.
            if stage == "review" and rating == 1:
                kind, stage, lapses = 2, "relearn", lapses + 1
            elif stage == "review":
                kind = 1
            else:
                kind = 0 if stage in ("new", "learn") else 2
                stage = "learn" if stage == "new" else stage
                if rating >= 3:
                    stage = "review"
            gap_ms = (seq[i + 1][0] - ms) if i + 1 < len(seq) else DAY_MS
            ivl = gap_ms // DAY_MS if gap_ms >= DAY_MS else -max(1, gap_ms // 1000)
            rows.append((revlog_id, cid, -1, rating, ivl, last_ivl, 2500, min(answer_ms, 60_000), kind))
            last_ivl = ivl
        due_day = (seq[-1][0] + max(last_ivl, 1) * DAY_MS) // DAY_MS - crt_day
        card_updates.append((2, 2, max(last_ivl, 1), due_day, len(seq), lapses, cid))
    db = sqlite3.connect(path)
    with db:
        db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,?,?,?,?,?,?,?)",
            rows)
        db.executemany("update cards set type = ?, queue = ?, ivl = ?, due = ?, reps = ?, lapses = ? where id = ?",
                       card_updates)
        # The collection "began" on the first review's day, so due days and the history line up.
        db.execute("update col set crt = ?", (crt_day * 86_400,))
    db.close()
    return Collection(path)


def anki_graphs(cards, runs, budget):
    folder = tempfile.mkdtemp(prefix="statusdeck-bench-anki-")
    try:
        col = build_anki_collection(cards, folder)
        sink = []

        def body():
            response = col._backend.graphs(search="", days=0)
            sink.append(response.ByteSize())

        seconds = timed_runs(body, runs, budget)
        col.close()
        return {"seconds": seconds, "reviews": sum(len(s) for s in cards.values()),
                "note": "backend graphs(search='', days=0): all history, the whole collection"}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fsrs_rs_fit(cards, runs, budget):
    """fsrs-rs's own optimizer on the same training items `statusdeck optimize` builds: one item
    per review on a later study day than the card's previous one (UTC days starting at 04:00)."""
    import resource

    import fsrs_rs_python as rs

    items = []
    for seq in cards.values():
        reviews, last = [], None
        for ms, rating, _ in seq:
            day = (ms - 4 * 3_600_000) // DAY_MS
            delta = 0 if last is None else max(0, day - last)
            reviews.append((rating, delta))
            last = day
            if delta > 0:
                items.append(rs.FSRSItem([rs.FSRSReview(r, d) for r, d in reviews]))
    model = rs.FSRS(list(DEFAULT_PARAMETERS))
    sink = []

    def body():
        sink.append(model.compute_parameters(items))

    seconds = timed_runs(body, runs, budget)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"seconds": seconds, "reviews": sum(len(s) for s in cards.values()),
            "note": f"FSRS.compute_parameters on {len(items)} items; process peak RSS {peak / 1e6:.0f} MB"}


PEERS = {"py-fsrs": py_fsrs, "fsrs-rs-python": fsrs_rs, "anki": anki_graphs, "fsrs-rs-python-fit": fsrs_rs_fit}


def versions():
    out = {"python": sys.version.split()[0]}
    for name in ("fsrs", "fsrs-rs-python", "anki"):
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = None
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", action="append", default=[], metavar="SIZE=PATH",
                        help="a size label and its history.jsonl; repeat for each size")
    parser.add_argument("--fit-history", action="append", default=[], metavar="SIZE=PATH",
                        help="a history only fsrs-rs-python-fit runs on (the real review sample)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=15.0,
                        help="stop repeating a peer on one history after this many seconds")
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated subset of " + ",".join(PEERS))
    parser.add_argument("--out", required=True, help="where to write the JSON result")
    args = parser.parse_args()

    result = {"peers": {name: {} for name in args.peers.split(",")}, "versions": versions()}
    for spec in args.history:
        size, _, path = spec.partition("=")
        started = time.perf_counter()
        cards = read_history(path)
        print(f"peers: read {size} in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        for name in args.peers.split(","):
            started = time.perf_counter()
            print(f"peers: {name} on {size}…", file=sys.stderr, flush=True)
            try:
                result["peers"][name][size] = PEERS[name](cards, args.runs, args.budget)
            except Exception as error:  # a peer that breaks is reported, never fatal to the others
                result["peers"][name][size] = {"error": f"{type(error).__name__}: {error}"}
            print(f"peers: {name} on {size} took {time.perf_counter() - started:.1f} s with its setup",
                  file=sys.stderr, flush=True)
    for spec in args.fit_history:
        size, _, path = spec.partition("=")
        try:
            result["peers"].setdefault("fsrs-rs-python-fit", {})[size] = fsrs_rs_fit(read_history(path), args.runs, args.budget)
        except Exception as error:
            result["peers"].setdefault("fsrs-rs-python-fit", {})[size] = {"error": f"{type(error).__name__}: {error}"}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
