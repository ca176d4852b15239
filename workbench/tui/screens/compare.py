"""Two years side by side: the figures with deltas, the texts scrolled together with the
changes highlighted, and a trend of one indicator across every year of the place."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, TabbedContent, TabPane

from workbench import strings as S
from workbench.comparing.compare import ADDED, REMOVED, SAME, STATE_WORDS, Comparison, figures_across, value_text
from workbench.document.model import Report
from workbench.document.phrasing import ATTAINMENT_WORDS, BASICALLY_MET, EXCEEDED, MET, MISSED
from workbench.tui.widgets.cjktext import SideBySide

ATT_STYLE = {ATTAINMENT_WORDS[EXCEEDED]: "bold green", ATTAINMENT_WORDS[MET]: "green",
             ATTAINMENT_WORDS[BASICALLY_MET]: "yellow", ATTAINMENT_WORDS[MISSED]: "bold red"}


class CompareFigures(DataTable):
    HELP = S.HELP_COMPARE


class CompareScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", S.BINDING_BACK_PREVIOUS, id="compare.back"),
        Binding("t", "trend", S.COMPARE_TREND, id="compare.trend"),
    ]

    def action_back(self) -> None:
        if self.app.screen is self:  # a second queued Esc must not pop the report too
            self.app.pop_screen()

    def __init__(self, cmp: Comparison, history: list[Report]):
        super().__init__()
        self.cmp = cmp
        self.history = history

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="compare-tabs"):
            with TabPane(S.COMPARE_TAB_FIGURES, id="cmp-figures"):
                yield CompareFigures(cursor_type="row", zebra_stripes=True, id="cmp-table")
            with TabPane(S.COMPARE_TAB_TEXT, id="cmp-text"):
                yield Label("", id="cmp-summary")
                with VerticalScroll(id="cmp-text-pane"):
                    yield SideBySide(id="cmp-texts")
            with TabPane(S.COMPARE_TAB_TREND, id="cmp-trend"):
                yield Label("", id="trend-title")
                yield VerticalScroll(id="trend-host")
        yield Footer()

    def on_mount(self) -> None:
        a, b = self.cmp.a, self.cmp.b
        self.title = S.APP_TITLE
        self.sub_title = S.COMPARE_TITLE.format(place=b.place, a=self.cmp.labels[0] or f"{a.year}年",
                                                b=self.cmp.labels[1] or f"{b.year}年")
        self.fill_figures()
        self.fill_texts()
        self.query_one(CompareFigures).focus()

    def fill_figures(self) -> None:
        """One row per indicator; only the columns some report fills (no empty 2022年目标 when
        there is no 2022 report), the 指标 column fixed while the rest scroll sideways."""
        table = self.query_one(CompareFigures)
        if self.cmp.versions is not None:
            self._fill_versions(table)
            return
        name, target, result, att = S.COMPARE_COLUMNS
        kinds = []
        for y in self.cmp.years:
            cells = [r.cells.get(y) for r in self.cmp.rows]
            for kind, label, filled in (
                    ("t", target.format(year=y), any(c and c.target for c in cells)),
                    ("r", result.format(year=y), any(c and c.result for c in cells)),
                    ("a", att, any(c and c.attainment for c in cells))):
                if filled:
                    kinds.append((kind, y, label))
        table.add_column(name, key="name")
        for kind, y, label in kinds:
            table.add_column(label, key=f"{kind}{y}")
        table.fixed_columns = 1
        for row in self.cmp.rows:
            out: list = [row.name]
            for kind, y in ((k, y) for k, y, _ in kinds):
                c = row.cells.get(y)
                if c is None:
                    out.append("")
                elif kind == "t":
                    out.append(value_text(c.target))
                elif kind == "r":
                    text = Text(value_text(c.result))
                    if c.change:
                        text.append(f"（{c.change}）", style="dim")
                    out.append(text)
                else:
                    out.append(Text(c.attainment or "", style=ATT_STYLE.get(c.attainment or "", "")))
            table.add_row(*out, key=row.key)

    def _fill_versions(self, table) -> None:
        """Two versions of one year: each indicator with its figure in both, what changed marked
        (one column per version, never only the newer value)."""
        from workbench.comparing.compare import SAME

        styles = {"changed": "bold yellow", "added": "green", "removed": "red"}
        table.add_column(S.CMP_COL_NAME, key="name")
        table.add_column(self.cmp.labels[0], key="a")
        table.add_column(self.cmp.labels[1], key="b")
        table.add_column(S.CMP_VERSIONS_STATE, key="state")
        table.fixed_columns = 1
        for v in self.cmp.versions:
            style = styles.get(v.state, "")
            table.add_row(f"{S.CMP_VERSIONS_TABLES[v.kind]}·{v.name}", Text(value_text(v.a) or S.CMP_DASH, style=style),
                          Text(value_text(v.b) or S.CMP_DASH, style=style),
                          Text(S.CMP_VERSIONS_STATES[v.state], style="" if v.state == SAME else style),
                          key=f"{v.kind}:{(v.b or v.a).key or v.name}")

    def fill_texts(self) -> None:
        """Both years' sections in two columns, paragraph beside paragraph, the changed words
        marked; wrapped by Chinese rules at the pane's width (SideBySide)."""
        blocks: list[tuple[list, list]] = []
        counts = {}
        label_a = self.cmp.labels[0] or f"{self.cmp.a.year}年"
        label_b = self.cmp.labels[1] or f"{self.cmp.b.year}年"
        blocks.append(([(label_a, "bold underline")], [(label_b, "bold underline")]))
        for s in self.cmp.sections:
            counts[s.state] = counts.get(s.state, 0) + 1
            tag = STATE_WORDS[s.state] + (S.COMPARE_MOVED if s.moved else "")
            right_title = [(s.title_b or "—", "bold")]
            if s.state != SAME or s.moved:
                right_title.append((f"  [{tag}]", "cyan"))
            blocks.append(([(s.title_a or "—", "bold")], right_title))
            for p in s.paragraphs:
                if p.state == ADDED or s.state == ADDED:
                    blocks.append(([], [(p.text_b, "green")]))
                elif p.state == REMOVED or s.state == REMOVED:
                    blocks.append(([(p.text_a, "red")], []))
                elif p.ops:
                    left, right = [], []
                    for op, x, y in p.ops:
                        if op == "equal":
                            left.append((x, None))
                            right.append((y, None))
                        else:
                            left.append((x, "red reverse"))
                            right.append((y, "green reverse"))
                    blocks.append((left, right))
                else:
                    blocks.append(([(p.text_a, "dim")], [(p.text_b, "dim")]))
            blocks.append(([], []))
        self.query_one("#cmp-texts", SideBySide).set_blocks(blocks)
        self.query_one("#cmp-summary", Label).update(
            S.COMPARE_SUMMARY.format(a=self.cmp.labels[0] or f"{self.cmp.a.year}年",
                                     b=self.cmp.labels[1] or f"{self.cmp.b.year}年") + "　"
            + "，".join(S.COMPARE_COUNT.format(state=STATE_WORDS[k], count=counts[k])
                       for k in STATE_WORDS if k in counts))   # one order whatever the sections' order

    def on_tabbed_content_tab_activated(self, event) -> None:
        """The 走势 tab shows the indicator under the cursor the first time it opens."""
        if event.pane.id == "cmp-trend" and not self.query("#trend-plot"):
            table = self.query_one(CompareFigures)
            if table.row_count:
                self.show_trend(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_trend(self) -> None:
        table = self.query_one(CompareFigures)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.show_trend(key)
        self.query_one(TabbedContent).active = "cmp-trend"

    def show_trend(self, key: str) -> None:
        from textual_plotext import PlotextPlot

        years, rows = figures_across(self.history)
        key = key.split(":", 1)[1] if key.startswith(("targets:", "results:")) else key  # a version row
        row = next((r for r in rows if r.key == key), None)
        if row is None:
            return
        host = self.query_one("#trend-host", VerticalScroll)
        plot = next(iter(host.query(PlotextPlot)), None)
        if plot is None:
            plot = PlotextPlot(id="trend-plot")
            plot.styles.min_width = TREND_MIN_WIDTH   # narrower panes scroll instead of squashing it
            plot.styles.min_height = TREND_MIN_HEIGHT
            host.mount(plot)
        else:  # the same plot redrawn: a second one mounted while the first is still being
            plot.plt.clear_data()  # removed would clash with its id (pressing t twice crashed)
        xs = [y for y in years if y in row.cells]
        targets = [_number(row.cells[y].target) for y in xs]
        results = [_number(row.cells[y].result) for y in xs]
        plt = plot.plt
        # plotext counts a Chinese character as one cell, so the Chinese legend and axis names
        # stand in the title line above the plot, and the plot itself holds only numbers.
        for series, color in ((targets, TREND_COLORS[0]), (results, TREND_COLORS[1])):
            pts = [(x, v) for x, v in zip(xs, series) if v is not None]
            if pts:
                plt.plot([p[0] for p in pts], [p[1] for p in pts], marker="dot", color=color)
        plt.xticks(xs, [str(x) for x in xs])
        plt.title("")
        growth = any(row.cells[y].result and row.cells[y].result.growth_pct is not None for y in xs)
        legend = S.COMPARE_TREND_LEGEND.format(
            y=S.COMPARE_TREND_Y_GROWTH if growth else S.COMPARE_TREND_Y_VALUE)
        self.query_one("#trend-title", Label).update(
            Text.assemble(S.COMPARE_TREND_TITLE.format(name=row.name) + "　",
                          (S.COMPARE_TREND_DOT + S.COMPARE_TARGET, TREND_COLORS[0]), "　",
                          (S.COMPARE_TREND_DOT + S.COMPARE_RESULT, TREND_COLORS[1]), "　" + legend))


TREND_COLORS = ("blue", "green")
TREND_MIN_WIDTH = 60
TREND_MIN_HEIGHT = 16


def _number(fig) -> float | None:
    """Growth when the figure has one (comparable across years), else its value."""
    if fig is None:
        return None
    return fig.growth_pct if fig.growth_pct is not None else fig.value
