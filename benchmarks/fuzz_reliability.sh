#!/bin/sh
# A longer fuzzing session over the reliability property tests (importers, import->extract invariants, number and
# date parsers, the query parser, the Word brief). EXAMPLES per property; prints hypothesis statistics.
# Run: sh benchmarks/fuzz_reliability.sh [EXAMPLES]
cd "$(dirname "$0")/.." || exit 1
WORKBENCH_FUZZ_EXAMPLES="${1:-2000}" exec .venv/bin/python -m pytest tests/reliability/test_properties.py \
    -q --timeout=0 -p no:cacheprovider --hypothesis-show-statistics
