"""The one registry of language packs that every part of newsclaims reads.

Built-in packs live in this package (``languages/<code>/``); other packages add theirs through the
entry-point group ``newsclaims.languages`` (the entry point names a pack folder, a ``LanguagePack``,
or a function returning either); a program may ``register`` a folder at run time. Packs are loaded
and validated on first use, once per process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from newsclaims.languages.errors import PackError, UnsupportedLanguage
from newsclaims.languages.pack import LanguagePack, load_pack

ENTRY_POINT_GROUP = "newsclaims.languages"
BUILTIN = ("fr", "en")

_lock = threading.RLock()
_sources: dict[str, Callable[[], LanguagePack]] = {}  # code -> how to load it
_loaded: dict[str, LanguagePack] = {}
_discovered = False


def _builtin(code: str) -> Callable[[], LanguagePack]:
    return lambda: load_pack(resources.files("newsclaims.languages") / code, origin=f"newsclaims (built-in {code})")


def _from_entry_point(ep: metadata.EntryPoint) -> Callable[[], LanguagePack]:
    def load() -> LanguagePack:
        obj = ep.load()
        if callable(obj) and not isinstance(obj, LanguagePack):
            obj = obj()
        return _as_pack(obj, f"entry point {ep.name} = {ep.value}")

    return load


def _as_pack(obj: object, origin: str) -> LanguagePack:
    if isinstance(obj, LanguagePack):
        return obj
    if isinstance(obj, str | Path):
        return load_pack(Path(obj), origin=origin)
    if isinstance(obj, Traversable):
        return load_pack(obj, origin=origin)
    raise PackError(origin, "(entry point)", None, f"gives {type(obj).__name__}, not a pack folder or LanguagePack")


def _discover() -> None:
    """Built-ins first, then installed entry points (which may not replace a built-in)."""
    global _discovered
    with _lock:
        if _discovered:
            return
        for code in BUILTIN:
            _sources.setdefault(code, _builtin(code))
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            _sources.setdefault(ep.name, _from_entry_point(ep))
        _discovered = True


def register(pack: LanguagePack | Traversable | str | Path, *, replace: bool = False) -> LanguagePack:
    """Add a pack (a folder, or one already loaded) to the registry; returns it, loaded and validated.
    A language already registered is refused unless ``replace``."""
    _discover()
    loaded = _as_pack(pack, origin=str(pack) if not isinstance(pack, LanguagePack) else pack.origin)
    with _lock:
        if loaded.code in _sources and not replace:
            raise PackError(loaded.code, "pack.toml", None, "a pack for this language is already registered")
        _sources[loaded.code] = lambda: loaded
        _loaded[loaded.code] = loaded
    return loaded


def unregister(code: str) -> None:
    """Forget a pack registered at run time (tests); built-ins come back on next use."""
    with _lock:
        _sources.pop(code, None)
        _loaded.pop(code, None)
        if code in BUILTIN:
            _sources[code] = _builtin(code)


def refresh() -> None:
    """Forget every pack loaded or discovered, so that entry points installed since are found (and a
    pack folder edited since is read again); packs registered at run time are forgotten too."""
    global _discovered
    with _lock:
        _sources.clear()
        _loaded.clear()
        _discovered = False


def language_codes() -> tuple[str, ...]:
    """Codes of every registered language, built-ins first."""
    _discover()
    with _lock:
        return tuple(_sources)


def is_supported(code: str) -> bool:
    return code in language_codes()


def get_pack(code: str) -> LanguagePack:
    """The pack of ``code``, loaded and validated once; ``UnsupportedLanguage`` when none reads it."""
    _discover()
    with _lock:
        pack = _loaded.get(code)
        if pack is not None:
            return pack
        source = _sources.get(code)
        if source is None:
            raise UnsupportedLanguage(code, tuple(_sources))
        pack = source()
        if pack.code != code:
            raise PackError(code, "pack.toml", None, f"says code {pack.code!r} but is registered as {code!r}")
        _loaded[code] = pack
        return pack


def loaded_packs() -> tuple[LanguagePack, ...]:
    """Every registered pack, loaded (for what reads all languages at once: datelines, entities)."""
    return tuple(get_pack(code) for code in language_codes())
