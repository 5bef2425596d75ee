"""claimcheck: check the drafting quality of Chinese patent claims."""

__version__ = "0.1.0"
