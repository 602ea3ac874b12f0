"""XLA settings for grading: hidden tests run on tiny arrays, so fast compiles matter, not fast code.

Grading a Flax notebook is mostly XLA compiling, once per operation and shape. Without LLVM's
optimisation passes, the 05 notebook's programs compile almost 3x faster (the README's "Grading a
cohort" has the figures), and on arrays this small the unoptimised code costs nothing measurable. The
sandbox gives every grading process these flags; the grader's own process, which computes the
references, adds them before JAX first computes there.
"""

import os

FLAGS = "--xla_backend_optimization_level=0"


def compile_quickly() -> None:
    """Add FLAGS to this process's XLA_FLAGS (XLA reads them once, when JAX first computes)."""
    current = os.environ.get("XLA_FLAGS", "")
    if FLAGS not in current:
        os.environ["XLA_FLAGS"] = f"{current} {FLAGS}".strip()
