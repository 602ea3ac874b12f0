# kind: wrong
# feedback: warmup is not written yet
first_row = ((5,), (1,))
