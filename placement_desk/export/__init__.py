"""Renderers of a computed DossierData: JSON summary, PDF and Excel. They format; they never compute."""
