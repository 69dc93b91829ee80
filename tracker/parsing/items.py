"""Reading the paragraphs of a recommendations section into recommendations and their actions.

Numbers are kept as written. A numbered paragraph with sub-numbered paragraphs under it ("21.10",
then "21.10.1") is their context, not a recommendation; lettered parts of a recommendation that
ends in a colon stay part of it; numbered paragraphs after an "Actions" label are its actions.
"""

from __future__ import annotations

import re

from tracker.parsing.blocks import Block, Para
from tracker.parsing.dates import read_date
from tracker.parsing.fields import is_actions_label, take_fields
from tracker.parsing.numbering import Number, next_in_sequence, read_action_number, read_number
from tracker.parsing.people import read_lead
from tracker.parsing.result import ImportResult, ParsedAction, ParsedRecommendation
from tracker.parsing.text import split_lead, take_scope

RECISH = re.compile(
    r"\b(?:should(?!\s+have)|must(?!\s+have)|ought|recommend\w*|ensure|needs?\s+to|to\s+consider|(?:is|are)\s+(?:asked|invited)\s+to|"
    r"seek\s+assurance|will\s+(?:need|review|develop|ensure|provide|seek|consider|write|work|lead|establish))\b",
    re.I,
)


# "The panel makes the following recommendations.": a numbered paragraph that introduces the list, not one of it.
_ABOUT_THE_LIST = re.compile(
    r"\brecommendations\b(?=.*\b(?:following|below|as\s+follows|set\s+out|listed|grouped|are\s+addressed)\b)"
    r"|\b(?:makes?|made|accepted|agreed|following)\b.{0,40}\brecommendations\b",
    re.I | re.S,
)
# How the reasons for a recommendation begin when they are numbered on after it.
_EXPLANATION = re.compile(
    r"^(?:this|these|that|it|there|rationale|reasons?|because|in\s+this\s+case|the\s+(?:review|panel|reviewer|"
    r"report|author|evidence|rationale|reason)\s+(?:found|heard|noted|identified|is|was|were|showed|shows))\b",
    re.I,
)
_DIRECTIVE = re.compile(r"\b(?:should|must|ought\s+to|ensure|needs?\s+to|(?:is|are)\s+(?:asked|invited)\s+to)\b", re.I)


def is_lead_in(text: str) -> bool:
    return bool(_ABOUT_THE_LIST.search(text)) and not _DIRECTIVE.search(text)


def title_and_text(body: str, bold: str) -> tuple[str, str]:
    if bold and body.startswith(bold) and len(bold) < len(body):
        return bold.rstrip(), body[len(bold) :].strip()
    return split_lead(body)


