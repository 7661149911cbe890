"""`python -m bench [--only NAME ...] [--scales 1,10]` (`make bench`): every benchmark, or those named.
Benchmarks need the dev extras (httpx, matplotlib), so they run from a checkout, not from the wheel."""

from bench.run import main

raise SystemExit(main())
