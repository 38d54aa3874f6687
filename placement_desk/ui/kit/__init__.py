"""Widgets and helpers every screen uses: forms, fields, tables, charts, formatting, messages."""
