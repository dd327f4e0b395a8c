# A parent that redirected its own stdout: the child still writes to its pipe (CPython 3.13).
import asyncio, contextlib, io, sys

async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print('from the child')", stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return out

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    out = asyncio.run(main())
print("pipe got:", out)
print("redirect target got:", repr(buf.getvalue()))
