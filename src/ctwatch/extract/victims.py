"""Who was hit: the people an incident's sentences name as killed, wounded or attacked, told apart from the
ones who tell of it ("officials said", "according to the police") and from names that merely hold a person
word ("Balochistan Liberation Army", "Superintendent of Police")."""

from __future__ import annotations

import re
from typing import Any

from ..actors import registry
from ..model import Document, Mention, Span, Victim
from .counts import UNITS, VAGUE, victim_noun, words_to_int
from .incident_places import _token_at
from .lexicon import Hit, lexicon

NAME_LABELS = {"GPE", "NORP", "ACTOR", "ORG", "LOC"}
_TRAILING = re.compile(r"(?:\s+(?:of|the|a|an))+$", re.I)
# the verbs of dying, whose subject is the dead
DIE = frozenset({"die", "dies", "died", "dying", "succumbed", "succumbs", "perished", "perishes"})


def people_hit(
    doc: Document, target_hits: list[Hit], mentions: list[Mention], sdoc: Any, sent: Span | None = None
) -> list[Victim]:
    """The people sentence ``sent`` names as hit: its person words that are not a source or part of a name (with
    the names and nationalities just before them), and named people who were killed, wounded or attacked."""
    lex = lexicon()
    reg = registry()
    out = []
    covered = -1
    for hit in sorted(target_hits, key=lambda h: h.start):
        if hit.entry.kind != "person" or not is_hit(doc, hit, mentions):
            continue
        tok = _token_at(sdoc, hit.end - 1)
        end = hit.end
        if tok is not None and _describes_noun(tok) and tok.head.lower_ not in lex.held_as:
            head = tok.head.lower_
            if tok.dep_ != "poss" and (victim_noun(head) or head in lex.groups):
                tok = tok.head  # "a Police informer", "a Police party"
                end = tok.idx + len(tok.text)
            elif tok.head.ent_type_ != "PERSON":  # "the official vehicle", "Deputy Superintendent"
                continue
        if end <= covered or (tok is not None and _acting_word(tok, lex)):
            continue  # said again, or "guerrillas dynamited ...", "officials said": the actors
        covered = end
        start = hit.start
        actor_id = nationality = None
        force = _force_named(doc, hit, mentions)
        if force is not None:  # "four Rangers", "two Levies personnel": the force's own men
            start, actor = force.start, reg.get(force.actor_id or "")
            actor_id, nationality = force.actor_id, actor.country if actor else None
        start, actor_id, nationality = _names_before(doc, mentions, start, actor_id, nationality)
        text = _TRAILING.sub("", doc.text[start:end])  # the lexicon's "leader of the": the leader
        out.append(Victim(text, actor_id, nationality))
    out.extend(_a_groups_people(doc, mentions, sdoc, out))
    out.extend(_people_words_hit(doc, sent, mentions, sdoc, out))
    # named people on the receiving end: "guerrillas killed mayor Juan Perez", "Perez was kidnapped"
    for m in mentions:
        if m.label != "PERSON":
            continue
        tok = _token_at(sdoc, m.end - 1)
        if tok is None:
            continue
        head = tok.head
        passive = tok.dep_ == "nsubjpass" and is_harm(head.text, lex)
        obj = tok.dep_ in ("dobj", "appos") and is_harm(head.text, lex)
        of = tok.dep_ == "pobj" and head.lower_ == "of" and is_harm(head.head.text, lex)
        if passive or obj or of:
            out.append(Victim(m.text, None, None))
    return out


