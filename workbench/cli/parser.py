"""The command line's grammar: every command, argument and help text (in Chinese, from
strings.py), argparse's own messages translated, and the one error a command raises."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn, Sequence

from workbench import strings as S
from workbench.storage.paths import default_path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure the drafter must read: one Chinese line, exit code 2 unless said."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        self.code = code
        super().__init__(message)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's layout with Chinese scaffolding, wrapping by display width (a Chinese
    character takes two columns)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, S.CLI_USAGE_PREFIX if prefix is None else prefix)

    def add_argument(self, action: argparse.Action) -> None:
        from rich.cells import cell_len

        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            for sub in [action, *self._iter_indented_subactions(action)]:
                width = cell_len(self._format_action_invocation(sub)) + self._current_indent
                self._action_max_length = max(self._action_max_length, width)

    def _format_action(self, action: argparse.Action) -> str:
        from rich.cells import cell_len

        if isinstance(action, argparse._SubParsersAction):  # the commands, without a "{a,b}" line
            return self._join_parts([self._format_action(sub) for sub in action._get_subactions()])
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        lines = self._split_lines(self._expand_help(action), help_width) if action.help else []
        if not lines:
            return " " * self._current_indent + header + "\n"
        if cell_len(header) <= action_width:
            pad = " " * (action_width - cell_len(header) + 2)
            parts = [" " * self._current_indent + header + pad + lines[0] + "\n"]
        else:
            parts = [" " * self._current_indent + header + "\n",
                     " " * help_position + lines[0] + "\n"]
        parts += [" " * help_position + line + "\n" for line in lines[1:]]
        return "".join(parts)

    def format_help(self) -> str:
        # argparse ends section titles with an ASCII colon; a Chinese title takes "：".
        return re.sub(r"^(\S[^\n]*?):$", r"\1：", super().format_help(), flags=re.M)

    def _expand_help(self, action: argparse.Action) -> str:
        # The resolved default store is looked up only when help is shown (it costs an import).
        if action.help and "%(db_default)s" in action.help:
            return action.help.replace("%(db_default)s", _default_path_text()).replace("%%", "%")
        return super()._expand_help(action)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap_cells(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for para in text.splitlines()
                         for line in (_wrap_cells(para, width - len(indent)) or [""]))


def _wrap_cells(text: str, width: int) -> list[str]:
    from workbench.util.textwrap_cjk import wrap_cells

    return wrap_cells(text, max(width, 20))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any):
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = S.CLI_SECTION_POSITIONALS
        self._optionals.title = S.CLI_SECTION_OPTIONS
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=S.CLI_HELP_HELP)
        self._argv: list[str] = []

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        # Kept so that an error raised here can name the options of the command typed.
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        raise CliError(S.CLI_USAGE_ERROR.format(reason=_translate_argparse(message, self)))


def _translate_argparse(message: str, parser: argparse.ArgumentParser | None = None) -> str:
    """argparse's English complaint in Chinese, with the closest command or option named
    (an unknown option is matched only against the options of the command it was given to)."""
    import difflib

    for pattern, template in S.CLI_ARGPARSE_ERRORS:
        m = re.fullmatch(pattern, message, re.S)
        if not m:
            continue
        text = template.format(*m.groups())
        if "invalid choice" in pattern:
            choices = re.findall(r"'([^']+)'", message.split("choose from", 1)[-1])
            close = difflib.get_close_matches(m.group(2), choices, n=1, cutoff=0.5)
            text += (S.CLI_SUGGEST_USE.format(what=close[0]) if close
                     else S.CLI_CHOICES.format(choices="、".join(choices)))
        elif pattern.startswith("unrecognized arguments"):
            first = m.group(1).split()[0]
            argv = getattr(parser, "_argv", []) or []
            options = _options_of(command_in(argv) if argv else None)
            close = difflib.get_close_matches(first, options, n=1, cutoff=0.7) if first.startswith("-") else []
            if close:
                text += S.CLI_SUGGEST_USE.format(what=close[0])
        return text
    m = re.match(r"argument (.+?): ", message)
    return S.CLI_ARGPARSE_OTHER_ARG.format(m.group(1)) if m else S.CLI_ARGPARSE_OTHER


def _options_of(command: str | None) -> list[str]:
    """The options the command line may carry: the global ones, and the named command's."""
    import argparse as _argparse

    parser = build_parser(only=command)
    out = list(parser._option_string_actions)
    if command is not None:
        for action in parser._actions:
            if isinstance(action, _argparse._SubParsersAction) and command in action.choices:
                sub = action.choices[command]
                out += list(sub._option_string_actions)
                for inner in sub._actions:  # `version save|list|…` each have their own
                    if isinstance(inner, _argparse._SubParsersAction):
                        for leaf in inner.choices.values():
                            out += list(leaf._option_string_actions)
    return sorted(set(out))


