"""The `workbench` launcher: set the environment Textual needs, then run the CLI."""

from __future__ import annotations

import os
import sys


def main() -> None:
    # Textual's Kitty keyboard parser drops input events over 32 bytes, so an IME
    # committing five or more Chinese characters at once turns into garbage keys.
    os.environ.setdefault("TEXTUAL_DISABLE_KITTY_KEY", "1")
    from .cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
