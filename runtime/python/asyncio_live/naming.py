"""The runtime's stand-ins for functions of ``os``, ``signal``, ``time`` and ``builtins``
carry the name and module of what they replace, so that a traceback, a repr or a
thread's default name (``Thread-1 (sleep)``) reads as in CPython."""


def named_as(function, name, module):
    """``function``, named ``module.name`` (its ``__name__``, ``__qualname__``, ``__module__``)."""
    function.__name__ = function.__qualname__ = name
    function.__module__ = module
    return function
