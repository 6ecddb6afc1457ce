"""Statement extraction on sentences written for these tests: who said what, with exact offsets."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.quotes import find_quotes
from newsclaims.extract.statements import extract_statements
from newsclaims.extract.statements.lexicon import lexicon_for
from newsclaims.languages import get_pack
from newsclaims.records import Statement

NBSP, NNBSP = "\u00a0", "\u202f"


def run(nlp, text: str, lang: str = "fr") -> list[Statement]:
    doc = nlp(text)
    statements = extract_statements(doc, Context(lang=lang))
    for s in statements:
        assert_offsets(text, s)
    return statements


def assert_offsets(text: str, s: Statement) -> None:
    """Every span of a statement is exactly the text at its offsets."""
    spans = [s.content, s.sentence] + [x for x in (s.cue, s.speaker.mention) if x is not None]
    for span in spans:
        assert span.text == text[span.start : span.end]
    assert s.sentence.start <= s.content.start and s.content.end <= s.sentence.end


def aliases(s: Statement) -> str:
    return " | ".join([s.speaker.name, s.speaker.mention.text if s.speaker.mention else "", *s.speaker.names])


@pytest.fixture(scope="module")
def en_nlp():
    from newsclaims.nlp import load_model

    return load_model("en")


# -- quotation marks ---------------------------------------------------------------------------


def test_quotes_pair_french_marks_with_no_break_spaces():
    text = f'Il a dit «{NBSP}oui{NNBSP}» puis «non» et “peut-être”, puis "jamais".'
    inner = [text[q.start : q.end] for q in find_quotes(text, get_pack("fr").statements.quote_pairs)]
    assert inner == ["oui", "non", "peut-être", "jamais"]


def test_quote_over_two_paragraphs_reopens_with_a_mark():
    text = "« Le premier paragraphe continue.\n« Le second paragraphe finit ici. »\nLa suite."
    (q,) = find_quotes(text, get_pack("fr").statements.quote_pairs)
    assert text[q.start : q.end].startswith("Le premier") and text[q.start : q.end].endswith("finit ici.")


def cue_for(form: str):
    return lexicon_for(get_pack("fr")).cue_for(form)


def test_cue_forms_come_from_the_infinitive():
    assert cue_for("estime").lemma == "estimer"
    assert cue_for("Révèle").lemma == "révéler"
    assert cue_for("annonçait").lemma == "annoncer"
    assert cue_for("écrivit").lemma == "écrire"
    assert cue_for("mangeait") is None


# -- direct speech -----------------------------------------------------------------------------


def test_direct_quote_with_inverted_cue_and_no_break_spaces(fr_nlp):
    text = f"«{NBSP}Nous ne céderons sur rien{NBSP}», a déclaré jeudi la ministre de la Santé, Claire Vautrin."
    (s,) = run(fr_nlp, text)
    assert s.kind == "direct"
    assert s.content.text == "Nous ne céderons sur rien"
    assert s.cue is not None and s.cue.text == "a déclaré"
    assert s.speaker.name == "Claire Vautrin"
    assert s.speaker.kind == "person"
    assert "ministre de la Santé" in (s.speaker.role or "")


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"')])
def test_curly_and_straight_quotes(fr_nlp, opening, closing):
    text = f"{opening}Le calendrier sera tenu jusqu'au bout{closing}, a assuré le directeur du chantier, Marc Olivier."
    (s,) = run(fr_nlp, text)
    assert s.kind == "direct" and s.content.text == "Le calendrier sera tenu jusqu'au bout"
    assert s.speaker.name == "Marc Olivier"


def test_quote_interrupted_by_its_cue_gives_two_statements(fr_nlp):
    text = (
        "Le préfet Jean Marchal a annoncé la fermeture du port de commerce. "
        "« Le port restera fermé », a-t-il ajouté. « Les navires attendront au large jusqu'à lundi. »"
    )
    statements = run(fr_nlp, text)
    quoted = [s for s in statements if s.kind == "direct"]
    assert [s.content.text for s in quoted] == [
        "Le port restera fermé",
        "Les navires attendront au large jusqu'à lundi.",
    ]
    assert quoted[0].cue is not None and quoted[0].cue.text == "a-t-il ajouté"
    assert quoted[0].speaker.mention is not None and quoted[0].speaker.mention.text == "il"
    assert quoted[1].cue is None
    assert all(s.speaker.name == "Jean Marchal" for s in quoted)


def test_quote_over_several_sentences_and_paragraphs(fr_nlp):
    text = (
        "« La production a repris dans les trois usines. Les commandes affluent.\n"
        "« Nous embaucherons deux cents personnes d'ici à l'été », a expliqué l'économiste Paul Renaud."
    )
    (s,) = run(fr_nlp, text)
    assert s.kind == "direct"
    assert s.content.text.startswith("La production a repris") and s.content.text.endswith("d'ici à l'été")
    assert s.speaker.name == "Paul Renaud"


def test_colon_lead_in(fr_nlp):
    text = "Le maire de Lyon, Hugo Perrin, a prévenu : « Aucune dérogation ne sera accordée cette année. »"
    (s,) = run(fr_nlp, text)
    assert s.kind == "direct" and s.content.text == "Aucune dérogation ne sera accordée cette année."
    assert s.speaker.name == "Hugo Perrin"
    assert s.cue is not None and s.cue.text == "a prévenu"


def test_dash_byline_after_a_quotation(fr_nlp):
    text = "« Nous ne lâcherons rien avant la fin du mois. » — Marie Curval, porte-parole du collectif."
    (s,) = run(fr_nlp, text)
    assert s.kind == "direct" and s.cue is None
    assert s.speaker.name == "Marie Curval" and s.speaker.role == "porte-parole du collectif"


def test_incise_inside_a_quotation(fr_nlp):
    text = "« Nous sommes prêts, a assuré le capitaine Léo Martin, et nous irons jusqu'au bout de cette saison. »"
    statements = run(fr_nlp, text)
    assert [s.content.text for s in statements] == ["Nous sommes prêts", "et nous irons jusqu'au bout de cette saison."]
    assert all(s.speaker.name == "Léo Martin" for s in statements)


def test_floating_quote_continues_the_last_speaker(fr_nlp):
    text = (
        "« Nous avons perdu deux mois », a regretté l'entraîneur Luc Berthier.\n\n"
        "« Il faudra travailler davantage pendant l'été pour rattraper ce retard. »"
    )
    first, second = run(fr_nlp, text)
    assert first.speaker.name == second.speaker.name == "Luc Berthier"
    assert second.cue is None and second.kind == "direct"


# -- indirect speech ---------------------------------------------------------------------------


def test_indirect_speech_after_que(fr_nlp):
    text = "Le Pentagone a déclaré lundi que les exercices conjoints reprendraient en mars."
    (s,) = run(fr_nlp, text)
    assert s.kind == "indirect"
    assert s.content.text == "les exercices conjoints reprendraient en mars"
    assert s.speaker.name == "Pentagone" and s.speaker.kind == "organisation"


def test_inverted_cue_with_a_collective_source(fr_nlp):
    text = "Plus de 300 blindés ont été livrés à l'armée, ont annoncé mardi de hauts responsables européens."
    (s,) = run(fr_nlp, text)
    assert s.content.text == "Plus de 300 blindés ont été livrés à l'armée"
    assert s.cue is not None and s.cue.text == "ont annoncé"
    assert s.speaker.kind == "group"
    assert "responsables européens" in aliases(s)


def test_infinitive_clause_is_the_content(fr_nlp):
    text = "Des chercheurs suisses affirment avoir identifié une nouvelle espèce de grenouille."
    (s,) = run(fr_nlp, text)
    assert s.content.text == "avoir identifié une nouvelle espèce de grenouille"
    assert s.speaker.kind == "group" and "chercheurs suisses" in aliases(s)


def test_accusation_with_an_object(fr_nlp):
    text = "L'opposition a accusé le gouvernement de mentir sur les chiffres du chômage."
    (s,) = run(fr_nlp, text)
    assert s.content.text == "mentir sur les chiffres du chômage"
    assert s.speaker.name == "opposition"


def test_passive_cue_gives_the_agent(fr_nlp):
    text = "Le fabricant a été accusé par l'association de consommateurs de cacher des défauts de fabrication."
    (s,) = run(fr_nlp, text)
    assert s.content.text == "cacher des défauts de fabrication"
    assert "association de consommateurs" in aliases(s)


def test_participial_cue_takes_the_source_of_its_sentence(fr_nlp):
    text = "Le syndicat a diffusé un communiqué affirmant que la grève serait reconduite."
    (s,) = run(fr_nlp, text)
    assert s.cue is not None and s.cue.text == "affirmant"
    assert s.content.text == "la grève serait reconduite"
    assert s.speaker.name == "syndicat"


def test_mixed_statement_holds_a_quoted_fragment(fr_nlp):
    text = "La ministre Claire Vautrin a estimé que la situation restait « sous contrôle » malgré les crues."
    (s,) = run(fr_nlp, text)
    assert s.kind == "mixed"
    assert s.content.text == "la situation restait « sous contrôle » malgré les crues"


@pytest.mark.parametrize(
    "text, content, source",
    [
        (
            "Selon le ministère de l'Intérieur, les cambriolages ont baissé de 12 % cette année.",
            "les cambriolages ont baissé de 12 % cette année",
            "ministère de l'Intérieur",
        ),
        (
            "Les cambriolages ont baissé de 12 % cette année, d'après une étude de l'Insee.",
            "Les cambriolages ont baissé de 12 % cette année",
            "Insee",
        ),
        (
            "Pour l'économiste Anne Morel, la croissance restera faible jusqu'à la fin de l'année.",
            "la croissance restera faible jusqu'à la fin de l'année",
            "Anne Morel",
        ),
    ],
)
def test_selon_d_apres_and_pour(fr_nlp, text, content, source):
    (s,) = run(fr_nlp, text)
    assert s.kind == "indirect" and s.content.text == content
    assert source in aliases(s)


def test_document_source_keeps_its_author(fr_nlp):
    text = "Une analyse du groupe Conflict Research a révélé que les drones étaient fabriqués en série."
    (s,) = run(fr_nlp, text)
    assert s.content.text == "les drones étaient fabriqués en série"
    assert "Conflict Research" in aliases(s)


def test_comme_l_a_indique_reports_the_clause_before(fr_nlp):
    text = "Le pont restera fermé tout l'hiver, comme l'a indiqué mardi la préfète, Sophie Marchand."
    (s,) = run(fr_nlp, text)
    assert s.content.text == "Le pont restera fermé tout l'hiver"
    assert s.speaker.name == "Sophie Marchand"


def test_cue_set_inside_a_sentence(fr_nlp):
    text = "Le gouvernement, a précisé le porte-parole Marc Lenoir, ne reviendra pas sur sa décision."
    (s,) = run(fr_nlp, text)
    assert s.speaker.name == "Marc Lenoir"
    assert s.content.text.startswith("Le gouvernement") and s.content.text.endswith("sur sa décision")


def test_quotation_right_after_qu_is_direct(fr_nlp):
    text = "Le juge Paul Arnal a déclaré qu'« aucune pression ne sera tolérée pendant le procès »."
    (s,) = run(fr_nlp, text)
    assert s.kind == "direct" and s.content.text == "aucune pression ne sera tolérée pendant le procès"


def test_quoted_word_inside_the_governed_clause_is_mixed(fr_nlp):
    text = "Le président Paul Arnal a jugé « inacceptable » la décision de la cour d'appel."
    (s,) = run(fr_nlp, text)
    assert s.kind == "mixed" and s.content.text == "« inacceptable » la décision de la cour d'appel"


def test_read_in_a_document(fr_nlp):
    text = "« Le site restera fermé jusqu'à nouvel ordre », peut-on lire dans le communiqué de la mairie."
    (s,) = run(fr_nlp, text)
    assert s.kind == "direct" and s.content.text == "Le site restera fermé jusqu'à nouvel ordre"
    assert s.speaker.kind == "document" and "communiqué de la mairie" in aliases(s)


def test_selon_anonymous_sources(fr_nlp):
    text = "Selon des sources diplomatiques, la rencontre aura lieu jeudi à Genève."
    (s,) = run(fr_nlp, text)
    assert s.speaker.kind == "group" and "sources diplomatiques" in aliases(s)


# -- who "il", "elle" and "le ministre" are ----------------------------------------------------


def test_pronouns_follow_gender(fr_nlp):
    text = (
        "Le ministre Paul Girard a reçu mardi la sénatrice Anne Morel. "
        "Elle a estimé que la réforme était prématurée. "
        "Il a répondu que le calendrier serait maintenu."
    )
    elle, il = run(fr_nlp, text)
    assert elle.speaker.name == "Anne Morel" and elle.speaker.mention.text == "Elle"
    assert il.speaker.name == "Paul Girard" and il.speaker.mention.text == "Il"


def test_plural_pronoun_goes_to_a_group_not_a_person(fr_nlp):
    text = (
        "Des agriculteurs ont bloqué la route nationale devant la préfecture de Rennes. "
        "Ils réclament une baisse des taxes sur le carburant."
    )
    (s,) = run(fr_nlp, text)
    assert s.speaker.kind == "group" and "agriculteurs" in aliases(s)


def test_description_resolves_to_the_titled_person(fr_nlp):
    text = (
        "Le ministre de l'Agriculture, Paul Girard, a visité la ferme mardi.\n\n"
        "« Les éleveurs seront indemnisés avant l'hiver », a promis le ministre."
    )
    (s,) = run(fr_nlp, text)
    assert s.speaker.name == "Paul Girard"
    assert s.speaker.mention.text == "ministre"


def test_surname_resolves_to_the_full_name(fr_nlp):
    text = (
        "La cheffe de la diplomatie, Hélène Castel, est arrivée à Berlin. "
        "Castel a indiqué que les discussions dureraient deux jours."
    )
    (s,) = run(fr_nlp, text)
    assert s.speaker.name == "Hélène Castel" and "Castel" in s.speaker.names


# -- what is not a statement --------------------------------------------------------------------


def test_titles_scare_quotes_and_names_are_not_statements(fr_nlp):
    text = (
        "Le film « La Grande Vague » sort mercredi dans les salles. "
        "Le quotidien parle d'une « Europe » à deux vitesses. "
        "Le bateau, baptisé « Étoile du Nord », a quitté le port."
    )
    assert run(fr_nlp, text) == []


def test_narration_is_not_a_statement(fr_nlp):
    text = "Le train est arrivé à l'heure. Les passagers sont descendus sur le quai sous la pluie."
    assert run(fr_nlp, text) == []


def test_hypothesis_and_idioms_are_not_statements(fr_nlp):
    text = (
        "S'il souhaite gagner, le club devra recruter. Cela veut dire que la saison sera longue. "
        "Le génome, c'est-à-dire le patrimoine génétique, change. C'est ce que redoutent les habitants."
    )
    assert run(fr_nlp, text) == []


def test_a_thing_is_not_a_source(fr_nlp):
    text = "Cette hausse confirme que le marché se redresse. Une telle stratégie exige de revoir les budgets."
    assert run(fr_nlp, text) == []


# -- English -----------------------------------------------------------------------------------


def test_english_quotes_and_said(en_nlp):
    text = '"We will not give up," said Defense Secretary Lloyd Austin. "The troops are ready for anything now."'
    first, second = run(en_nlp, text, lang="en")
    assert first.content.text == "We will not give up"  # the comma inside the marks is punctuation
    assert first.speaker.name == "Lloyd Austin" and first.kind == "direct"
    assert second.speaker.name == "Lloyd Austin" and second.cue is None


@pytest.mark.parametrize(
    "text, content, source",
    [
        ("Prices will rise next year, the central bank said on Tuesday.", "Prices will rise next year", "central bank"),
        (
            "According to the ministry, exports fell by 3 percent in May.",
            "exports fell by 3 percent in May",
            "ministry",
        ),
        ("Mayor Ann Lee said that the bridge would reopen in June.", "the bridge would reopen in June", "Ann Lee"),
    ],
)
def test_english_indirect_speech(en_nlp, text, content, source):
    (s,) = run(en_nlp, text, lang="en")
    assert s.kind == "indirect" and s.content.text == content
    assert source in s.speaker.name


# -- sources the lexicons lack -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, content, source",
    [
        (
            "Les routes de montagne resteront fermées jusqu'à nouvel ordre, a annoncé jeudi la sécurité civile "
            "chilienne.",
            "Les routes de montagne resteront fermées jusqu'à nouvel ordre",
            "sécurité civile chilienne",
        ),
        ("Les vols reprendront lundi, a précisé la direction de l'aéroport.", "Les vols reprendront lundi", "aéroport"),
        (
            "Le chantier a pris trois mois de retard, a reconnu mercredi la communauté de communes.",
            "Le chantier a pris trois mois de retard",
            "communauté de communes",
        ),
        (
            "D'après la métropole, les travaux du tramway dureront encore deux ans.",
            "les travaux du tramway dureront encore deux ans",
            "métropole",
        ),
        ("Selon les pompiers, le feu est maîtrisé depuis la nuit.", "le feu est maîtrisé depuis la nuit", "pompiers"),
        (
            "Selon l'accusation, l'élu aurait perçu plusieurs enveloppes en liquide.",
            "l'élu aurait perçu plusieurs enveloppes en liquide",
            "accusation",
        ),
    ],
)
def test_a_plain_noun_phrase_is_a_source_where_only_a_source_can_stand(fr_nlp, text, content, source):
    (s,) = run(fr_nlp, text)
    assert s.content.text == content
    assert source in aliases(s)


def test_selon_meaning_depending_on_has_no_source(fr_nlp):
    assert run(fr_nlp, "Selon les cas, le traitement dure deux à trois semaines.") == []


def test_second_verb_of_a_speaking_subject_is_no_inverted_cue(fr_nlp):
    text = "Le ministre a visité l'usine lundi, a annoncé la fermeture du site et a promis des aides."
    assert all("fermeture" not in aliases(s) for s in run(fr_nlp, text))


def test_verb_tagged_as_subject_does_not_block_an_inverted_cue(fr_nlp):
    text = "Les signes — fièvre, courbatures — doivent inciter à consulter un médecin, rappellent les autorités."
    (s,) = run(fr_nlp, text)
    assert s.content.text == "Les signes — fièvre, courbatures — doivent inciter à consulter un médecin"
    assert "autorités" in aliases(s)


# -- titles and names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Le budget sera revu en juin, a souligné l'adjoint à l'urbanisme, Paul Kerbrat.", "Paul Kerbrat", "adjoint"),
        # The tagger reads this name as an organisation, and here as a second subject.
        (
            "La présidente, Marseille Orlando, a déclaré que le club ne vendrait aucun joueur.",
            "Marseille Orlando",
            "présidente",
        ),
        (
            "La présidente, Florence Vienne, a déclaré que le club ne vendrait aucun joueur.",
            "Florence Vienne",
            "présidente",
        ),
    ],
)
def test_a_full_name_in_apposition_is_the_speaker_and_the_title_its_role(fr_nlp, text, name, role):
    (s,) = run(fr_nlp, text)
    assert s.speaker.name == name and s.speaker.kind == "person"
    assert role in (s.speaker.role or "")


def test_a_portfolio_after_a_title_is_not_a_name(fr_nlp):
    text = (
        "Le directeur général de la Santé, Jean-Baptiste Fournier, s'est rendu à l'hôpital. "
        "Il a rappelé que le vaccin était gratuit."
    )
    (s,) = run(fr_nlp, text)
    assert s.speaker.name == "Jean-Baptiste Fournier" and s.speaker.mention.text == "Il"


def test_son_before_a_title_says_nothing_of_gender(fr_nlp):
    text = (
        "L'opposition régionale dénonce le projet. Son chef de file, Anne-Sophie Garnier, a jugé le calendrier "
        "« intenable ». Selon elle, rien n'est prêt. « Nous demanderons un report », a-t-elle ajouté."
    )
    statements = run(fr_nlp, text)
    assert len(statements) == 3
    assert all(s.speaker.name == "Anne-Sophie Garnier" for s in statements)


# -- what the cue governs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, content",
    [
        ("Le député Paul Arnal a jugé ce projet « irréaliste ».", "ce projet « irréaliste »"),
        ("La sénatrice Anne Morel a qualifié ce texte d'« inapplicable ».", "ce texte d'« inapplicable »"),
    ],
)
def test_an_object_with_a_quoted_attribute_is_a_mixed_statement(fr_nlp, text, content):
    (s,) = run(fr_nlp, text)
    assert s.kind == "mixed" and s.content.text == content


def test_two_cues_joined_by_et_give_two_statements(fr_nlp):
    text = "L'avocat Paul Arnal a dénoncé une procédure « bâclée » et a affirmé que son client était innocent."
    first, second = run(fr_nlp, text)
    assert first.kind == "mixed" and first.content.text == "une procédure « bâclée »"
    assert second.cue is not None and second.cue.text == "a affirmé"
    assert second.content.text == "son client était innocent"
    assert first.speaker.name == second.speaker.name == "Paul Arnal"


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "La ministre Anne Morel a précisé qu'une nouvelle réunion pourrait être organisée en juin.",
            "une nouvelle réunion pourrait être organisée en juin",
        ),
        ("Le syndicat a demandé que les primes soient versées avant l'été.", "les primes soient versées avant l'été"),
        ("Le collectif réclame que la ligne de bus soit rétablie.", "la ligne de bus soit rétablie"),
    ],
)
def test_que_clauses(fr_nlp, text, content):
    (s,) = run(fr_nlp, text)
    assert s.kind == "indirect" and s.content.text == content


def test_quote_resumes_after_the_sentence_of_its_cue(fr_nlp):
    text = (
        "Le maire Paul Arnal a reçu les parents. « Nous ne fermerons aucune classe, a-t-il déclaré vendredi soir "
        "sur une radio régionale. Les effectifs sont stables. »"
    )
    first, second = run(fr_nlp, text)
    assert first.content.text == "Nous ne fermerons aucune classe"
    assert second.content.text == "Les effectifs sont stables."
    assert first.speaker.name == second.speaker.name == "Paul Arnal"


def test_cue_set_in_a_quotation_with_a_date_and_place_after_its_source(fr_nlp):
    text = (
        "« Le stade rouvrira en mars, a déclaré le maire Paul Girard jeudi sur France Bleu. Les travaux sont finis. »"
    )
    first, second = run(fr_nlp, text)
    assert (first.content.text, second.content.text) == ("Le stade rouvrira en mars", "Les travaux sont finis.")
    assert first.speaker.name == second.speaker.name == "Paul Girard"


def test_elle_for_the_one_person_in_sight_despite_a_masculine_title(fr_nlp):
    text = "Le ministre Paul Girard est arrivé à Lyon. « Nous tiendrons nos engagements », a-t-elle ajouté."
    (s,) = run(fr_nlp, text)
    assert s.speaker.name == "Paul Girard" and s.speaker.mention.text == "elle"


def test_a_relative_clause_on_the_source_is_not_what_was_said(fr_nlp):
    text = (
        "Au moins 40 maisons ont été détruites, a indiqué le préfet de la région, Marc Olivier, qui a demandé des "
        "renforts."
    )
    (s,) = run(fr_nlp, text)
    assert s.content.text == "Au moins 40 maisons ont été détruites" and s.speaker.name == "Marc Olivier"


def test_when_it_was_said_is_not_what_was_said(fr_nlp):
    text = (
        "Les riverains avaient demandé de sécuriser le carrefour lors d'une réunion publique organisée en mars, "
        "puis à nouveau par courrier en avril."
    )
    (s,) = run(fr_nlp, text)
    assert s.content.text == "sécuriser le carrefour"


def test_an_aside_between_dashes_after_selon(fr_nlp):
    (s,) = run(fr_nlp, "Selon la direction — qui ne donne pas de date —, le réseau restera perturbé.")
    assert s.content.text == "le réseau restera perturbé" and "direction" in aliases(s)


# -- English shapes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, content, source",
    [
        (
            "Fuel prices will rise again next month, officials said.",
            "Fuel prices will rise again next month",
            "officials",
        ),
        (
            "Turnout reached 61 percent, the county's electoral commission said on Tuesday after checking the returns.",
            "Turnout reached 61 percent",
            "electoral commission",
        ),
        (
            "Governor Ellen Park conceded defeat on Tuesday but said she was worried about the count.",
            "she was worried about the count",
            "Ellen Park",
        ),
        (
            "The company cut 300 jobs last year, and it said further cuts “could not be excluded”.",
            "further cuts “could not be excluded”",
            "company",
        ),
        (
            "The mayor's office issued a statement on Friday, saying all schools would reopen on Monday.",
            "all schools would reopen on Monday",
            "mayor's office",
        ),
        (
            "The ministry said in a statement that it hoped to finish the work by June.",
            "it hoped to finish the work by June",
            "ministry",
        ),
        (
            "The firm's finance director, Paul Grant, estimated the annual savings at $12 million.",
            "the annual savings at $12 million",
            "Paul Grant",
        ),
        ("Local police estimated the crowd at 5,000.", "the crowd at 5,000", "police"),
    ],
)
def test_english_sources_and_cues(en_nlp, text, content, source):
    (s,) = run(en_nlp, text, lang="en")
    assert s.content.text == content
    assert source in s.speaker.name


def test_english_according_to_a_title_and_name_then_she(en_nlp):
    text = (
        "Tom Becker, the losing candidate, said he would not appeal. According to the council's chairwoman, "
        "Ruth Adler, the vote was “fair and orderly.” She said no complaint had been filed."
    )
    becker, adler, she = run(en_nlp, text, lang="en")
    assert becker.speaker.name == "Tom Becker"
    assert adler.speaker.name == "Ruth Adler" and adler.content.text == "the vote was “fair and orderly.”"
    assert she.speaker.name == "Ruth Adler" and she.content.text == "no complaint had been filed"


# -- long texts --------------------------------------------


@pytest.mark.parametrize(
    "lang, n, text",
    [
        ("en", 1000, "Officials said on Monday that about 1,200 troops had left the base near the border. "),
        (
            "fr",
            200,
            "Le ministre Paul Girard a déclaré lundi que 1 200 soldats avaient quitté la base. « Nous resterons "
            "vigilants sur toute la frontière », a-t-il ajouté. Selon la préfecture, la route est fermée. La route "
            "restera fermée, a annoncé la mairie.\n",
        ),
    ],
)
def test_a_long_text_gives_each_repeated_statement(fr_nlp, en_nlp, lang, n, text):
    # Speed on long texts is measured by bench/, not here; this checks that a long Doc loses nothing.
    piece = (fr_nlp if lang == "fr" else en_nlp)(text)
    small, large = Doc.from_docs([piece] * n), Doc.from_docs([piece] * 4 * n)
    assert len(extract_statements(large, Context(lang=lang))) == 4 * len(extract_statements(small, Context(lang=lang)))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cue_prefilter_never_hides_a_cue(lang: str) -> None:
    """``find_cues`` reads only the tokens ``may_cue`` lets through (speed); every token the full
    test (``_cue_info``) takes for a cue must be among them, on the team's demo articles."""
    import json

    from newsclaims.demo import ARTICLES_PATH
    from newsclaims.extract.statements.cues import _cue_info
    from newsclaims.extract.statements.layout import View
    from newsclaims.nlp import load_model

    rows = [json.loads(line) for line in ARTICLES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    lx = lexicon_for(get_pack(lang))
    checked = 0
    for doc in load_model(lang).pipe(r["text"] for r in rows if r["lang"] == lang):
        view = View(doc, lx)
        for tok in doc:
            if _cue_info(view, tok) is not None:
                checked += 1
                assert lx.may_cue(view.lowers[tok.i], view.lemmas[tok.i]), tok.text
    assert checked > 10


def test_straight_quotes_reopened_at_each_paragraph_are_one_quotation_each():
    # English prints an opening mark at each paragraph of a long quote and a closing one at its end only.
    text = 'She said: "We left at dawn.\n\n"Nobody slept.\n\n"We came back two days later." The end.'
    quotes = find_quotes(text, get_pack("en").statements.quote_pairs)
    assert [text[q.start : q.end] for q in quotes] == [
        "We left at dawn.",
        "Nobody slept.",
        "We came back two days later.",
    ]
    assert [q.closed for q in quotes] == [False, False, True]
