"""The ``prepkit`` command: the desktop app by default, headless subcommands for staff and tests.

Every failure a person can cause (wrong passphrase, a bad file, a missing household) is one line
on stderr in the interface language and a non-zero exit code; never a traceback.  Passphrases
are read from the terminal without echo, or one per line from standard input when it is not a
terminal (scripts, tests); they are never accepted as arguments, which would leave them in shell
history and process lists.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from prepkit import __version__, exchange, i18n, paths
from prepkit.i18n import N_, Message, _
from prepkit.plan import Plan

if TYPE_CHECKING:
    from prepkit.store import Store

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
LANG_ENV = "PREPKIT_LANG"


class CliError(Exception):
    def __init__(self, message: Message, code: int = EXIT_ERROR) -> None:
        super().__init__(message.msgid)
        self.message = message
        self.code = code


def _fail(msgid: str, **params: object) -> NoReturn:
    raise CliError(Message.of(msgid, **params))


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors become one translated line instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        # argparse's own wording is English-only; say it in the user's language instead.
        raise CliError(Message.of(N_("That command is not right. Try: prepkit --help")),
                       EXIT_USAGE)


# --- passphrases ------------------------------------------------------------------------------


def read_passphrase(prompt: str, *, confirm: bool = False) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(prompt + " ")
        if confirm and getpass.getpass(_("Type it again:") + " ") != first:
            _fail(N_("The two passphrases are not the same."))
    else:
        first = sys.stdin.readline().rstrip("\r\n")
        if confirm:
            again = sys.stdin.readline().rstrip("\r\n")
            if again and again != first:
                _fail(N_("The two passphrases are not the same."))
    if not first:
        _fail(N_("A passphrase is needed."))
    return first


# --- subcommands ------------------------------------------------------------------------------


def _open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    from prepkit.store import Store

    db = paths.default_db_path(args.db)
    if db.is_dir():
        _fail(N_("{path} is a folder, not a file."), path=str(db))
    if not create and not db.exists():
        _fail(N_("There is no prepkit data file at {path}."), path=str(db))
    db.parent.mkdir(parents=True, exist_ok=True)
    return Store.open(db, create=create)


def cmd_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        households = store.list_households()
        if not households:
            print(_("No plans are kept in this data file."))
        for info in households:
            print(f"{info.id}\t{info.created:%Y-%m-%d}\t{info.updated:%Y-%m-%d %H:%M}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        session = store.unlock(args.household, read_passphrase(_("Passphrase of this plan:")))
        plan = store.load(session)
        session.forget()
    if not args.with_private:
        plan = plan.without_private()  # the A-number and lawyer stay home unless asked for
    elif not args.encrypt:
        _fail(N_("The private section is only written to a locked file: add --encrypt."))
    if args.encrypt:
        new = read_passphrase(_("Choose a passphrase for the file:"), confirm=True)
        data = exchange.dumps_encrypted(plan, new)
    else:
        data = exchange.dumps(plan)
    _write_file(Path(args.out), data)
    print(_("The plan was saved to {path}.").format(path=args.out))
    return EXIT_OK


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(exchange.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        _fail(N_("There is no file at {path}."), path=str(path))
    except IsADirectoryError:
        _fail(N_("{path} is a folder, not a file."), path=str(path))
    except OSError:
        _fail(N_("The file {path} cannot be read."), path=str(path))


def _write_file(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError:
        _fail(N_("The file {path} cannot be written."), path=str(path))


def _load_plan_file(path: Path) -> Plan:
    raw = _read_file(path)
    if exchange.is_encrypted(raw):
        return exchange.loads_encrypted(raw, read_passphrase(_("Passphrase of the file:")))
    return exchange.loads(raw)


def cmd_import(args: argparse.Namespace) -> int:
    plan = _load_plan_file(Path(args.file))
    passphrase = read_passphrase(_("Choose a passphrase for this plan:"), confirm=True)
    with _open_store(args, create=True) as store:
        session = store.create_household(plan, passphrase)
        print(session.household_id)
        session.forget()
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        session = store.unlock(args.household, read_passphrase(_("Passphrase of this plan:")))
        for revision in store.history(session):
            print(f"{revision.number}\t{revision.saved:%Y-%m-%d %H:%M}")
        session.forget()
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Undo: the plan as it was at an earlier revision becomes the newest one."""
    with _open_store(args) as store:
        session = store.unlock(args.household, read_passphrase(_("Passphrase of this plan:")))
        numbers = {r.number: r for r in store.history(session)}
        if args.revision not in numbers:
            _fail(N_("This plan has no saved version {number}."), number=args.revision)
        store.restore(session, args.revision)
        session.forget()
    saved = i18n.format_date(numbers[args.revision].saved.date(), i18n.interface_language())
    print(_("The plan is back as it was on {date}.").format(date=saved))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        _fail(N_("Deleting a plan cannot be undone. Add --yes to delete it."))
    with _open_store(args) as store:
        store.delete_household(args.household)
    print(_("The plan was deleted."))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    dest = Path(args.dest)
    if dest.exists():
        _fail(N_("{path} already exists. Choose a new file name."), path=str(dest))
    with _open_store(args) as store:
        store.backup(dest)
    print(_("A copy of the data file was saved to {path}.").format(path=str(dest)))
    return EXIT_OK


