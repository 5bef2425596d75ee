"""A prior-art collection index: build, update and search a firm's documents without reading them all each time.

``build_index`` / ``update_index`` read every document ``match`` reads (text, .docx, XML, PDF) under some
folders into an index (SQLite FTS5 in one file by default, or a PostgreSQL database); ``search`` finds the
closest documents to a query or a claim set with the passages that matched; ``candidates`` gives ``match`` the
documents to align a claim set with, as :class:`~claimcheck.match.Document` objects.
"""

from claimcheck.index.build import BuildStats, build_index, update_index
from claimcheck.index.location import configured_location, open_store, resolve_location
from claimcheck.index.search import Hit, HitPassage, as_document, candidates, prior_art, query_text, search
from claimcheck.index.store import Store, StoredDoc

__all__ = [
    "BuildStats",
    "Hit",
    "HitPassage",
    "Store",
    "StoredDoc",
    "as_document",
    "build_index",
    "candidates",
    "configured_location",
    "open_store",
    "prior_art",
    "query_text",
    "resolve_location",
    "search",
    "update_index",
]
