"""What the grading steps write into a notebook's metadata, for the steps after them and for the reports.

All of it lives under one key, "course": on the notebook, {"notes": [one line per thing done to or
noticed in the submission], "verdicts": {exercise: {"outcome": one of OUTCOMES, "mistakes": [ids of
the known mistakes its message named]}}}; on a solution cell, why the policy refused it or that it is still the
stub; on a grade cell, what its grading process reported.
"""

NOTES = "course"
REFUSED = "refused"  # a solution cell's: the policy's reasons for not running it
UNWRITTEN = "unwritten"  # a solution cell's: the student left nbgrader's stub
# a grade cell's: what its grading process said (forbidden calls, refusals, how it ended)
RAN = "ran"
SETUP = "setup"  # the grade id of a notebook's setup cell
VERDICTS = "verdicts"  # the notebook's: each exercise's outcome and the mistakes its message named
# How an exercise's hidden tests ended, as the report of what the cohort got wrong counts them.
PASSED = "passed"
WRONG = "wrong"  # judged and failed: its message may name known mistakes
FORBIDDEN = "forbidden"  # called the operation the exercise forbids
UNFINISHED = "unfinished"  # no results came back: it timed out, crashed or raised
NOT_JUDGED = "not-judged"  # the results came back malformed or forged, or the test cell was broken
OUTCOMES = (PASSED, WRONG, FORBIDDEN, REFUSED, UNWRITTEN, UNFINISHED, NOT_JUDGED)
