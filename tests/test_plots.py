"""Course figures: drawn for students, left out (with a note) while nbgrader grades."""

import matplotlib.pyplot as plt
import pytest

from course.kernel.diagrams.strides import show_mm_views
from course.kernel.plots import show_windows_1d

FIGURES = [lambda: show_windows_1d(8, 3), lambda: show_mm_views(i=2, j=3, k=4)]


@pytest.fixture(autouse=True)
def no_open_figures():
    plt.close("all")
    yield
    plt.close("all")


@pytest.mark.parametrize("draw", FIGURES)
def test_a_figure_is_drawn_for_students(monkeypatch, draw):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    draw()
    assert plt.get_fignums()


@pytest.mark.parametrize("draw", FIGURES)
def test_a_figure_is_skipped_with_a_note_while_grading(monkeypatch, capsys, draw):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    draw()
    assert plt.get_fignums() == []
    assert capsys.readouterr().out == "(Figure skipped while the notebook is graded.)\n"
