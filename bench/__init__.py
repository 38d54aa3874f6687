"""The scale benchmark (issue 6): synthetic data (``bench.generate``) and the figures (``bench.run``)."""
