"""Language packs: one folder of data per language, behind one registry.

    from newsclaims.languages import get_pack
    pack = get_pack("fr")          # validated once; UnsupportedLanguage for a language no pack reads
    pack.statements, pack.figures, pack.times, pack.datelines, pack.entities

See ``registry.py`` for how third-party packs register (entry-point group ``newsclaims.languages``).
"""

from newsclaims.languages.errors import PackError, UnsupportedLanguage
from newsclaims.languages.pack import LanguagePack, load_pack
from newsclaims.languages.registry import (
    ENTRY_POINT_GROUP,
    get_pack,
    is_supported,
    language_codes,
    loaded_packs,
    refresh,
    register,
    unregister,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "LanguagePack",
    "PackError",
    "UnsupportedLanguage",
    "get_pack",
    "is_supported",
    "language_codes",
    "load_pack",
    "loaded_packs",
    "refresh",
    "register",
    "unregister",
]
