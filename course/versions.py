"""The versions of torch, jax and flax the course is written for, the oldest it supports, and the Python that grades.

Shared by the notebooks' runtime report (`course.kernel.runtime`), the build and the tests.
"""

import re

# The versions the course is written and tested against (equal to requirements.lock; a test checks).
PINS = {"torch": "2.13.0", "jax": "0.10.2", "flax": "0.12.8"}
# The oldest versions the notebooks are tested with too (requirements-oldest.lock; `make test` runs every
# student notebook under both). Versions between these and the pins are supported.
OLDEST = {"torch": "2.13.0", "jax": "0.6.2", "flax": "0.10.7"}
# Google Colab's runtime as published (requirements-colab.lock; `make test` runs every student notebook
# and the corpus's correct answers under it too, in .venv-colab). Its TPU runtimes have torch 2.9.
COLAB = {"python": "3.13", "torch": "2.11.0", "jax": "0.7.2", "flax": "0.11.2", "numpy": "2.1.3"}
TESTED_TORCH = (PINS["torch"], COLAB["torch"])

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
            "Flax before 0.12.1 has no `get_value()` and does not warn when a Param is read with `.value`; "
            "`param[...]`, which these notebooks use, works the same.",
        ),
    ],
}

# The Python that grades (the Makefile's PYTHON; a test checks). Students may run a newer one: Colab has 3.13.
GRADING_PYTHON = (3, 11)
# What a solution may import from the standard library but the grading Python lacks: name -> the
# Python that added it (a test compares the table with Python 3.12's and 3.13's modules).
NEWER_LIBRARY = {
    "itertools.batched": "3.12",
    "math.sumprod": "3.12",
    "typing.override": "3.12",
    "typing.TypeAliasType": "3.12",
    "collections.abc.Buffer": "3.12",
    "math.fma": "3.13",
    "typing.NoDefault": "3.13",
    "typing.ReadOnly": "3.13",
    "typing.TypeIs": "3.13",
    "typing.get_protocol_members": "3.13",
    "typing.is_protocol": "3.13",
}

_MISSING_NAME = re.compile(
    r"module '([\w.]+)' has no attribute '(\w+)'|cannot import name '(\w+)' from '([\w.]+)'"
)


def version_tuple(version: str) -> tuple[int, ...]:
    """The numeric release of a version string: (0, 12, 8) for "0.12.8", (2, 13, 0) for "2.13.0+cpu"."""
    return tuple(int(part) for part in version.split("+")[0].split(".")[:3] if part.isdigit())


def graded_on() -> str:
    """The grading Python, as messages name it: "Python 3.11"."""
    return "Python " + ".".join(map(str, GRADING_PYTHON))


def newer_library_note(raised: str) -> str:
    """Why `raised` (an error's text) happened, where a name the grading Python lacks is why ("" otherwise)."""
    for match in _MISSING_NAME.finditer(raised):
        module, name = (match[1], match[2]) if match[1] else (match[4], match[3])
        added = NEWER_LIBRARY.get(f"{module}.{name}")
        if added:
            return f"{module}.{name} is new in Python {added}, and solutions are graded on {graded_on()}"
    return ""
