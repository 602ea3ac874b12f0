"""What a student sees in JupyterLab, driven in a real browser (Chromium through Playwright).

The test starts JupyterLab on a copy of release/01_strides/strides.ipynb, runs all cells (Run All goes to the
last cell and draws every figure a kernel of its own draws), then works
one exercise (as_strided_trace) the way a student does: runs its check on the stub, pastes a
correct answer and a wrong one into the solution cell, and reads each check's output from the
page. Screenshots go to screenshots/ at the repository root. `pytest tests -k browser` runs it.

Needs Debian's chromium package and the Python package playwright: `make browser` installs both.
Nothing here reaches the internet: the browser may load only the local JupyterLab server.
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.notebooks import execute, read
from tests.test_standalone import INLINE

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "release" / "01_strides" / "strides.ipynb"
SCREENSHOTS = REPO / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
# Chromium as root in a container, offline: no sandbox, no GPU, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--no-default-browser-check",
    "--no-pings",
    "--metrics-recording-only",
]
# JupyterLab without news, update checks or the PyPI extension manager: it asks nothing of the internet.
OFFLINE_LAB = [
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
]

SECONDS = 1000  # Playwright counts milliseconds
START_TIMEOUT = 60  # seconds for JupyterLab to answer
RUN_ALL_TIMEOUT = 120 * SECONDS  # the first cell imports torch and jax
CELL_TIMEOUT = 60 * SECONDS

CORRECT = """\
def as_strided_trace(mat):
    rows, columns = mat.stride()
    return torch.as_strided(mat, (mat.shape[0],), (rows + columns,)).sum()"""
# Right only for a contiguous matrix: the check names the mistake.
WRONG = """\
def as_strided_trace(mat):
    n = mat.shape[0]
    return torch.as_strided(mat, (n,), (n + 1,)).sum()"""
# What a traceback through the course's code would show; a student must see none of it.
TRACEBACK_MARKS = (
    "Traceback",
    'File "',
    "course/",
    "checks.py",
    "exercise.py",
    "----> ",
    "CheckFailed",
)


def missing_browser_tools(chromium: Path = CHROMIUM) -> str | None:
    """Why the browser test cannot run here, naming the make target that fixes it; None if it can."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright")
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        missing.append(f"Chromium at {chromium} (Debian's chromium package)")
    if not missing:
        return None
    return (
        f"The browser test needs {' and '.join(missing)}: run `make browser` to install them "
        f"(Debian's chromium through apt, as root or with sudo; playwright into .venv from requirements.lock)."
    )


