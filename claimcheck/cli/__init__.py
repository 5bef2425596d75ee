"""The ``claimcheck`` command line (typer).

The commands are thin: they parse options, call the library, pick a renderer
and map the result to an exit code (0 clean, 1 findings, 2 usage or input
error).  Bad input gives a one-line message on stderr, never a traceback.
Ctrl-C (SIGINT) and SIGTERM end the run with one line and exit codes 130 and
143; files being written are left as they were (outputs are written atomically).
A closed pipe on standard output (``claimcheck lint … | head``) ends quietly.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


class Stopped(BaseException):
    """Raised by the signal handler: not an Exception, so nothing on the way catches it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as a shell reports a process ended by a signal."""
        return 128 + self.signum

    @property
    def message(self) -> str:
        """The one line printed on standard error."""
        return "claimcheck: interrupted" if self.signum == signal.SIGINT else "claimcheck: terminated"


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


def _install_handlers() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, _on_signal)
        except (ValueError, OSError):  # not the main thread, or a platform without the signal
            continue


def _ignore_closed_stdout() -> None:
    """After a broken pipe, point standard output at /dev/null so that the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Entry point of the ``claimcheck`` script."""
    from claimcheck.errors import ConfigError, InputError

    _install_handlers()
    try:
        from claimcheck.cli.app import for_arguments

        rc = for_arguments(sys.argv[1:])(standalone_mode=False)
        sys.stdout.flush()
        sys.exit(rc if isinstance(rc, int) else 0)
    except (InputError, ConfigError) as e:
        print(f"claimcheck: error: {e}", file=sys.stderr)
        sys.exit(2)
    except SystemExit:
        raise
    except Stopped as e:
        print(e.message, file=sys.stderr)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        _ignore_closed_stdout()
        sys.exit(141)
    except Exception as e:  # usage errors of the command-line parser, and anything unexpected
        exit_code = getattr(e, "exit_code", None)
        show = getattr(e, "show", None)
        if callable(show) and isinstance(exit_code, int):
            show()
            sys.exit(exit_code)
        if type(e).__name__ == "Abort":
            print("claimcheck: interrupted", file=sys.stderr)
            sys.exit(130)
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        print(
            f"claimcheck: internal error: {type(e).__name__}: {e} (set CLAIMCHECK_DEBUG=1 for details)", file=sys.stderr
        )
        sys.exit(2)
