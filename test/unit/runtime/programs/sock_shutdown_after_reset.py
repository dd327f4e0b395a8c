# shutdown() on a connection the peer reset: not connected (CPython 3.13, Linux).
import socket
import time

listener = socket.socket()
listener.bind(("127.0.0.1", 8964))
listener.listen()
client = socket.create_connection(("127.0.0.1", 8964))
conn, _ = listener.accept()
conn.close()                      # the server hangs up
time.sleep(0.1)
print("recv:", client.recv(10))   # b'': the FIN
print("send:", client.send(b"x")) # goes out; the peer answers with a reset
time.sleep(0.1)
try:
    client.shutdown(socket.SHUT_WR)
    print("shutdown: ok")
except OSError as error:
    print("shutdown:", error)
try:
    print("send again:", client.send(b"y"))
except OSError as error:
    print("send again:", error)
client.close()
listener.close()
