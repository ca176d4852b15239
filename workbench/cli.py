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
from typing import Any, NoReturn, Sequence

from . import strings as S
from .model import Report
from .store import Store, StoreError, default_path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "examples"
DEMO_FILES = ("shiling-2023.json", "shiling-2024.json")


class CliError(Exception):
    """A failure the drafter must read: one Chinese line, exit code 2 unless said."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        self.code = code
        super().__init__(message)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(S.CLI_USAGE_ERROR.format(reason=_translate_argparse(message)))


def _translate_argparse(message: str) -> str:
    table = [
        (r"the following arguments are required: (.*)", "缺少参数 {0}"),
        (r"unrecognized arguments: (.*)", "不认识的参数 {0}"),
        (r"argument (\S+): invalid choice: '?([^' ]*)'? .*", "“{1}”不是可用的命令"),
        (r"argument (\S+): expected one argument", "参数 {0} 后面缺少值"),
        (r"argument (\S+): invalid int value: '(.*)'", "参数 {0} 应为整数，实为“{1}”"),
    ]
    for pattern, template in table:
        m = re.match(pattern, message)
        if m:
            return template.format(*m.groups())
    return message


def _year(text: str) -> int:
    if not re.fullmatch(r"(19|20|21)\d\d", text.strip()):
        raise CliError(S.CLI_BAD_YEAR.format(value=text))
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="workbench", description=S.CLI_DESCRIPTION)
    p.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据目录，或 WORKBENCH_DB）")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("demo", help="在示例数据的新副本上打开工作台")
    s.add_argument("--folder", help="把示例数据库放在这个（新的或空的）文件夹里，而不是临时文件夹")
    s = sub.add_parser("list", help="列出数据库中的报告")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("import", help="导入报告文件（.json / .txt / .docx）")
    s.add_argument("file")
    s.add_argument("--place")
    s.add_argument("--year")
    s.add_argument("--dry-run", action="store_true")
    s.add_argument("--json", action="store_true")
    s.add_argument("--replace", action="store_true", help="覆盖已有的同地同年报告")

    s = sub.add_parser("new", help="以往年报告为起点起草新一年报告")
    s.add_argument("place")
    s.add_argument("year")
    s.add_argument("--from", dest="from_year")
    s.add_argument("--replace", action="store_true")

    s = sub.add_parser("show", help="显示一份报告")
    s.add_argument("place")
    s.add_argument("year")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("check", help="核对报告（对照上年目标）")
    s.add_argument("place")
    s.add_argument("year")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("compare", help="对比两年的报告：指标、文字、承诺")
    s.add_argument("place")
    s.add_argument("year_a", nargs="?")
    s.add_argument("year_b", nargs="?")
    s.add_argument("--years", metavar="2021-2024", help="只看指标，跨多年")
    s.add_argument("--json", action="store_true")
    s.add_argument("-o", "--output", metavar="FILE.docx", help="把对比导出为 Word 表格")

    s = sub.add_parser("export", help="导出 Word 文稿")
    s.add_argument("place")
    s.add_argument("year")
    s.add_argument("-o", "--output", metavar="FILE.docx")
    s.add_argument("--template", metavar="FILE.docx")
    s.add_argument("--appendix", action="store_true", help="附上年目标完成情况表")

    s = sub.add_parser("restore", help="从回收站恢复一份已删除的报告")
    s.add_argument("place")
    s.add_argument("year")
    s = sub.add_parser("trash", help="列出回收站中的报告；--empty 清空回收站")
    s.add_argument("--empty", action="store_true", help="永久删除回收站中的全部报告")
    s.add_argument("--json", action="store_true")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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


# ------------------------------------------------------------ helpers

def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else default_path()


def lock_wait() -> float:
    """How long a CLI writer waits for another writer to finish (WORKBENCH_LOCK_WAIT, seconds)."""
    try:
        return max(0.0, float(os.environ.get("WORKBENCH_LOCK_WAIT", "10")))
    except ValueError:
        return 10.0


def open_store(args: argparse.Namespace, *, write: bool = False) -> Store:
    return Store(db_path(args), readonly=not write, wait=lock_wait() if write else 0.0)


def need_report(store: Store, place: str, year: int) -> Report:
    report = store.get(place, year)
    if report is None:
        raise CliError(S.CLI_NO_REPORT.format(place=place, year=year))
    return report


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


# ------------------------------------------------------------ commands

def cmd_tui(args: argparse.Namespace, path: Path | None = None) -> int:
    from .tui.app import run

    run(path or db_path(args))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    if args.folder:
        folder = Path(args.folder).expanduser()
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.iterdir()):
            raise CliError(S.CLI_DEMO_NOT_EMPTY.format(folder=folder))
    else:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="workbench-demo-"))
    path = folder / "reports.json"
    load_examples(path)
    print(S.CLI_DEMO_COPY.format(path=path), file=sys.stderr)
    return cmd_tui(args, path)


def load_examples(path: Path) -> None:
    """A fresh store at path holding the bundled example reports."""
    with Store(path) as store:
        for name in DEMO_FILES:
            data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
            store.put(Report.from_dict(data))


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.summaries()
    if args.json:
        emit_json(rows)
        return EXIT_OK
    if not rows:
        print(S.CLI_LIST_EMPTY)
        return EXIT_OK
    table = [S.CLI_LIST_HEADER] + [
        (r["place"], str(r["year"]), S.STATUS_NAMES.get(r["status"], r["status"]),
         str(r["chapters"]), str(r["sections"]), str(r["targets"]), r["title"])
        for r in rows
    ]
    _print_table(table)
    return EXIT_OK


def read_documents(path: Path, place: str | None = None, year: int | None = None) -> list[Report]:
    """Report documents from a file, whatever its format; CliError with a Chinese line if not."""
    if not path.exists():
        raise CliError(S.CLI_FILE_MISSING.format(path=path))
    from .importer import ImportFailure, import_file

    try:
        return import_file(path, place=place, year=year)
    except ImportFailure as exc:
        raise CliError(str(exc)) from None


def cmd_import(args: argparse.Namespace) -> int:
    year = _year(args.year) if args.year else None
    reports = read_documents(Path(args.file), place=args.place, year=year)
    if args.dry_run:
        if args.json:
            docs = [r.to_dict() for r in reports]
            emit_json(docs[0] if len(docs) == 1 else docs)
        else:
            for r in reports:
                print(S.CLI_IMPORTED.format(place=r.place, year=r.year, **counts(r)) + S.CLI_DRY_RUN)
        return EXIT_OK
    with open_store(args, write=True) as store:
        if not args.replace:
            for r in reports:
                if store.exists(r.place, r.year):
                    raise CliError(S.CLI_EXISTS.format(place=r.place, year=r.year))
        for r in reports:
            store.put(r)
    if args.json:
        docs = [r.to_dict() for r in reports]
        emit_json(docs[0] if len(docs) == 1 else docs)
    else:
        for r in reports:
            print(S.CLI_IMPORTED.format(place=r.place, year=r.year, **counts(r)))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from .rollover import roll_over

    year = _year(args.year)
    with open_store(args, write=True) as store:
        if args.from_year:
            from_year = _year(args.from_year)
        else:
            earlier = [y for y in store.years(args.place) if y < year]
            if not earlier:
                raise CliError(S.CLI_NEW_NO_SOURCE.format(place=args.place, year=year - 1))
            from_year = earlier[-1]
        source = store.get(args.place, from_year)
        if source is None:
            raise CliError(S.CLI_NEW_NO_SOURCE.format(place=args.place, year=from_year))
        if store.exists(args.place, year) and not args.replace:
            raise CliError(S.CLI_EXISTS.format(place=args.place, year=year))
        draft = roll_over(source, year)
        store.put(draft)
    print(S.CLI_NEW_DONE.format(place=args.place, year=year, from_year=from_year,
                                chapters=len(draft.chapters),
                                sections=sum(len(c.sections) for c in draft.chapters),
                                targets=len(draft.results)))
    if draft.note:
        print(S.CLI_NEW_REVIEW.format(note=draft.note))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    year = _year(args.year)
    with open_store(args) as store:
        report = need_report(store, args.place, year)
    if args.json:
        emit_json(report.to_dict())
        return EXIT_OK
    from .render import render_text

    print(render_text(report))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .checks import check, has_errors
    from .render import render_findings

    year = _year(args.year)
    with open_store(args) as store:
        report = need_report(store, args.place, year)
        previous = store.get(args.place, year - 1)
    findings = check(report, previous)
    if args.json:
        emit_json([f.to_dict() for f in findings])
    else:
        print(render_findings(report, previous, findings))
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .export_docx import ExportError, export_report

    year = _year(args.year)
    with open_store(args) as store:
        report = need_report(store, args.place, year)
        previous = store.get(args.place, year - 1)
    out = Path(args.output) if args.output else Path(f"{report.place}{report.year}年政府工作报告.docx")
    template = Path(args.template) if args.template else None
    try:
        export_report(report, out, template=template, previous=previous, appendix=args.appendix)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    print(S.CLI_EXPORTED.format(path=out))
    return EXIT_OK


def _span(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})\s*[-—~至]\s*(\d{4})\s*", text)
    if not m or int(m.group(1)) > int(m.group(2)):
        raise CliError(S.CLI_BAD_YEARS.format(value=text))
    return _year(m.group(1)), _year(m.group(2))


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare, figures_across
    from .render import print_comparison, print_figures_span

    plain = not sys.stdout.isatty()
    if args.years:
        first, last = _span(args.years)
        with open_store(args) as store:
            reports = [r for y in range(first - 1, last + 2) if (r := store.get(args.place, y))]
        reports_in = [r for r in reports if first <= r.year <= last]
        if not reports_in:
            raise CliError(S.CLI_NO_REPORTS_SPAN.format(place=args.place, first=first, last=last))
        years, rows = figures_across(reports)
        years = [y for y in years if first <= y <= last]
        if args.json:
            emit_json({"place": args.place, "years": years,
                       "rows": [{"key": r.key, "name": r.name,
                                 "years": {str(y): c.to_dict() for y, c in r.cells.items() if y in years}}
                                for r in rows]})
        else:
            print_figures_span(years, rows, args.place, plain=plain)
        return EXIT_OK
    if not args.year_a or not args.year_b:
        raise CliError(S.CLI_USAGE_ERROR.format(reason=S.CLI_COMPARE_NEEDS))
    ya, yb = _year(args.year_a), _year(args.year_b)
    with open_store(args) as store:
        a = need_report(store, args.place, ya)
        b = need_report(store, args.place, yb)
    cmp = compare(a, b)
    if args.output:
        from .export_docx import ExportError
        from .export_compare import export_comparison

        try:
            export_comparison(cmp, Path(args.output))
        except ExportError as exc:
            raise CliError(str(exc)) from None
        print(S.CLI_EXPORTED.format(path=args.output))
        return EXIT_OK
    if args.json:
        emit_json(cmp.to_dict())
    else:
        print_comparison(cmp, plain=plain)
    return EXIT_OK


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
    with open_store(args, write=args.empty) as store:
        if args.empty:
            print(S.TRASH_PURGED.format(n=store.purge()))
            return EXIT_OK
        rows = store.trash()
    if args.json:
        emit_json([{k: r[k] for k in ("place", "year", "title", "deleted_at")} for r in rows])
    elif not rows:
        print(S.CLI_TRASH_EMPTY)
    else:
        _print_table([S.CLI_TRASH_HEADER] + [(r["place"], str(r["year"]), r["title"], r["deleted_at"])
                                            for r in rows])
    return EXIT_OK


COMMANDS = {
    "tui": cmd_tui,
    "demo": cmd_demo,
    "list": cmd_list,
    "import": cmd_import,
    "new": cmd_new,
    "show": cmd_show,
    "check": cmd_check,
    "export": cmd_export,
    "compare": cmd_compare,
    "restore": cmd_restore,
    "trash": cmd_trash,
}

__all__ = ["main", "build_parser", "load_examples", "CliError"]
