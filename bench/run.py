"""Run the benchmark harness: `make bench`, or `.venv/bin/python bench/run.py --help`."""

import sys
from pathlib import Path

# `python bench/run.py` puts bench/ on the path; the package needs the project root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
