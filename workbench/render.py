"""Plain-text views of reports and findings for the terminal (CLI `show` and `check`)."""

from __future__ import annotations

from .checks import ERROR, INFO, WARNING, Finding, counts
from .figures import format_figure
from .model import Report
from .phrasing import chapter_numbers, printed, section_number
from . import strings as S


def render_text(report: Report) -> str:
    """The report as it will print: title block, figures, numbered headings, paragraphs."""
    out: list[str] = []
    m = report.meta
    out.append(m.title or "政府工作报告")
    if m.meeting:
        out.append(m.meeting)
    if m.speaker:
        out.append(m.speaker)
    out.append(S.SHOW_STATUS.format(place=report.place, year=report.year,
                                    status=S.STATUS_NAMES.get(report.status, report.status)))
    out.append("")
    if report.results:
        out.append(S.SHOW_RESULTS.format(year=report.year - 1))
        out += ["  " + format_figure(f) for f in report.results]
    if report.targets:
        out.append(S.SHOW_TARGETS.format(year=report.year))
        out += ["  " + format_figure(f) for f in report.targets]
    out.append("")
    numbers = chapter_numbers(report.chapters)
    for ci, ch in enumerate(report.chapters):
        if ch.title:
            out.append(numbers[ci] + ch.title)
        for p in ch.paragraphs:
            lead, text = printed(report, p)
            out.append("　　" + (lead or "") + text)
        for si, sec in enumerate(ch.sections):
            out.append(section_number(si) + sec.title)
            for p in sec.paragraphs:
                lead, text = printed(report, p)
                out.append("　　" + (lead or "") + text)
    return "\n".join(out)


def _where_text(report: Report | None, f: Finding) -> str:
    w = f.where
    if "figure" in w:
        kind = {"results": "完成数", "targets": "目标"}.get(w.get("list", ""), "")
        return f"{kind}·{w['figure']}"
    if "meta" in w:
        return S.META_WHERE.format(field=S.META_LABELS.get(w["meta"], w["meta"]))
    if "chapter" in w and report is not None and not w.get("previous"):
        parts = []
        ci = w.get("chapter")
        if ci is not None and ci < len(report.chapters):
            parts.append(f"第{ci + 1}章")
            si = w.get("section")
            if si is not None:
                parts.append(f"第{si + 1}节")
            pi = w.get("paragraph")
            if pi is not None:
                parts.append(f"第{pi + 1}段")
        return "".join(parts)
    return ""


def render_findings(report: Report, previous: Report | None, findings: list[Finding]) -> str:
    c = counts(findings)
    lines = [S.CLI_CHECK_SUMMARY.format(place=report.place, year=report.year,
                                        errors=c[ERROR], warnings=c[WARNING], infos=c[INFO])]
    if previous is not None:
        lines.append(S.CLI_CHECK_PREVIOUS.format(year=previous.year))
    else:
        lines.append(S.CLI_CHECK_NO_PREVIOUS.format(year=report.year - 1))
    if not findings:
        lines.append(S.CLI_CHECK_CLEAN)
    for severity in (ERROR, WARNING, INFO):
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines.append("")
        lines.append(f"{S.SEVERITY_NAMES[severity]}（{len(group)}）")
        for f in group:
            where = _where_text(report, f)
            lines.append(f"  {f.code}  {f.message}" + (f"  [{where}]" if where else ""))
    return "\n".join(lines)


# ------------------------------------------------------------ comparisons

def _rich_console(plain: bool):
    from rich.console import Console

    return Console(no_color=plain, highlight=False, soft_wrap=True,
                   force_terminal=None if not plain else False, width=200 if plain else None)


def figures_table(years: list[int], rows) -> "object":
    """A Rich table: one row per indicator, target / result / attainment per year."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .compare import value_text

    styles = {"超额完成": "bold green", "完成": "green", "基本完成": "yellow", "未完成": "bold red"}
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False)
    table.add_column("指标", no_wrap=True)
    for y in years:
        table.add_column(f"{y}年目标")
        table.add_column(f"{y}年完成")
        table.add_column("完成情况", no_wrap=True)
    for row in rows:
        cells: list = [row.name]
        for y in years:
            c = row.cells.get(y)
            if c is None:
                cells += ["", "", ""]
                continue
            result = value_text(c.result)
            if c.change and c.result is not None:
                result += f"（{c.change}）"
            cells += [value_text(c.target), result,
                      Text(c.attainment or "", style=styles.get(c.attainment or "", ""))]
        table.add_row(*cells)
    return table


def print_comparison(cmp, *, plain: bool) -> None:
    from rich.text import Text

    from .compare import ADDED, FOLLOW_WORDS, REMOVED, SAME, STATE_WORDS

    console = _rich_console(plain)
    a, b = cmp.a, cmp.b
    console.print(Text(S.CMP_HEADER.format(place=b.place, a=a.year, b=b.year), style="bold"))
    console.print()
    console.print(Text(S.CMP_FIGURES, style="bold"))
    console.print(figures_table(cmp.years, cmp.rows))
    console.print(Text(S.CMP_TEXT, style="bold"))
    changed = [s for s in cmp.sections if s.state != SAME or s.moved]
    counts = {k: sum(1 for s in cmp.sections if s.state == k) for k in STATE_WORDS}
    console.print("  " + "，".join(f"{STATE_WORDS[k]}{v}节" for k, v in counts.items() if v))
    for s in changed:
        title = s.title_b or s.title_a or S.CMP_OPENING
        if s.state == "renamed":
            title = f"{s.title_a} → {s.title_b}"
        line = Text("  ")
        line.append(f"[{STATE_WORDS[s.state]}{'，移动' if s.moved else ''}] ", style="bold cyan")
        line.append(title)
        console.print(line)
        if s.state in (ADDED, REMOVED):
            continue
        for p in s.paragraphs:
            if p.state == SAME:
                continue
            out = Text("    ")
            out.append(f"{STATE_WORDS[p.state]}：", style="dim")
            if p.state == ADDED:
                out.append(_clip(p.text_b), style="green")
            elif p.state == REMOVED:
                out.append(_clip(p.text_a), style="red strike")
            else:
                for tag, x, y in p.ops:
                    if tag == "equal":
                        out.append(x if len(x) <= 24 else x[:10] + "…" + x[-10:])
                    elif tag == "delete":
                        out.append(x if not plain else f"[-{x}-]", style="red strike")
                    elif tag == "insert":
                        out.append(y if not plain else f"{{+{y}+}}", style="green")
                    else:
                        out.append(x if not plain else f"[-{x}-]", style="red strike")
                        out.append(y if not plain else f"{{+{y}+}}", style="green")
            console.print(out)
            for fig in p.figures:
                console.print(Text("      " + S.CMP_FIGURE_CHANGED.format(change=fig), style="yellow"))
    console.print()
    console.print(Text(S.CMP_COMMITMENTS.format(year=a.year), style="bold"))
    for f in cmp.follow_ups:
        style = {"with_number": "green", "mentioned": "yellow", "not_mentioned": "red"}[f.state]
        line = Text("  ")
        line.append(f"[{FOLLOW_WORDS[f.state]}] ", style=style)
        line.append(f.commitment.raw)
        if f.excerpt:
            line.append(f"　← {f.excerpt}", style="dim")
        console.print(line)


def print_figures_span(years: list[int], rows, place: str, *, plain: bool) -> None:
    from rich.text import Text

    console = _rich_console(plain)
    console.print(Text(S.CMP_SPAN.format(place=place, first=years[0], last=years[-1]), style="bold"))
    console.print(figures_table(years, rows))


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n] + "…"
