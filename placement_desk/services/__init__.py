"""Use cases. Each public call is one transaction, validates first and returns what changed.

The UI and the CLI call only these, never the ORM directly.
"""
