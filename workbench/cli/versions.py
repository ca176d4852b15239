"""The `version` command (issue 17): save, list, show, restore, delete and close comments of a
report's named versions. The rounds themselves live in drafting/rounds.py; the grammar in parser.py.
"""

from __future__ import annotations

import argparse

from workbench import strings as S
from workbench.cli.parser import EXIT_OK, CliError, _year
from workbench.cli.shared import emit_json, need_report, need_version, open_store


def cmd_version(args: argparse.Namespace) -> int:
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
                print(S.VERSION_ROW.format(saved_at=r["saved_at"].replace("T", " "), name=r["name"],
                                           kind=S.VERSION_KIND_NAMES.get(r["kind"], ""), counts=counts))
        elif cmd == "show":
            report, _ = need_version(store, args.place, year, args.name)
            if args.json:
                emit_json(report.to_dict())
            else:
                from workbench.writing.plain import render_text

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


