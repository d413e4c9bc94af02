"""Catalog upkeep: extract the template, update the .po files, check and report on them.

``python -m prepkit.catalogs extract`` rewrites translations/prepkit.pot from the code;
``update`` merges it into every language's .po; ``check`` fails on a stale template, a missing
or untranslated message, a broken placeholder or a catalog that does not compile; ``status``
prints completeness and review state per language (also ``prepkit i18n status``).

Review state lives in each .po header: ``X-Review-Status: draft`` until a native speaker has
read it, then ``reviewed`` with ``X-Reviewed-By: name, date``.
"""

from __future__ import annotations

import io
import re
import string
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from prepkit import i18n, paths

KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
SOURCE_ROOT = Path(__file__).resolve().parent
_HEADER_FIELD = re.compile(r'^"(X-Review-Status|X-Reviewed-By): ?(.*?)\\n"$', re.M)


def pot_path() -> Path:
    return paths.translations_dir() / "prepkit.pot"


def po_path(code: str) -> Path:
    return paths.translations_dir() / code / "LC_MESSAGES" / "prepkit.po"


def extract() -> Catalog:
    """Every marked string of the package, as a template catalog."""
    catalog = Catalog(project="prepkit", version="0.1", charset="utf-8", fuzzy=False)
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE_ROOT), method_map=method_map, keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
    ):
        location = (f"prepkit/{filename}", lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def message_keys(catalog: Catalog) -> set[tuple[str, str | None]]:
    return {(_key(m.id), m.context) for m in catalog if m.id}


def _key(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else "\x00".join(msgid)


def write_pot(catalog: Catalog, path: Path | None = None) -> None:
    target = path or pot_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=False)


def read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def review_state(code: str) -> tuple[str, str]:
    """("draft" | "reviewed" | "source", reviewer)."""
    if code == i18n.DEFAULT:
        return ("source", "")
    path = po_path(code)
    if not path.is_file():
        return ("missing", "")
    fields = dict(_HEADER_FIELD.findall(path.read_text(encoding="utf-8")[:4000]))
    state = fields.get("X-Review-Status", "draft").strip() or "draft"
    return (state, fields.get("X-Reviewed-By", "").strip())


def is_draft(code: str) -> bool:
    return review_state(code)[0] not in ("source", "reviewed")


# --- checks -----------------------------------------------------------------------------------


def _fields(text: str) -> list[str]:
    try:
        return sorted(f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f)
    except ValueError:
        return ["<broken braces>"]


def _strings(value: str | tuple[str, ...] | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def problems(code: str, template: Catalog) -> Iterator[str]:
    """What is wrong with one language's catalog, one line each."""
    path = po_path(code)
    if not path.is_file():
        yield f"{code}: no catalog at {path}"
        return
    try:
        catalog = read(path)
        write_mo(io.BytesIO(), catalog)
    except Exception as exc:  # any parse or compile failure is a finding, not a crash
        yield f"{code}: does not compile: {exc}"
        return
    plural_count = catalog.num_plurals
    for tmpl in template:
        if not tmpl.id:
            continue
        msg: Message | None = catalog.get(tmpl.id, tmpl.context)
        label = _key(tmpl.id)[:60]
        if msg is None:
            yield f"{code}: missing {label!r}"
            continue
        translated = _strings(msg.string)
        if not translated or not all(t.strip() for t in translated):
            yield f"{code}: untranslated {label!r}"
            continue
        if msg.fuzzy:
            yield f"{code}: fuzzy {label!r}"
        if isinstance(tmpl.id, tuple) and len(translated) != plural_count:
            yield f"{code}: {len(translated)} plural forms for {label!r}, needs {plural_count}"
        wanted = _fields(_strings(tmpl.id)[0])
        for text in translated:
            if _fields(text) != wanted:
                yield f"{code}: placeholders {_fields(text)} != {wanted} in {label!r}"


def stale_template() -> bool:
    path = pot_path()
    return not path.is_file() or message_keys(read(path)) != message_keys(extract())


# --- status -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    code: str
    english_name: str
    translated: int
    total: int
    review: str

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def status() -> list[Status]:
    template = read(pot_path()) if pot_path().is_file() else extract()
    keys = [(m.id, m.context) for m in template if m.id]
    rows = []
    for lang in i18n.LANGUAGES:
        state, reviewer = review_state(lang.code)
        if lang.code == i18n.DEFAULT:
            done = len(keys)
        elif po_path(lang.code).is_file():
            catalog = read(po_path(lang.code))
            done = sum(
                1 for key in keys
                if (m := catalog.get(*key)) is not None and all(_strings(m.string))
                and _strings(m.string) and not m.fuzzy
            )
        else:
            done = 0
        label = f"{state} ({reviewer})" if reviewer else state
        rows.append(Status(lang.code, lang.english_name, done, len(keys), label))
    return rows


def update(codes: Iterable[str] | None = None) -> None:
    """Merge the template into each .po, keeping translations; new languages start as drafts."""
    template = read(pot_path())
    for code in codes or [lang.code for lang in i18n.LANGUAGES if lang.code != i18n.DEFAULT]:
        path = po_path(code)
        if path.is_file():
            catalog = read(path)
            catalog.update(template, no_fuzzy_matching=True)
        else:
            catalog = Catalog(locale=i18n.language(code).babel_locale, project="prepkit")
            catalog.update(template, no_fuzzy_matching=True)
        catalog.fuzzy = False  # a fuzzy header would be dropped from the .mo, charset and all
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=100, ignore_obsolete=True)
        _ensure_review_header(path)


def _ensure_review_header(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if "X-Review-Status" in text:
        return
    marker = '"Generated-By:'
    extra = '"X-Review-Status: draft\\n"\n"X-Reviewed-By: \\n"\n'
    text = text.replace(marker, extra + marker, 1)
    path.write_text(text, encoding="utf-8")


def todo(code: str) -> list[dict[str, object]]:
    """The messages of one language still to translate, with where they are used (translators)."""
    catalog = read(po_path(code))
    out: list[dict[str, object]] = []
    for msg in catalog:
        if not msg.id or (all(_strings(msg.string)) and _strings(msg.string) and not msg.fuzzy):
            continue
        entry: dict[str, object] = {"msgid": msg.id if isinstance(msg.id, str) else list(msg.id)}
        if msg.context:
            entry["context"] = msg.context
        entry["where"] = sorted({loc for loc, _line in msg.locations})
        if msg.auto_comments:
            entry["note"] = " ".join(msg.auto_comments)
        if isinstance(msg.id, tuple):
            entry["plural_forms"] = catalog.num_plurals
        out.append(entry)
    return out


def fill(code: str, translations: dict[str, str | list[str]]) -> int:
    """Put translations (msgid -> text, or a list of plural forms) into one .po; returns count."""
    path = po_path(code)
    catalog = read(path)
    done = 0
    for msg in catalog:
        if not msg.id:
            continue
        key = msg.id if isinstance(msg.id, str) else msg.id[0]
        if key in translations:
            value = translations[key]
            msg.string = tuple(value) if isinstance(msg.id, tuple) else str(value)
            msg.flags.discard("fuzzy")
            done += 1
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, ignore_obsolete=True)
    _ensure_review_header(path)
    return done


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "todo" and len(argv) == 2:
        import json

        print(json.dumps(todo(argv[1]), ensure_ascii=False, indent=1))
        return 0
    if command == "fill" and len(argv) == 3:
        import json

        mapping = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(argv[1], mapping)} messages filled")
        return 0
    if command == "extract":
        write_pot(extract())
        return 0
    if command == "update":
        update(argv[1:] or None)
        return 0
    if command == "status":
        for row in status():
            print(f"{row.code:8}\t{row.english_name:20}\t{row.percent:5.1f}%\t{row.review}")
        return 0
    if command == "check":
        found = ["template: translations/prepkit.pot is stale"] if stale_template() else []
        template = read(pot_path())
        for lang in i18n.LANGUAGES:
            if lang.code != i18n.DEFAULT:
                found.extend(problems(lang.code, template))
        for line in found:
            print(line)
        return 1 if found else 0
    print("usage: python -m prepkit.catalogs extract|update [code]|status|check|todo CODE|"
          "fill CODE FILE.json", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
