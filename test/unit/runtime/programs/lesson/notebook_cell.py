# The source lesson's notebook cell, as it stands (its output there: Square 1, End square 1, 1).
# Not run against CPython with the other programs: it needs a notebook or the runtime's
# nest_asyncio stand-in.
import nest_asyncio
nest_asyncio.apply()

import asyncio

async def square(x):
    print('Square', x)
    await asyncio.sleep(1)
    print('End square', x)
    return x * x

# Create event loop
loop = asyncio.get_event_loop()

# Run async function and wait for completion
results = loop.run_until_complete(square(1))
print(results)

# Close the loop  note: It was throwing an error in notebook, so I have commented it ..
#loop.close()
