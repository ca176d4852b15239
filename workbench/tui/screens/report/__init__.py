"""One open report, split by tab: `screen.py` holds `ReportScreen` (layout, keys, undo), and
figures, sections, checks, preview, the title block, saving and export each have a module.
May import Textual, the TUI's widgets and dialogs, and the core."""
