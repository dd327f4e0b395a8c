"""The options of one run, read against the one schema that declares them
(runtime/protocol/run-options.ts, handed to Python as JSON Schema at setup).

A run's options arrive complete: the runtime fills in the defaults on its side. An
option that is missing, unknown or of the wrong kind is refused by name, so the two
sides cannot drift apart silently.
"""

import json
from types import SimpleNamespace

_schema = None


class RunOptionsError(ValueError):
    """Options that do not match the schema: a bug of the caller, never of a reader."""


def configure(schema_json):
    """Take the schema (JSON Schema, as run-options.ts makes it). Once per interpreter."""
    global _schema
    _schema = json.loads(schema_json)


def defaults(**overrides):
    """Every option at its default, with ``overrides`` set (each must be an option)."""
    properties = _schema["properties"]
    for name in overrides:
        if name not in properties:
            raise RunOptionsError(f"unknown run option {name!r}")
    return {name: overrides.get(name, spec.get("default")) for name, spec in properties.items()}


def read(raw):
    """``raw`` (a dict of every option) checked against the schema, as attributes."""
    _check(raw, _schema, "run options")
    return SimpleNamespace(**raw)


_KINDS = {
    "null": lambda value: value is None,
    "boolean": lambda value: isinstance(value, bool),
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
}


def _matches(value, spec):
    try:
        _check(value, spec, "")
    except RunOptionsError:
        return False
    return True


def _check(value, spec, where):
    """The subset of JSON Schema the run options use: type, anyOf, properties,
    required, additionalProperties."""
    if "anyOf" in spec:
        if not any(_matches(value, option) for option in spec["anyOf"]):
            raise RunOptionsError(f"{where} is not any of the kinds the schema allows")
        return
    kinds = spec.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_KINDS[kind](value) for kind in kinds):
            raise RunOptionsError(f"{where} should be {' or '.join(kinds)}, not {type(value).__name__}")
    if isinstance(value, dict) and "properties" in spec:
        properties = spec["properties"]
        for name in value:
            if name not in properties and spec.get("additionalProperties") is False:
                raise RunOptionsError(f"unknown {_option(where, name)}")
        for name in spec.get("required", ()):
            if name not in value:
                raise RunOptionsError(f"missing {_option(where, name)}")
        for name, item in value.items():
            if name in properties:
                _check(item, properties[name], _option(where, name))


def _option(where, name):
    return f"run option {name!r}" if where == "run options" else f"{where}.{name}"
