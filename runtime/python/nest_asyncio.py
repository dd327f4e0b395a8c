"""A small stand-in for the third-party ``nest_asyncio`` package, for asyncio-live only.

In a notebook, IPython already runs an event loop, and the real package patches asyncio
so that loop can be re-entered. A script on asyncio-live has no loop running, so
``apply()`` has only to give what a notebook gives: a current event loop, so that
``asyncio.get_event_loop()`` and ``loop.run_until_complete(...)`` work. (The real
package swaps the Task class for the whole interpreter, which would break later runs.)
"""

import asyncio

__version__ = "asyncio-live"


def apply(loop=None):
    """Make ``loop`` (or a new loop) the current event loop, as in a notebook."""
    if loop is None:
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
