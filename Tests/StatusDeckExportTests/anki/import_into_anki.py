"""Import StatusDeck exports into a fresh Anki collection with the real Anki library and print
what Anki ended up with, as JSON, for the Swift tests to check.

Usage: import_into_anki.py FILE [FILE ...]
Files are imported in order into ONE new collection: `.apkg` as an Anki package (with
scheduling), anything else as Anki's text format. Re-importing a file shows whether Anki updates
or duplicates. Exit status 1 (with the error on stderr) when Anki refuses a file.
"""

import json
import os
import sys
import tempfile
import time

from anki.buildinfo import version as anki_version
from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)


def log_counts(log):
    return {
        "new": len(log.new),
        "updated": len(log.updated),
        "duplicate": len(log.duplicate),
        "conflicting": len(log.conflicting),
        "missing_notetype": len(log.missing_notetype),
        "missing_deck": len(log.missing_deck),
        "empty_first_field": len(log.empty_first_field),
    }


def import_file(col, path):
    if path.endswith(".apkg"):
        request = ImportAnkiPackageRequest(
            package_path=path,
            options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True),
        )
        return "apkg", col.import_anki_package(request).log
    metadata = col.get_csv_metadata(path, None)
    return "text", col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log


def card_state(col, card):
    if card.queue in (2, 3):
        due_in_days = card.due - col.sched.today
    elif card.queue == 1:
        due_in_days = round((card.due - time.time()) / 86400, 3)
    else:
        due_in_days = None
    memory = card.memory_state
    return {
        "deck": col.decks.name(card.did),
        "type": int(card.type),
        "queue": int(card.queue),
        "due": card.due,
        "due_in_days": due_in_days,
        "ivl": card.ivl,
        "reps": card.reps,
        "lapses": card.lapses,
        "left": card.left,
        "stability": round(memory.stability, 2) if memory else None,
        "difficulty": round(memory.difficulty, 2) if memory else None,
    }


def main(paths):
    directory = tempfile.mkdtemp(prefix="statusdeck-anki-")
    col = Collection(os.path.join(directory, "collection.anki2"))
    report = {"anki_version": anki_version, "imports": [], "notes": [], "revlog": []}
    try:
        for path in paths:
            kind, log = import_file(col, path)
            report["imports"].append({"file": os.path.basename(path), "kind": kind, **log_counts(log)})
        guid_of_card = {}
        for nid in sorted(col.find_notes("")):
            note = col.get_note(nid)
            cards = [col.get_card(cid) for cid in sorted(note.card_ids())]
            for card in cards:
                guid_of_card[card.id] = note.guid
            report["notes"].append({
                "guid": note.guid,
                "notetype": note.note_type()["name"],
                "fields": dict(note.items()),
                "tags": sorted(note.tags),
                "cards": [card_state(col, card) for card in cards],
            })
        for row in col.db.all("SELECT id, cid, ease, ivl, lastIvl, time, type FROM revlog ORDER BY id"):
            rid, cid, ease, ivl, last_ivl, taken, kind = row
            report["revlog"].append({
                "id": rid, "guid": guid_of_card.get(cid), "ease": ease, "ivl": ivl,
                "last_ivl": last_ivl, "time": taken, "type": kind,
            })
        report["decks"] = sorted(d.name for d in col.decks.all_names_and_ids())
    finally:
        col.close()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
