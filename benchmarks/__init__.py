"""Benchmarks: a generated news corpus with recorded truth, and a harness that times every stage at scale."""
