import asyncio
import datetime
import time

async def main():
    before = datetime.datetime.now()
    await asyncio.sleep(1)
    time.sleep(0.5)
    after = datetime.datetime.now()
    print(after - before)
    print(round(abs(datetime.datetime.fromtimestamp(time.time()) - datetime.datetime.now()).total_seconds()))
    print(datetime.date.today() == datetime.datetime.now().date())
    print(type(after), repr(datetime.timedelta(seconds=1.5)), datetime.timezone.utc)
    print(datetime.datetime(2026, 1, 1, 9, 30), repr(datetime.datetime(2026, 1, 1, 9, 30)))
    print(datetime.datetime.now(datetime.UTC).tzinfo, time.thread_time() >= 0)

asyncio.run(main())
