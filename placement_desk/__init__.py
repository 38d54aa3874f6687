"""Placement Desk: follow citizens in company placements and document their work capacity."""

__version__ = "0.1.0"
