"""Demo content for one area; the demo command calls load(home=...)."""


def load(*, home):
    return None
