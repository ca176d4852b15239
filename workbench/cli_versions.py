"""The `version` command and the drafting-rounds parts of `import` and `check` (issue 17).

Kept beside cli.py so the command line reads as one; only cli.py registers it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import strings as S
from .model import Report
from .store import Store


def add_parser(sub) -> None:
    """`version save|list|show|restore|delete|done`, help from strings.py like every command."""
    from .cli import _Parser, _arg, _command

    p = _command(sub, "version")
    vs = p.add_subparsers(dest="version_command", parser_class=_Parser, title=S.VERSION_COMMANDS_TITLE,
                          metavar=S.VERSION_COMMANDS_HELP, help=S.VERSION_COMMANDS_HELP)
    for name, help_text in (("save", S.VERSION_SAVE_HELP), ("show", S.VERSION_SHOW_HELP),
                            ("restore", S.VERSION_RESTORE_HELP), ("delete", S.VERSION_DELETE_HELP)):
        s = vs.add_parser(name, help=help_text, description=help_text)
        _arg(s, "version", "place")
        _arg(s, "version", "year")
        _arg(s, "version", "name", help=S.VERSION_ARG_NAME, metavar="版本")
        if name == "show":
            _arg(s, "version", "--json", action="store_true")
    s = vs.add_parser("list", help=S.VERSION_LIST_HELP, description=S.VERSION_LIST_HELP)
    _arg(s, "version", "place")
    _arg(s, "version", "year")
    _arg(s, "version", "--json", action="store_true")
    s = vs.add_parser("done", help=S.VERSION_DONE_HELP, description=S.VERSION_DONE_HELP)
    _arg(s, "version", "place")
    _arg(s, "version", "year")
    _arg(s, "version", "name", help=S.VERSION_ARG_NAME, metavar="版本")
    _arg(s, "version", "comments", nargs="+", help=S.VERSION_ARG_COMMENTS, metavar="编号")


def cmd_version(args: argparse.Namespace) -> int:
    from .cli import EXIT_OK, CliError, _year, emit_json, need_report, open_store

    if not getattr(args, "version_command", None):
        raise CliError(S.CLI_USAGE_ERROR.format(reason="请给出 save、list、show、restore、delete 或 done"))
    year = _year(args.year)
    cmd = args.version_command
    with open_store(args, write=cmd in ("save", "restore", "delete", "done")) as store:
        if cmd == "save":
            report = need_report(store, args.place, year)
            store.save_version(report, args.name)
            print(S.VERSION_SAVED.format(place=args.place, year=year, name=args.name.strip()))
        elif cmd == "list":
            if not store.exists(args.place, year):
                need_report(store, args.place, year)  # names the near miss ("是否要找 狮岭镇 2024？")
            rows = store.versions(args.place, year)
            if args.json:
                emit_json(rows)
            elif not rows:
                print(S.VERSION_NONE.format(place=args.place, year=year))
            for r in rows if not args.json else []:
                counts = (S.VERSION_COUNTS.format(changes=r["changes"], comments=r["comments"],
                                                  open=r["open_comments"]) if r["kind"] == "review" else "")
                print(S.VERSION_ROW.format(saved_at=r["saved_at"], name=r["name"],
                                           kind=S.VERSION_KIND_NAMES.get(r["kind"], ""), counts=counts))
        elif cmd == "show":
            report, _ = need_version(store, args.place, year, args.name)
            if args.json:
                emit_json(report.to_dict())
            else:
                from .render import render_text

                print(render_text(report))
        elif cmd == "restore":
            need_version(store, args.place, year, args.name)
            kept = store.restore_version(args.place, year, args.name)
            store.update_version(args.place, year, args.name, adopted=True)
            print(S.VERSION_RESTORED.format(name=args.name, kept=kept or "—"))
        elif cmd == "delete":
            if not store.delete_version(args.place, year, args.name):
                raise CliError(S.VERSION_MISSING.format(place=args.place, year=year, name=args.name))
            print(S.VERSION_DELETED.format(name=args.name))
        elif cmd == "done":
            _, record = need_version(store, args.place, year, args.name)
            comments = record.get("comments") or []
            ids = {c.get("id") for c in comments}
            for cid in args.comments:
                if cid not in ids:
                    raise CliError(S.VERSION_NO_COMMENT.format(name=args.name, id=cid))
            for c in comments:
                if c.get("id") in args.comments:
                    c["done"] = True
            store.update_version(args.place, year, args.name, comments=comments)
            print(S.VERSION_COMMENT_DONE.format(ids="、".join(args.comments)))
    return EXIT_OK


def need_version(store: Store, place: str, year: int, name: str) -> tuple[Report, dict[str, Any]]:
    from .cli import CliError

    got = store.get_version(place, year, name)
    if got is None:
        raise CliError(S.VERSION_MISSING.format(place=place, year=year, name=name))
    return got


def split_ref(text: str) -> tuple[str, str | None]:
    """"2025@征求意见稿" -> ("2025", "征求意见稿"); "2025" -> ("2025", None)."""
    year, _, name = text.partition("@")
    return year, (name.strip() or None)


def store_review_round(store: Store, imported, path: Path, say=print) -> str | None:
    """An edited .docx of ours with tracked changes or comments becomes a new version of its
    report (the working state is left alone); returns the version's name, or None when the
    file is no review round."""
    review = getattr(imported, "review", None)
    if review is None:
        return None
    changes, comments = review
    report = imported.report
    base = path.stem
    name, n = base, 2
    while store.get_version(report.place, report.year, name) is not None:
        name = f"{base}（{n}）"
        n += 1
    if not store.exists(report.place, report.year):
        store.put(report)
    store.save_version(report, name, kind="review", changes=changes, comments=comments)
    say(S.VERSION_REVIEW_IMPORTED.format(path=path, place=report.place, year=report.year, name=name,
                                         changes=len(changes), comments=len(comments)))
    return name


def latest_review_comments(store: Store, place: str, year: int) -> list:
    """Findings for the open comments of the newest review round, adopted or not."""
    from .revisions import comment_findings

    rounds = [r for r in store.versions(place, year) if r["kind"] == "review"]
    if not rounds:
        return []
    name = rounds[-1]["name"]
    got = store.get_version(place, year, name)
    return comment_findings(got[1].get("comments") or [], name) if got else []


def redline_base(store: Store, report: Report, ref: str, author: str | None) -> tuple[Report, str, str]:
    """(earlier report, author, date) for `export --changes-from REF`: a version of this
    report by name, else the report of year REF; the date is the version's."""
    import getpass
    import os

    from .cli import CliError
    from .redline import word_date

    got = store.get_version(report.place, report.year, ref)
    if got is not None:
        earlier, record = got
        date = word_date(record.get("saved_at", ""))
    elif ref.strip().isdigit() and (earlier := store.get(report.place, int(ref))) is not None:
        date = word_date("")
    else:
        raise CliError(S.CLI_CHANGES_FROM_MISSING.format(ref=ref, place=report.place, year=report.year,
                                                         prev=report.year - 1))
    who = author or os.environ.get("WORKBENCH_AUTHOR") or getpass.getuser() or "起草人"
    return earlier, who, date


def count_marks(path: Path) -> tuple[int, int]:
    """Insertions and deletions in a written .docx."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return xml.count("<w:ins "), xml.count("<w:del ")
