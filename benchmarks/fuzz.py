"""The API fuzz run at size: the generated cases of tests/test_hardening_endpoint.py (hostile SPARQL,
paths, network parameters) against a real server, 10,000 query cases by default; prints the time taken,
the outcome and the server's peak memory.

    python benchmarks/fuzz.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests/test_hardening_endpoint.py"),
         "--hypothesis-show-statistics"],
        env=dict(os.environ, PARLGRAPH_FUZZ_EXAMPLES=str(args.examples)), capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    cases = sum(int(n) for n in re.findall(r"(\d+) passing", result.stdout))
    failing = sum(int(n) for n in re.findall(r"(\d+) failing", result.stdout))
    print(f"cases: {cases:,} (query cases asked: {args.examples:,}), failing: {failing}, time: {elapsed:.0f} s, "
          f"{cases / elapsed:,.0f} cases/s")
    print("outcome:", result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-500:])
    if result.returncode:
        failing_lines = [line for line in result.stdout.splitlines()
                         if line.startswith("E ") or "Failing test case" in line or "test_generated" in line]
        print("\n".join(failing_lines[:40]))
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