class ItemReader:
    """Reads one section's paragraphs in order; `recs` and `labels` (the sub-heading each sits under) grow."""

    def __init__(
        self, result: ImportResult, known: frozenset[str], *, scope: str | None, plan: bool, explicit_only: bool = False
    ) -> None:
        self.result, self.known, self.scope, self.plan = result, known, scope, plan
        # Outside a recommendations section only "Recommendation 3" starts one, and it runs for a paragraph or two.
        self.explicit_only = explicit_only
        self.extra_paragraphs = 0
        self.recs: list[ParsedRecommendation] = []
        self.labels: list[str | None] = []
        self.r_prefixed: list[bool] = []
        self.label: str | None = None
        self.label_agency: str | None = None
        self.current: ParsedRecommendation | None = None
        self.number: Number | None = None
        self.needs_title = False
        self.in_actions = False
        self.action: ParsedAction | None = None
        self.action_number: Number | None = None
        self.parent: tuple[Number, str] | None = None  # the context of a sub-numbered list
        self.parts = False  # lettered parts have been added to the current recommendation
        self.pending_heading: str | None = None
        self.explained: Number | None = None  # the last paragraph read as the reasons for the current one

    # ----- what the section says about the recommendations below ------------------------------

    def subheading(self, text: str, agency: str | None, scope: str | None) -> None:
        self.close()
        self.label, self.label_agency = text, agency
        if scope:
            self.scope = scope

    def close(self) -> None:
        self.current, self.number, self.action, self.in_actions, self.parent = None, None, None, False, None

    # ----- paragraphs -------------------------------------------------------------------------

    def heading_item(self, number: Number, p: Para, name: str) -> None:
        """A heading "Recommendation 3" or "3. Information sharing": the recommendation is in the text below."""
        self._start(number, "", p, "")
        self.needs_title = True
        if name and not number.explicit:
            self.pending_heading = name
            if self.current is not None:
                self.current.note(f"Under the heading '{name}'.")

    def para(self, p: Para) -> None:
        text = p.text
        label, after = is_actions_label(text)
        if label and self.current is not None:
            self.in_actions, self.action = True, None
            if after:
                self._action(after, p)
            return
        if (act := read_action_number(text)) is not None and self.current is not None:
            self.in_actions = True
            self._action(act[1], p)
            return
        number = read_number(f"{p.number}. {text}") if p.number and not p.bullet else read_number(text)
        if number is not None and not number.rest and not number.explicit:
            number = None
        if number is not None and number.explicit and not number.rest and not p.number:
            self._start(number, "", p, "")
            self.needs_title = True
            return
        if number is not None and not number.explicit and self.current is None and is_lead_in(number.rest):
            return
        if number is not None and self._is_item(number):
            self._item(number, p)
            return
        if number is not None and self.current is not None and not self.in_actions and self._explains(number):
            self.current.note(f"Paragraph {number.label}, which gives its reasons, is read as part of it.")
            self._add_text(f"{number.label} {number.rest}")
            self.explained = number
            return
        if number is not None and self.current is not None:
            self._part(number, p)
            return
        if p.bullet and self.in_actions and self.current is not None:
            self._action(text, p)
            return
        self._text(p)

    def _is_item(self, n: Number) -> bool:
        if n.explicit:
            return n.rest[:1].isupper() or not n.rest or n.rest[:1].isdigit() or not self.explicit_only
        if self.explicit_only:
            return False
        if self.current is None or self.number is None:
            return True
        if self.in_actions or (self.plan and n.child_of(self.number) and n.parts[-1].isdigit()):
            rest_is_rec = RECISH.search(n.rest) is not None and not take_fields(n.rest)[1]
            follows_rec = next_in_sequence(self.number, n) or (self.parent and next_in_sequence(self.parent[0], n))
            follows_action = self.action_number is not None and next_in_sequence(self.action_number, n)
            return bool(follows_rec and rest_is_rec and not follows_action)
        if n.is_letter or n.is_roman or (n.child_of(self.number) and not n.parts[-1].isdigit()):
            ends_colon = (self.current.text or self.current.title).rstrip().endswith(":")
            return not ends_colon and not self.parts and RECISH.search(n.rest) is not None
        return not self._explains(n)

    def _explains(self, n: Number) -> bool:
        """ "15.3 This is because officers did not..." after "15.2 The Police should...": the reasons for the
        recommendation above, numbered on with it, not a recommendation of their own."""
        assert self.current is not None and self.number is not None
        return (
            self.parent is None
            and next_in_sequence(self.explained or self.number, n)
            and bool(_EXPLANATION.match(n.rest))
            and not RECISH.search(n.rest)
            and RECISH.search(f"{self.current.title} {self.current.text}") is not None
        )

    def _item(self, n: Number, p: Para) -> None:
        if self.number is not None and self.current is not None and n.child_of(self.number) and n.parts[-1].isdigit():
            # "21.10" followed by "21.10.1": the parent was context for the list under it.
            parent_title = " ".join(x for x in (self.current.title, self.current.text) if x)
            self.recs.pop()
            self.labels.pop()
            self.r_prefixed.pop()
            self.parent = (self.number, parent_title)
        elif self.parent is not None and not n.child_of(self.parent[0]):
            self.parent = None
        if (
            (n.is_letter or n.is_roman)
            and self.number is not None
            and not n.explicit
            and self.number.parts[0].isdigit()
        ):
            n = Number(f"{self.number.label}{n.label}", (*self.number.parts, n.parts[0]), False, n.rest)
        body = n.rest
        self._start(n, body, p, p.bold)
        if self.parent is not None and self.current is not None:
            lead_in = self.parent[1]
            self.current.note(f"Part of {self.parent[0].label}: '{lead_in}'." if lead_in else
                              f"Part of {self.parent[0].label}.")  # fmt: skip
            if lead_in.endswith(":") and len(lead_in) < 200:
                self.current.title = f"{lead_in} {self.current.title}"

    def _start(self, n: Number, body: str, p: Para, bold: str) -> None:
        scope, body = take_scope(body)
        where = p.where
        if p.page is not None and not n.explicit and not p.in_table and p.where.startswith("page"):
            where = f"page {p.page}, paragraph {n.label}"
        rec = ParsedRecommendation(number=n.label, title="", where=where, scope=scope or self.scope)
        if bold and not p.number:
            numbered_bold = read_number(bold)
            bold = (numbered_bold.rest if numbered_bold else bold) if bold != p.text else ""
        body, fields = take_fields(body)
        rec.title, rec.text = title_and_text(body, bold) if body else ("", "")
        _, rec.title = take_scope(rec.title)
        self._rec_fields(rec, fields)
        if self.label_agency and self.label_agency not in rec.agencies:
            rec.agencies.append(self.label_agency)
        self.recs.append(rec)
        self.labels.append(self.label)
        self.r_prefixed.append(n.r_prefix)
        self.current, self.number = rec, n
        self.needs_title = not rec.title
        self.in_actions, self.action, self.action_number, self.parts = False, None, None, False
        self.pending_heading = None
        self.extra_paragraphs = 0
        self.explained = None

    def _rec_fields(self, rec: ParsedRecommendation, fields: dict[str, str]) -> None:
        for kind in ("agencies", "lead"):
            if value := fields.get(kind):
                lead = read_lead(value, column="Addressed to", prefer="agency", known=self.known)
                for name in ([lead.agency] if lead.agency else []) + lead.others:
                    if name not in rec.agencies:
                        rec.agencies.append(name)
                for note in lead.notes:
                    rec.note(note)

    def _part(self, n: Number, p: Para) -> None:
        assert self.current is not None
        if self.in_actions:
            self._action(n.rest, p, n)
            return
        if self.explicit_only and not (n.is_letter or n.is_roman):
            self.close()  # a numbered paragraph of the report goes on after the recommendation
            return
        self.parts = True
        self._add_text(f"{n.label}) {n.rest}")

    def _action(self, text: str, p: Para, n: Number | None = None) -> None:
        assert self.current is not None
        description, fields = take_fields(text)
        action = ParsedAction(description=description or text, where=p.where)
        self._action_fields(action, fields)
        self.current.actions.append(action)
        self.action = action
        if n is not None:
            self.action_number = n

    def _action_fields(self, action: ParsedAction, fields: dict[str, str]) -> None:
        if lead := fields.get("lead"):
            found = read_lead(lead, column="Lead", prefer="agency", known=self.known)
            action.lead_agency, action.other_agencies = found.agency, found.others
            action.owner = found.owner or action.owner
            action.notes.extend(found.notes)
            action.uncertain = found.doubt
        if owner := fields.get("owner"):
            action.owner = owner
        if target := fields.get("target"):
            reading = read_date(target)
            action.target_date, action.target_text = reading.value, reading.text
            if reading.problem:
                self.result.warn(action.where, reading.problem)
        extra = [f"{k.capitalize()}: {v}" for k, v in fields.items() if k in {"outcome", "progress", "evidence"}]
        if extra:
            action.progress = "\n".join(filter(None, [action.progress, *extra]))

    def _text(self, p: Para) -> None:
        if self.current is None:
            return
        if self.in_actions and self.action is not None:
            rest, fields = take_fields(p.text)
            if fields:
                self._action_fields(self.action, fields)
            if rest and not fields:
                self.action.description = f"{self.action.description} {rest}"
            return
        scope, body = take_scope(p.text)
        if scope and self.current.scope is None:
            self.current.scope = scope
        body, fields = take_fields(body)
        self._rec_fields(self.current, fields)
        if not body:
            return
        if self.needs_title:
            self.current.title, self.current.text = title_and_text(body, p.bold)
            self.needs_title = False
            return
        if self.explicit_only:
            self.extra_paragraphs += 1
            if self.extra_paragraphs > 2 or p.is_heading:
                self.close()
                return
        self._add_text(body)

    def _add_text(self, body: str) -> None:
        assert self.current is not None
        self.current.text = f"{self.current.text}\n{body}" if self.current.text else body

    def finish(self) -> None:
        # "R1, R2, R3" throughout: the document's own numbers keep their R.
        if self.recs and all(self.r_prefixed):
            for rec in self.recs:
                rec.number = f"R{rec.number}"
        for rec in self.recs:
            if not rec.title and rec.text:
                rec.title, rec.text = split_lead(rec.text)
            if not rec.title:
                rec.doubt("No text was found for this recommendation; check it against the document.")


def bulleted(blocks: list[Block], scope: str | None) -> list[ParsedRecommendation]:
    """Recommendations written as bullet points, with no numbers: numbered in the order they appear, for checking."""
    recs: list[ParsedRecommendation] = []
    for p in blocks:
        if isinstance(p, Para) and p.bullet and not p.in_table and RECISH.search(p.text):
            rec = ParsedRecommendation(number=str(len(recs) + 1), title="", where=p.where, scope=scope)
            found, body = take_scope(p.text)
            rec.scope = found or scope
            rec.title, rec.text = title_and_text(body, p.bold)
            rec.doubt("The document does not number its recommendations, so they were numbered in the order they "
                      "appear; check the numbers against the document.")  # fmt: skip
            recs.append(rec)
    return recs
