import os, subprocess, sys, threading, time, socket
print(os.system("echo hi"), os.system("exit 3") >> 8)
r = subprocess.run([sys.executable, "-c", "print('e' * 70000)"], capture_output=True)
print(len(r.stdout))
r = subprocess.run([sys.executable, "-c", "import sys; sys.stderr.write('x'*100000); print('hi')"], capture_output=True)
print(r.returncode, len(r.stdout), len(r.stderr))
try:
    subprocess.run(["sleep", "10"], capture_output=True, timeout=1)
except subprocess.TimeoutExpired as e:
    print("timeout", e.timeout)
t0 = time.monotonic()
print(threading.Semaphore(0).acquire(timeout=0.5), round(time.monotonic() - t0, 2))
a, b = socket.socketpair()
def reader():
    n = 0
    while (chunk := b.recv(65536)):
        n += len(chunk)
    print("read", n)
t = threading.Thread(target=reader); t.start()
a.sendall(b"x" * 3_000_000); a.close(); t.join()
