import asyncio

async def cashier(queue, orders, baristas):
    for order in orders:
        await asyncio.sleep(1)  # taking an order
        await queue.put(order)
    for _ in range(baristas):
        await queue.put(None)  # last orders: one for each barista

async def barista(name, queue, served):
    while (order := await queue.get()) is not None:
        await asyncio.sleep(2)  # making it
        served.append(order)
        print(f"{name} served {order}")
    print(f"{name} goes home")

async def cafe(orders, baristas):
    queue = asyncio.Queue()
    served = []
    async with asyncio.TaskGroup() as group:
        group.create_task(cashier(queue, orders, baristas))
        for n in range(1, baristas + 1):
            group.create_task(barista(f"barista {n}", queue, served))
    return served

print(asyncio.run(cafe(["tea", "coffee", "cake", "toast"], baristas=2)))
