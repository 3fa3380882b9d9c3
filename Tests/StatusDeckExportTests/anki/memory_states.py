"""Import an Anki package into a fresh collection of this (current) Anki with FSRS on and print
the memory state Anki computes from each card's review log, as JSON {"GUID/ORD": {...}}.

Usage: memory_states.py PACKAGE PARAMETERS_JSON

For packages an Anki without FSRS wrote (2.1.50): the state StatusDeck must reach from the same
log, computed by the Anki that has FSRS, with the given parameters on every preset.
"""

import contextlib
import json
import os
import shutil
import sys
import tempfile
import time

os.environ["TZ"] = "UTC"
time.tzset()

import anki.collection  # noqa: E402
import anki.lang  # noqa: E402
from anki.collection import Collection  # noqa: E402

anki.lang.set_lang("en")


def main(package, parameters_json):
    parameters = json.loads(parameters_json)
    directory = tempfile.mkdtemp(prefix="statusdeck-memory-")
    with contextlib.redirect_stdout(sys.stderr):
        col = Collection(os.path.join(directory, "collection.anki2"))
        request = anki.collection.ImportAnkiPackageRequest(
            package_path=package,
            options=anki.collection.ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True),
        )
        col.import_anki_package(request)
        col.set_config("fsrs", True)
        for conf in col.decks.all_config():
            conf["fsrsParams6"] = parameters
            conf["desiredRetention"] = 0.9
            col.decks.update_config(conf)
        states = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            state = col.compute_memory_state(cid)
            if state.stability is not None:
                states[f"{card.note().guid}/{card.ord}"] = {"stability": state.stability, "difficulty": state.difficulty}
        col.close()
    shutil.rmtree(directory, ignore_errors=True)  # only a place to import into
    json.dump(states, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