def _year(text: str) -> int:
    if not re.fullmatch(r"(19|20|21)\d\d", text.strip()):
        if re.fullmatch(r"\d{4}", text.strip()):  # four digits, but no report's year
            raise CliError(S.CLI_YEAR_RANGE.format(value=text.strip()))
        raise CliError(S.CLI_BAD_YEAR.format(value=text))
    return int(text)


def _arg(parser: argparse.ArgumentParser, command: str, *names: str, **kw: Any) -> None:
    """An argument whose help (and Chinese metavar, for a positional) comes from strings.py."""
    key = names[0] if names[0].startswith("-") else kw.get("dest", names[0])
    if "help" not in kw:
        text = S.CLI_ARGS.get(f"{command} {key}") or S.CLI_ARGS.get(key, "")
        if len(names) > 1 and not text:
            text = S.CLI_ARGS.get(f"{command} {names[1]}", "")
        kw["help"] = text.replace("%", "%%")
    if not names[0].startswith("-") and "metavar" not in kw:
        kw["metavar"] = S.CLI_METAVARS.get(names[0]) or S.CLI_METAVARS.get(names[0].split("_")[0], names[0])
    parser.add_argument(*names, **kw)


def _command(sub, name: str) -> argparse.ArgumentParser:
    short, long = S.CLI_COMMANDS[name]
    return sub.add_parser(name, help=short, description=long, epilog=S.CLI_EPILOGS.get(name))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every subcommand in its own block; every word of help comes from strings.py. With
    `only`, just that subcommand is built (a command line that names it parses the same;
    building the other seventeen parsers is most of what a short command would spend here)."""

    from workbench import __version__

    def wanted(name: str) -> bool:
        return only is None or name == only

    p = _Parser(prog="workbench", description=S.CLI_DESCRIPTION, epilog=S.CLI_EPILOG_MAIN)
    p.add_argument("--version", action="version", version=S.CLI_VERSION.format(version=__version__),
                   help=S.CLI_VERSION_HELP)
    p.add_argument("--db", metavar=S.CLI_METAVARS["path"],
                   help=S.CLI_ARGS["--db"].replace("%", "%%").format(default="%(db_default)s"))
    p.add_argument("--readonly", action="store_true", help=S.CLI_ARGS["--readonly"])
    sub = p.add_subparsers(dest="command", parser_class=_Parser, title=S.CLI_SECTION_COMMANDS,
                           metavar=S.CLI_COMMAND_METAVAR)

    if wanted("demo"):
        s = _command(sub, "demo")
        _arg(s, "demo", "--folder", metavar=S.CLI_METAVARS["folder"])

    if wanted("list"):
        s = _command(sub, "list")
        _arg(s, "list", "--json", action="store_true")

    if wanted("import"):
        s = _command(sub, "import")
        _arg(s, "import", "file")
        _arg(s, "import", "--place", metavar=S.CLI_METAVARS["place"])
        _arg(s, "import", "--year", metavar=S.CLI_METAVARS["year"])
        _arg(s, "import", "--dry-run", action="store_true")
        _arg(s, "import", "--json", action="store_true")
        _arg(s, "import", "--replace", action="store_true")

    if wanted("new"):
        s = _command(sub, "new")
        _arg(s, "new", "place")
        _arg(s, "new", "year")
        _arg(s, "new", "--from", dest="from_year", metavar=S.CLI_METAVARS["year"])
        _arg(s, "new", "--replace", action="store_true")

    if wanted("show"):
        s = _command(sub, "show")
        _arg(s, "show", "place")
        _arg(s, "show", "year")
        _arg(s, "show", "--json", action="store_true")

    if wanted("check"):
        s = _command(sub, "check")
        _arg(s, "check", "place")
        _arg(s, "check", "year")
        _arg(s, "check", "--json", action="store_true")

    if wanted("compare"):
        s = _command(sub, "compare")
        _arg(s, "compare", "place")
        _arg(s, "compare", "year_a", nargs="?")
        _arg(s, "compare", "year_b", nargs="?")
        _arg(s, "compare", "--years", metavar=S.CLI_METAVARS["span"])
        _arg(s, "compare", "--json", action="store_true")
        _arg(s, "compare", "-o", "--output", metavar=S.CLI_METAVARS["docx"])
        _arg(s, "compare", "--force", action="store_true")
        _arg(s, "compare", "--no-color", action="store_true")

    if wanted("export"):
        s = _command(sub, "export")
        _arg(s, "export", "place")
        _arg(s, "export", "year")
        _arg(s, "export", "-o", "--output", metavar=S.CLI_METAVARS["docx"])
        _arg(s, "export", "--template", metavar=S.CLI_METAVARS["docx"])
        _arg(s, "export", "--appendix", action="store_true")
        _arg(s, "export", "--force", action="store_true")
        _arg(s, "export", "--pdf", action="store_true", help=S.CLI_EXPORT_PDF_HELP)
        _arg(s, "export", "--strict", action="store_true", help=S.CLI_EXPORT_STRICT_HELP)
        _arg(s, "export", "--changes-from", metavar=S.CLI_METAVARS.get("version", "版本或年份"),
             help=S.CLI_EXPORT_CHANGES_HELP)
        _arg(s, "export", "--author", metavar=S.CLI_METAVARS.get("author", "姓名"), help=S.CLI_EXPORT_AUTHOR_HELP)
        _arg(s, "export", "--date", metavar="日期", help=S.CLI_EXPORT_DATE_HELP)
        _arg(s, "export", "--plain", action="store_true", help=S.CLI_EXPORT_NO_JOINERS_HELP)

    if wanted("version"):
        add_version_parser(sub)
    if wanted("round"):
        add_round_parser(sub)

    if wanted("assist"):
        s = _command(sub, "assist")
        _arg(s, "assist", "place")
        _arg(s, "assist", "year")
        _arg(s, "assist", "task")
        _arg(s, "assist", "--at", metavar=S.CLI_METAVARS["at"])
        _arg(s, "assist", "--from", dest="material", metavar=S.CLI_METAVARS["file"])
        _arg(s, "assist", "--json", action="store_true")

    if wanted("restore"):
        s = sub.add_parser("restore", help=S.CLI_RESTORE_HELP, description=S.CLI_RESTORE_HELP)
        _arg(s, "restore", "place")
        _arg(s, "restore", "year")
    if wanted("trash"):
        s = sub.add_parser("trash", help=S.CLI_TRASH_HELP, description=S.CLI_TRASH_HELP)
        _arg(s, "trash", "--empty", action="store_true", help=S.CLI_TRASH_EMPTY_HELP)
        _arg(s, "trash", "-y", "--yes", action="store_true", help=S.CLI_TRASH_YES_HELP)
        _arg(s, "trash", "--json", action="store_true")
    if wanted("figures"):
        add_figures_parser(sub)
    return p


COMMAND_NAMES = ("demo", "list", "import", "new", "show", "check", "compare", "export", "version",
                 "round", "restore", "trash", "figures", "assist")


def command_in(argv: Sequence[str]) -> str | None:
    """The subcommand a command line names, when it is plain to see: after the global `--db
    PATH` and `--readonly` and before any other option. None (build every parser) for help, --version, a bare
    `workbench`, or anything unusual, so argparse's own handling and messages stay whole."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--db":
            i += 2
            continue
        if token.startswith("--db=") or token == "--readonly":
            i += 1
            continue
        return token if token in COMMAND_NAMES else None
    return None


