"""`python -m bench [--only NAME ...] [--scales 1,10]`: the same as `commons bench`."""

from bench.run import main

raise SystemExit(main())
