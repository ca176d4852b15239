"""The `workbench` launcher: set the environment Textual needs, then run the CLI."""

from __future__ import annotations

import os
import sys


def prepare_environment() -> None:
    """Before Textual is imported: its Kitty keyboard parser drops input events over 32 bytes,
    so an IME committing five or more Chinese characters at once turns into garbage keys.
    A value the user set is left alone."""
    os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")


# Garbage collection while a command starts: the defaults run a collection every 700 new
# container objects, and a starting process makes tens of thousands (modules, classes, the
# report read from the store), almost none of them garbage. One `export` spent 10-20 ms of
# its ~90 ms in collections that found nothing. Commands run with rarer young collections;
# the TUI, which lives for hours, goes back to the defaults once its modules are loaded.
STARTUP_GC_THRESHOLD = (100_000, 50, 100)


def main() -> None:
    import gc

    gc.set_threshold(*STARTUP_GC_THRESHOLD)
    prepare_environment()
    from workbench.util.cachedir import cache_folder
    from workbench.util.lazyre import use_code_cache

    try:
        use_code_cache(cache_folder())
    except Exception:  # no cache folder: every pattern is compiled, as without the cache
        pass
    from workbench.cli.commands import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