def _names_before(
    doc: Document, mentions: list[Mention], start: int, actor_id: str | None, nationality: str | None
) -> tuple[int, str | None, str | None]:
    """Walk left from ``start`` over adjacent names: "a Pakistani SSG commando", "Chinese residents", "TTP
    leader", "two CRPF personnel"; the start of the whole, and the actor and nationality they give."""
    reg = registry()
    for m in sorted(mentions, key=lambda m: -m.end):
        if m.label in NAME_LABELS and m.end <= start and not doc.text[m.end : start].strip():
            start = m.start
            actor = reg.get(m.actor_id) if m.actor_id else None
            if actor is None:
                continue
            if m.label == "NORP" or actor.kind == "state":
                nationality = actor.id
            else:
                actor_id = actor.id
                if actor.kind in ("military", "police", "government") and actor.country:
                    nationality = nationality or actor.country
    return start, actor_id, nationality


def _people_words_hit(
    doc: Document, sent: Span | None, mentions: list[Mention], sdoc: Any, found: list[Victim]
) -> list[Victim]:
    """People hit named by a word for people that gives no target type, with the force, group or nation whose
    people they were ("injuring two CRPF personnel", "killing five Egyptian conscripts"): the object of a verb of
    harm or the subject of its passive, or a word joined to one by "and"; not attackers ("killing two
    attackers") and not "others". A bare "two personnel" or "a bodyguard" says little an analyst can use, and
    MUC-4's gold names the people themselves (rules MUC-4 GTT 28.82 -> 28.44 with bare words kept)."""
    if sdoc is None or sent is None:
        return []
    lex = lexicon()
    out: list[Victim] = []
    for tok in sdoc.char_span(sent.start, sent.end, alignment_mode="expand") or ():
        if (
            tok.pos_ != "NOUN"
            or not victim_noun(tok.text)
            or tok.lower_ in lex.counted_only
            or lex.perpetrators.find(tok.text)
            or not _hit_noun(first_conjunct(tok), lex)
            or any(tok.text in v.text.split() for v in [*found, *out])
            or any(m.start <= tok.idx < m.end and m.label in ("ACTOR", "ORG") for m in mentions)
        ):
            continue
        start, actor_id, nationality = _names_before(doc, mentions, tok.idx, None, None)
        start = min(start, next((c.idx for c in tok.lefts if c.dep_ in ("amod", "compound")), tok.idx))
        if actor_id or nationality:  # whose people: "two CRPF personnel", "Egyptian conscripts"
            out.append(Victim(doc.text[start : tok.idx + len(tok.text)], actor_id, nationality))
    return out


def _a_groups_people(doc: Document, mentions: list[Mention], sdoc: Any, found: list[Victim]) -> list[Victim]:
    """A known group's or force's people hit, named by a word for people and the group after "of": "gunmen
    killed two senior members of the ASWJ", "three personnel of the Frontier Corps were injured"."""
    if sdoc is None:
        return []
    lex = lexicon()
    reg = registry()
    out = []
    for m in mentions:
        actor = reg.get(m.actor_id) if m.actor_id and m.label == "ACTOR" else None
        if actor is None:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        tok = next((o for t in span or () if (o := _object_of(t, m)) is not None), None)
        if tok is None:
            continue
        noun = tok.head.head
        # "killing 11 people including four members of the SNA": the members are among the people hit
        among = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "including" else None
        hit = noun.pos_ == "NOUN" and _hit_noun(among.head if among is not None else noun, lex)
        if not hit or not victim_noun(noun.text) or noun.idx < m.start - 80:
            continue
        start = next((c.idx for c in noun.lefts if c.dep_ in ("amod", "compound")), noun.idx)
        text = doc.text[start : noun.idx + len(noun.text)]
        if any(noun.text in v.text.split() or v.actor_id == actor.id for v in found):
            continue  # already read as hit ("four Rangers", "Frontier Corps personnel")
        nationality = actor.country if actor.kind in ("military", "police", "government") else None
        out.append(Victim(text, actor.id, nationality))
    return out


def blamed(tok: Any, lex: Any) -> bool:
    """Whether a word is the object of a verb of suspicion: "Police blamed separatist insurgents", "The army
    accused the rebels of killing 12 villagers"."""
    return tok.dep_ == "dobj" and (
        bool(lex.attribution["suspected"].find(tok.head.text)) or tok.head.lower_ in lex.accusing
    )


