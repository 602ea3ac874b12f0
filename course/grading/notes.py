"""What the grading steps write into a notebook's metadata, for the steps after them and for the reports.

All of it lives under one key, "course": on the notebook, {"notes": [one line per thing done to or
noticed in the submission]}; on a solution cell, why the policy refused it or that it is still the
stub; on a grade cell, what its grading process reported.
"""

NOTES = "course"
REFUSED = "refused"  # a solution cell's: the policy's reasons for not running it
UNWRITTEN = "unwritten"  # a solution cell's: the student left nbgrader's stub
# a grade cell's: what its grading process said (forbidden calls, refusals, how it ended)
RAN = "ran"
SETUP = "setup"  # the grade id of a notebook's setup cell
