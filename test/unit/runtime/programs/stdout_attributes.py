import sys
out = sys.stdout
print(out.name, sys.stderr.name, out.fileno(), sys.stderr.fileno(), out.encoding, out.line_buffering, out.writable(), out.readable(), out.isatty())
n = out.buffer.write("café\n".encode())
out.buffer.flush()
print(n)
out.reconfigure(line_buffering=True)
print(out.line_buffering)
try:
    out.reconfigure(encoding="latin-1")
except Exception as error:
    print(type(error).__name__)
print(repr(out.newlines), out.closed)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
