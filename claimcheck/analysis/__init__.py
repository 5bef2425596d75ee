"""The text-analysis layer: the facts every command reads from a claim set, a description or a cited document.

Each module owns one kind of fact (references are read by the parser; here: terms, reference signs, numbers,
features, description structure, wording, language) and is computed once per document through
:class:`claimcheck.analysis.document.Analysis`. Rules, ``support``, ``diff``, ``match`` and ``score`` consume these
facts instead of re-deriving them. This layer imports the model, the parser and the lexicons, never a rule, the
lint engine, a report or the CLI.
"""
