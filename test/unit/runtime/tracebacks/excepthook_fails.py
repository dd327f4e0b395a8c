import sys

def hook(kind, value, tb):
    raise RuntimeError("the hook broke")

sys.excepthook = hook
raise ValueError("original")
