import asyncio

class Connection:
    """A connection belongs to the event loop that opened it."""

    async def open(self):
        await asyncio.sleep(0.1)
        self.loop = asyncio.get_running_loop()

    async def query(self, sql):
        if asyncio.get_running_loop() is not self.loop:
            raise RuntimeError("this connection belongs to another loop")
        await asyncio.sleep(0.2)
        return f"rows for {sql!r}"

class Database:
    def __init__(self):
        self.connection = Connection()
        asyncio.run(self.connection.open())

    def query(self, sql):
        return asyncio.run(self.connection.query(sql))

db = Database()
for sql in ("SELECT 1", "SELECT 2"):
    try:
        print(db.query(sql))
    except RuntimeError as error:
        print(f"{sql}: {error}")
