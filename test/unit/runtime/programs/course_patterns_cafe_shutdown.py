import asyncio

async def cashier(queue, orders):
    for order in orders:
        await asyncio.sleep(1)  # taking an order
        await queue.put(order)
    queue.shutdown()

async def barista(name, queue, served):
    while True:
        try:
            order = await queue.get()
        except asyncio.QueueShutDown:
            break
        await asyncio.sleep(2)  # making it
        served.append(order)
        print(f"{name} served {order}")
    print(f"{name} goes home")

async def cafe(orders, baristas):
    queue = asyncio.Queue()
    served = []
    async with asyncio.TaskGroup() as group:
        group.create_task(cashier(queue, orders))
        for n in range(1, baristas + 1):
            group.create_task(barista(f"barista {n}", queue, served))
    return served

print(asyncio.run(cafe(["tea", "coffee", "cake", "toast"], baristas=2)))
