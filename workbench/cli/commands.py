"""The command line (DESIGN §8). Every failure prints one Chinese line on stderr.

Exit codes: 0 done; 1 `check` found errors; 2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from workbench import strings as S
from workbench.cli.parser import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    _year,
    build_parser,
    command_in,
    help_argv,
)
from workbench.cli.shared import (
    _print_table, _ref_label, counts, db_path, emit_json, need_report, open_store, report_ref, stored_spelling, suggestion,
    output_width, wrap_output,
)
from workbench.document.model import Report
from workbench.storage.atomic import os_reason, path_problem
from workbench.storage.errors import StoreError
from workbench.storage.fileformat import probe_store
from workbench.storage.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / "examples"
DEMO_FILES = ("shiling-2023.json", "shiling-2024.json")


def main(argv: Sequence[str] | None = None) -> int:
    argv = help_argv(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=command_in(argv))
    try:
        args = parser.parse_args(argv)
        handler = COMMANDS.get(args.command or "tui")
        return handler(args)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(S.CLI_INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except (OSError, ValueError) as exc:
        # A last line of defence: whatever path an OS call refused, one Chinese line.
        if isinstance(exc, ValueError) and "null" not in str(exc):
            raise
        name = getattr(exc, "filename", None)
        message = (S.CLI_OS_ERROR_AT.format(path=name, reason=os_reason(exc)) if name
                   else S.CLI_OS_ERROR.format(reason=os_reason(exc)))
        print(message, file=sys.stderr)
        return EXIT_USAGE


# ------------------------------------------------------------ helpers


# ------------------------------------------------------------ commands

def cmd_tui(args: argparse.Namespace, path: Path | None = None, *, temporary: bool = False) -> int:
    path = path or db_path(args)
    # The store is checked before the screen is taken: a bad path is one line, not a TUI flash.
    probe_store(path, create_folder=not args.db)
    import gc

    from workbench.tui.app import run

    # A session of hours: the modules loaded so far stay out of every collection (freeze), and
    # collections come as often as Python's defaults (the launcher made them rare for start-up).
    gc.freeze()
    gc.set_threshold(700, 10, 10)
    run(path, temporary=temporary)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    if args.folder:
        folder = Path(args.folder).expanduser()
        if folder.exists() and not folder.is_dir():
            problem = S.CLI_NOT_A_FOLDER.format(path=folder)
        else:
            problem = path_problem(folder / "reports.json", write=True, create_parent=True)
        if problem:
            raise CliError(problem)
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.iterdir()):
            raise CliError(S.CLI_DEMO_NOT_EMPTY.format(folder=folder))
        path = folder / "reports.json"
        load_examples(path)
        print(S.CLI_DEMO_COPY.format(path=path), file=sys.stderr)
        return cmd_tui(args, path)
    import shutil
    import signal
    import tempfile

    from workbench.storage.listcache import list_cache_path

    folder = Path(tempfile.mkdtemp(prefix="workbench-demo-"))
    path = folder / "reports.json"

    def closed(signum, frame):  # the terminal closed (SIGHUP) or a kill: still clean up
        raise SystemExit(128 + signum)

    hangups = [sig for sig in (getattr(signal, "SIGHUP", None), signal.SIGTERM) if sig is not None]
    before = {}
    for sig in hangups:
        try:
            before[sig] = signal.signal(sig, closed)
        except (ValueError, OSError):  # not the main thread, or a platform without it
            pass
    try:
        load_examples(path)
        print(S.CLI_DEMO_TEMP.format(path=path), file=sys.stderr)
        return cmd_tui(args, path, temporary=True)
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
        cache = list_cache_path(path)  # the list remembered for a store that is gone
        shutil.rmtree(folder, ignore_errors=True)
        try:
            cache.unlink(missing_ok=True)
        except OSError:
            pass
        print(S.CLI_DEMO_REMOVED.format(folder=folder), file=sys.stderr)


def load_examples(path: Path) -> None:
    """A fresh store at path holding the bundled example reports."""
    with Store(path) as store:
        for name in DEMO_FILES:
            data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
            store.put(Report.from_dict(data))


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args, lazy=True) as store:
        rows = store.summaries()
    if args.json:
        emit_json(rows)
        return EXIT_OK
    if not rows:
        print(S.CLI_LIST_EMPTY)
        return EXIT_OK
    table = [S.CLI_LIST_HEADER] + [
        (r["place"], str(r["year"]), S.STATUS_NAMES.get(r["status"], r["status"]),
         str(r["chapters"]), str(r["sections"]), str(r["targets"]), r["title"] or S.UNTITLED_AS_PRINTED)
        for r in rows
    ]
    _print_table(table)
    return EXIT_OK


def read_documents(path: Path, place: str | None = None, year: int | None = None) -> list[Report]:
    """Report documents from a file, whatever its format; CliError with a Chinese line if not."""
    return [got.report for got in read_imported(path, place, year)]


def read_imported(path: Path, place: str | None = None, year: int | None = None) -> list:
    """The reports in a file with where each one's place and year came from."""
    problem = path_problem(path, store=False)
    if problem is None and not path.exists():
        problem = S.CLI_FILE_MISSING.format(path=path)
    if problem:
        raise CliError(problem)
    if path.suffix.lower() == ".docx":
        from workbench.writing.comparison_docx import comparison_title

        title = comparison_title(path)
        if title:
            raise CliError(S.IMPORT_IS_COMPARISON.format(path=path, title=title))
    from workbench.reading.importer import ImportFailure, import_detailed

    try:
        return import_detailed(path, place=place, year=year)
    except ImportFailure as exc:
        raise CliError(str(exc)) from None


