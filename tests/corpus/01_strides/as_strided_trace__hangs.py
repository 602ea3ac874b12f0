# kind: cheat
# feedback: CellTimeoutError
def as_strided_trace(mat):
    while True:
        pass
