import asyncio
import sys
from asyncio.subprocess import PIPE

REPORT = """
import sys
for n in range(int(sys.argv[1])):
    print(f"row {n}:", "figures " * 8)
"""

async def report(rows):
    """The lines of a report with that many rows, made by a child process."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", REPORT, str(rows), stdout=PIPE
    )
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"the report failed with {proc.returncode}")
    return out.decode().splitlines()

async def main():
    print(len(await report(10)), "rows")
    print(len(await report(10_000)), "rows")

asyncio.run(main())
import asyncio

few = asyncio.run(asyncio.wait_for(report(3), 60))
assert few == [f"row {n}: " + "figures " * 8 for n in range(3)], (
    f"report(3) returned {few!r}: the child's three lines."
)
many = asyncio.run(asyncio.wait_for(report(30_000), 60))
assert len(many) == 30_000 and many[-1].startswith("row 29999:"), (
    f"report(30_000) returned {len(many)} lines, not 30000."
)
print("CHECK PASSED")
