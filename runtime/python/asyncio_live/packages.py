"""Installs the pure-Python packages that come with the runtime (httpx and what it
needs, runtime/vendor/site-packages/) when a program first imports one.

They are written into site-packages and compiled there (quietly: a warning a
package's code gives as it compiles is not the reader's), then imported once, warmed
up, and adopted as part of the interpreter's pristine state (fresh.py): later runs
find them imported, and anything a program changes in them is put back, as for the
standard library.
"""

import compileall
import importlib
import json
import os
import site
import warnings

from . import fresh

#: Where Debian's certifi says the certificate authorities are (certifi.where()).
_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"

#: The top-level modules to import at once, so that no reader's run pays for them.
_PRELOAD = ("httpx", "anyio._backends._asyncio")

installed = False


def install(files_json):
    """Write ``{path: text}`` into site-packages, compile, import and adopt them."""
    global installed
    if installed:
        return
    files = json.loads(files_json)
    target = site.getsitepackages()[0]
    for path, text in files.items():
        # Debian's certifi points at the system's bundle, which httpx loads for every client.
        full = _CA_BUNDLE if path == "ca-certificates.crt" else os.path.join(target, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as file:
            file.write(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        compileall.compile_dir(target, quiet=2)
        importlib.invalidate_caches()
        for name in _PRELOAD:
            importlib.import_module(name)
        _warm_up()
    # Before adopting: the flag is part of the state that runs start from.
    installed = True
    fresh.adopt(_modules(files))


def _modules(paths):
    """The top-level modules the files make: ``httpx`` for ``httpx/_api.py``,
    ``typing_extensions`` for ``typing_extensions.py``, none for ``ca-certificates.crt``."""
    names = {path.split("/")[0].removesuffix(".py") for path in paths}
    return sorted(name for name in names if name.isidentifier())


def _warm_up():
    """One request through httpx, so that no reader's run pays for its code's first use
    (the modules it imports only then, WebAssembly compiled on first call): on a clock
    that counts computation, a first run read 0.65 s where later runs read 0.60."""
    import asyncio

    import httpx

    from . import http, network

    http.site("warm-up.example", {"/": "ok"})

    async def main():
        async with httpx.AsyncClient() as client:
            await client.get("http://warm-up.example/")

    asyncio.run(main())
    network.network.reset()
