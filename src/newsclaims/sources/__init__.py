"""Reading corpora: every input (text, HTML, JSONL, RSS/Atom, WARC, gzip) becomes articles or rejections.

    for item in iter_inputs(["feeds/", "dumps/*.warc.gz", "-"]):
        if isinstance(item, Rejected): ...   # source, reason ("binary", "json", ...), detail
        else: make_article(item.read, lang=item.lang, published=item.published, source=item.source)

Memory stays bounded: JSONL and WARC are read record by record, a single document is refused
("too-large") past ``newsclaims.reading.MAX_BYTES`` without being loaded whole.
"""

from __future__ import annotations

from newsclaims.sources.inputs import iter_inputs, read_path, read_stream
from newsclaims.sources.item import SourceItem

__all__ = ["SourceItem", "iter_inputs", "read_path", "read_stream"]
