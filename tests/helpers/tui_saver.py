"""Run the TUI headless and let its autosave write one paragraph over and over, printing
each completed save's counter (for kill tests)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["WORKBENCH_NO_BLINK"] = "1"

from workbench.tui.app import WorkbenchApp  # noqa: E402
from workbench.tui.widgets.sections import BodyArea, OutlineTree  # noqa: E402


async def main() -> None:
    db, start = Path(sys.argv[1]), int(sys.argv[2])
    app = WorkbenchApp(db, open_report=("狮岭镇", 2024))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f3")
        tree = screen.query_one(OutlineTree)
        tree.move_cursor(tree.node_for((0, None, 0)))
        await pilot.pause()
        body = screen.query_one(BodyArea)
        i = start
        while True:
            body.load_text(f"第{i}稿：镇政府坚持稳中求进工作总基调。")
            screen.on_text_area_changed(BodyArea.Changed(body))
            screen.save_now()  # what the autosave timer calls a moment after the last key
            await app.workers.wait_for_complete()
            if screen.save_error:
                raise SystemExit(screen.save_error)
            print(i, flush=True)
            i += 1


if __name__ == "__main__":
    asyncio.run(main())
