# A child that sends itself SIGTERM ends with -15; the parent goes on (CPython 3.13, Linux).
import subprocess
import sys

code = "import os, signal\nprint('child: before', flush=True)\nos.kill(os.getpid(), signal.SIGTERM)\nprint('child: after')"
done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print("returncode:", done.returncode)
print("stdout:", repr(done.stdout))
print("parent: still here")
