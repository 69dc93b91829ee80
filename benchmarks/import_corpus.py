"""How many corpus documents the importer reads right, as one number a regression moves.

    .venv/bin/python benchmarks/import_corpus.py

Each file in tests/importing/corpus/ is read with parse_file and checked against
tests/importing/corpus_expected.py, the same expectations the tests use. Prints one row per file
(checks passed and failed, milliseconds, and the first failure), the total "files read right: N of M", and
the time taken with the slowest file.
Always exits 0: it reports, the tests enforce.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importing.corpus_expected import EXPECTED, check, read  # noqa: E402


def main() -> int:
    width = max(len(name) for name in EXPECTED)
    print(f"{'file':<{width}}  {'passed':>6}  {'failed':>6}  {'ms':>6}  first failure")
    right = 0
    total = 0.0
    slowest = ("", 0.0)
    for name in sorted(EXPECTED):
        started = time.perf_counter()
        try:
            result = read(name)
            checks = check(name, result)
        except Exception as exc:
            print(f"{name:<{width}}  {0:>6}  {1:>6}  {'':>6}  crashed: {type(exc).__name__}: {exc}")
            continue
        ms = (time.perf_counter() - started) * 1000
        total += ms
        slowest = max(slowest, (name, ms), key=lambda x: x[1])
        failed = [c for c in checks if not c.passed]
        right += not failed
        first = f"{failed[0].name}: {failed[0].detail}"[:90] if failed else ""
        print(f"{name:<{width}}  {len(checks) - len(failed):>6}  {len(failed):>6}  {ms:>6.0f}  {first}")
    print(f"\nfiles read right: {right} of {len(EXPECTED)}")
    print(f"all read and checked in {total / 1000:.1f} s; slowest {slowest[0]} ({slowest[1]:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