def _hit_noun(noun: Any, lex: Any) -> bool:
    """The object of a verb of harm, or the subject of its passive: "killed two members", "members were hurt"."""
    return bool(noun.dep_ in ("dobj", "nsubjpass") and is_harm(noun.head.text, lex))


def _object_of(tok: Any, m: Mention) -> Any:
    """The object of "of" that a word of a name leads to, within the name or an acronym after it: "members of
    the Ahle Sunnat Wal Jamaat", "a sympathiser of the Tritiya Prastuti Committee TPC"; not "the driver of NATO
    oil container"."""
    while (
        tok.dep_ in ("compound", "amod")
        and tok.i < tok.head.i
        and (tok.head.idx < m.end or tok.head.pos_ == "PROPN")
    ):
        tok = tok.head
    return tok if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None


def _force_named(doc: Document, hit: Hit, mentions: list[Mention]) -> Mention | None:
    """The security force whose name ends in the person word ("Sindh Rangers", "Levies", "Frontier Corps"),
    where the name counts its men: "four Rangers", "two Levies personnel", "three personnel of Frontier
    Corps"; not the force acting ("Rangers raided", "an exchange of fire with Rangers")."""
    reg = registry()
    for m in mentions:
        if m.start <= hit.start and hit.end == m.end and m.label == "ACTOR" and m.actor_id:
            actor = reg.get(m.actor_id)
            if actor is None or actor.kind not in ("military", "police"):
                continue
            before = re.findall(r"[\w.]+", doc.text[max(0, m.start - 30) : m.start])
            after = re.match(r"\s*(?:\([\w&]+\)\s*)?([A-Za-z]+)", doc.text[m.end : m.end + 30])
            counted = any(  # "four Rangers", "2 Pak Rangers"; not "a Rangers-led raid"
                w.isdigit() or (w.lower() not in ("a", "an") and words_to_int(w.lower())) for w in before[-2:]
            )
            words = [w for w in before if w.lower() != "the"]
            men_of = len(words) >= 2 and words[-1].lower() == "of" and victim_noun(words[-2])
            if counted or men_of or (after is not None and victim_noun(after.group(1))):
                return m  # "four Rangers", "personnel of the Frontier Corps", "Levies personnel"
    return None


def acting(sdoc: Any, hit: Hit, lex: Any) -> bool:
    """Whether a person word names who did it or told of it, the other side of a fight, or people only
    described ("guerrillas dynamited ...", "an encounter with security forces", "militants are active"): no
    one hit. A word describing a noun ("a Police picket") is not."""
    tok = _token_at(sdoc, hit.end - 1)
    return tok is not None and not _describes_noun(tok) and _acting_word(tok, lex)


def _acting_word(tok: Any, lex: Any) -> bool:
    tok = _named(tok)
    return _acts(tok, lex) or _fought_with(tok) or _described(tok, lex)


def _fought_with(tok: Any) -> bool:
    """Whether a person word is the other side of a fight ("killed in an encounter with security forces", "an
    exchange of fire with the Police"): not hit unless a sentence says so."""
    tok = first_conjunct(tok)
    if tok.dep_ != "pobj" or tok.head.lower_ != "with":
        return False
    fight = tok.head.head  # the lexicon's words for a fight or an operation: "encounter", "exchange of fire"
    words = tok.doc[fight.left_edge.i : tok.head.i].text
    lex = lexicon()
    return bool(lex.triggers.find(words) or lex.operations.find(words))


