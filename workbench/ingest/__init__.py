"""Readers that turn files of every supported format into normalised text plus metadata."""