def cmd_restore_backup(args: argparse.Namespace) -> int:
    """Put a backup copy back as the data file; the file it replaces is kept beside it."""
    from prepkit.store.backups import restore_backup

    db = paths.default_db_path(args.db)
    if db.is_dir():
        _fail(N_("{path} is a folder, not a file."), path=str(db))
    aside = restore_backup(Path(args.copy), db)
    print(_("The data file is back as it was in {copy}.").format(copy=args.copy))
    if aside is not None:
        print(_("The file it replaced was kept as {path}.").format(path=str(aside)))
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    from prepkit.forms import render

    try:
        i18n.language(args.lang)
    except i18n.UnknownLanguage:
        _fail(N_("prepkit has no language {code}."), code=args.lang)
    ids = [kind for kind, _title in render.DOCUMENTS]
    docs = ids if args.doc == "all" else [args.doc]
    if any(d not in ids for d in docs):
        _fail(N_("There is no document called {name}."), name=args.doc)
    if args.blank:
        plan = None
    elif args.plan:
        plan = _load_plan_file(Path(args.plan))
    else:
        _fail(N_("Name a plan file, or use --blank for a form to fill in by hand."))
    pdf = render.render_set(plan, docs, args.lang, with_english=args.with_english,
                            paper=args.paper)
    _write_file(Path(args.out), pdf)
    print(_("The document was saved to {path}.").format(path=args.out))
    return EXIT_OK


def cmd_i18n_status(args: argparse.Namespace) -> int:
    from prepkit import catalogs

    for row in catalogs.status():
        print(f"{row.code:8}\t{row.english_name:20}\t{row.percent:5.1f}%\t{row.review}")
    return EXIT_OK


def _screen_problem() -> Message | None:
    """Why Qt could not open a window here, said before Qt aborts the process without a word.

    Only Linux and the BSDs need this: elsewhere a desktop session always has a screen.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM"):
        return None  # chosen explicitly (offscreen, wayland ...): Qt knows what to do
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return Message.of(N_("prepkit needs a screen: start it from the desktop, not from a "
                             "remote terminal."))
    if not os.environ.get("WAYLAND_DISPLAY"):
        missing = _missing_x11_library()
        if missing:
            return Message.of(N_("This computer is missing a system part that prepkit needs "
                                 "({name}). Ask whoever looks after it to install it."),
                              name=missing)
    return None


def _missing_x11_library() -> str:
    """The system library Qt's X11 plugin cannot load, found by loading it as Qt would."""
    import ctypes
    import ctypes.util
    import re

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return ""
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = re.search(r"(lib[\w.+-]+\.so[\w.]*)", str(exc))
        return found.group(1) if found else "libxcb"
    if not ctypes.util.find_library("xcb-cursor"):  # loaded only at run time by the plugin
        return "libxcb-cursor0"
    return ""


