"""The ``claimcheck`` command line (typer).

The commands are thin: they parse options, call the library, pick a renderer
and map the result to an exit code (0 clean, 1 findings, 2 usage or input
error).  Bad input gives a one-line message on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Entry point of the ``claimcheck`` script."""
    from claimcheck.cli.app import app
    from claimcheck.errors import ConfigError, InputError

    try:
        rc = app(standalone_mode=False)
        sys.exit(rc if isinstance(rc, int) else 0)
    except (InputError, ConfigError) as e:
        print(f"claimcheck: error: {e}", file=sys.stderr)
        sys.exit(2)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # usage errors of the command-line parser, and anything unexpected
        exit_code = getattr(e, "exit_code", None)
        show = getattr(e, "show", None)
        if callable(show) and isinstance(exit_code, int):
            show()
            sys.exit(exit_code)
        if type(e).__name__ == "Abort":
            sys.exit(130)
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        print(
            f"claimcheck: internal error: {type(e).__name__}: {e} (set CLAIMCHECK_DEBUG=1 for details)", file=sys.stderr
        )
        sys.exit(2)
