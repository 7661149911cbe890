"""`python -m bench [--only NAME ...] [--scales 1,10] [--databases sqlite,postgresql]` (`make bench`): every
benchmark, or those named, on each database in turn.
Benchmarks need the dev extras (httpx, matplotlib), so they run from a checkout, not from the wheel."""

from bench.run import main

raise SystemExit(main())
