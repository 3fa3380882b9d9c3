"""Import StatusDeck exports into a fresh Anki collection with the real Anki library and print
what Anki ended up with, as JSON, for the Swift tests to check.

Usage: import_into_anki.py FILE [FILE ...]
Files are imported in order into ONE new collection: `.apkg` as an Anki package (with
scheduling), anything else as Anki's text format. Re-importing a file shows whether Anki updates
or duplicates. Exit status 1 (with the error on stderr) when Anki refuses a file.

Works with Anki 2.1.50 too, whose packages go through the legacy Python importer (it has no
text import with header lines, so only apkg files are accepted there).
"""

import json
import os
import shutil
import sys
import tempfile
import time

import anki.collection
import anki.lang
from anki.buildinfo import version as anki_version
from anki.collection import Collection

# The legacy importer logs through the translation layer, which needs a language.
anki.lang.set_lang("en")
MODERN = hasattr(Collection, "import_anki_package")


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
    if not MODERN:
        return legacy_import(col, path)
    if path.endswith(".apkg"):
        request = anki.collection.ImportAnkiPackageRequest(
            package_path=path,
            options=anki.collection.ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True),
        )
        return "apkg", log_counts(col.import_anki_package(request).log)
    metadata = col.get_csv_metadata(path, None)
    request = anki.collection.ImportCsvRequest(path=path, metadata=metadata)
    return "text", log_counts(col.import_csv(request).log)


def legacy_import(col, path):
    from anki.importing.apkg import AnkiPackageImporter

    if not path.endswith(".apkg"):
        raise SystemExit(f"{path}: Anki {anki_version} has no text import with header lines")
    before = col.note_count()
    AnkiPackageImporter(col, path).run()
    added = col.note_count() - before
    # The legacy log is prose; counts of what changed are what the tests compare.
    return "apkg", {"new": added, "updated": 0, "duplicate": 0, "conflicting": 0}


def card_state(col, card):
    if card.queue in (2, 3):
        due_in_days = card.due - col.sched.today
    elif card.queue == 1:
        due_in_days = round((card.due - time.time()) / 86400, 3)
    else:
        due_in_days = None
    memory = getattr(card, "memory_state", None)
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
            kind, counts = import_file(col, path)
            report["imports"].append({"file": os.path.basename(path), "kind": kind, **counts})
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
        report["fsrs"] = MODERN
        # Anki's "Check Database": anything it had to fix is something the export got wrong.
        message, _ = col.fix_integrity()
        report["integrity_problems"] = [
            line for line in message.splitlines() if line.strip() and "rebuilt and optimized" not in line
        ]
    finally:
        col.close()
        # The collection was only a place to import into; leave nothing behind in /tmp.
        shutil.rmtree(directory, ignore_errors=True)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