def _print_origin(got) -> None:
    r = got.report
    place_from = (S.IMPORT_PLACE_FROM.format(source=got.place_from) if got.place_from != S.SOURCE_NONE
                  else S.IMPORT_PLACE_NONE)
    year_from = (S.IMPORT_YEAR_FROM.format(source=got.year_from) if got.year_from != S.SOURCE_NONE
                 else S.IMPORT_YEAR_NONE)
    print(S.IMPORT_DRY_REPORT.format(
        place=r.place, year=r.year or "？", place_from=place_from, year_from=year_from,
        paragraphs=sum(1 for _ in r.paragraphs()), results=len(r.results), **counts(r)))
    for w in got.warnings:
        print(S.IMPORT_DRY_WARNING.format(warning=w))


def _print_partial(path: Path) -> None:
    """What a file holds though its place or year is missing (dry-run shows it, then the error)."""
    from workbench.reading.importer import ImportFailure, read_partial

    try:
        got = read_partial(path)
    except (ImportFailure, OSError):
        return
    for g in got:
        g.report.place = g.report.place or "？"
        _print_origin(g)


def cmd_import(args: argparse.Namespace) -> int:
    year = _year(args.year) if args.year else None
    try:
        imported = read_imported(Path(args.file), place=args.place, year=year)
    except CliError:
        if args.dry_run and not args.json:
            _print_partial(Path(args.file))
        raise
    reports = [g.report for g in imported]
    if args.dry_run:
        if args.json:
            # What plain --dry-run prints beside each document: where its place and year came
            # from and the warnings, under "_import" (ignored when the document is imported).
            docs = [dict(g.report.to_dict(), _import={"place_from": g.place_from, "year_from": g.year_from,
                                                      "warnings": list(g.warnings)}) for g in imported]
            emit_json(docs[0] if len(docs) == 1 else docs)
        else:
            stored = _stored_keys(args)
            note = S.CLI_DRY_RUN
            for g in imported:
                r = g.report
                _print_origin(g)
                if (r.place, r.year) in stored:
                    note = (S.CLI_DRY_RUN_REPLACES if args.replace else S.CLI_DRY_RUN_REFUSED).format(
                        place=r.place, year=r.year)
            if len(imported) == 1 and not args.replace and _would_be_round(args, imported[0]):
                r = imported[0].report
                note = S.CLI_DRY_RUN_ROUND.format(place=r.place, year=r.year)
            print(note)
        return EXIT_OK
    with open_store(args, write=True) as store:
        from workbench.drafting.rounds import store_review_round

        for r in reports:  # a page in the other script is the report already stored ("嘉興市", "嘉兴市")
            r.place = stored_spelling(store, r.place)
        if len(imported) == 1 and not args.replace and store_review_round(store, imported[0], Path(args.file)):
            return EXIT_OK
        if not args.replace:
            for r in reports:
                if store.exists(r.place, r.year):
                    raise CliError(S.CLI_EXISTS.format(place=r.place, year=r.year))
        kept = []
        for r in reports:
            if store.exists(r.place, r.year):  # --replace: the state replaced stays a version
                kept.append((r, store.keep_working(r.place, r.year, S.VERSION_BEFORE_REPLACE,
                                                   kind="before-replace")))
            store.put(r)
    if args.json:
        docs = [r.to_dict() for r in reports]
        emit_json(docs[0] if len(docs) == 1 else docs)
        for g in imported:  # stdout is the document alone; what the drafter must know, beside it
            for w in g.warnings:
                print(S.IMPORT_DRY_WARNING.format(warning=w), file=sys.stderr)
    else:
        for g in imported:
            r = g.report
            print(S.CLI_IMPORTED.format(place=r.place, year=r.year, **counts(r)))
            _print_origin(g)
    for r, name in kept:
        print(S.CLI_REPLACED_KEPT.format(place=r.place, year=r.year, kept=name),
              file=sys.stderr if args.json else sys.stdout)
    for g in imported:
        if args.replace and g.review is not None and g.review[1]:
            print(S.CLI_REPLACED_COMMENTS.format(comments=len(g.review[1])),
                  file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK


def _would_be_round(args: argparse.Namespace, got) -> bool:
    """Whether a real import would take the file in as a review round (a dry run's forecast)."""
    from workbench.drafting.rounds import is_round_of

    path = db_path(args)
    if Path(args.file).suffix.lower() != ".docx" or path_problem(path) or not path.exists():
        return False
    try:
        with Store(path, readonly=True) as store:
            existing = store.get(got.report.place, got.report.year)
    except StoreError:
        return False
    return is_round_of(got, existing)


def _stored_keys(args: argparse.Namespace) -> set[tuple[str, int]]:
    """(place, year) pairs already in the store, for a dry run's forecast; none if it cannot open."""
    path = db_path(args)
    if path_problem(path) or not path.exists():
        return set()
    try:
        with Store(path, readonly=True) as store:
            return {(r["place"], r["year"]) for r in store.summaries()}
    except StoreError:
        return set()


def _refuse_overwrite(out: Path, force: bool) -> None:
    """Export never replaces a file the drafter has not agreed to lose, nor anything that is
    not a plain file (a device, a pipe), and names an unusable path in Chinese."""
    if out.is_dir():  # named before the check summary is printed, not after
        raise CliError(S.EXPORT_IS_DIR.format(path=out))
    problem = path_problem(out, write=True, store=False)
    if problem:
        raise CliError(problem)
    if out.exists() and not force:
        raise CliError(S.CLI_FILE_EXISTS.format(path=out))


def _check_template(template: Path | None) -> None:
    """A --template that is missing, not a file, or not a .docx (zip) is named before export."""
    if template is None:
        return
    import zipfile

    problem = S.CLI_TEMPLATE_IS_FOLDER.format(path=template) if template.is_dir() else path_problem(template, store=False)
    if problem is None and not template.exists():
        problem = S.EXPORT_NO_TEMPLATE.format(path=template)
    if problem is None and not zipfile.is_zipfile(template):
        problem = S.EXPORT_BAD_TEMPLATE.format(path=template, reason=S.CLI_NOT_DOCX)
    if problem:
        raise CliError(problem)


def cmd_new(args: argparse.Namespace) -> int:
    from workbench.drafting.rollover import roll_over

    year = _year(args.year)
    with open_store(args, write=True) as store:
        if args.from_year:
            from_year = _year(args.from_year)
        else:
            earlier = [y for y in store.years(args.place) if y < year]
            if not earlier:
                raise CliError(S.CLI_NEW_NO_SOURCE.format(place=args.place, year=year - 1)
                               + suggestion(store, args.place, year - 1))
            from_year = earlier[-1]
        source = store.get(args.place, from_year)
        if source is None:
            raise CliError(S.CLI_NEW_NO_SOURCE.format(place=args.place, year=from_year)
                           + suggestion(store, args.place, from_year))
        if store.exists(args.place, year) and not args.replace:
            raise CliError(S.CLI_EXISTS.format(place=args.place, year=year))
        draft = roll_over(source, year)
        store.put(draft)
    print(wrap_output(S.CLI_NEW_DONE.format(place=args.place, year=year, from_year=from_year,
                                            chapters=len(draft.chapters),
                                            sections=sum(len(c.sections) for c in draft.chapters),
                                            targets=len(draft.results))))
    if draft.note:
        print(wrap_output(S.CLI_NEW_REVIEW.format(note=draft.note)))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    year = _year(args.year)
    with open_store(args) as store:
        report = need_report(store, args.place, year)
    if args.json:
        emit_json(report.to_dict())
        return EXIT_OK
    from workbench.writing.plain import render_text

    print(render_text(report))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from workbench.checking.checks import check, has_errors
    from workbench.writing.plain import render_findings

    year = _year(args.year)
    from workbench.drafting.rounds import latest_review_comments

    with open_store(args) as store:
        report = need_report(store, args.place, year)
        previous = store.get(args.place, year - 1)
        comments = latest_review_comments(store, args.place, year)
    from workbench.checking.rounds import todo_findings

    # What F4 lists, in the same order: the roll-over's to-do items, the checks, open 批注.
    findings = todo_findings(report.note) + check(report, previous) + comments
    if args.json:
        emit_json([f.to_dict() for f in findings])
    else:
        print(wrap_output(render_findings(report, previous, findings)))
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.checking.checks import check, counts
    from workbench.writing.export import ExportError, export_report
    from workbench.writing.plain import render_export_summary

    year = _year(args.year)
    with open_store(args) as store:
        report = need_report(store, args.place, year)
        previous = store.get(args.place, year - 1)
    out = Path(args.output) if args.output else Path(S.EXPORT_FILE_NAME.format(place=report.place, year=report.year))
    template = Path(args.template) if args.template else None
    _refuse_overwrite(out, args.force)
    if args.pdf:
        _refuse_overwrite(out.with_suffix(".pdf"), args.force)  # the PDF is the copy that goes out
    _check_template(template)
    redline = None
    if args.changes_from:
        from workbench.drafting.rounds import RoundError, redline_base

        with open_store(args) as store:
            try:
                redline = redline_base(store, report, args.changes_from, args.author, args.date)
            except RoundError as exc:
                raise CliError(str(exc)) from None
    findings = check(report, previous)
    print(wrap_output(render_export_summary(report, findings)))
    errors = counts(findings)["error"]
    if args.strict and errors:
        print(S.CLI_EXPORT_STRICT.format(count=errors, place=report.place, year=report.year),
              file=sys.stderr)
        return EXIT_FINDINGS
    try:
        export_report(report, out, template=template, previous=previous, appendix=args.appendix,
                      redline=redline, joiners=not getattr(args, "plain", False))
    except ExportError as exc:
        raise CliError(str(exc)) from None
    if redline is not None:
        from workbench.writing.redline import count_marks

        ins, dels = count_marks(out)
        print(S.CLI_REDLINE_DONE.format(path=out.absolute(), base=args.changes_from, ins=ins, dels=dels,
                                        author=redline[1], date=redline[2].replace("T", " ").rstrip("Z"),
                                        date_from=S.REDLINE_DATE_GIVEN if args.date else S.REDLINE_DATE_SAVED))
    else:
        print(S.CLI_EXPORTED.format(path=out.absolute()))
    if args.pdf:
        from workbench.writing.pdf import convert_to_pdf
        from workbench.writing.plain import render_layout_summary

        adjusted: list = []
        try:
            pdf = convert_to_pdf(out, adjustments=adjusted)
        except ExportError as exc:
            raise CliError(str(exc)) from None
        print(S.CLI_EXPORTED_PDF.format(path=Path(pdf).absolute()))
        print(wrap_output(render_layout_summary(adjusted)))
    return EXIT_OK


def _span(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})\s*[-—~至]\s*(\d{4})\s*", text)
    if not m or int(m.group(1)) > int(m.group(2)):
        raise CliError(S.CLI_BAD_YEARS.format(value=text))
    return _year(m.group(1)), _year(m.group(2))


