"""What the commands share: the store named by --db, the report a command needs (with the near
miss named), a report by year or version, and JSON and table output."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from workbench import strings as S
from workbench.cli.parser import CliError, _year
from workbench.document.model import Report
from workbench.storage.paths import default_path
from workbench.storage.store import Store
from workbench.util import lazyre


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else default_path()


def lock_wait() -> float:
    """How long a CLI writer waits for another writer to finish (WORKBENCH_LOCK_WAIT, seconds)."""
    try:
        return max(0.0, float(os.environ.get("WORKBENCH_LOCK_WAIT", "10")))
    except ValueError:
        return 10.0


def open_store(args: argparse.Namespace, *, write: bool = False, lazy: bool = False) -> Store:
    """The store named by --db (its folder must exist) or the default one (folder made).
    `lazy`: a listing may come from the list remembered for this very file (Store)."""
    from workbench.storage.errors import StoreLocked, describe_holder

    path, wait = db_path(args), lock_wait() if write else 0.0
    if write and getattr(args, "readonly", False):
        raise CliError(S.CLI_READONLY_REFUSED.format(command=_command_words(args), path=path))

    def waiting(holder) -> None:
        print(S.CLI_WAITING.format(path=path, holder=describe_holder(holder), wait=f"{wait:g}"),
              file=sys.stderr, flush=True)

    try:
        store = Store(path, readonly=not write, wait=wait, create_folder=not args.db, lazy=lazy,
                      on_wait=waiting if wait > 0 else None)
    except StoreLocked as exc:  # the CLI has no read-only mode to offer: say what does work
        raise CliError(S.CLI_STORE_LOCKED.format(path=exc.path, holder=describe_holder(exc.holder),
                                                 wait=f"{wait:g}")) from None
    place = getattr(args, "place", None)
    if isinstance(place, str) and place:
        args.place = stored_spelling(store, place)
    return store


def stored_spelling(store: Store, place: str) -> str:
    """The place as the store spells it when the drafter typed it in the other script
    ("嘉兴市" for a report imported from a traditional page as "嘉興市"); else as typed."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in place):
        return place
    places = {str(r["place"]) for r in store.summaries()}
    if place in places:
        return place
    from workbench.reading.lines import simplified

    wanted = simplified(place)
    same = sorted(p for p in places if p != place and simplified(p) == wanted)
    return same[0] if same else place


def _command_words(args: argparse.Namespace) -> str:
    """"version save", "import": the command as typed, for a message."""
    words = [getattr(args, "command", None), getattr(args, "version_command", None)]
    return " ".join(w for w in words if isinstance(w, str) and w)


def need_report(store: Store, place: str, year: int) -> Report:
    report = store.get(place, year)
    if report is None:
        raise CliError(S.CLI_NO_REPORT.format(place=place, year=year) + suggestion(store, place, year))
    return report


def report_ref(store: Store, place: str, ref: str) -> Report:
    """A report by year ("2025") or a named version of it ("2025@征求意见稿")."""
    from workbench.drafting.rounds import split_ref

    year_text, name = split_ref(ref)
    year = _year(year_text)
    if name:
        return need_version(store, place, year, name)[0]
    return need_report(store, place, year)


def suggestion(store: Store, place: str, year: int | None = None) -> str:
    """"；是否要找 狮岭镇 2024？" for a near-miss place or year; "" when nothing is close."""
    import difflib

    rows = store.summaries()
    places = sorted({str(r["place"]) for r in rows})
    if place not in places:
        close = [p for p in places if place and (place in p or p in place)]
        close += difflib.get_close_matches(place, [p for p in places if p not in close], n=1, cutoff=0.3)
        if not close:
            return ""
        place_match = close[0]
    else:
        place_match = place
    years = sorted(int(r["year"]) for r in rows if r["place"] == place_match and r["year"] is not None)
    if not years:
        return ""
    if year is None:
        if place_match != place:
            return S.CLI_SUGGEST.format(what=place_match)
        return S.CLI_SUGGEST_YEARS.format(place=place_match, years="、".join(map(str, years)))
    if year in years:
        return S.CLI_SUGGEST.format(what=f"{place_match} {year}")
    nearest = min(years, key=lambda y: (abs(y - year), -y))
    if place_match != place:
        return S.CLI_SUGGEST.format(what=f"{place_match} {nearest}")
    return S.CLI_SUGGEST_YEARS.format(place=place_match, years="、".join(map(str, years)))


