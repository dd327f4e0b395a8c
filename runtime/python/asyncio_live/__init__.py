"""asyncio-live's side of the interpreter: a virtual clock, an event loop that runs on
it, and the runner that gives every example a fresh ``__main__`` and a fresh loop."""