def counted_subject(tok: Any) -> Any:
    """The word whose people are named after "of", which holds their role: a subject ("Dozens of militants
    attacked an army post", "a vehicle of suspected militants hit them", "The bomb squad of Police recovered"), or a
    word that counts or gathers them wherever it stands ("a gun attack by a group of militants", "killed by one of
    our constables"); else the word itself ("Inspector General of Police" in "..., said X, Inspector General")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return tok
    head = tok.head.head
    counts = head.pos_ == "NUM" or head.lower_ in VAGUE or head.lower_ in UNITS
    return head if head.dep_ == "nsubj" or counts or head.lower_ in lexicon().gatherings else tok


def first_conjunct(tok: Any) -> Any:
    """The first of words joined by "and" ("soldiers and policemen" -> "soldiers"), which holds their role."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _named(tok: Any) -> Any:
    """The word a title or modifier belongs to: "Deputy Chief Fazal Malik" -> "Malik"."""
    while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _acts(tok: Any, lex: Any) -> bool:
    """Whether a person word names who did it or who tells of it, not who was hit: the subject of an
    incident word or of "said" ("guerrillas dynamited ...", "officials said"), the agent of a passive ("shot
    dead by unidentified militants"), the object of blame ("police blamed insurgents"), or the subject of a verb
    with an object ("soldiers killed three militants"; a headline's "Three soldiers killed in blast" has none)."""
    tok = counted_subject(first_conjunct(tok))
    head = tok.head
    if head.lower_ in LINKED and head.dep_ == "ROOT":
        # "Insurgents linked to the Islamic State ambushed a convoy": the parser's root is the description
        head = next(
            (c for c in head.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.i > head.i),
            head,
        )
    if killed_as_said(tok, lex):
        return False
    if tok.dep_ == "nsubj" and head.lower_ in lex.escaped:
        return False  # "Former minister escapes suicide attack": the target
    if blamed(tok, lex):
        return True  # "Police blamed separatist insurgents": the suspects
    if tok.dep_ == "pobj" and head.lower_ == "by":  # "by militants", "an attack by militants"
        return (
            head.dep_ == "agent" or bool(lex.triggers.find(head.head.text)) or head.head.lower_ == "attempt"
        )
    if tok.dep_ != "nsubj":
        return False
    if lexicon().sources.match(head.text):
        return True
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None and (then := _next_deed(head)) is not None:
        head, obj = then  # "Troops responded effectively and killed three terrorists": the subject acts
    if obj is None and _tells_that(head, lex):
        return True  # "a police official suspected that separatists could be behind it": who tells
    if obj is None and any(
        c.dep_ == "xcomp" and lex.triggers.find(c.doc[c.left_edge.i : c.i + 1].text) for c in head.children
    ):
        return True  # "Militants tried to storm an army camp ... but were beaten back": who tried
    if obj is None:  # "guerrillas dynamited ...", not a headline's "Three soldiers killed in blast"
        # the verb with its preposition: "fired at a weekly market" (the lexicon's "fired at"), not a headline's
        # "gunned down"
        nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        words = head.doc[head.i : head.i + 2].text if nxt is not None and nxt.dep_ == "prep" else head.text
        attacks = bool(lex.triggers.find(words)) and not suffered(head, lex)
        return attacks or head.lower_ in lex.fighting  # "were still fighting gunmen holed up ..."
    if obj.lower_ in lex.escaped:
        return False  # "A Greyhounds team of the Police had a narrow escape when ...": the target
    if obj.lower_ in lex.held_as and not obj.lower_.endswith("s") and not list(obj.children):
        return False  # "released an aid worker held hostage": the parser's holder of a hostage was held
    if is_harm(obj.text, lex, casualty_only=True) and obj.lower_ != "bodies":
        return False  # "villagers sustained injuries", "two civilians lost their lives"; "Police recovered
        # the bodies of two men" found the dead, as any other deed below
    # "soldiers killed three militants", "militants opened fire", "persons hurled a hand grenade"
    if is_harm(head.text, lex) or lex.triggers.find(head.doc[head.i : obj.right_edge.i + 1].text):
        return True
    # any other deed: "police arrested three suspects", "Police suspected the TTP"; not a parse of wire
    # copy's closing "... in Bannu District reports Daily Times", where the dead are the subject of "reports"
    return head.pos_ == "VERB" and head.lower_ != "reports"