def _compare_output(args: argparse.Namespace) -> tuple[int, bool]:
    """Width (output_width) and colour: colour on a terminal; the 〔删：…〕〔增：…〕 markers when
    piped, with --no-color or NO_COLOR."""
    color = sys.stdout.isatty() and not args.no_color and not os.environ.get("NO_COLOR")
    return output_width(), color


def cmd_compare(args: argparse.Namespace) -> int:
    from workbench.comparing.compare import compare, figures_across
    from workbench.comparing.text import comparison_text, span_text

    width, color = _compare_output(args)
    if args.years:
        first, last = _span(args.years)
        with open_store(args) as store:
            reports = [r for y in range(first - 1, last + 2) if (r := store.get(args.place, y))]
            reports_in = [r for r in reports if first <= r.year <= last]
            if not reports_in:
                raise CliError(S.CLI_NO_REPORTS_SPAN.format(place=args.place, first=first, last=last)
                               + suggestion(store, args.place))
        _, rows = figures_across(reports)
        years = list(range(first, last + 1))
        if args.output:
            from workbench.writing.comparison_docx import export_span
            from workbench.writing.report_docx import ExportError

            _refuse_overwrite(Path(args.output), args.force)
            try:
                export_span(args.place, years, rows, {r.year for r in reports}, Path(args.output))
            except ExportError as exc:
                raise CliError(str(exc)) from None
            print(S.CLI_EXPORTED.format(path=Path(args.output).absolute()))
        elif args.json:
            emit_json({"place": args.place, "years": years,
                       "rows": [{"key": r.key, "name": r.name,
                                 "years": {str(y): c.to_dict() for y, c in r.cells.items() if y in years}}
                                for r in rows]})
        else:
            sys.stdout.write(span_text(args.place, years, rows, {r.year for r in reports},
                                       width=width, color=color))
        return EXIT_OK
    if not args.year_a or not args.year_b:
        raise CliError(S.CLI_USAGE_ERROR.format(reason=S.CLI_COMPARE_NEEDS))
    refs = [args.year_a, args.year_b]
    if not any("@" in r for r in refs):
        ya, yb = sorted((_year(args.year_a), _year(args.year_b)))
        if ya == yb:
            raise CliError(S.CLI_COMPARE_SAME_YEAR.format(year=ya))
        refs = [str(ya), str(yb)]
    with open_store(args) as store:
        a = report_ref(store, args.place, refs[0])
        b = report_ref(store, args.place, refs[1])
    cmp = compare(a, b, (_ref_label(refs[0]), _ref_label(refs[1])))
    if args.output:
        from workbench.writing.comparison_docx import export_comparison
        from workbench.writing.report_docx import ExportError

        _refuse_overwrite(Path(args.output), args.force)
        try:
            export_comparison(cmp, Path(args.output))
        except ExportError as exc:
            raise CliError(str(exc)) from None
        print(S.CLI_EXPORTED.format(path=Path(args.output).absolute()))
        return EXIT_OK
    if args.json:
        emit_json(cmp.to_dict())
    else:
        sys.stdout.write(comparison_text(cmp, width=width, color=color))
    return EXIT_OK


