"""Where a notebook runs: Colab or local; CPU, CUDA GPU or TPU; library versions against the pins.

`make release` copies this module into every student notebook, so it may import
only the standard library and the course's third-party packages, never `course`.
"""

import importlib.metadata
import os
import sys

import torch

# The versions the course is written and tested against (equal to requirements.lock; a test checks).
PINS = {"torch": "2.13.0", "jax": "0.10.2", "flax": "0.12.8"}

# Differences from the pins that change what the notebooks teach, by package and version prefix.
KNOWN_DIFFERENCES = {
    "flax": (
        "0.12",
        "Flax before 0.12 reads a Param's array with `param.value` instead of `param[...]`; "
        "from 0.12 on `.value` still works but warns.",
    ),
}

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
__all__ = ["DEVICE", "report_runtime"]


def in_colab() -> bool:
    """Whether this kernel runs on Google Colab."""
    return "google.colab" in sys.modules or "COLAB_RELEASE_TAG" in os.environ


def _version(package: str) -> str | None:
    """The installed version of `package`, or None."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _minor(version: str) -> tuple[int, ...]:
    """(major, minor) of a version string such as "0.12.8" or "2.13.0+cpu"."""
    return tuple(int(part) for part in version.split("+")[0].split(".")[:2] if part.isdigit())


def version_warnings(installed: dict[str, str | None]) -> list[str]:
    """Warnings for packages missing or at a major.minor version other than the pins."""
    warnings = []
    for package, pinned in PINS.items():
        version = installed.get(package)
        if version is None:
            warnings.append(f"{package} is not installed: run `pip install {package}=={pinned}`.")
        elif _minor(version) != _minor(pinned):
            warnings.append(f"{package} {version} differs from the course's {pinned}; checks may disagree.")
            prefix, note = KNOWN_DIFFERENCES.get(package, ("", ""))
            if note and not version.startswith(prefix):
                warnings.append(note)
    return warnings


def accelerator() -> str:
    """A short description of the accelerator torch and JAX use here."""
    import jax

    backend = jax.default_backend()
    if torch.cuda.is_available():
        return f"CUDA GPU ({torch.cuda.get_device_name(0)}); JAX backend: {backend}"
    if backend == "tpu":
        return f"TPU ({jax.devices()[0].device_kind}); torch runs on the CPU"
    return f"CPU; JAX backend: {backend}"


def report_runtime() -> None:
    """Print where this notebook runs and warn about versions that differ from the course's."""
    installed = {package: _version(package) for package in PINS}
    print(f"Running on {'Google Colab' if in_colab() else 'a local machine'}: {accelerator()}")
    print("Versions: " + ", ".join(f"{p} {v or 'missing'}" for p, v in installed.items()))
    for warning in version_warnings(installed):
        print(f"WARNING: {warning}")