def _ref_label(ref: str) -> str | None:
    """"2025@征求意见稿" -> "2025年（征求意见稿）"; a plain year keeps the default label."""
    from workbench.drafting.rounds import split_ref

    year, name = split_ref(ref)
    return S.CMP_LABEL_VERSION.format(year=year.strip(), name=name) if name else None


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def counts(report: Report) -> dict[str, int]:
    return {
        "chapters": len(report.chapters),
        "sections": sum(len(c.sections) for c in report.chapters),
        "targets": len(report.targets),
        "commitments": len(report.commitments),
    }


def _print_table(rows: list[Sequence[str]]) -> None:
    from rich.cells import cell_len

    widths = [max(cell_len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [str(c) + " " * (w - cell_len(str(c))) for c, w in zip(row, widths)]
        print("  ".join(cells).rstrip())


def need_version(store: Store, place: str, year: int, name: str) -> tuple[Report, dict[str, Any]]:
    got = store.get_version(place, year, name)
    if got is None:
        raise CliError(S.VERSION_MISSING.format(place=place, year=year, name=name))
    return got


def output_width() -> int:
    """The columns CLI text is wrapped to: the terminal's width (COLUMNS wins, as the shell
    sets it), 100 when piped unless COLUMNS says otherwise; never under 40."""
    import shutil

    if sys.stdout.isatty():
        width = shutil.get_terminal_size((100, 24)).columns
    else:
        try:
            width = int(os.environ.get("COLUMNS", "100"))
        except ValueError:
            width = 100
    return max(width, 40)


_CODE = lazyre.compile(r"[EWIR]\d{3}\s+")          # "W201  " before a finding's message
_LABEL = lazyre.compile(r"[^\s：:]{1,6}[：:]")       # "待核对：" before a note
_LOCATION = lazyre.compile(r"(.*?\S)(\s+)(\[[^\[\]]*\])\s*$")  # "…  [完成数·规上工业总产值]"


def wrap_output(text: str, width: int | None = None) -> str:
    """CLI text wrapped by the Chinese line-breaking rules at `width` (output_width() by
    default), each long line continuing under its message with a hanging indent (under the
    text after a check code or a "待核对：" label); a trailing [location] is never broken:
    it ends the last line when it fits there, else it has a line of its own."""
    from rich.cells import cell_len

    from workbench.util.textwrap_cjk import wrap_spans

    def wrap_cells(text: str, width: int, first: str, later: str) -> list[str]:
        # keep_units: "7.7%左右", "104.8亿元" stay whole on their line
        return ["".join(t for t, _ in line)
                for line in wrap_spans([(text, None)], width, first, later, keep_units=True)]

    width = width or output_width()
    out: list[str] = []
    for line in text.split("\n"):
        if cell_len(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = line[:len(line) - len(body)]
        head = _CODE.match(body) or _LABEL.match(body)
        hanging = indent + " " * (cell_len(head.group(0)) if head else 2)
        if cell_len(hanging) > width // 2:
            hanging = indent + "  "
        location = ""
        m = _LOCATION.match(body)
        if m:
            body, location = m.group(1), m.group(3)
        lines = wrap_cells(body, width, indent, hanging)
        if location:
            if cell_len(lines[-1]) + 2 + cell_len(location) <= width:
                lines[-1] += "  " + location
            elif cell_len(hanging) + cell_len(location) <= width:
                lines.append(hanging + location)
            else:  # a location wider than the terminal: broken as text, nothing lost
                lines += wrap_cells(location, width, hanging, hanging)
        out.extend(lines)
    return "\n".join(out)