def cmd_version(args: argparse.Namespace) -> int:
    from workbench.cli.versions import cmd_version as run

    return run(args)


def cmd_figures(args: argparse.Namespace) -> int:
    if args.figures_command != "import":
        raise CliError(S.CLI_USAGE_ERROR.format(reason=S.FIGURES_NEEDS_SUB))
    from workbench.cli.sheets import cmd_figures_import

    return cmd_figures_import(args)


def cmd_restore(args: argparse.Namespace) -> int:
    year = _year(args.year)
    with open_store(args, write=True) as store:
        try:
            store.restore(args.place, year)
        except StoreError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
    print(S.CLI_RESTORED.format(place=args.place, year=year))
    return EXIT_OK


def cmd_trash(args: argparse.Namespace) -> int:
    if args.empty:
        return _empty_trash(args)
    with open_store(args) as store:
        rows = store.trash()
    if args.json:
        emit_json([{k: r[k] for k in ("place", "year", "title", "deleted_at")} for r in rows])
    elif not rows:
        print(S.CLI_TRASH_EMPTY)
    else:
        _print_table([S.CLI_TRASH_HEADER] + [(r["place"], str(r["year"]), r["title"], r["deleted_at"])
                                            for r in rows])
    return EXIT_OK


def _empty_trash(args: argparse.Namespace) -> int:
    """Deleting for good asks first (y to go on) on a terminal; elsewhere it needs --yes."""
    with open_store(args) as store:
        rows = store.trash()
    if not rows:
        print(S.CLI_TRASH_EMPTY)
        return EXIT_OK
    if not args.yes:
        names = "、".join(f"{r['place']} {r['year']}" for r in rows[:5]) + ("…" if len(rows) > 5 else "")
        if not sys.stdin.isatty():
            raise CliError(S.CLI_TRASH_NEEDS_YES.format(n=len(rows), names=names))
        try:
            answer = input(S.CLI_TRASH_CONFIRM.format(n=len(rows), names=names))
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "是"):
            print(S.CLI_TRASH_KEPT)
            return EXIT_OK
    with open_store(args, write=True) as store:
        print(S.TRASH_PURGED.format(n=store.purge()))
    return EXIT_OK


