"""Build an Anki collection with the real Anki library, answer its cards through Anki's own
scheduler, export it in every package shape this Anki offers, and print what it holds, as JSON,
for the Swift import tests to compare `statusdeck import` against.

Usage: build_anki_collection.py OUT_DIR PARAMETERS_JSON

- Notes of the stock note types Basic and "Basic (and reversed card)", plus one Cloze note (which
  StatusDeck reports as skipped), one with an image (the package carries a media file).
- Answers go through Anki's scheduler (FSRS on where Anki has it, with the given parameters), in
  rounds: learning on day 0, then each round makes review cards due with "set due date" (a Manual
  revlog row) and answers what the queue offers. One card is reset to new halfway (a reset row,
  then learning again); some are reviewed in a filtered deck that does not reschedule (cram rows).
- The review log is dated as if the rounds happened on days 0, 3, 9, 20 and 45 after noon UTC,
  each row a minute after the one before (the minutes keep counting across rounds): every row the
  scheduler writes gets the next such id right away. So whole 24-hour periods and Anki's day
  numbers (rollover at 4:00, TZ=UTC) agree, and the memory state Anki computes from
  the log is the state StatusDeck must reach from the same log.
- Anki's own memory state for each card (`compute_memory_state`, from the review log with the
  deck's parameters) is reported where this Anki has FSRS.

Exports are named by what the zip holds, KIND-ENTRY (apkg-anki21b, colpkg-anki21, …), with
-notes-only for the legacy exporter without scheduling. Anki 26.9.3 offers apkg and colpkg as
anki21b and (legacy) anki21; 2.1.50 writes apkg as anki21, or as anki2 for a collection on the v1
scheduler (set for that one export) or without scheduling, and colpkg as anki21 and anki21b.
"""

import contextlib
import json
import os
import sys
import time
import zipfile

os.environ["TZ"] = "UTC"
time.tzset()

import anki.lang  # noqa: E402
from anki.buildinfo import version as anki_version  # noqa: E402
from anki.collection import Collection  # noqa: E402

anki.lang.set_lang("en")
MODERN = hasattr(Collection, "import_anki_package") and hasattr(Collection, "compute_memory_state")

DAY = 86_400_000
ROUND_DAYS = [0, 3, 9, 20, 45]
PLANS = [[3, 3, 3, 1, 3, 3, 3], [1, 3, 3, 4, 2, 3, 3], [4, 3, 1, 3, 3, 2], [2, 3, 3, 3, 1, 3, 4]]

BASIC = [
    ("<b>404</b>", "Not Found"),
    ("What does <i>418</i> mean?", "I&#x27;m a teapot<br>An April Fools&apos; joke"),
    ("<div>302</div><div>and 303?</div>", "Found &amp; See Other"),
    ("410", 'Gone <img src="gone.png">'),
]
REVERSED = [("201", "Created"), ("503", "Service Unavailable&nbsp;(retry later)")]
CLOZE = "{{c1::301}} is Moved Permanently"