def _next_deed(verb: Any) -> tuple[Any, Any] | None:
    """The verb joined to an intransitive one by "and" that shares its subject, with its object: "responded
    ... and killed three terrorists"; None when there is none or it has a subject of its own."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i:
            if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                return None
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            return (c, obj) if obj is not None else None
    return None


_CLAUSE_OPENERS = frozenset({"when", "while", "as", "after", "before", "since", "because", "if", "until"})


def _tells_that(verb: Any, lex: Any) -> bool:
    """Whether a verb of telling or supposing (``[victims] telling``) takes a clause after it ("suspected that
    separatists could be behind it", "believe militants were behind it"); not a clause the parser hung below
    it that tells when ("Four Policemen were killed when militants fired at them"), nor another verb's ("another
    man accompanying him was injured")."""
    return verb.lower_ in lex.telling and any(
        c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.lower_ not in _CLAUSE_OPENERS
        for c in verb.children
    )


def copula_adjective(tok: Any) -> Any:
    """The adjective said of a person word that is the subject of a copula ("Islamic State militants are
    active in the area", "militants were responsible for the attack"), or None: who is described, not who
    was hit; whether it says who did it is the adjective's to tell."""
    tok = first_conjunct(tok)
    if tok.dep_ != "nsubj" or tok.head.pos_ != "AUX":
        return None
    return next((c for c in tok.head.children if c.dep_ == "acomp"), None)


def _described(tok: Any, lex: Any) -> bool:
    """A person word described by an adjective that is no casualty word ("militants are active"): not hit."""
    adj = copula_adjective(tok)
    return adj is not None and not is_harm(adj.text, lex)


def _describes_noun(tok: Any) -> bool:
    """A person word before the noun it describes: "a Police informer", "the official vehicle", "a farmers'
    union"."""
    return (
        tok.dep_ in ("compound", "amod", "poss") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")
    )


# a participle that describes a group by another: "the al Qaeda-linked group", "insurgents linked to IS"
LINKED = frozenset({"linked", "affiliated", "allied", "aligned", "backed", "inspired"})
_NOUN_PHRASE_START = frozenset({"DET", "NUM", "NOUN", "PROPN", "ADJ", "PRON"})


def suffered(verb: Any, lex: Any) -> bool:
    """Whether a verb, with its "dead", is a casualty word: a headline's "Three soldiers killed in blast",
    "Police officer shot dead in Peshawar"; not "shot dead a soldier" ("... reports Daily Times" can make the
    soldier the subject of "reports")."""
    end = max([verb.i, *(c.i for c in verb.children if c.dep_ in ("oprd", "acomp"))]) + 1
    if end > verb.i + 1 and end < len(verb.doc) and verb.doc[end].pos_ in _NOUN_PHRASE_START:
        end = verb.i + 1
    return is_harm(verb.doc[verb.i : end].text, lex, casualty_only=True)


def killed_as_said(tok: Any, lex: Any) -> bool:
    """Whether a person word is told of with a casualty word after it that the parser reads as its modifier:
    a headline's "Two civilians killed, three injured in shelling", "Eight militants killed as ...", or as
    what a verb of saying with it as subject goes on to ("Three militants said killed in Karachi")."""
    if any(c.dep_ == "acl" and c.i > tok.i and suffered(c, lex) for c in tok.children):
        return True
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and head.lower_ in lex.saying
        and any(c.dep_ == "xcomp" and suffered(c, lex) for c in head.children)
    )


def is_harm(word: str, lex: Any, casualty_only: bool = False) -> bool:
    """Whether a word kills, wounds or (unless ``casualty_only``) attacks: a casualty word or a trigger."""
    if lex.killed.find(word) or lex.wounded.find(word):
        return True
    return not casualty_only and bool(lex.triggers.find(word))


