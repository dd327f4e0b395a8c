"""A program run as a Jupyter notebook cell, not as a script (the ``notebook`` run option).

In a notebook the kernel (IPython, through ipykernel) is itself an asyncio program: its
event loop is already running when a cell runs. So a cell may ``await`` at the top
level, while ``asyncio.run()`` and ``loop.run_until_complete()`` refuse, as they do
there ("cannot be called from a running event loop", "This event loop is already
running"), until ``nest_asyncio.apply()`` makes the loop re-entrant. The value of a
last bare expression is shown, as the cell's ``Out``.
"""

import ast
import asyncio
import inspect

from .loop import PROGRAM


def run_cell(code, namespace):
    """Run ``code`` as a cell: compiled to allow top-level ``await``, inside a running
    loop that stays the current loop for the whole cell, as the kernel's does. Returns
    the repr of the value shown as the cell's ``Out`` (printed last), or None."""
    tree = ast.parse(code, PROGRAM)
    shown = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        # IPython shows the value of the last expression (None is not shown).
        shown = ast.Expression(tree.body.pop().value)
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    body = compile(tree, PROGRAM, "exec", flags=flags)
    last = compile(shown, PROGRAM, "eval", flags=flags) if shown is not None else None

    out = []

    async def cell():
        for compiled, mode in ((body, "exec"), (last, "eval")):
            if compiled is None:
                continue
            value = eval(compiled, namespace)
            if inspect.iscoroutine(value) and compiled.co_flags & inspect.CO_COROUTINE:
                value = await value
            if mode == "eval" and value is not None:
                out.append(repr(value))
                print(out[-1])

    kernel = asyncio.new_event_loop()
    asyncio.set_event_loop(kernel)
    try:
        kernel.run_until_complete(cell())
    finally:
        # The kernel's loop is the notebook's: a cell never closes it. (It goes with the run.)
        asyncio.set_event_loop(None)
        kernel.close()
    return out[0] if out else None
