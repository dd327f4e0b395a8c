import signal, threading, subprocess, sys, os
try:
    signal.signal(signal.SIGKILL, print)
except OSError as e:
    print("SIGKILL:", e)
ids = []
t = threading.Thread(target=lambda: ids.append(threading.get_native_id())); t.start(); t.join()
print(threading.get_native_id() == os.getpid(), ids[0] != os.getpid())
r = subprocess.run([sys.executable, "-c", "raise KeyboardInterrupt"], capture_output=True, text=True)
print(r.returncode, r.stderr.strip().splitlines()[-1])
