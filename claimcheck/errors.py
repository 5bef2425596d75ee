"""Errors that the command line turns into a one-line message and exit code 2."""


class InputError(Exception):
    """Input that cannot be read or contains no claims (exit code 2)."""


class ConfigError(Exception):
    """A configuration file or option that is invalid (exit code 2)."""
