"""The `round` command (issue 25): a review round's 修订 listed, taken or refused from the
command line by the rules the TUI's changes screen uses (drafting/rounds.py: decide)."""

from __future__ import annotations

import argparse

from workbench import strings as S
from workbench.cli.parser import EXIT_OK, CliError, _year
from workbench.cli.shared import emit_json, need_report, need_version, open_store


def _round_name(store, place: str, year: int, wanted: str | None) -> str:
    if wanted:
        need_version(store, place, year, wanted)
        return wanted
    rounds = [r for r in store.versions(place, year) if r["kind"] == "review"]
    if not rounds:
        need_report(store, place, year)
        raise CliError(S.ROUND_NONE.format(place=place, year=year))
    return rounds[-1]["name"]


def cmd_round(args: argparse.Namespace) -> int:
    from workbench.drafting.rounds import count_changes, decide

    cmd = getattr(args, "round_command", None)
    if not cmd:
        raise CliError(S.CLI_USAGE_ERROR.format(reason="请给出 list、accept 或 reject"))
    year = _year(args.year)
    with open_store(args, write=cmd != "list") as store:
        name = _round_name(store, args.place, year, args.round_version)
        report, record = need_version(store, args.place, year, name)
        changes = record.get("changes") or []
        if cmd == "list":
            if args.json:
                emit_json([dict(c, number=i + 1) for i, c in enumerate(changes)])
                return EXIT_OK
            if not changes:
                print(S.ROUND_NO_CHANGES.format(name=name))
                return EXIT_OK
            print(S.ROUND_HEAD.format(name=name, counts=count_changes(changes),
                                      open=sum(1 for c in changes if not c.get("decision"))))
            for i, c in enumerate(changes):
                print(S.ROUND_ROW.format(
                    n=i + 1, state=S.CHANGE_DECISION.get(c.get("decision") or "", S.CHANGE_OPEN),
                    kind=S.CHANGE_KIND.get(c.get("kind", ""), c.get("kind", "")), text=c.get("text", ""),
                    author=c.get("author") or S.COMMENT_NO_AUTHOR, date=(c.get("date") or "").replace("T", " ").rstrip("Z"),
                    where=(c.get("accepted") or "")[:18]))
            return EXIT_OK
        if args.all:
            todo = [i for i, c in enumerate(changes) if not c.get("decision")]
        elif args.numbers:
            todo = []
            for text in args.numbers:
                if not text.isdigit() or not 1 <= int(text) <= len(changes):
                    raise CliError(S.ROUND_BAD_NUMBER.format(name=name, n=text, total=len(changes)))
                todo.append(int(text) - 1)
        elif args.adopt:
            todo = []
        else:
            raise CliError(S.ROUND_NEED_WHICH)
        take = cmd == "accept"
        missed = [i for i in todo if not decide(report, changes, i, take)]
        store.replace_version_report(args.place, year, name, report, changes)
        left = sum(1 for c in changes if not c.get("decision"))
        if todo:
            print(S.ROUND_DECIDED.format(verb=S.ROUND_VERB[cmd], n=len(todo) - len(missed), name=name, open=left))
        if missed:
            print(S.ROUND_MISSED.format(numbers="、".join(str(i + 1) for i in missed)))
        if args.adopt:
            if left:
                raise CliError(S.ROUND_ADOPT_OPEN.format(open=left))
            kept = store.restore_version(args.place, year, name)
            store.update_version(args.place, year, name, adopted=True)
            print(S.ROUND_ADOPTED.format(name=name, kept=kept or "—"))
        elif not left:
            print(S.ROUND_ALL_DONE.format(place=args.place, year=year, name=name))
    return EXIT_OK
