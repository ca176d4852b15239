"""The preview tab (F5): the report as plain text, with its length and speaking time."""

from __future__ import annotations

from textual.widgets import Label

from workbench import strings as S
from workbench.document.phrasing import speaking_minutes
from workbench.tui.widgets.cjktext import CJKText


class PreviewTab:
    """Mixed into ReportScreen: the preview, redrawn after every check."""

    def refresh_preview(self) -> None:
        from workbench.document.counts import counts_at
        from workbench.writing.plain import render_text

        chars = counts_at(self.report, None).total  # counted as the status bar counts
        self.query_one("#preview-stats", Label).update(
            S.PREVIEW_STATS.format(chars=chars, minutes=round(speaking_minutes(chars))))
        text = render_text(self.report)
        if self.previous is not None:  # Ctrl+E adds the appendix table, made from the figures
            text += "\n\n" + S.PREVIEW_APPENDIX.format(
                title=S.EXPORT_APPENDIX_TITLE.format(year=self.previous.year))
        self.query_one("#preview-text", CJKText).set_text(text)
