"""The citizen page and its tabs."""