def cmd_assist(args: argparse.Namespace) -> int:
    """Ask the office's model for one task; stream the answer to stdout, then every figure of
    it checked. Writes nothing to the report (the TUI takes answers in)."""
    from workbench.assist.client import AssistError, Request
    from workbench.assist.config import AssistUnavailable, require_config
    from workbench.assist.tasks import TASKS, TaskError, parse_at, prepare
    from workbench.assist.verify import CHANGED, UNKNOWN

    year = _year(args.year)
    if args.task not in TASKS:
        raise CliError(S.AI_BAD_TASK.format(task=args.task, tasks="、".join(TASKS)))
    with open_store(args) as store:
        report = need_report(store, args.place, year)
        previous = store.get(args.place, year - 1)
    material = ""
    if args.material:
        from workbench.reading.importer import ImportFailure, read_material

        try:
            material = read_material(Path(args.material))
        except ImportFailure as exc:
            raise CliError(S.AI_MATERIAL_READ.format(path=args.material, reason=str(exc))) from None
    try:
        addr = parse_at(args.at, report) if args.at else None
        prepared = prepare(args.task, report, previous, addr, material)
        config = require_config()
    except (TaskError, AssistUnavailable) as exc:
        raise CliError(str(exc)) from None
    print(prepared.sending(config.where), file=sys.stderr, flush=True)
    shown = [""]

    def on_text(text: str) -> None:
        if args.json:
            return
        if text.startswith(shown[0]):
            sys.stdout.write(text[len(shown[0]):])
            sys.stdout.flush()
        shown[0] = text

    request = Request(config, prepared.messages)
    try:
        answer = request.run(on_text)
    except KeyboardInterrupt:
        request.cancel()
        raise CliError(S.AI_CANCELLED) from None
    except (AssistError, AssistUnavailable) as exc:
        if shown[0]:
            print(file=sys.stdout)
        raise CliError(str(exc)) from None
    verdict = prepared.check(answer)
    if args.json:
        emit_json({"task": args.task, "at": prepared.where_label, "model": config.model, "answer": answer,
                   "figures": [{"text": n.text, "status": n.status, "was": n.was} for n in verdict.notes],
                   "dropped": verdict.dropped})
        return EXIT_FINDINGS if verdict.flagged or verdict.dropped else EXIT_OK
    if shown[0] != answer:  # the stream was shown differently (a think block closed late)
        print("\n" + answer)
    else:
        print()
    print()
    for n in verdict.flagged:
        line = (S.AI_FLAG_CHANGED.format(was=n.was, figure=n.text) if n.status == CHANGED
                else S.AI_FLAG_UNKNOWN.format(figure=n.text)) if n.status in (CHANGED, UNKNOWN) else n.text
        print("  ！" + line)
    for d in verdict.dropped:
        print("  ！" + S.AI_FLAG_DROPPED.format(figure=d))
    if not verdict.flagged and not verdict.dropped:
        print(S.AI_ALL_KNOWN if verdict.notes else S.AI_NO_FIGURES)
    print(S.AI_DONE.format(chars=len(answer), figures=len(verdict.notes), flagged=len(verdict.flagged)))
    print(S.CLI_AI_NOTHING_WRITTEN)
    return EXIT_FINDINGS if verdict.flagged or verdict.dropped else EXIT_OK
def cmd_round(args: argparse.Namespace) -> int:
    from workbench.cli.rounds import cmd_round as run

    return run(args)


COMMANDS = {
    "assist": cmd_assist,
    "version": cmd_version,
    "round": cmd_round,
    "tui": cmd_tui,
    "demo": cmd_demo,
    "list": cmd_list,
    "import": cmd_import,
    "new": cmd_new,
    "show": cmd_show,
    "check": cmd_check,
    "export": cmd_export,
    "compare": cmd_compare,
    "figures": cmd_figures,
    "restore": cmd_restore,
    "trash": cmd_trash,
}

__all__ = ["main", "build_parser", "load_examples", "CliError"]
