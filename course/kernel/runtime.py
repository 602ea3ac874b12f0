"""Where a notebook runs: Colab or local; CPU, CUDA GPU or TPU; library versions against the pins.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

import importlib.metadata
import os
import sys

import torch

from course.judging.device import DEVICE
from course.versions import (
    DIFFERENCES,
    GRADING_PYTHON,
    OLDEST,
    PINS,
    TESTED_TORCH,
    graded_on,
    version_tuple,
)

__all__ = ["DEVICE", "report_runtime"]


def grading() -> bool:
    """Whether this process grades the notebook (`course.kernel.process`, under nbgrader's autograde)."""
    return os.environ.get("NBGRADER_EXECUTION") == "autograde"


def in_colab() -> bool:
    """Whether this kernel runs on Google Colab."""
    return "google.colab" in sys.modules or "COLAB_RELEASE_TAG" in os.environ


def _version(package: str) -> str | None:
    """The installed version of `package`, or None."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


# The distributions that tell which JAX build a machine needs (`jax_platform`).
PLATFORM_DISTRIBUTIONS = (
    "libtpu",
    "libtpu-nightly",
    "jax-cuda13-plugin",
    "jax-cuda13-pjrt",
    "jax-cuda12-plugin",
    "jax-cuda12-pjrt",
)


def jax_platform(distributions: set[str], torch_cuda: str | None) -> str:
    """Which build of JAX this machine needs: "tpu", "cuda13", "cuda12" or "cpu".

    From the JAX plugins already installed (a Colab GPU runtime has a CUDA plugin, a TPU runtime
    libtpu), else from the CUDA that torch was built for."""
    if "libtpu" in distributions or "libtpu-nightly" in distributions:
        return "tpu"
    for cuda in ("cuda13", "cuda12"):
        if f"jax-{cuda}-plugin" in distributions or f"jax-{cuda}-pjrt" in distributions:
            return cuda
    if torch_cuda:
        return "cuda13" if torch_cuda.startswith("13") else "cuda12"
    return "cpu"


def install_command(platform: str = "cpu", torch_missing: bool = False) -> str:
    """The one command that installs the course's jax and flax for this platform (then restart).

    On a GPU or TPU it asks for JAX's matching extra, never a bare CPU jaxlib beside the runtime's
    CUDA plugin or libtpu; it leaves an installed torch alone, since the runtime's torch matches its
    accelerator."""
    jax = (
        f"jax=={PINS['jax']} jaxlib=={PINS['jax']}"
        if platform == "cpu"
        else f'"jax[{platform}]=={PINS["jax"]}"'
    )
    torch = [f"torch=={PINS['torch']}"] if torch_missing else []
    return " ".join(["%pip install -q", *torch, jax, f"flax=={PINS['flax']}"])


def installed_platform() -> str:
    """`jax_platform` of this machine (looking up only the distributions that tell)."""
    distributions = {name for name in PLATFORM_DISTRIBUTIONS if _version(name)}
    return jax_platform(distributions, torch.version.cuda)


def version_warnings(
    installed: dict[str, str | None],
    colab: bool = False,
    platform: str = "cpu",
    python: tuple[int, ...] = GRADING_PYTHON,
) -> list[str]:
    """What to tell a student about their versions: missing or unsupported ones, known differences, and
    a Python newer than the one that grades."""
    warnings = []
    if python[:2] > GRADING_PYTHON:
        warnings.append(
            f"Note: this is Python {'.'.join(map(str, python[:2]))}, and solutions are graded on "
            f"{graded_on()}: syntax or standard-library functions added since (a `type` statement, "
            "itertools.batched) fail there."
        )
    command = install_command(platform, torch_missing=installed.get("torch") is None)
    for package, pinned in PINS.items():
        version = installed.get(package)
        if version is None:
            warnings.append(f"WARNING: {package} is not installed: run `{command}`.")
            continue
        if version_tuple(version) < version_tuple(OLDEST[package]) and package != "torch":
            how = (
                f"run `{command}` in a new cell, then Runtime > Restart session"
                if colab
                else "install the versions in the course's requirements.txt"
            )
            warnings.append(
                f"WARNING: {package} {version} is older than this course supports ({OLDEST[package]} "
                f"and later), so some cells or checks may fail: {how}."
            )
        elif package == "torch" and all(
            version_tuple(version)[:2] != version_tuple(tested)[:2] for tested in TESTED_TORCH
        ):
            warnings.append(
                f"Note: the notebooks are tested with torch {' and '.join(TESTED_TORCH)} only."
            )
        elif version_tuple(version)[:2] > version_tuple(pinned)[:2]:
            warnings.append(
                f"Note: {package} {version} is newer than the versions the course is tested with "
                f"({OLDEST[package]} to {pinned})."
            )
        for changed_in, note in DIFFERENCES.get(package, []):
            if version_tuple(version) < version_tuple(changed_in):
                warnings.append(f"Note: {note}")
    return warnings


def accelerator() -> str:
    """A short description of the accelerator torch uses here, and JAX too where the notebook has imported it."""
    jax = sys.modules.get("jax")  # a torch-only notebook does not pay for importing JAX
    backend = f"; JAX backend: {jax.default_backend()}" if jax else ""
    if torch.cuda.is_available():
        return f"CUDA GPU ({torch.cuda.get_device_name(0)}){backend}"
    if jax and jax.default_backend() == "tpu":
        return f"TPU ({jax.devices()[0].device_kind}); torch runs on the CPU"
    return f"CPU{backend}"


def report_runtime() -> None:
    """Print where this notebook runs and warn about versions that differ from the course's.

    While grading it says nothing: JAX's backend is started only where an exercise uses JAX.
    """
    if grading():
        return
    installed = {package: _version(package) for package in PINS}
    print(f"Running on {'Google Colab' if in_colab() else 'a local machine'}: {accelerator()}")
    print("Versions: " + ", ".join(f"{p} {v or 'missing'}" for p, v in installed.items()))
    for warning in version_warnings(
        installed, in_colab(), installed_platform(), sys.version_info[:2]
    ):
        print(warning)
