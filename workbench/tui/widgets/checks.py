"""The findings of the check rules, grouped by severity; Enter jumps to where one points."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench import strings as S
from workbench.checking.findings import ERROR, INFO, WARNING, Finding
from workbench.tui.widgets.paging import SafePaging

STYLE = {ERROR: "bold red", WARNING: "yellow", INFO: "cyan"}


class ChecksPanel(SafePaging, OptionList):
    HELP = S.HELP_CHECKS
    BINDINGS = [Binding("enter", "select", S.BINDING["jump"], id="checks.jump"),
                Binding("d", "comment_done", S.BINDING_COMMENT_DONE, id="checks.comment_done", show=False)]

    def action_comment_done(self) -> None:
        if self.highlighted is None or not getattr(self, "findings", None):
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id is not None:
            self.screen.comment_done(self.findings[int(option.id)])

    def on_resize(self, event) -> None:
        self.call_after_refresh(self._rewrap)

    def _rewrap(self) -> None:
        """The findings broken into lines again for a new width."""
        if getattr(self, "findings", None) and getattr(self, "_shown_width", None) != \
                self.scrollable_content_region.width - 2:
            self.show(self.findings)

    def show(self, findings: list[Finding]) -> None:
        self.findings = findings
        highlighted = self.highlighted
        self.clear_options()
        if not findings:
            self.add_option(Option(S.CHECKS_CLEAN, disabled=True))
            return
        for severity in (ERROR, WARNING, INFO):
            group = [(i, f) for i, f in enumerate(findings) if f.severity == severity]
            if not group:
                continue
            self.add_option(Option(Text(S.GROUP_TITLE.format(severity=S.SEVERITY_NAMES[severity], count=len(group)),
                                        style=STYLE[severity]),
                                   disabled=True))
            width = self.scrollable_content_region.width - 2
            self._shown_width = width
            for i, f in group:
                spans = [(f" {f.code} ", STYLE[f.severity]), (f.message, None)]
                if width > 8:  # broken by Chinese rules at the panel's width
                    from workbench.tui.widgets.cjktext import wrap_text

                    label = Text("\n").join(wrap_text([spans], width))
                else:  # not laid out yet: on_resize shows them again
                    label = Text.assemble(*spans)
                self.add_option(Option(label, id=str(i)))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

