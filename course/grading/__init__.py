"""Grading submissions in bulk with nbgrader, and reporting the results."""
