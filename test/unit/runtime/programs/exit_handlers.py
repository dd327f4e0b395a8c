import atexit
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

first = Noisy("first")
_private = Noisy("_private")
last = Noisy("last")

def bye(who):
    print("bye", who)

atexit.register(bye, "one")
atexit.register(bye, "two")
atexit.register(print, "unregistered")
atexit.unregister(print)
print("end of program")