def test_browser_missing_tools_fail_naming_make_browser(tmp_path):
    message = missing_browser_tools(tmp_path / "no-chromium")
    assert message is not None and "`make browser`" in message and "no-chromium" in message


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def jupyterlab(root: Path) -> Iterator[dict[str, Any]]:
    """JupyterLab serving a folder that holds a copy of the release notebook; stopped afterwards."""
    problem = missing_browser_tools()
    if problem:
        pytest.fail(problem, pytrace=False)
    root.mkdir(parents=True)
    served, state = root / "notebooks", root / "jupyter"
    served.mkdir()
    shutil.copy(NOTEBOOK, served / NOTEBOOK.name)
    port, token = free_port(), secrets.token_hex(16)
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"MPLBACKEND", "NBGRADER_EXECUTION", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH"}
    }
    # A fresh Jupyter home: no user settings, workspaces or kernelspecs from this machine.
    env.update(
        JUPYTER_CONFIG_DIR=str(state / "config"),
        JUPYTER_DATA_DIR=str(state / "data"),
        JUPYTER_RUNTIME_DIR=str(state / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(state / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    # The answer a student gives to "Would you like to get notified about official Jupyter news?": No.
    notifications = (
        state
        / "settings"
        / "@jupyterlab"
        / "apputils-extension"
        / "notification.jupyterlab-settings"
    )
    notifications.parent.mkdir(parents=True)
    notifications.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    # Every cell in the page, not only those near the view, so that cells can be found by position.
    tracker = (
        state / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    )
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    command = [
        str(Path(sys.executable).with_name("jupyter")),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--port-retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={served}",
        *OFFLINE_LAB,
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log_path = root / "jupyterlab.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command,
            cwd=served,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not answers(f"{base}/api/status?token={token}"):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"JupyterLab did not start:\n{log_path.read_text()[-3000:]}", pytrace=False
                )
            time.sleep(0.5)
        yield {"base": base, "url": f"{base}/lab/tree/{NOTEBOOK.name}?token={token}"}
    finally:
        stop(server, base, token)


def stop(server: subprocess.Popen, base: str, token: str) -> None:
    """Shut JupyterLab down with its kernels: through its API, else by signal."""
    try:
        request = urllib.request.Request(
            f"{base}/api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
        )
        urllib.request.urlopen(request, timeout=5).close()
        server.wait(timeout=20)
    except (urllib.error.URLError, OSError, subprocess.TimeoutExpired):
        pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if server.poll() is not None:
            return
        os.killpg(server.pid, sig)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


@contextlib.contextmanager
def notebook_page(lab: dict[str, Any]) -> Iterator[Any]:
    """A Chromium page with the notebook open in JupyterLab and its kernel idle."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def local_only(route: Any) -> None:
        if route.request.url.startswith(lab["base"] + "/"):
            route.continue_()
        else:  # e.g. the Colab badge image: the network is closed, so fail it at once
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lab["base"])
            context.route("**/*", local_only)
            tab = context.new_page()
            tab.set_default_timeout(CELL_TIMEOUT)
            tab.goto(lab["url"])
            # JupyterLab attaches cells a few at a time: wait for all of them.
            tab.wait_for_function(
                "count => document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length === count",
                arg=len(json.loads(NOTEBOOK.read_text())["cells"]),
            )
            wait_for_idle_kernel(tab)
            yield tab
            print("requests blocked (outside the local server):", blocked or "none")
        finally:
            browser.close()


def wait_for_idle_kernel(page: Any, timeout: float = CELL_TIMEOUT) -> None:
    """Wait until the notebook's kernel indicator (toolbar) says the kernel is idle."""
    page.locator('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]').wait_for(
        timeout=timeout
    )


def cell_index(grade_id: str) -> int:
    """The position of the notebook's cell with nbgrader `grade_id`."""
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    [index] = [
        i
        for i, cell in enumerate(cells)
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == grade_id
    ]
    return index


def cell_by_grade_id(page: Any, grade_id: str, source: str) -> Any:
    """The notebook's cell with nbgrader `grade_id`, found by its position; its editor must show `source`."""
    cell = page.locator(".jp-NotebookPanel .jp-Cell").nth(cell_index(grade_id))
    # CodeMirror draws only what is on screen: bring the cell into view before reading its editor.
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content", has_text=source).wait_for()
    return cell


def prompt(cell: Any) -> str:
    """The cell's input prompt: "[ ]:", "[*]:" or "[7]:"."""
    return (cell.locator(".jp-InputPrompt").text_content() or "").strip()


def run(page: Any, cell: Any) -> None:
    """Select `cell` (command mode), press Shift+Enter, and wait until it ran and the kernel is idle."""
    before = prompt(cell)
    cell.locator(".jp-InputPrompt").click()
    page.keyboard.press("Shift+Enter")
    deadline = time.monotonic() + CELL_TIMEOUT / SECONDS
    while not (re.fullmatch(r"\[\d+\]:", prompt(cell)) and prompt(cell) != before):
        assert time.monotonic() < deadline, (
            f"the cell did not run: its prompt is still {prompt(cell)}"
        )
        page.wait_for_timeout(200)
    wait_for_idle_kernel(page)


def paste(page: Any, cell: Any, code: str) -> None:
    """Replace the cell's source with `code` as a student does: click in, select all, paste."""
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.evaluate("text => navigator.clipboard.writeText(text)", code)
    page.keyboard.press("Control+V")
    deadline = time.monotonic() + 10
    while editor.inner_text().strip() != code:
        assert time.monotonic() < deadline, (
            f"the paste did not take: the editor holds {editor.inner_text()!r}"
        )
        page.wait_for_timeout(100)


def started(page: Any, setup: Any) -> bool:
    """Whether the notebook has begun to run: the kernel is busy, a cell reads "[*]:" or "[7]:", or the setup
    cell (whose input, prompt included, is folded) shows its output."""
    busy = page.locator('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="busy"]')
    ran = page.locator(".jp-NotebookPanel .jp-InputPrompt", has_text=re.compile(r"\[(\*|\d+)\]:"))
    return busy.count() > 0 or ran.count() > 0 or bool(outputs(setup))


def run_all(page: Any, attempts: int = 3) -> bool:
    """Run > Run All Cells from the menu bar, again if the first cell has not started 15 s later; whether it started."""
    setup = page.locator(".jp-NotebookPanel .jp-Cell").nth(cell_index("setup"))
    for attempt in range(attempts):
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        deadline = time.monotonic() + 15
        while not started(page, setup) and time.monotonic() < deadline:
            page.wait_for_timeout(250)
        if started(page, setup):
            if attempt:
                print(f"Run All Cells took {attempt + 1} clicks")
            return True
        page.keyboard.press("Escape")
    shoot(page, setup, "failed_run_all")
    return False


def outputs(cell: Any) -> list[str]:
    """The text of each output of the cell, as shown."""
    return [text.strip() for text in cell.locator(".jp-OutputArea-output").all_inner_texts()]


def shoot(page: Any, cell: Any, name: str) -> Path:
    """Screenshot the page with `cell` scrolled into view."""
    SCREENSHOTS.mkdir(exist_ok=True)
    cell.scroll_into_view_if_needed()
    path = SCREENSHOTS / f"browser_{name}.png"
    page.screenshot(path=str(path))
    return path


def kernel_figures() -> int:
    """How many figures the student notebook draws when run top to bottom in a kernel of its own, outside the page."""
    ran = execute(read(NOTEBOOK), NOTEBOOK.parent, {"MPLBACKEND": INLINE})
    return sum(
        "image/png" in o.get("data", {}) for cell in ran.cells for o in cell.get("outputs", [])
    )


def one_message(texts: list[str]) -> str:
    """The single output a check printed, asserting it holds no traceback."""
    assert len(texts) == 1, f"expected one output, got {texts}"
    for mark in TRACEBACK_MARKS:
        assert mark not in texts[0], f"the output shows a traceback ({mark!r}):\n{texts[0]}"
    return texts[0]


def test_browser_run_all_then_check_stub_correct_and_wrong_answers(tmp_path):
    # Run all, as a student does first: every cell runs, each check of a stub says so in one line.
    # Now and then (about one cold run in four) Run All Cells leaves every cell unrun although the
    # kernel reads idle; the cause is not known. Then JupyterLab is started afresh, once.
    for attempt in range(2):
        with contextlib.ExitStack() as opened:
            page = opened.enter_context(
                notebook_page(opened.enter_context(jupyterlab(tmp_path / f"lab{attempt}")))
            )
            if run_all(page):
                student_flow(page)
                return
        print("Run All Cells did not start the notebook: starting JupyterLab afresh")
    pytest.fail(f"Run All Cells did not start the notebook in two JupyterLabs; see {SCREENSHOTS}")


def student_flow(page: Any) -> None:
    """After Run All: every cell ran and every figure is drawn; then the stub, a correct and a wrong answer checked."""
    last = page.locator(".jp-NotebookPanel .jp-CodeCell").last
    deadline = time.monotonic() + RUN_ALL_TIMEOUT / SECONDS
    running = page.locator(".jp-NotebookPanel .jp-InputPrompt", has_text="[*]")
    while not (re.fullmatch(r"\[\d+\]:", prompt(last)) and running.count() == 0):
        if time.monotonic() > deadline:
            shot = shoot(page, last, "failed_run_all")
            prompts = page.locator(".jp-NotebookPanel .jp-InputPrompt").all_inner_texts()
            pytest.fail(f"run all did not reach the last cell; prompts: {prompts}; see {shot}")
        page.wait_for_timeout(250)
    wait_for_idle_kernel(page)
    # Run All went through: every code cell ran, none shows a traceback, every figure is drawn.
    prompts = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt").all_inner_texts()
    # (the setup cell's input, its prompt with it, is folded: its output is read below)
    assert all(re.fullmatch(r"\[\d+\]:", text.strip()) for text in prompts[1:]), prompts
    shown = page.locator(".jp-NotebookPanel .jp-OutputArea-output").all_inner_texts()
    assert not [text for text in shown if any(mark in text for mark in TRACEBACK_MARKS)], shown
    drawn = page.locator(".jp-NotebookPanel .jp-OutputArea-output img").count()
    assert drawn == kernel_figures(), f"{drawn} figures in the page"
    # The setup cell (source folded) reports where the notebook runs, and fails nowhere.
    setup = page.locator(".jp-NotebookPanel .jp-Cell").nth(cell_index("setup"))
    assert outputs(setup) and outputs(setup)[0].startswith("Running on a local machine"), outputs(
        setup
    )
    assert not any("Error" in text or "Traceback" in text for text in outputs(setup)), outputs(
        setup
    )
    warmup = cell_by_grade_id(page, "check_warmup", "check_warmup()")
    assert one_message(outputs(warmup)).startswith("\N{HOURGLASS} warmup is not written yet: ")
    shoot(page, warmup, "1_run_all")

    solution = cell_by_grade_id(page, "as_strided_trace", "def as_strided_trace(")
    check = cell_by_grade_id(page, "check_as_strided_trace", "check_as_strided_trace()")

    # Before solving: the check says in one line that the exercise is not written yet.
    run(page, solution)
    assert outputs(solution) == []
    run(page, check)
    stub = one_message(outputs(check))
    assert stub.startswith("\N{HOURGLASS} as_strided_trace is not written yet: "), stub
    assert "raise NotImplementedError()" in stub and "\n" not in stub, stub
    shoot(page, check, "2_stub")

    # A correct answer: the pass line.
    paste(page, solution, CORRECT)
    run(page, solution)
    assert outputs(solution) == []
    run(page, check)
    passed = one_message(outputs(check))
    assert re.fullmatch(
        r"\N{CHECK MARK} as_strided_trace passes its checks \(\d+ cases?\)", passed
    ), passed
    shoot(page, check, "3_correct")

    # A wrong answer: one failure message, what was expected and what came back, and the likely mistake.
    paste(page, solution, WRONG)
    run(page, solution)
    run(page, check)
    failure = one_message(outputs(check))
    lines = failure.splitlines()
    assert lines[0].startswith("\N{BALLOT X} as_strided_trace("), failure
    assert "expected" in lines[0] and "got" in lines[0], failure
    assert lines[-1].startswith("Likely mistake: ") and "use mat.stride()" in lines[-1], failure
    assert len(lines) == 2, failure
    shoot(page, check, "4_wrong")
