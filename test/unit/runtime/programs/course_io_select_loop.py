import selectors
import socket
import threading
import time

sel = selectors.DefaultSelector()
open_connections = 0

def accept(server):
    global open_connections
    conn, _ = server.accept()
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, echo)
    open_connections += 1

def echo(conn):
    global open_connections
    data = conn.recv(1024)
    if data:
        print(f"{time.monotonic() - start:.1f} server echoes {data!r}")
        conn.send(data.upper())
    else:  # the client has closed
        sel.unregister(conn)
        conn.close()
        open_connections -= 1

def serve(server):
    sel.register(server, selectors.EVENT_READ, accept)
    while True:
        for key, mask in sel.select():
            callback = key.data
            callback(key.fileobj)
        if open_connections == 0:
            break

def client(name, pause, words):
    with socket.create_connection(("127.0.0.1", 8950)) as sock:
        for word in words:
            time.sleep(pause)
            sock.sendall(word.encode())
            answer = sock.recv(1024)
            print(f"{time.monotonic() - start:.1f} {name} got {answer!r}")

server = socket.socket()
server.bind(("127.0.0.1", 8950))
server.listen()
server.setblocking(False)
start = time.monotonic()
ada = ("ada", 0.3, ["one", "two", "three"])
bo = ("bo", 0.4, ["four", "five"])
for args in ada, bo:
    threading.Thread(target=client, args=args).start()
serve(server)
print(f"{time.monotonic() - start:.1f} both clients gone")
