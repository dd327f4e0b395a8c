import asyncio
import sys
from asyncio.subprocess import PIPE

COUNT_WORDS = """
import sys
text = sys.stdin.read()
print(len(text.split()), "words")
print("bad news", file=sys.stderr)
"""

async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", COUNT_WORDS,
        stdin=PIPE, stdout=PIPE, stderr=PIPE,
    )
    text = b"the quick brown fox\njumps over\n"
    out, err = await proc.communicate(input=text)
    print("out:", out.decode().strip())
    print("err:", err.decode().strip())
    print("return code:", proc.returncode)

asyncio.run(main())
