"""Plain-text views of reports and findings for the terminal (CLI `show` and `check`)."""

from __future__ import annotations

from workbench.checking.findings import ERROR, INFO, WARNING, Finding, counts
from workbench.document.figures import format_figure
from workbench.document.model import Report
from workbench.document.phrasing import chapter_numbers, paragraph_place, printed, section_number
from workbench import strings as S


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
        ci = w.get("chapter")
        if ci is None:
            return ""
        return paragraph_place(report.chapters, ci, w.get("section"), w.get("paragraph"))
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


EXPORT_SUMMARY_LINES = 8


def render_export_summary(report: Report, findings: list[Finding], more: str | None = None) -> str:
    """What `export` prints before it writes: the counts, then the errors and warnings
    (the first few; `check` shows them all). `more`: where the rest are, for a caller that
    is not the command line (the TUI's F4)."""
    c = counts(findings)
    lines = [S.CLI_EXPORT_SUMMARY.format(error=c[ERROR], warning=c[WARNING], info=c[INFO])]
    shown = [f for f in findings if f.severity in (ERROR, WARNING)]
    for f in shown[:EXPORT_SUMMARY_LINES]:
        lines.append(S.CLI_EXPORT_FINDING.format(code=f.code, message=f.message))
    if len(shown) > EXPORT_SUMMARY_LINES:
        lines.append((more or S.CLI_EXPORT_MORE).format(count=len(shown) - EXPORT_SUMMARY_LINES,
                                                        place=report.place, year=report.year))
    return "\n".join(lines)


LAYOUT_SUMMARY_LINES = 6


def render_layout_summary(adjustments: list, limit: int = LAYOUT_SUMMARY_LINES) -> str:
    """What the PDF's layout pass (writing/layoutpass.py) changed, one line a paragraph (the
    first `limit`), or that nothing needed it."""
    if not adjustments:
        return S.LAYOUT_NONE
    lines = [S.LAYOUT_ADJUSTED.format(count=len(adjustments))]
    lines += [f"  {a}" for a in adjustments[:limit]]
    if len(adjustments) > limit:
        lines.append(S.LAYOUT_ADJUSTED_MORE.format(count=len(adjustments) - limit))
    return "\n".join(lines)
