"""`workbench figures import PLACE YEAR FILE`: the statistics bureau's spreadsheet into a
report's results (last year's, from a 统计快报) or targets (this year's, from a 计划表), with
the preview printed first; --dry-run stops there."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench import strings as S
from workbench.cli.parser import EXIT_OK, CliError, _year
from workbench.cli.shared import _print_table, db_path, emit_json, need_report, open_store, wrap_output


def _mappings(args: argparse.Namespace) -> dict[str, str]:
    """--map "表中文字=指标名" pairs, folded as the plan looks them up."""
    from workbench.reading.sheet import fold

    out = {}
    for text in args.map or []:
        sheet_text, sep, name = text.partition("=")
        if not sep:
            sheet_text, sep, name = text.partition("＝")
        if not sep or not sheet_text.strip() or not name.strip():
            raise CliError(S.FIGURES_BAD_MAP.format(text=text))
        out[fold(sheet_text)] = name.strip()
    return out


def cmd_figures_import(args: argparse.Namespace) -> int:
    from workbench.drafting.sheetfill import apply_plan, learned, plan_import
    from workbench.reading.sheet import TARGETS, SheetError, detect_kind, read_grid, read_sheet
    from workbench.storage import sheetmap

    year = _year(args.year)
    path = Path(args.file).expanduser()
    store_path = db_path(args)
    with open_store(args) as store:
        report = need_report(store, args.place, year)
    try:
        grid = read_grid(path, args.sheet)
        kind = TARGETS if args.targets else detect_kind(grid)
        read = read_sheet(path, place=report.place, year=year - 1 if kind != TARGETS else year, kind=kind,
                          column=args.column, grid=grid)
    except SheetError as exc:
        raise CliError(str(exc)) from None
    given = _mappings(args)
    memory = sheetmap.load(store_path, report.place)
    memory.update(given)
    plan = plan_import(report, read, kind, memory)
    if args.json:
        emit_json(_plan_json(plan))
    else:
        _print_plan(plan, report)
    if args.dry_run:
        if not args.json:
            print(S.FIGURES_DRY_RUN)
        return EXIT_OK
    if not plan.updating and not (args.new_rows and plan.changing):
        if not args.json:
            print(S.FIGURES_NOTHING.format(place=report.place, year=year))
        _remember(store_path, report.place, given)
        return EXIT_OK
    if report.status == "final":
        raise CliError(S.FIGURES_FINAL.format(place=report.place, year=year))
    with open_store(args, write=True) as store:
        report = need_report(store, args.place, year)
        plan = plan_import(report, read, kind, memory)  # against the report as stored now
        written = apply_plan(report, plan, plan.changing if args.new_rows else None)
        store.put(report)
    _remember(store_path, report.place, {**given, **learned(plan, [plan.items.index(w) for w in written])})
    if not args.json:
        print(S.FIGURES_WRITTEN.format(n=len(written), table=S.SENTENCE_TABLE_NAMES[kind],
                                       place=report.place, year=year))
    return EXIT_OK


def _remember(store_path: Path, place: str, pairs: dict[str, str]) -> None:
    from workbench.storage import sheetmap
    from workbench.storage.atomic import WriteFailed

    try:
        sheetmap.remember(store_path, place, pairs)
    except WriteFailed as exc:
        print(S.FIGURES_MEMORY_FAILED.format(reason=exc), flush=True)


def _print_plan(plan, report) -> None:
    from workbench.drafting.sheetfill import preview_rows

    read = plan.read
    print(wrap_output(S.FIGURES_READ.format(file=read.path.name, sheet=read.sheet, columns=read.columns,
                                            table=S.SENTENCE_TABLE_NAMES[plan.kind], place=report.place,
                                            year=report.year)))
    rows = preview_rows(plan)
    if rows:
        _print_table([S.SHEETFILL_COLUMNS] + rows)
    if plan.unmapped:
        print(S.SHEETFILL_UNMAPPED_TITLE.format(n=len(plan.unmapped)))
        for u in plan.unmapped:
            print(wrap_output(S.SHEETFILL_UNMAPPED_ROW.format(line=u.row.line, text=u.row.text, reason=u.reason)))
        print(wrap_output(S.SHEETFILL_MAP_HINT_CLI))
    left = [i for i in plan.changing if i not in plan.updating]
    if left:
        print(wrap_output(S.FIGURES_NEW_ROWS.format(n=len(left), names="、".join(plan.items[i].name for i in left))))
    for w in read.warnings:
        print(wrap_output(S.IMPORT_DRY_WARNING.format(warning=w)))
    if read.notes:
        print(S.SHEETFILL_NOTES_TITLE)
        for n in read.notes:
            print(wrap_output("  " + n))


def _plan_json(plan) -> dict:
    from workbench.document.model import figure_to_dict

    return {
        "kind": plan.kind, "file": str(plan.read.path), "sheet": plan.read.sheet,
        "rows": [{"line": it.row.line, "text": it.row.text, "indicator": it.name, "key": it.key, "how": it.how,
                  "row": it.index, "figure": figure_to_dict(it.figure) if it.figure else None,
                  "current": figure_to_dict(it.current) if it.current else None,
                  "changes": it.changes, "change": it.change_text(), "note": it.note}
                 for it in plan.items],
        "unmapped": [{"line": u.row.line, "text": u.row.text, "reason": u.reason} for u in plan.unmapped],
        "notes": plan.read.notes, "warnings": plan.read.warnings,
    }
