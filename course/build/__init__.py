"""Building `release/` from `source/`: inlining helpers, nbgrader, normalising, verifying."""
