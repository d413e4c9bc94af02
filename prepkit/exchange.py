"""Plan files: one plan as a versioned JSON document, optionally passphrase-encrypted.

Import is strict because plan files travel on USB sticks between home and school: whatever is
wrong with a file (not JSON, truncated, another version, duplicate keys, wrong types, absurd
sizes, deep nesting) becomes one ``PlanFileError`` naming the problem, and nothing else happens.
The schema is described for people in docs/plan.schema.json; this module is the authority.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import json
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

from prepkit import crypto
from prepkit.i18n import N_, Message
from prepkit.plan import Phone, Plan
from prepkit.validate import normalize_phone

FORMAT = "prepkit-plan"
ENCRYPTED_FORMAT = "prepkit-plan-encrypted"
VERSION = 1

MAX_FILE_BYTES = 8 * 1024 * 1024
# A file from a USB stick must not be able to make a kiosk laptop swap itself to death: 16 times
# today's default (64 MiB) leaves room to raise the parameters for years.
MAX_KDF_MEMORY_KIB = 1024 * 1024
MAX_STRING = 20_000
MAX_ITEMS = 1_000


class PlanFileError(Exception):
    """A plan file that cannot be imported; ``message`` says why, translatably."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message

    def __str__(self) -> str:
        return self.message.render()


def _fail(msgid: str, **params: object) -> typing.NoReturn:
    raise PlanFileError(Message.of(msgid, **params))


def _shown(name: str) -> str:
    """A name from the file, safe inside a one-line message: short, no line breaks, no
    control or bidi characters (a crafted key must not rewrite the message around it)."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in name[:40])
    return shown + "…" if len(name) > 40 else shown


# --- plan <-> plain data ----------------------------------------------------------------------


def to_data(value: Any) -> Any:
    """A dataclass tree as JSON-ready data: dates as ISO strings, enums as their values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [to_data(v) for v in value]
    return value


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "plan": to_data(plan)}


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Resolving the string annotations is most of an import's cost; the model never changes.
    return typing.get_type_hints(cls)


