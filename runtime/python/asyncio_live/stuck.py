"""Where a stuck program's tasks wait: the line an error points at when no task can ever
run again (``WaitsForever``) or none ever waits for time to pass (``NoProgress``).

Both are raised by the loop, far from the reader's code: their traceback ends in
``asyncio.run(main())``, which is not where the program hangs. The line that matters is
where a task is suspended, in the await that never returns. A task that only waits for
other tasks (``gather``, a ``TaskGroup``, ``asyncio.wait``, awaiting a task) is not
where it hangs: the tasks it waits for are, so they are named first.
"""

import asyncio
import linecache
import types

#: Tasks named in the error; more are counted, not listed.
MAX_LISTED = 10

#: Frames of asyncio's own that wait for other tasks (their file's name, their function's).
_WAITS_FOR_OTHERS = {
    ("tasks.py", "_wait"),
    ("tasks.py", "wait"),
    ("taskgroups.py", "__aexit__"),
    ("taskgroups.py", "_aexit"),
}


def _frames(coro):
    """The frames ``coro`` is suspended in, outermost first."""
    frames = []
    while isinstance(coro, (types.CoroutineType, types.GeneratorType, types.AsyncGeneratorType)):
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
        if frame is not None:
            frames.append(frame)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None) or getattr(coro, "ag_await", None)
    return frames


def _waits_for_others(frames, awaited):
    if isinstance(awaited, asyncio.Task) or type(awaited).__name__ == "_GatheringFuture":
        return True
    return any(
        (frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_name) in _WAITS_FOR_OTHERS for frame in frames
    )


def _order(task):
    name = task.get_name()
    number = name[5:] if name.startswith("Task-") else ""
    return (0, int(number), "") if number.isdigit() else (1, 0, name)


def where_tasks_wait(program):
    """``(line, text)``: the program's line where the first stuck task waits (None when
    no task waits in the program's code), and a traceback-like list of where each waits."""
    try:
        tasks = sorted(asyncio.all_tasks(), key=_order)
    except RuntimeError:  # no running loop: nothing to say
        return None, ""
    stuck = []
    for task in tasks:
        frames = _frames(task.get_coro())
        # The future the task's await is parked on (the C task keeps it there too).
        awaited = getattr(task, "_fut_waiter", None)
        mine = [frame for frame in frames if frame.f_code.co_filename == program]
        if not mine:
            continue
        stuck.append((_waits_for_others(frames, awaited), task, mine[-1]))
    # Those that wait on something themselves first; those that wait for them after.
    stuck.sort(key=lambda entry: entry[0])
    if not stuck:
        return None, ""
    lines = ["Where the tasks wait (the first is where it hangs):"]
    for waits_for_others, task, frame in stuck[:MAX_LISTED]:
        how = ", waiting for other tasks" if waits_for_others else ""
        name = task.get_name()[:200]
        lines.append(f'  File "{program}", line {frame.f_lineno}, in {frame.f_code.co_name} ({name}{how})')
        source = linecache.getline(program, frame.f_lineno).strip()
        if source:
            lines.append(f"    {source[:200]}")
    if len(stuck) > MAX_LISTED:
        lines.append(f"  ... and {len(stuck) - MAX_LISTED:,} more tasks")
    return stuck[0][2].f_lineno, "\n".join(lines) + "\n"
