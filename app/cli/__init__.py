"""The `corroborate` command: the GUI with no arguments, the core's features as sub-commands.

Each sub-command lives in its own module here and exposes `register(subparsers)`;
it sets `run` as the parser default. Errors reach the researcher as one clear line
(details go to the log file), never as a traceback.
"""
from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import logging
import os
import sys

from reader import __version__
from app.cli.output import fail
from reader.logs import setup_logging

log = logging.getLogger(__name__)

COMMAND_MODULES = ("articles", "index", "search", "overview", "quotes", "facts", "diff", "reuse", "notes", "revisions",
                   "timeline", "export")


def needed_commands(argv: list[str]) -> tuple[str, ...]:
    """The sub-command modules this command line needs, so start-up imports no more: the named
    command's; none for the window or the self-test; all when help or a mistyped command must
    list them."""
    for argument in argv:
        if argument in ("-h", "--help"):
            return COMMAND_MODULES
        if not argument.startswith("-"):
            return (argument,) if argument in COMMAND_MODULES else COMMAND_MODULES
    return ()


def build_parser(commands: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corroborate",
        description="Line up how every news outlet told the same story. "
        "With no command, opens the window on the sample corpus.",
    )
    parser.add_argument("--version", action="version", version=f"corroborate {__version__}")
    parser.add_argument("--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("--self-test", action="store_true",
                        help="check that this installation works (window, sample, index, diff) and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"app.cli.{name}").register(subparsers)
    return parser


def coerce_c_locale() -> None:
    """Under the bare C locale (`env -i`, a minimal container) Qt warns on stderr that it
    switched to UTF-8. CPython coerces that locale itself (PEP 538), the frozen app's
    interpreter does not: this does the same before Qt loads, for this process and its workers."""
    import locale

    if "LC_ALL" not in os.environ and locale.setlocale(locale.LC_CTYPE) in ("C", "POSIX"):
        os.environ["LC_CTYPE"] = "C.UTF-8"


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # only a frozen build needs these; importing them costs 6 ms
        import multiprocessing

        multiprocessing.freeze_support()
        coerce_c_locale()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(needed_commands(argv))
    args = parser.parse_args(argv)
    setup_logging(verbose=args.verbose)
    if args.self_test:
        from app.window_self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from app.launch import launch

        return launch()
    # At exit the interpreter garbage-collects every object only to free memory the system
    # takes back anyway: 10 ms after a command, 5% of a `diff`. Freezing them first skips that
    # walk; logging's own exit hook still flushes and closes the log, and stdout is flushed.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        sys.stdout = None  # the reader of our output went away (e.g. `| head`): nothing to report
        return 0
    except Exception as error:  # the last line of defence: a message, never a traceback
        log.exception("command %s failed", args.command)
        return fail(f"{error.__class__.__name__}: {error} (details in the log file)")


if __name__ == "__main__":
    sys.exit(main())
