"""Pure domain logic: vocabularies, the hours plan, the figures of the spec, case-file parsing.

Nothing here imports Qt or SQLAlchemy; everything is a plain function over plain data.
"""
