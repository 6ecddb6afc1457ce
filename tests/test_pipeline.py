"""The pipeline: chunking long texts, offsets after chunking, and a 5 MB article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclaims import pipeline
from newsclaims.pipeline import chunks, extract_article, make_article
from newsclaims.reading import ReadText

PARAGRAPH = (
    "Le ministre de la Défense, Paul Martin, a déclaré mardi que 1 200 soldats avaient quitté la base. "
    "« Nous restons prudents », a-t-il ajouté devant la presse à Lyon.\n\n"
)


def test_chunks_cover_the_text_exactly_and_cut_at_breaks() -> None:
    text = PARAGRAPH * 50
    pieces = chunks(text, size=1000)
    assert "".join(piece for _off, piece in pieces) == text
    for off, piece in pieces:
        assert text[off : off + len(piece)] == piece
        assert len(piece) <= 1000
    assert all(piece.endswith("\n") for _off, piece in pieces[:-1])


def test_chunks_of_a_text_without_breaks_cut_at_spaces() -> None:
    text = "mot " * 2000
    pieces = chunks(text, size=1000)
    assert "".join(p for _o, p in pieces) == text
    assert all(p.endswith(" ") for _o, p in pieces[:-1])


def test_offsets_stay_exact_across_chunks(monkeypatch: pytest.MonkeyPatch, fr_nlp) -> None:
    text = PARAGRAPH * 6
    whole = extract_article(make_article(ReadText(text=text), lang="fr"))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", len(PARAGRAPH) * 2 + 10)
    cut = extract_article(make_article(ReadText(text=text), lang="fr"))
    for items in (cut.entities, cut.figures, cut.times):
        for item in items:
            assert text[item.start : item.end] == item.text
    for st in cut.statements:
        assert text[st.content.start : st.content.end] == st.content.text
    # Paragraphs do not depend on each other here, so cutting changes nothing.
    assert [(e.start, e.text) for e in cut.entities] == [(e.start, e.text) for e in whole.entities]
    assert len(cut.statements) == len(whole.statements)


def test_a_long_article_is_extracted_in_chunks_with_bounded_memory(tmp_path: Path) -> None:
    # 600 KB is 30 chunks: enough to show memory does not grow with the text (a 5 MB article peaks
    # at about the same, in minutes rather than seconds, see bench/bench_scaling.py).
    sentence = "Officials said on Monday that about 1,200 troops had left the base near the border. "
    text = sentence * (600 * 1024 // len(sentence) + 1)
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    code = (
        "import resource, sys\n"
        "from newsclaims.cli import main\n"
        "rc = main(['extract', sys.argv[1], '--lang', 'en', '--published', '2024-10-31'])\n"
        "sys.stderr.write(f'RSS_MB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}\\n')\n"
        "sys.exit(rc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=900)
    assert proc.returncode == 0, proc.stderr.decode()[-500:]
    record = json.loads(proc.stdout)
    assert record["text"] == text
    rss_mb = int(proc.stderr.decode().rsplit("RSS_MB=", 1)[1])
    assert rss_mb < 2000, f"peak memory {rss_mb} MB for a 600 KB article"