def named_hit(sdoc: Any, mentions: list[Mention], words: Any, intransitive: frozenset[str]) -> list[str]:
    """People named in a sentence as killed (or wounded, by ``words``): the object of the verb ("gunmen
    killed Abdul Wahid", "shot dead Gul Khan"), the subject of its passive ("Gul Khan was injured") or of an
    ``intransitive`` one ("Siraj Ahmed died on the spot"), and those joined to them by "and"."""
    out = []
    for m in mentions:
        tok = _token_at(sdoc, m.end - 1) if m.label == "PERSON" and sdoc is not None else None
        if tok is None:
            continue
        tok = first_conjunct(tok)
        head = tok.head
        after = head.nbor() if head.i + 1 < len(head.doc) else None
        verb = bool(words.find(head.text)) or (  # "shot dead Abdul Wahid", "gunned down"
            after is not None and bool(words.find(f"{head.text} {after.text}"))
        )
        if (tok.dep_ in ("nsubjpass", "dobj") and verb) or (
            tok.dep_ == "nsubj" and head.lower_ in intransitive
        ):
            out.append(m.text)
    return list(dict.fromkeys(out))


def is_hit(doc: Document, hit: Hit, mentions: list[Mention]) -> bool:
    """A person word that names people hit, not a source ("officials said") or part of a name
    ("Balochistan Liberation Army", "a commander of Jamaat-ul-Ahrar"); a name that only qualifies the thing hit
    ("an Army vehicle") leaves it hit."""
    if any(
        m.start <= hit.start < m.end
        and (hit.end <= m.end or m.start < hit.start)
        and m.label in ("ACTOR", "ORG")
        for m in mentions
    ) and (
        _force_named(doc, hit, mentions) is None  # only for a word inside a name: "four Rangers" is hit
    ):
        return False
    after = doc.text[hit.end : hit.end + 40]
    before = doc.text[max(0, hit.start - 20) : hit.start]
    if (
        lexicon().sources.match(after)
        or re.search(r"\baccording to\s+(?:the\s+|an?\s+)?$", before, re.I)
        or (re.search(r":\s*$", before) and re.match(r"[ \t.]*(?:\n|$)", after))
        or re.search(
            r"\b(?:told|tell|tells|telling|briefed|informed|citing|quoting)\s+(?:the\s+|an?\s+)?$",
            before,
            re.I,
        )
        or re.search(
            r"\b(?:sent|e-?mailed|released|issued|distributed|message|statement|e-?mail|letter)\s+to\s+(?:the\s+)?$",
            before,
            re.I,
        )
    ):
        # "officials said", "according to the police", a headline's "Bomb kills three soldiers: officials", "a
        # statement sent to reporters": who tells or is told, not who was hit
        return False
    office = re.search(
        r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s+of\s+(?:the\s+)?$",
        doc.text[max(0, hit.start - 50) : hit.start],
    )
    titles = lexicon().office_titles
    if office and any(" ".join(office.group(1).lower().split()[k:]) in titles for k in range(3)):
        return False  # "Superintendent of Police": an officer's title, not the police hit
    if re.match(r"\s+of\s+(the\s+)?[A-Z]", after):
        # "a commander of Jamaat-ul-Ahrar": the group's (``_a_groups_people`` names its people hit); "soldiers of
        # the Afghan army", "15 commandos of the C-60 unit": people hit, whose a place or no name says ("the
        # village of Qara Bagh District", "the Police Station of the District" only tell where)
        near = [m for m in mentions if m.start > hit.end and m.start - hit.end < 12]
        return any(m.label in ("GPE", "NORP") for m in near) or (
            hit.entry.kind == "person" and not any(m.label in NAME_LABELS for m in near)
        )
    return True
