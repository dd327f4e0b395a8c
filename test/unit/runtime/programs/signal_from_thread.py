import os
import signal
import threading
import time

got = []


def handler(signum, frame):
    got.append((signal.Signals(signum).name, threading.current_thread().name, round(time.monotonic() - START, 1)))


def sender():
    time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.5)
    signal.raise_signal(signal.SIGUSR2)


START = time.monotonic()
signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)
t = threading.Thread(target=sender)
t.start()
time.sleep(2)
print(got, f"{time.monotonic() - START:.1f}")
t.join()
