"""The attributor of one document: walks the rules for each figure and remembers who was named."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lexicons import Lexicon
from ...model import Speaker
from .memory import Memory
from .naming import NAMED_LABELS, PERSON_LABELS, SUBJECT_DEPS, Namer, cited_in, entity_name, gender
from .rules import CARRIED, ORDER, RULES, Candidate, named_token
from .words import passive, words_of

AGENT_DEPS = {"agent", "obl:agent"}
FIGURE_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
OBJECT_DEPS = {"dobj", "dative", "iobj", "obj"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "csubj"}
LIST_ITEM = re.compile(r"^\s*(?:[-–—•*▪]|\d{1,2}[.)]|[«“\"„])")
QUOTE_LINE = re.compile(r"^\s*[«“\"„]")
SIGNATURE = re.compile(r"^\s*[-–—]\s*([^\n]{2,60}?)[.\s]*$")  # "- Bernie Sanders." under a quotation


@dataclass(frozen=True)
class Attribution:
    """Who a figure is put on, through which words, by which rule, relayed by whom."""

    speaker: Speaker | None
    cue: str | None
    rule: str | None = None
    via: Speaker | None = None


class Attributor:
    """Finds speakers in the sentences of one document, remembering who was named."""

    def __init__(self, lex: Lexicon, doc: Doc):
        self.doc = doc
        self.text = doc.text  # (spaCy joins the tokens again at each `doc.text`)
        self.w = words_of(lex)
        self.memory = Memory()
        self.namer = Namer(self.w, self.memory)
        self.quote_chain: list[tuple[int, int]] = []
        self.intros = self._intros()
        self.carried: tuple[Span, Candidate] | None = None  # the last sentence's own attribution
        # what a sentence holds, read once for all of its figures (keyed by the sentence's tokens)
        self._cues: dict[tuple[int, int], list[Token]] = {}
        self._pointers: dict[tuple[int, int], list[Candidate]] = {}

    # -- memory ---------------------------------------------------------------------------
    def remember(self, sent: Span) -> None:
        """Note the people and organisations named in `sent`, and the titles people carry. A body
        that is the subject of its sentence is noted last, as the likelier antecedent of "the
        outlet" or «издание» than one named in passing."""
        subjects: list[str] = []
        for ent in sent.ents:
            if ent.label_ in PERSON_LABELS and len(ent.text) > 2:
                name = self.memory.full_name(entity_name(ent))
                self.memory.persons.append(name)
                titles = [
                    t.text
                    for c in ent.root.children
                    if c.i < ent.start or c.dep_ == "appos"
                    for t in c.subtree
                    if not t.is_punct and t.ent_type_ not in PERSON_LABELS
                ]
                if ent.root.head.dep_ != "ROOT" and self.w.has(ent.root.head, "roles"):
                    titles += [t.text for t in ent.root.head.subtree if t.i < ent.start and not t.is_punct]
                if titles:
                    self.memory.describe(name, " ".join(titles))
                sex = gender(ent.root)
                if sex and name not in self.memory.genders:
                    self.memory.genders[name] = sex
            elif ent.label_ == "ORG":
                is_subject = any(t.dep_ in SUBJECT_DEPS for t in ent)
                (subjects if is_subject else self.memory.orgs).append(self.namer.name_of(ent[0]))
        self.memory.orgs.extend(subjects)

    # -- walking the rules ------------------------------------------------------------------
    def speaker_of(self, anchor: Token, quotes: Sequence[tuple[int, int]] = ()) -> Attribution:
        """The speaker of the figure whose main token is `anchor`: the first candidate of the
        rules, in `ORDER`, that resolves to someone. `quotes` are the quotation holding the
        figure and those it continues, nearest first."""
        self.quote_chain = list(quotes)
        first_cue, unnamed = None, None
        for name in ORDER:
            if unnamed is not None:
                return Attribution(None, unnamed)
            for found in RULES[name](self, anchor):
                first_cue = first_cue or found.cue
                speaker = self.namer.resolve(found.source)
                if speaker is not None:
                    self.memory.see(speaker)
                    if name in CARRIED or found.carries:
                        self.carried = (anchor.sent, found)
                    via = self.namer.resolve(found.via) if found.via is not None else None
                    return Attribution(speaker, found.cue, name, via if via != speaker else None)
                if found.final:  # the rule's other candidates may still name someone; later rules may not
                    unnamed = unnamed or found.cue
        return Attribution(None, first_cue)

    # -- pieces the rules share ---------------------------------------------------------------
    def subject_of(self, verb: Token, anchor: Token) -> Token | None:
        """Who speaks through `verb`: its subject or agent, the subject of the verb it joins, the
        noun a participle modifies ("ledgers showing …"), or a name right beside it."""
        # among two subjects, one before the verb first, then a named person («представитель X Виталий
        # Матвиенко»); "the poll showed …, and John Kasich, 9 percent" does not make Kasich speak
        children = sorted(
            verb.children,
            key=lambda c: (
                c.dep_ in SUBJECT_DEPS and c.i > verb.i,
                c.dep_ in SUBJECT_DEPS and c.ent_type_ not in PERSON_LABELS,
            ),
        )
        for c in children:
            if c.dep_ in SUBJECT_DEPS:
                if self.w.has(c, "pointers") and c.dep_ == "nsubj:pass":
                    continue
                if anchor in c.subtree and c.i != anchor.i and self.doc[anchor.i].head == c:
                    return None  # the figure's own noun ("300 soldiers said")
                if c.i == anchor.i or anchor.i in [t.i for t in c.subtree] and c.dep_ == "nsubj:pass":
                    return None
                return self.person_joined(c) or c
            if c.dep_ in AGENT_DEPS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None or c.dep_ == "obl:agent":
                    return obj if obj is not None else c
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
            # "Kerry lost and was found to have...": a passive verb does not take the subject it joins
            joined_passive = any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)
            return None if joined_passive else self.subject_of(verb.head, anchor)
        if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.head.pos_ in ("VERB", "AUX"):
            return self.subject_of(verb.head.head, anchor)  # "X rallied them by promising …"
        if verb.dep_ in ("relcl", "acl") and verb.head.dep_ in OBJECT_DEPS and self._infinitive(verb):
            return self.subject_of(verb.head.head, anchor)  # "X held a briefing to announce …"
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
            # "ledgers showing ..." speak; "voters surveyed", "figures released" are spoken of
            return None if passive(verb) else verb.head
        return self._name_beside(verb)

    def person_joined(self, subj: Token) -> Token | None:
        """A named person joined to a body as the subject ("the ministry and its chief Andrei
        Belousov said"): the person speaks, not the body they head."""
        if subj.ent_type_ in PERSON_LABELS or self.w.has(subj, "roles"):
            return None
        for g in subj.conjuncts:
            if g.ent_type_ in PERSON_LABELS or (
                self.w.has(g, "roles") and any(t.ent_type_ in PERSON_LABELS for t in g.subtree)
            ):
                return g
        return None

    @staticmethod
    def _infinitive(verb: Token) -> bool:
        """ "to announce": an infinitive (spaCy's "to" as aux, UD's VerbForm=Inf)."""
        return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) or "Inf" in verb.morph.get("VerbForm", [])

    def governing(self, anchor: Token) -> list[Token]:
        """The reporting verbs above the figure, outermost first. An adverbial clause with a verb
        of its own is a bound: "X said … after Nabisco announced it would cut 600 jobs" puts the
        600 on Nabisco, not on X."""
        found: list[Token] = []
        for t in anchor.ancestors:
            if self.w.is_cue(t):
                found.append(t)
            if t.dep_ == "advcl" and found and not self.w.has(t, "relay_verbs"):
                break  # ("…, citing X, that …" is the outer verb's relay, not a clause of its own)
            if t.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in t.children):
                break  # "Illinois was counting, but the Project estimated 19 points": the clause above is another's
        return found[::-1]

    def is_record(self, tok: Token) -> bool:
        """A poll, report or data as the subject of a reporting verb ("A CNN/ORC poll showed …"):
        an account the next sentence may go on with, unlike one person's statement."""
        return self.w.has(tok, "documents") or self.w.is_data(tok)

    def parenthesis(self, tok: Token) -> tuple[int, int] | None:
        """The token indices of the brackets around `tok` in its sentence, if it stands in an aside."""
        sent = tok.sent
        opening = next((t.i for t in reversed(sent[: tok.i - sent.start]) if t.text in "()"), None)
        closing = next((t.i for t in sent[tok.i - sent.start + 1 :] if t.text in "()"), None)
        if opening is None or closing is None or self.doc[opening].text != "(" or self.doc[closing].text != ")":
            return None
        return opening, closing

    def closed_aside(self, anchor: Token) -> tuple[int, int] | None:
        """The brackets around the figure when they hold a clause of their own ("(in fact, Obama has
        proposed 10,000)"): cues outside them do not reach it."""
        aside = self.parenthesis(anchor)
        if aside is None:
            return None
        inside = range(aside[0] + 1, aside[1])
        clause = any(t.dep_ in SUBJECT_DEPS and t.head.i in inside for t in self.doc[aside[0] + 1 : aside[1]])
        return aside if clause else None

    @staticmethod
    def reaches(tok: Token, aside: tuple[int, int] | None) -> bool:
        """Is `tok` within the figure's closed aside, when it has one?"""
        return aside is None or aside[0] < tok.i < aside[1]

    def remark(self, clause: Token) -> bool:
        """A relative clause set off by a comma whose relative word is the verb's object ("$2.9
        billion, which X called a disgrace"): a remark on the figure, not its source; «…, о которых
        сообщил X» is one."""
        start = clause.left_edge.i
        after_comma = start > 0 and self.doc[start - 1].text == ","
        return after_comma and any(
            c.dep_ in OBJECT_DEPS | {"nsubj", "nsubjpass"} and c.i == start for c in clause.children
        )

    def figure_noun(self, anchor: Token) -> Token:
        """The noun a figure counts: "the 300 deaths" → deaths, «300 человек» → человек."""
        t = anchor
        while t.dep_ in ("nummod", "nummod:gov", "compound", "quantmod", "amod") and t.head != t and t.head.i > t.i:
            t = t.head
        return t

    @staticmethod
    def within_said(tok: Token, verbs: list[Token]) -> bool:
        """Is `tok` inside what one of `verbs` says (its complement), not a frame beside it ("as X reports")?"""
        return any(tok in c.subtree for v in verbs for c in v.children if c.dep_ in COMPLEMENT_DEPS)

    def in_own_aside(self, cue: Token, anchor: Token) -> bool:
        """Does a cue reach the figure: not one inside an aside (brackets) that the figure is outside of?"""
        aside = self.parenthesis(cue)
        return aside is None or aside[0] < anchor.i < aside[1]

    def unnamed_people(self, subj: Token, verb: Token) -> bool:
        """Is `subj` people the text leaves unnamed ("friends and former foes say")? Their words are
        the figure's source even with no name, so weaker rules must not lend it another; documents
        ("polls show") and figures ("79 percent said") are not such people."""
        return (
            subj.head == verb
            and subj.dep_ in ("nsubj", "nsubj:pass")
            and subj.pos_ == "NOUN"
            and not subj.like_num
            and subj.ent_type_ not in FIGURE_LABELS
            and not any(c.dep_.startswith("nummod") or c.like_num for c in subj.children)
            and not (self.w.has(subj, "documents") or self.w.is_data(subj))
        )

    def candidate(self, verb: Token, subj: Token) -> Candidate:
        """The source of `verb` with its relay: "Y reports, citing Z" and «Y сообщает со ссылкой
        на Z» put the figure on Z via Y; "X told Reuters" on X via Reuters."""
        for c in verb.children:
            if self.w.has(c, "relay_verbs") or self.w.has(c, "relay_nouns"):
                cited = cited_in(c)
                if cited is not None:
                    return Candidate(cited, f"{verb.text} {c.text}", via=subj)
        told = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.ent_type_ == "ORG"), None)
        return Candidate(subj, verb.text, via=told)

    def contrasted(self, verb: Token) -> bool:
        """A clause set against the figure's ("…, while X said …", «…, а X заявил …»), or joined
        to it with a speaker of its own ("Russia lost 500, and Kyiv said …"); not one sharing the
        subject of the clause it joins («Шойгу отверг … и заявил, что …»)."""
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        return (verb.dep_ == "conj" and own_subject) or any(
            c.dep_ in ("mark", "cc") and c.lower_ in self.w.contrast_marks for c in verb.children
        )

    def according_prep(self, tok: Token) -> Token | None:
        """The preposition of a source noun in «по словам X», «по данным X», «согласно опросу X», if `tok` is one."""
        if not self.w.according_preps:
            return None
        if not self.w.is_data(tok):
            # a report or survey is a source; a numbered article of a law is not («по статье 328 УК»)
            if not self.w.has(tok, "documents") or any(c.like_num for c in tok.children):
                return None
        return next((c for c in tok.children if c.dep_ == "case" and c.lower_ in self.w.according_preps), None)

    def body_as_place(self, verb: Token) -> Token | None:
        """The body in «в МВД» / «в пресс-службе управления» / «в столичном главке МВД» (a unit
        of a named body) beside a verb without a subject."""
        for c in verb.children:
            if c.dep_ not in ("obl", "nmod") or not any(
                g.dep_ == "case" and g.lower_ in self.w.impersonal_preps for g in c.children
            ):
                continue
            if c.ent_type_ == "ORG" or self.w.has(c, "bodies"):
                return c
            if any(g.dep_ == "nmod" and g.ent_type_ == "ORG" for g in c.children):
                return c
        return None

    def quote_sources(self, quote: tuple[int, int], anchor: Token) -> list[Candidate]:
        """A name introducing a quotation with a colon ('Jane Roe, Daily Post: "..."', 'X said:
        "..."'), then subjects of reporting verbs within a short reach after, then before, the
        quotation (not in the next paragraph: its "Y said" is Y's own quotation)."""
        start, end = quote
        text = self.text
        after = [t for t in self.doc if end <= t.idx < end + 60 and "\n" not in text[end : t.idx]]
        before = [t for t in self.doc if start - 80 <= t.idx < start][::-1]
        found = []
        colon = next((t for t in before if not t.is_space), None)
        if colon is not None and colon.text == ":":
            verb = self.doc[colon.i - 1] if colon.i else colon
            subj = self.subject_of(verb, anchor) if self.w.has(verb, "verbs") and verb.pos_ in ("VERB", "AUX") else None
            if subj is not None:
                found.append(self.candidate(verb, subj))
            named = named_token(self.doc[colon.sent.start : colon.i])
            if named is not None:
                found.append(Candidate(named, verb.text if self.w.has(verb, "verbs") else ":"))
        for t in after + before:
            if self.w.has(t, "verbs") and t.pos_ in ("VERB", "AUX"):
                subj = self.subject_of(t, anchor)
                if subj is not None and not (start <= subj.idx < end):
                    found.append(self.candidate(t, subj))
                elif subj is None:
                    body = self.body_as_place(t)
                    if body is not None:
                        found.append(Candidate(body, t.text))
        return found

    def final_clause(self, sent: Span) -> Candidate | None:
        """ "..., the UK Ministry of Defence intelligence update reports." parsed as a noun."""
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if len(words) < 3 or words[-1].lower_ not in self.w.final_forms or words[-1].pos_ in ("VERB", "AUX"):
            return None
        verb = words[-1]
        comma = max((t.i for t in sent if t.text == "," and t.i < verb.i), default=None)
        if comma is None:
            return None
        source = sent.doc[comma + 1 : verb.i]
        if any(t.pos_ in ("VERB", "AUX") for t in source):  # "..., and pay for their TV shows."
            return None
        named = [t for t in source if t.ent_type_ in NAMED_LABELS]
        return Candidate(named[-1] if named else source.root, verb.text)

    def cues(self, sent: Span) -> list[Token]:
        """The reporting verbs of `sent` (`Words.is_cue`), in text order."""
        key = (sent.start, sent.end)
        if key not in self._cues:
            self._cues[key] = [t for t in sent if self.w.is_cue(t)]
        return self._cues[key]

    def pointer_sources(self, sent: Span) -> list[Candidate]:
        """Sources of the pointer sentence ("This was stated by X") among the next two sentences
        of the paragraph, or opening the next paragraph ("…\n\nThis is reported by Forbes."),
        unless one between has a speaker of its own."""
        key = (sent.start, sent.end)
        if key not in self._pointers:
            self._pointers[key] = self._pointer_sources(sent)
        return self._pointers[key]

    def _pointer_sources(self, sent: Span) -> list[Candidate]:
        doc, found = self.doc, []
        here = sent
        for _ in range(2):
            if here.end >= len(doc):
                break
            nxt = doc[here.end].sent
            if "\n" in nxt.text.strip():
                break
            crossed = self.paragraph_between(here, nxt)
            if crossed and here is not sent:
                break  # another paragraph's pointer speaks for the sentences before it in its own
            for verb in self.cues(nxt):
                if not self._points_back(verb):
                    continue
                subj = self.subject_of(verb, verb)
                if subj is not None:
                    found.append(self.candidate(verb, subj))
                body = self.body_as_place(verb)
                if body is not None:
                    found.append(Candidate(body, f"{verb.text} {body.text}"))
            if found or crossed or self.cues(nxt):
                break
            here = nxt
        return found

    def continued(self, sent: Span) -> Candidate | None:
        """The previous sentence's attribution, when `sent` follows it in the same paragraph and
        names no source of its own ("According to the poll, X has 27 percent. Y trails at 13 percent.")."""
        if self.carried is None:
            return None
        prev, found = self.carried
        if prev == sent:  # another figure of the sentence just continued
            return found
        if (
            prev.end != sent.start
            or self.paragraph_between(prev, sent)
            or "\n" in prev.text.strip() + sent.text.strip()
        ):
            return None  # not the sentence right before, or across a paragraph break
        if any(self.w.is_cue(t) or self.w.is_attitude(t) or self.according_prep(t) is not None for t in sent):
            return None
        return found

    def paragraph_between(self, first: Span, then: Span) -> bool:
        """A line break between two sentences, in the space after the first (which a parser
        may keep as the first's last token or its trailing whitespace, or as the next's first)."""
        trailing = first.text[len(first.text.rstrip()) :]
        leading = then.text[: len(then.text) - len(then.text.lstrip())]
        return "\n" in trailing + self.text[first.end_char : then.start_char] + leading

    def _points_back(self, verb: Token) -> bool:
        """Does `verb` take "this" / «об этом» as what was said?"""
        return any(
            self.w.has(c, "pointers") and c.dep_ in OBJECT_DEPS | {"obl", "nsubjpass", "nsubj:pass", "nsubj", "advmod"}
            for c in verb.children
        )

    def intro_sources(self, pos: int) -> list[Candidate]:
        for start, end, cand in self.intros:
            if start <= pos < end:
                return [cand]
        return []

    def _intros(self) -> list[tuple[int, int, Candidate]]:
        """Character ranges introduced by a line: "X: …" (a headline or lead naming its source:
        the rest of the line), and a line ending in a colon ("What X said:", "X wrote:") over the
        line after it and, while they are list items or quotations, the lines after that."""
        text, lines, pos = self.text, [], 0
        for line in text.split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        out = []
        for k, (start, end) in enumerate(lines):
            line = text[start:end]
            signed = self._signature(lines, k)
            if signed is not None:
                out.append(signed)
                continue
            head = re.match(r"^\s*([^:\n]{2,60}):(?:\s+|(?=[\"“«„]))\S", line)
            if head and not line.rstrip().endswith(":"):
                span = self.doc.char_span(start + head.start(1), start + head.end(1), alignment_mode="expand")
                named = self._name_line(span) if span is not None else None
                if named is not None:
                    out.append((start + head.end(1), end, Candidate(named, ":")))
            elif line.rstrip().endswith(":"):
                span = self.doc.char_span(start, end, alignment_mode="expand")
                cand = self._intro_candidate(span) if span is not None and len(span) else None
                last = self._introduced(lines, k)
                if cand is not None and last is not None:
                    out.append((end, lines[last][1], cand))
        return out

    def _signature(self, lines: list[tuple[int, int]], k: int) -> tuple[int, int, Candidate] | None:
        """A line "- Name." right under a quotation that stands alone (as fact-checks quote a
        claim): the quotation is that name's."""
        text = self.text
        sign = SIGNATURE.match(text[lines[k][0] : lines[k][1]])
        prev = next((j for j in range(k - 1, -1, -1) if text[lines[j][0] : lines[j][1]].strip()), None)
        if sign is None or prev is None or not QUOTE_LINE.match(text[lines[prev][0] : lines[prev][1]]):
            return None
        span = self.doc.char_span(lines[k][0] + sign.start(1), lines[k][0] + sign.end(1), alignment_mode="expand")
        named = self._name_line(span) if span is not None else None
        return (
            (lines[prev][0], lines[prev][1], Candidate(named, text[lines[k][0] : lines[k][1]].strip()[0]))
            if named
            else None
        )

    def _name_line(self, span: Span) -> Token | None:
        """The name a line's head or signature is, if it is only a name: its names ("Rep. Jane Roe
        (R-S.C.)"), or one word that is the surname of a person the text names ("Matthews:" in
        a transcript after "Chris Matthews"), taken where the text names them in full."""
        if all(t.is_punct or t.ent_type_ in NAMED_LABELS or t.pos_ == "PROPN" for t in span):
            # a name the recogniser missed ("Бастрыкин:" opening a headline) is still a name
            return named_token(span) or next((t for t in reversed(span) if t.pos_ == "PROPN"), None)
        words = [t for t in span if not t.is_punct]
        if len(words) != 1 or not words[0].text[:1].isupper():
            return None
        return next(
            (e[-1] for e in self.doc.ents if e.label_ in PERSON_LABELS and len(e) > 1 and e[-1].text == words[0].text),
            None,
        )

    def _introduced(self, lines: list[tuple[int, int]], k: int) -> int | None:
        """The last line that the line `k` (ending in a colon) introduces."""
        text, last, listed = self.text, None, False
        for j in range(k + 1, len(lines)):
            body = text[lines[j][0] : lines[j][1]].strip()
            if not body:
                continue
            if last is not None and (not listed or not LIST_ITEM.match(body) or body.endswith(":")):
                break
            last, listed = j, bool(LIST_ITEM.match(body))
            if body.endswith(":"):
                break
        return last

    def _intro_candidate(self, span: Span) -> Candidate | None:
        """The source of an introducing line: the subject of its reporting verb, else its name."""
        sent = span[-1].sent
        for verb in sent:
            if self.w.is_cue(verb) or self.w.has(verb, "verbs"):
                subj = self.subject_of(verb, verb)
                if subj is not None:
                    return self.candidate(verb, subj)
        if not any(self.w.is_data(t) for t in span):  # "Here are four reasons X should worry:" is no one's
            return None
        named = named_token(sent)
        return Candidate(named, ":") if named is not None else None

    def _name_beside(self, verb: Token) -> Token | None:
        """A name just before or just after a reporting verb left without a subject by the parse
        («... жертв Шойгу сообщил, что ...»), also across an aside between commas ("Lazar, 44,
        said"): the nearest person or organisation, no verb between."""
        doc = verb.doc
        for step in (-1, 1):
            i = verb.i + step
            if step == -1:
                i = self._before_aside(i)
            while 0 <= i < len(doc) and abs(i - verb.i) <= 3 and doc[i].pos_ not in ("VERB", "AUX", "PUNCT"):
                if doc[i].ent_type_ in NAMED_LABELS and not any(c.dep_ == "case" for c in doc[i].children):
                    return doc[i]
                i += step
            if step == -1 and i >= 0 and doc[i].ent_type_ in NAMED_LABELS and i < verb.i - 3:
                return doc[i]
        return None

    def _before_aside(self, i: int) -> int:
        """The token before an aside set off by commas that ends at `i` (", 44," / ", the company,"),
        else `i`."""
        doc = self.doc
        if i < 0 or doc[i].text != ",":
            return i
        for j in range(i - 1, max(i - 9, -1), -1):
            if doc[j].pos_ in ("VERB", "AUX") or doc[j].is_sent_start:
                return i
            if doc[j].text == ",":
                return j - 1 if j - 1 > i - 9 and j > 0 else i
        return i