def from_data(cls: Any, data: Any, where: str, limits: bool = True) -> Any:
    """Build ``cls`` from ``data``, refusing anything that does not fit exactly."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        if data is None:
            return None
        return from_data(options[0], data, where, limits)
    if origin is list:
        if not isinstance(data, list):
            _fail(N_("{where} should be a list."), where=where)
        if limits and len(data) > MAX_ITEMS:
            _fail(N_("{where} has too many entries."), where=where)
        (item_cls,) = typing.get_args(cls)
        return [from_data(item_cls, v, f"{where}[{i}]", limits) for i, v in enumerate(data)]
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        if not isinstance(data, dict):
            _fail(N_("{where} should be an object."), where=where)
        hints = _hints(cls)
        unknown = sorted(set(data) - set(hints))
        if unknown:
            _fail(N_("{where} has an unknown field: {field}."), where=where,
                  field=_shown(unknown[0]))
        kwargs = {name: from_data(hints[name], v, f"{where}.{name}", limits)
                  for name, v in data.items()}
        if "id" in hints and "id" not in kwargs:
            # A person without an id (a hand-made file) gets one derived from where it stands,
            # so the same file always imports to the same plan; random ids are for new people.
            kwargs["id"] = hashlib.sha256(where.encode("utf-8")).hexdigest()[:12]
        return cls(**kwargs)
    if isinstance(cls, type) and issubclass(cls, Enum):
        try:
            return cls(data)
        except ValueError:
            _fail(N_("{where} has a value that is not allowed."), where=where)
    if cls is date:
        if not isinstance(data, str):
            _fail(N_("{where} should be a date."), where=where)
        try:
            return date.fromisoformat(data)
        except ValueError:
            _fail(N_("{where} should be a date."), where=where)
    if cls is bool:
        if not isinstance(data, bool):
            _fail(N_("{where} should be yes or no."), where=where)
        return data
    if cls is str:
        if not isinstance(data, str):
            _fail(N_("{where} should be text."), where=where)
        if limits and len(data) > MAX_STRING:
            _fail(N_("{where} is too long."), where=where)
        try:
            data.encode("utf-8")  # a lone surrogate (\ud800) parses, but can never be saved
        except UnicodeEncodeError:
            _fail(N_("{where} should be text."), where=where)
        return data
    raise TypeError(f"no converter for {cls!r}")  # a programming error, not a bad file


def plan_from_dict(document: Any, *, limits: bool = True) -> Plan:
    if not isinstance(document, dict):
        _fail(N_("This is not a prepkit plan file."))
    fmt = document.get("format")
    if fmt == ENCRYPTED_FORMAT:
        _fail(N_("This plan file is locked with a passphrase."))
    if fmt != FORMAT:
        _fail(N_("This is not a prepkit plan file."))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        _fail(N_("This plan file has no version."))
    if version > VERSION:
        _fail(N_("This plan file was made by a newer version of prepkit. Please update prepkit."))
    if version < 1:
        _fail(N_("This plan file has an unknown version."))
    extra = sorted(set(document) - {"format", "version", "plan"})
    if extra:
        _fail(N_("{where} has an unknown field: {field}."), where="file",
              field=_shown(extra[0]))
    if "plan" not in document:
        _fail(N_("This plan file has no plan in it."))
    plan = from_data(Plan, document["plan"], "plan", limits)
    assert isinstance(plan, Plan)
    return plan


# --- bytes ------------------------------------------------------------------------------------


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            _fail(N_("The file repeats the field {field}."), field=_shown(key))
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    _fail(N_("The file has a number that is not allowed ({value})."), value=name)


def _parse_int(digits: str) -> int:
    # Python refuses int("9" * 5000) with a bare ValueError; no plan holds a number at all.
    if len(digits) > 30:
        _fail(N_("The file has a number that is not allowed ({value})."), value=_shown(digits))
    return int(digits)


def parse_json(raw: bytes, *, limits: bool = True) -> Any:
    if limits and len(raw) > MAX_FILE_BYTES:
        _fail(N_("The file is too large to be a plan."))
    if not raw.strip():
        _fail(N_("The file is empty."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        _fail(N_("The file is not a text file."))
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
        )
    except json.JSONDecodeError as exc:
        _fail(N_("The file is damaged or incomplete (line {line})."), line=exc.lineno)
    except RecursionError:
        _fail(N_("The file is nested too deeply to be a plan."))


def dumps(plan: Plan) -> bytes:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=1).encode("utf-8")


def loads(raw: bytes) -> Plan:
    """A plan file from outside (a USB stick, a hand-made file): checked all the way."""
    return _with_phones_from_their_text(plan_from_dict(parse_json(raw)))


def loads_stored(raw: bytes) -> Plan:
    """A plan this program wrote into its own store (authenticated by AES-GCM): kept as is.

    The size limits guard against hostile files; they must never lock a family out of a plan
    they typed themselves (a long note pasted in), so they do not apply here.
    """
    return plan_from_dict(parse_json(raw, limits=False), limits=False)


def _with_phones_from_their_text(value: Any) -> Any:
    """The number as typed is the truth: an E.164 form that disagrees with it (a hand-edited
    or hostile file) must never reach a printed pick-up letter, so it is worked out again."""
    if isinstance(value, Phone):
        return normalize_phone(value)
    if isinstance(value, list):
        return [_with_phones_from_their_text(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            setattr(value, f.name, _with_phones_from_their_text(getattr(value, f.name)))
    return value


def is_encrypted(raw: bytes) -> bool:
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    return isinstance(document, dict) and document.get("format") == ENCRYPTED_FORMAT


def dumps_encrypted(plan: Plan, passphrase: str, params: crypto.KdfParams | None = None) -> bytes:
    """The plan sealed under a key derived from ``passphrase`` (for a USB stick)."""
    kdf = (params or crypto.DEFAULT_KDF).with_new_salt()
    key = crypto.derive_key(passphrase, kdf)
    blob = crypto.seal(key, dumps(plan), ENCRYPTED_FORMAT.encode())
    document = {
        "format": ENCRYPTED_FORMAT,
        "version": VERSION,
        "kdf": kdf.to_json(),
        "data": base64.b64encode(blob).decode("ascii"),
    }
    return json.dumps(document, indent=1).encode("utf-8")


def loads_encrypted(raw: bytes, passphrase: str) -> Plan:
    document = parse_json(raw)
    if not isinstance(document, dict) or document.get("format") != ENCRYPTED_FORMAT:
        return plan_from_dict(document)
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        _fail(N_("This plan file was made by a newer version of prepkit. Please update prepkit."))
    if version != VERSION:
        _fail(N_("This plan file has an unknown version."))
    try:
        kdf = crypto.KdfParams.from_json(document["kdf"])
        blob = base64.b64decode(document["data"], validate=True)
    except (KeyError, TypeError, ValueError, OverflowError):
        _fail(N_("The file is damaged or incomplete (line {line})."), line=1)
    if not (
        1 <= kdf.time_cost <= 20
        and 1 <= kdf.parallelism <= 16
        and 8 * kdf.parallelism <= kdf.memory_kib <= MAX_KDF_MEMORY_KIB
        and 8 <= len(kdf.salt) <= 64
    ):
        _fail(N_("The file is damaged or incomplete (line {line})."), line=1)
    try:
        inner = crypto.unseal(crypto.derive_key(passphrase, kdf), blob, ENCRYPTED_FORMAT.encode())
    except crypto.DecryptionError:
        _fail(N_("The passphrase is not right for this file."))
    return loads(inner)


# --- the schema, for people and other tools ----------------------------------------------------


def _schema_for(cls: Any) -> dict[str, Any]:
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        return {"anyOf": [_schema_for(options[0]), {"type": "null"}]}
    if origin is list:
        (item,) = typing.get_args(cls)
        return {"type": "array", "maxItems": MAX_ITEMS, "items": _schema_for(item)}
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        schema: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: _schema_for(hints[name]) for name in hints},
        }
        if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
            schema["description"] = " ".join(cls.__doc__.split())
        return schema
    if isinstance(cls, type) and issubclass(cls, Enum):
        return {"enum": [m.value for m in cls]}
    if cls is date:
        return {"type": "string", "format": "date"}
    if cls is bool:
        return {"type": "boolean"}
    if cls is str:
        return {"type": "string", "maxLength": MAX_STRING}
    raise TypeError(f"no schema for {cls!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, derived from the model so the two cannot drift apart."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "prepkit plan file",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "plan"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "plan": _schema_for(Plan),
        },
    }
