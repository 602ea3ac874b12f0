"""The pins: requirements.lock, pyproject.toml, environment.yml and the notebooks' runtime report agree."""

import re
import tomllib
from pathlib import Path

from course.runtime import PINS, version_warnings

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
        assert LOCK.get(name) == version, f"{name}: environment.yml {version}, requirements.lock {LOCK.get(name)}"


def test_runtime_pins_match_the_lock():
    for name, version in PINS.items():
        assert LOCK[name] == version


def test_torch_is_the_cpu_wheel_version():
    assert LOCK["torch"] == "2.13.0"


def test_version_warnings():
    assert version_warnings(dict(PINS)) == []
    assert version_warnings({**PINS, "torch": "2.13.1+cu121"}) == []
    older_flax = version_warnings({**PINS, "flax": "0.10.4"})
    assert any("differs" in w for w in older_flax) and any(".value" in w for w in older_flax)
    newer_jax = version_warnings({**PINS, "jax": "0.11.0"})
    assert len(newer_jax) == 1 and "jax 0.11.0" in newer_jax[0]
    missing = version_warnings({**PINS, "flax": None})
    assert missing == ["flax is not installed: run `pip install flax==0.12.8`."]

