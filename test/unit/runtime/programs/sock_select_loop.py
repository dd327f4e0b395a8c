import selectors
import socket
import time

sel = selectors.DefaultSelector()
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
server.setblocking(False)
port = server.getsockname()[1]
sel.register(server, selectors.EVENT_READ, data="server")

clients = []
for n in range(3):
    c = socket.socket()
    c.setblocking(False)
    c.connect_ex(("127.0.0.1", port))
    clients.append(c)
    sel.register(c, selectors.EVENT_WRITE, data=f"client{n}")

start = time.monotonic()
done = 0
while done < 3:
    events = sel.select(timeout=1)
    if not events:
        print("timeout")
        continue
    for key, mask in events:
        if key.data == "server":
            conn, addr = server.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data="conn")
        elif key.data == "conn":
            data = key.fileobj.recv(1024)
            if data:
                key.fileobj.send(data.upper())
            else:
                sel.unregister(key.fileobj)
                key.fileobj.close()
        elif mask & selectors.EVENT_WRITE:
            key.fileobj.send(key.data.encode())
            sel.modify(key.fileobj, selectors.EVENT_READ, data=key.data)
        else:
            print(key.data, "got", key.fileobj.recv(1024))
            sel.unregister(key.fileobj)
            key.fileobj.close()
            done += 1
print("still ready:", [(k.data, m) for k, m in sel.select(timeout=0.5)], f"{time.monotonic() - start:.1f}")
sel.close()
server.close()
