"""The pins: requirements.lock, pyproject.toml, environment.yml and the notebooks' runtime report agree."""

import re
import tomllib
from pathlib import Path

import pytest

from course.kernel.runtime import (
    PLATFORM_DISTRIBUTIONS,
    install_command,
    jax_platform,
    version_warnings,
)
from course.versions import OLDEST, PINS

REPO = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^\s*-?\s*([A-Za-z0-9_.\-]+)==([^\s;]+)\s*$")


def pins(path: Path) -> dict[str, str]:
    """name -> version for every `name==version` line of a file."""
    found = {}
    for line in path.read_text().splitlines():
        match = PIN.match(line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


LOCK = pins(REPO / "requirements.lock")


def test_pyproject_dependencies_are_pinned_as_in_the_lock():
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    for dependency in dependencies:
        name, version = dependency.split("==")
        assert LOCK[name.lower()] == version, dependency


def test_environment_yml_matches_the_lock():
    conda = pins(REPO / "environment.yml")
    assert conda, "environment.yml pins nothing"
    for name, version in conda.items():
        assert LOCK.get(name) == version, (
            f"{name}: environment.yml {version}, requirements.lock {LOCK.get(name)}"
        )


def test_runtime_pins_match_the_lock():
    for name, version in PINS.items():
        assert LOCK[name] == version


def test_torch_is_the_cpu_wheel_version():
    assert LOCK["torch"] == "2.13.0"


def test_version_warnings():
    assert version_warnings(dict(PINS)) == []
    assert version_warnings({**PINS, "torch": "2.13.1+cu121"}) == []
    assert version_warnings({**PINS, "torch": "2.8.0+cu126"}) == [
        "Note: the notebooks are tested with torch 2.13.0 only."
    ]
    oldest = version_warnings(dict(OLDEST))
    assert len(oldest) == 2 and "VariableState" in oldest[0] and "`.value`" in oldest[1]
    assert version_warnings({**PINS, "flax": "0.12.0"}) == [  # the .value warning came in 0.12.1
        "Note: Flax before 0.12.1 does not warn when a Param is read with `.value`; `param[...]`, "
        "which these notebooks use, works the same."
    ]
    too_old = version_warnings({**PINS, "flax": "0.10.6"}, colab=True)
    assert too_old[0].startswith(
        "WARNING: flax 0.10.6 is older than this course supports (0.10.7 and later)"
    )
    assert install_command() in too_old[0] and "Restart session" in too_old[0]
    assert install_command() == "%pip install -q jax==0.10.2 jaxlib==0.10.2 flax==0.12.8"
    assert "requirements.txt" in version_warnings({**PINS, "jax": "0.5.3"})[0]
    newer = version_warnings({**PINS, "jax": "0.11.0"})
    assert newer == [
        "Note: jax 0.11.0 is newer than the versions the course is tested with (0.6.2 to 0.10.2)."
    ]
    assert version_warnings({**PINS, "flax": None}) == [
        f"WARNING: flax is not installed: run `{install_command()}`."
    ]
    assert "torch==2.13.0" in version_warnings({**PINS, "torch": None})[0]


@pytest.mark.parametrize(
    ("distributions", "torch_cuda", "platform"),
    [
        ({"jax", "jaxlib"}, None, "cpu"),
        ({"jax", "jaxlib", "jax-cuda12-plugin", "jax-cuda12-pjrt"}, "12.6", "cuda12"),
        ({"jax", "jaxlib", "jax-cuda13-plugin"}, "13.0", "cuda13"),
        ({"torch"}, "12.8", "cuda12"),  # no JAX yet: the CUDA torch was built for
        ({"jax", "jaxlib", "libtpu"}, None, "tpu"),
    ],
)
def test_install_advice_fits_the_runtime(distributions, torch_cuda, platform):
    assert jax_platform(distributions, torch_cuda) == platform
    # what the notebook looks up is enough to tell
    assert jax_platform(distributions & set(PLATFORM_DISTRIBUTIONS), torch_cuda) == platform
    command = install_command(platform)
    assert "torch" not in command and "flax==0.12.8" in command
    if platform == "cpu":
        assert "jax==0.10.2 jaxlib==0.10.2" in command
    else:  # never a bare CPU jaxlib beside the runtime's CUDA plugin or libtpu
        assert f'"jax[{platform}]==0.10.2"' in command and "jaxlib" not in command
    warned = version_warnings({**PINS, "jax": "0.5.2"}, colab=True, platform=platform)
    assert command in warned[0] and "Restart session" in warned[0]


def test_oldest_versions_match_their_lock():
    oldest = pins(REPO / "requirements-oldest.lock")
    for name, version in OLDEST.items():
        assert oldest[name] == version
    assert oldest["jaxlib"] == OLDEST["jax"]