class Clock:
    """Gives each new revlog row the next planned id."""

    def __init__(self, col):
        self.col = col
        now = int(time.time() * 1000)
        self.cutoff = now - 3_600_000
        # Noon UTC, 90 days ago.
        self.start = (now // DAY - 90) * DAY + DAY // 2
        self.day = 0
        self.minute = 0

    def stamp(self):
        for (rid,) in self.col.db.all("SELECT id FROM revlog WHERE id > ? ORDER BY id", self.cutoff):
            self.minute += 1
            new = self.start + self.day * DAY + self.minute * 60_000
            self.col.db.execute("UPDATE revlog SET id = ? WHERE id = ?", new, rid)


def answer_queue(col, clock, answered, limit=400):
    if hasattr(col.sched, "reset"):  # the v2 scheduler caches its queues
        col.sched.reset()
    for _ in range(limit):
        card = col.sched.getCard()
        if card is None:
            return
        plan = PLANS[answered.get("index", {}).get(card.id, 0) % len(PLANS)]
        n = answered.setdefault(card.id, 0)
        answered[card.id] = n + 1
        col.sched.answerCard(card, plan[n % len(plan)])
        clock.stamp()


def build(out_dir, parameters):
    path = os.path.join(out_dir, "source.anki2")
    col = Collection(path)
    if MODERN:
        col.set_config("fsrs", True)
    deck_id = col.decks.id("HTTP codes")
    col.decks.select(deck_id)
    conf = col.decks.config_dict_for_deck_id(deck_id)
    conf["new"]["delays"] = [1, 10]
    conf["lapse"]["delays"] = [10]
    conf["new"]["perDay"] = 100
    if MODERN:
        conf["fsrsParams6"] = parameters
        conf["desiredRetention"] = 0.9
    col.decks.update_config(conf) if hasattr(col.decks, "update_config") else col.decks.save(conf)

    col.media.write_data("gone.png", b"\x89PNG\r\n\x1a\n not really a picture")
    index = {}
    for name, pairs in (("Basic", BASIC), ("Basic (and reversed card)", REVERSED)):
        model = col.models.by_name(name)
        for front, back in pairs:
            note = col.new_note(model)
            note["Front"], note["Back"] = front, back
            col.add_note(note, deck_id)
    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze["Text"] = CLOZE
    col.add_note(cloze, deck_id)
    for i, cid in enumerate(sorted(col.find_cards(f"did:{deck_id}"))):
        index[cid] = i

    clock = Clock(col)
    answered = {"index": index}
    reset_card = sorted(index)[1]
    cram_cards = sorted(index)[2:4]
    for round_number, day in enumerate(ROUND_DAYS):
        clock.day = day  # minutes keep counting, so every card's rows are later in the day each round
        if round_number > 0:
            due = [cid for cid in col.find_cards(f"did:{deck_id} is:review")]
            if due:
                col.sched.set_due_date(due, "0")
                clock.stamp()
        if round_number == 3:
            col.sched.schedule_cards_as_new([reset_card])
            clock.stamp()
        answer_queue(col, clock, answered)
        if round_number == 2:
            cram = col.decks.new_filtered("Cram")
            dyn = col.decks.get(cram)
            dyn["resched"] = False
            dyn["terms"] = [[" or ".join(f"cid:{c}" for c in cram_cards), 100, 0]]
            col.decks.save(dyn)
            col.sched.rebuild_filtered_deck(cram)
            col.decks.select(cram)
            for _ in range(2):
                card = col.sched.getCard()
                if card is None:
                    break
                # The v2 scheduler's preview offers two buttons, the second one "Good".
                buttons = col.sched.answerButtons(card) if hasattr(col.sched, "answerButtons") else 4
                col.sched.answerCard(card, min(3, buttons))
                clock.stamp()
            col.sched.empty_filtered_deck(cram)
            col.decks.remove([cram]) if hasattr(col.decks, "remove") else col.decks.rem(cram)
            col.decks.select(deck_id)

    cards = []
    for cid in sorted(index):
        card = col.get_card(cid)
        note = card.note()
        memory = None
        if MODERN:
            state = col.compute_memory_state(cid)
            if state.stability is not None:
                memory = {"stability": state.stability, "difficulty": state.difficulty}
        revlog = [
            {"id": r[0], "ease": r[1], "type": r[2], "factor": r[3], "ivl": r[4], "time": r[5]}
            for r in col.db.all("SELECT id, ease, type, factor, ivl, time FROM revlog WHERE cid = ? ORDER BY id", cid)
        ]
        cards.append({
            "guid": note.guid, "ord": card.ord, "notetype": note.note_type()["name"],
            "fields": list(note.fields), "revlog": revlog, "memory": memory,
        })
    return col, path, cards


def shape(kind, package, scheduling=True):
    """The export's name from what the zip holds: KIND-ENTRY, e.g. apkg-anki21b (the collection
    `meta` names, else the newest collection file), with -notes-only without scheduling."""
    with zipfile.ZipFile(package) as z:
        names = z.namelist()
        if "meta" in names:
            meta = z.read("meta")
            version = meta[1] if len(meta) >= 2 and meta[0] == 0x08 else 0
            entry = {1: "anki2", 2: "anki21", 3: "anki21b"}[version]
        else:
            entry = "anki21" if "collection.anki21" in names else "anki2"
    return f"{kind}-{entry}" + ("" if scheduling else "-notes-only")


def keep(exports, out_dir, temporary, name):
    target = os.path.join(out_dir, name + os.path.splitext(temporary)[1])
    os.replace(temporary, target)
    exports[name] = target


def export_all(col, path, out_dir):
    exports = {}
    scratch = os.path.join(out_dir, "export.apkg")
    if MODERN:
        from anki.collection import ExportAnkiPackageOptions

        for legacy in (False, True):
            options = ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy)
            col.export_anki_package(out_path=scratch, options=options, limit=None)
            keep(exports, out_dir, scratch, shape("apkg", scratch))
    else:
        from anki.exporting import AnkiPackageExporter

        exporter = AnkiPackageExporter(col)
        exporter.includeSched = True
        exporter.exportInto(scratch)
        keep(exports, out_dir, scratch, shape("apkg", scratch))
        # A collection on the v1 scheduler is exported with its scheduling as collection.anki2.
        col.set_config("schedVer", 1)
        exporter = AnkiPackageExporter(col)
        exporter.includeSched = True
        exporter.exportInto(scratch)
        keep(exports, out_dir, scratch, shape("apkg", scratch))
        col.set_config("schedVer", 2)
    try:
        from anki.exporting import AnkiPackageExporter

        exporter = AnkiPackageExporter(col)
        exporter.includeSched = False
        exporter.exportInto(scratch)
        keep(exports, out_dir, scratch, shape("apkg", scratch, scheduling=False))
    except Exception as error:  # the legacy exporter is gone from this Anki
        sys.stderr.write(f"no legacy apkg export: {error}\n")
    col.close()
    for legacy in (True, False):
        col = Collection(path)
        scratch = os.path.join(out_dir, "export.colpkg")
        if hasattr(col, "export_collection_package"):
            col.export_collection_package(scratch, include_media=True, legacy=legacy)
        else:
            col.export_collection(scratch, True, legacy)
        keep(exports, out_dir, scratch, shape("colpkg", scratch))
        if col.db:
            col.close()
    return exports


def main(out_dir, parameters_json):
    out_dir = os.path.abspath(out_dir)  # the legacy exporter changes the working directory
    parameters = json.loads(parameters_json)
    # Anki prints deprecation notes on standard output, which carries only the report.
    with contextlib.redirect_stdout(sys.stderr):
        col, path, cards = build(out_dir, parameters)
        exports = export_all(col, path, out_dir)
    json.dump({"anki_version": anki_version, "fsrs": MODERN, "exports": exports, "cards": cards},
              sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
