"""Save one report over and over, printing each completed save's counter (for kill tests)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workbench.document.model import Report  # noqa: E402
from workbench.storage.store import Store  # noqa: E402


def main() -> None:
    db, start, count, place = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    example = Path(__file__).resolve().parents[2] / "examples" / "shiling-2024.json"
    report = Report.from_dict(json.loads(example.read_text(encoding="utf-8")))
    report.place = place
    with Store(db, wait=60) as store:
        for i in range(start, start + count):
            report.note = str(i)
            report.year = 2024 if place == "计数镇" else 1900 + i
            store.put(report)
            print(i, flush=True)


if __name__ == "__main__":
    main()
