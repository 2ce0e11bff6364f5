"""How people type unit names, and when two spellings name the same unit.

Case, spacing, punctuation and the Unicode form (NFC or NFD) never matter.
Accents do: "Bản Giang" and "Bản Giàng" may be two communes, so a name without
its accents is not a match (it is only used to suggest the closest names).
Where the tone mark sits does not matter either: "Khoá" and "Khóa", "Hoà" and
"Hòa" are the old and new placements of the same mark on the same syllable,
and both are in daily use.

A leading unit type ("Xã", "Phường", "Thị trấn", "TT."; "Huyện", "Thành phố",
"TP" …) is split off the name: "Xã Bản Giang" is the type Xã and the name
"Bản Giang".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# the five Vietnamese tone marks, as combining characters after NFD
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)

XA, PHUONG, THI_TRAN = "Xã", "Phường", "Thị trấn"
COMMUNE_TYPES = (XA, PHUONG, THI_TRAN)

# Type words as they are typed before a name, longest first; the abbreviations
# are the ones forms use ("TT. Tam Đường", "P. Tân Phong").
_COMMUNE_PREFIXES = (("thị", "trấn"), ("xã",), ("phường",), ("tt",), ("p",), ("x",))
_COMMUNE_TYPE_OF = {("thị", "trấn"): THI_TRAN, ("tt",): THI_TRAN, ("xã",): XA, ("x",): XA,
                    ("phường",): PHUONG, ("p",): PHUONG}
_DISTRICT_PREFIXES = (("thành", "phố"), ("thị", "xã"), ("huyện",), ("quận",), ("tp",),
                      ("tx",))
# the same type words without accents, only for suggestions
_PLAIN_PREFIXES = (("thi", "tran"), ("thanh", "pho"), ("thi", "xa"), ("xa",), ("phuong",),
                   ("huyen",), ("quan",), ("tt",), ("tp",), ("tx",), ("p",), ("x",))


def _syllable(word: str) -> str:
    """A syllable with its tone mark moved to the end: the same key wherever the
    mark was typed ("khoá", "khóa" → "khoa" + acute)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(sorted(c for c in decomposed if c in _TONES))
    base = "".join(c for c in decomposed if c not in _TONES)
    return unicodedata.normalize("NFC", base) + tones


def words(text: object) -> tuple[str, ...]:
    """The words of a name, each compared with its accents but not their placement."""
    return _words(str(text or ""))


@lru_cache(maxsize=1 << 16)  # a national table repeats each name once a year
def _words(text: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFC", text).casefold()
    # the prefix tables are written in NFC with the tone on its usual letter
    return tuple(_syllable(w) for w in _NOT_WORD.split(folded) if w)


_COMMUNE_KEYS = {tuple(_syllable(w) for w in p): _COMMUNE_TYPE_OF[p] for p in _COMMUNE_PREFIXES}
_DISTRICT_KEYS = tuple(tuple(_syllable(w) for w in p) for p in _DISTRICT_PREFIXES)


def _split(key: tuple[str, ...], prefixes) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(type words, name words); a type word alone is a name, not a type."""
    for prefix in prefixes:
        if key[:len(prefix)] == prefix and len(key) > len(prefix):
            return prefix, key[len(prefix):]
    return (), key


def commune_key(text: object) -> tuple[str | None, tuple[str, ...]]:
    """(the type typed before the name or None, the name's words):
    "Xã Bản Giang", "XÃ  BẢN GIANG" → ("Xã", ("bản", "giang")); "Bản Giang" → (None, …)."""
    prefix, name = _split(words(text), _COMMUNE_KEYS)
    return (_COMMUNE_KEYS[prefix] if prefix else None), name


def district_key(text: object) -> tuple[bool, tuple[str, ...]]:
    """(was a district type typed?, the name's words): "Huyện Tam Đường" → (True, …)."""
    prefix, name = _split(words(text), _DISTRICT_KEYS)
    return bool(prefix), name


def commune_type_of(text: object) -> str | None:
    """"Thị trấn", "thị trấn", "TT" → "Thị trấn"; None when it is none of the three."""
    key = words(text)
    return _COMMUNE_KEYS.get(key) if key else None


def plain(text: object) -> str:
    """Without accents, case or type words, for closeness only: "Xã Bản Giang" →
    "ban giang"."""
    decomposed = unicodedata.normalize("NFD", str(text or "").casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")
    key = tuple(w for w in _NOT_WORD.split(bare) if w)
    for prefix in _PLAIN_PREFIXES:
        if key[:len(prefix)] == prefix and len(key) > len(prefix):
            key = key[len(prefix):]
            break
    return " ".join(key)
