"""Chinese word segmentation and Traditional → Simplified conversion for the search.

The database backends split text on spaces and punctuation only, so a run of Chinese characters
would be one token: "环境保护" would not be found in "关于加强环境保护工作的通知". Text is
therefore segmented with jieba (``rjieba``) before it is indexed, in search-engine mode (the
long words and the short words inside them), and queries are segmented in precise mode. The
segmenter and the OpenCC converter are loaded once per process, on first use.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

_lock = threading.Lock()
_user_words_loaded: tuple = ()

# Characters that separate words in every script; kept out of the terms.
_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _jieba():
    import rjieba

    global _user_words_loaded
    from .app_settings import app_settings

    words = tuple(app_settings.SEARCH_USER_WORDS)
    if words != _user_words_loaded:
        with _lock:
            for word in words:
                rjieba.add_word(word)
            _user_words_loaded = words
    return rjieba


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text in Simplified characters (Simplified text comes back unchanged)."""
    if not text or not _CJK.search(text):
        return text
    return _t2s().convert(text)


def normalize(text: str) -> str:
    """Full-width letters and digits made half-width, lower case, Simplified characters."""
    return to_simplified(unicodedata.normalize("NFKC", text or "").lower())


def _words(tokens) -> list[str]:
    words = []
    for token in tokens:
        for part in _PUNCTUATION.split(token):
            if part:
                words.append(part)
    return words


def index_text(text: str) -> str:
    """``text`` as space-separated words for the index (long words and the words inside them)."""
    text = normalize(text)
    if not text:
        return ""
    return " ".join(_words(_jieba().cut_for_search(text)))


def query_terms(text: str) -> list[str]:
    """The words of a query: each must be found (duplicates dropped, order kept)."""
    text = normalize(text)
    if not text:
        return []
    return list(dict.fromkeys(_words(_jieba().cut(text))))


def _tiles(word: str, jieba) -> list[str]:
    """The dictionary words that tile ``word`` end to end (医疗保障 → 医疗 保障), else ``word``."""
    if len(word) < 4 or not _CJK.search(word):
        return [word]
    parts = {part for part in jieba.cut_for_search(word) if 1 < len(part) < len(word)}
    tiles, start = [], 0
    while start < len(word):
        fits = [part for part in parts if word.startswith(part, start)]
        if not fits:
            return [word]
        tiles.append(max(fits, key=len))
        start += len(tiles[-1])
    return tiles


def match_words(terms, *, lone_characters: bool = True) -> list[str]:
    """The words an entry must hold for ``terms`` (from ``query_terms``).

    The index holds the short words inside every long word, but a long word only where the
    text's own segmentation made it (县医疗保障局 is 医疗|保障局; 安全专项检查 has no 安全检查),
    so a long query word is matched by the short words that make it up. A lone Chinese
    character (县, 局) is mostly glued to a neighbour in the text (示范县教育局, 生态环境局将);
    ``lone_characters=False`` drops it when other words remain.
    """
    jieba = _jieba()
    words = list(dict.fromkeys(word for term in terms for word in _tiles(term, jieba)))
    if lone_characters:
        return words
    longer = [word for word in words if not (len(word) == 1 and _CJK.match(word))]
    return longer or words