def cmd_gui(args: argparse.Namespace) -> int:
    from prepkit.ui.app import run

    problem = _screen_problem()
    if problem is not None:
        raise CliError(problem)

    db = paths.default_db_path(args.db)
    if args.counselor:
        from prepkit.ui.app import run_counselor

        return run_counselor(db)
    return run(db, kiosk=args.kiosk)


# --- the parser -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="prepkit", description=_("A family preparedness plan, offline."))
    parser.add_argument("--version", action="version", version=f"prepkit {__version__}")
    parser.add_argument("--db", metavar="PATH", help=_("the data file to use"))
    parser.add_argument("--kiosk", action="store_true", help=_("run as a school kiosk"))
    parser.add_argument("--counselor", action="store_true",
                        help=_("open the counselor's desk (staff passphrase)"))
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> _Parser:
        p = sub.add_parser(name, help=help_)
        p.set_defaults(func=func)
        assert isinstance(p, _Parser)
        return p

    add("list", cmd_list, _("list the plans kept in the data file"))
    p = add("export", cmd_export, _("save one plan to a plan file"))
    p.add_argument("household")
    p.add_argument("--out", required=True)
    p.add_argument("--encrypt", action="store_true", help=_("lock the file with a passphrase"))
    p.add_argument("--with-private", action="store_true",
                   help=_("include the private section (only in a locked file)"))
    p = add("import", cmd_import, _("add a plan from a plan file to this data file"))
    p.add_argument("file")
    p = add("history", cmd_history, _("list the saved versions of a plan"))
    p.add_argument("household")
    p = add("restore", cmd_restore, _("bring back an earlier version of a plan"))
    p.add_argument("household")
    p.add_argument("revision", type=int)
    p = add("delete", cmd_delete, _("delete a plan for good"))
    p.add_argument("household")
    p.add_argument("--yes", action="store_true")
    p = add("backup", cmd_backup, _("save a copy of the whole data file"))
    p.add_argument("dest")
    p = add("restore-backup", cmd_restore_backup,
            _("put a backup copy back in place of the data file"))
    p.add_argument("copy")
    p = add("render", cmd_render, _("print a document to a PDF file"))
    p.add_argument("plan", nargs="?")
    p.add_argument("--doc", required=True)
    p.add_argument("--lang", default="en")
    p.add_argument("--with-english", action="store_true")
    p.add_argument("--blank", action="store_true")
    p.add_argument("--paper", choices=["letter", "a4"], default="letter")
    p.add_argument("--out", required=True)
    p = add("i18n", cmd_i18n_status, _("show how complete each translation is"))
    p.add_argument("what", choices=["status"])
    return parser


def interface_language_from_environment() -> str:
    """PREPKIT_LANG, else the system's message locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    explicit = os.environ.get(LANG_ENV, "")
    if explicit == i18n.PSEUDO:
        return explicit
    for tag in (explicit, os.environ.get("LC_ALL", ""), os.environ.get("LC_MESSAGES", ""),
                os.environ.get("LANG", "")):
        code = i18n.match_locale(tag) if tag else None
        if code:
            return code
    return i18n.DEFAULT


def main(argv: Sequence[str] | None = None) -> int:
    i18n.set_interface_language(interface_language_from_environment())
    try:
        args = build_parser().parse_args(argv)
        return int(args.func(args))
    except CliError as exc:
        return _report(exc.message, exc.code)
    except exchange.PlanFileError as exc:
        return _report(exc.message)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: a message, never a traceback
        message = getattr(exc, "message", None)
        if isinstance(message, Message):
            return _report(message)
        return _report(Message.of(N_("prepkit could not finish this ({kind})."),
                                  kind=type(exc).__name__))


def _report(message: Message, code: int = EXIT_ERROR) -> int:
    print("prepkit: " + message.render(), file=sys.stderr)
    return code
