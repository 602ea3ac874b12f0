"""The versions of torch, jax and flax the course is written for, and the oldest it supports.

Shared by the notebooks' runtime report (`course.kernel.runtime`), the build and the tests.
"""

# The versions the course is written and tested against (equal to requirements.lock; a test checks).
PINS = {"torch": "2.13.0", "jax": "0.10.2", "flax": "0.12.8"}
# The oldest versions the notebooks are tested with too (requirements-oldest.lock; `make test` runs every
# student notebook under both). Versions between these and the pins are supported.
OLDEST = {"torch": "2.13.0", "jax": "0.6.2", "flax": "0.10.7"}

# What a student sees differ on a supported version older than the pins: package -> [(first version
# without the difference, note)].
DIFFERENCES = {
    "flax": [
        (
            "0.12",
            "before Flax 0.12, nnx.state(...) shows each Param as a VariableState; `param[...]`, which "
            "these notebooks use, reads and writes a Param the same way.",
        ),
        (
            "0.12.1",
            "Flax before 0.12.1 does not warn when a Param is read with `.value`; `param[...]`, which "
            "these notebooks use, works the same.",
        ),
    ],
}
