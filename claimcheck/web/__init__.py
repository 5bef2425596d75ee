"""The review panel's web page (``claimcheck serve``): rounds, uploads, assessments, ratings, decisions, exports.

An optional extra (``pip install "claimcheck[web]"``): Flask, SQLAlchemy, waitress, and psycopg for PostgreSQL.
Nothing here is imported by ``claimcheck lint`` or the other commands.
"""
