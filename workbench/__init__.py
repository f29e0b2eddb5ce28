"""Fact-Checking Workbench: import articles, extract claims, cross-check sources, export briefs."""

__version__ = "0.1.0"
