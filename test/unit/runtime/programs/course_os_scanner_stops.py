import asyncio
import threading
import time

class Scanner:
    """A scanner with a blocking driver: each page takes half a second."""

    def __init__(self):
        self.pages = 0
        self.in_use = True

    def read_page(self):
        time.sleep(0.5)
        self.pages += 1

    def release(self):
        self.in_use = False

def scan(scanner, pages, stop):
    try:
        for _ in range(pages):
            if stop.is_set():
                break
            scanner.read_page()
    finally:
        scanner.release()

async def scan_document(scanner, pages):
    stop = threading.Event()
    try:
        await asyncio.to_thread(scan, scanner, pages, stop)
    finally:
        stop.set()

async def main():
    scanner = Scanner()
    try:
        async with asyncio.timeout(1.2):
            await scan_document(scanner, 20)
    except TimeoutError:
        print("timed out")
    await asyncio.sleep(0.5)
    print(f"{scanner.pages} pages read, in use: {scanner.in_use}")

start = time.perf_counter()
asyncio.run(main())
print(f"the program ends after {time.perf_counter() - start:.1f} s")
import asyncio
import time

async def scenario(scanner):
    ticks = 0

    async def tick():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.1)
            ticks += 1

    ticker = asyncio.create_task(tick())
    scanning = asyncio.create_task(scan_document(scanner, 20))
    await asyncio.sleep(1.2)
    scanning.cancel()
    try:
        await scanning
    except asyncio.CancelledError:
        pass
    await asyncio.sleep(0.6)  # more than a page
    ticker.cancel()
    return ticks, scanner.pages, scanner.in_use

whole = Scanner()
asyncio.run(scan_document(whole, 3))
assert whole.pages == 3 and not whole.in_use, (
    f"Left alone, scan_document(scanner, 3) should read 3 pages and release the scanner; "
    f"it read {whole.pages}, and the scanner is {'still' if whole.in_use else 'no longer'} in use."
)
scanner = Scanner()
began = time.perf_counter()
ticks, pages, in_use = asyncio.run(scenario(scanner))
took = time.perf_counter() - began
assert ticks >= 15, (
    f"A task that ticks every 0.1 s ticked only {ticks} times in 1.8 s: the loop was blocked. "
    "Keep the blocking driver in a thread."
)
assert not in_use and pages <= 4, (
    f"0.6 s after scan_document was cancelled, the thread had read {pages} pages and the "
    f"scanner was {'still in use' if in_use else 'released'}. Cancelling the task does not stop "
    "its thread: tell the thread to stop, and have it check."
)
assert took < 3, (
    f"asyncio.run took {took:.1f} s to end: it waits for the thread, which went on reading "
    "after its task was cancelled."
)
print("CHECK PASSED")