def help_argv(argv: Sequence[str]) -> list[str]:
    """`workbench help` is `workbench --help`; `workbench help COMMAND [SUB]` is `workbench
    COMMAND [SUB] --help` (the global `--db PATH` may stand before it)."""
    argv = list(argv)
    i = 0
    while i < len(argv) and (argv[i] in ("--db", "--readonly") or argv[i].startswith("--db=")):
        i += 2 if argv[i] == "--db" else 1
    if i < len(argv) and argv[i] == "help":
        return argv[:i] + argv[i + 1:] + ["--help"]
    return argv


def _default_path_text() -> str:
    try:
        return str(default_path())
    except Exception:  # platformdirs on an odd system: help must still print
        return "reports.json"


def add_version_parser(sub) -> None:
    """`version save|list|show|restore|delete|done`, help from strings.py like every command."""
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


def add_figures_parser(sub) -> None:
    """`figures import PLACE YEAR FILE`: the bureau's spreadsheet into a report's figures."""
    p = _command(sub, "figures")
    fs = p.add_subparsers(dest="figures_command", parser_class=_Parser, title=S.FIGURES_COMMANDS_TITLE,
                          metavar="import", help=S.FIGURES_COMMANDS_HELP)
    s = fs.add_parser("import", help=S.FIGURES_IMPORT_HELP, description=S.FIGURES_IMPORT_DESCRIPTION,
                      epilog=S.FIGURES_IMPORT_EPILOG)
    _arg(s, "figures", "place")
    _arg(s, "figures", "year", help=S.FIGURES_ARG_YEAR)
    _arg(s, "figures", "file", help=S.FIGURES_ARG_FILE)
    _arg(s, "figures", "--sheet", metavar=S.FIGURES_METAVAR_SHEET, help=S.FIGURES_ARG_SHEET)
    _arg(s, "figures", "--column", metavar=S.FIGURES_METAVAR_COLUMN, help=S.FIGURES_ARG_COLUMN)
    _arg(s, "figures", "--targets", action="store_true", help=S.FIGURES_ARG_TARGETS)
    _arg(s, "figures", "--map", action="append", default=[], metavar=S.FIGURES_METAVAR_MAP,
         help=S.FIGURES_ARG_MAP)
    _arg(s, "figures", "--new-rows", action="store_true", help=S.FIGURES_ARG_NEW_ROWS)
    _arg(s, "figures", "--dry-run", action="store_true", help=S.FIGURES_ARG_DRY_RUN)
    _arg(s, "figures", "--json", action="store_true", help=S.FIGURES_ARG_JSON)
def add_round_parser(sub) -> None:
    """`round list|accept|reject`: a review round's 修订 decided from the command line."""
    p = _command(sub, "round")
    rs = p.add_subparsers(dest="round_command", parser_class=_Parser, title=S.ROUND_COMMANDS_TITLE,
                          metavar=S.ROUND_COMMANDS_HELP, help=S.ROUND_COMMANDS_HELP)
    for name, help_text in (("list", S.ROUND_LIST_HELP), ("accept", S.ROUND_ACCEPT_HELP),
                            ("reject", S.ROUND_REJECT_HELP)):
        s = rs.add_parser(name, help=help_text, description=help_text)
        _arg(s, "round", "place")
        _arg(s, "round", "year")
        if name != "list":
            _arg(s, "round", "numbers", nargs="*", help=S.ROUND_ARG_NUMBERS, metavar="编号")
            _arg(s, "round", "--all", action="store_true", help=S.ROUND_ARG_ALL)
            _arg(s, "round", "--adopt", action="store_true", help=S.ROUND_ARG_ADOPT)
        _arg(s, "round", "--version", dest="round_version", help=S.ROUND_ARG_VERSION, metavar="版本")
        if name == "list":
            _arg(s, "round", "--json", action="store_true")
