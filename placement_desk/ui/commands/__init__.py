"""Undo commands: one QUndoCommand class per kind of edit."""
