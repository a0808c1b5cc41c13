"""The I-589's Parts B and C (issue 23): each question a yes/no with its explanation.

Form I-589 (Rev. 08/25/20), pages 5-8: Part B asks about the claim (1.A past harm, 1.B fear of
return, 2 arrests or detention abroad, 3.A organisations, 3.B continued participation, 4 fear of
torture) and Part C about the application (1 earlier applications, 2.A other countries travelled
through or lived in, 2.B lawful status elsewhere, 3 causing harm to others, 4 return to the
country, 5 filing after one year, 6 crimes). Each asks for an explanation "if Yes"; Part C 2.A
and 2.B share one explanation box ("if Yes to either or both"). The form's instructions say an
answer with "Yes" must be explained, so an answer "Yes" with no explanation is refused.

The answers are recorded on the client's row beside the applicant's other details
(:class:`clinic.domain.applicant.ApplicantDetails`; migration 0010): ``part_b1a`` is None until
asked, True or False after, and ``part_b1a_explanation`` the explanation, typed in English.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from clinic.domain.validation import FieldProblem, Problem

# An explanation may run to pages (the declaration of Part B is often the longest text of the
# application); the form continues it on Supplement B.
MAX_EXPLANATION = 20_000

# Each explanation, with the yes/no questions it explains (in the form's order).
EXPLAINS: dict[str, tuple[str, ...]] = {
    "part_b1a_explanation": ("part_b1a",),
    "part_b1b_explanation": ("part_b1b",),
    "part_b2_explanation": ("part_b2",),
    "part_b3a_explanation": ("part_b3a",),
    "part_b3b_explanation": ("part_b3b",),
    "part_b4_explanation": ("part_b4",),
    "part_c1_explanation": ("part_c1",),
    "part_c2_explanation": ("part_c2a", "part_c2b"),
    "part_c3_explanation": ("part_c3",),
    "part_c4_explanation": ("part_c4",),
    "part_c5_explanation": ("part_c5",),
    "part_c6_explanation": ("part_c6",),
}
QUESTIONS: tuple[str, ...] = tuple(q for asked in EXPLAINS.values() for q in asked)
EXPLANATIONS: tuple[str, ...] = tuple(EXPLAINS)


def needs_explanation(explanation: str, answers: Mapping[str, object]) -> bool:
    """True when a question this explanation explains is answered "Yes"."""
    return any(answers.get(q) is True for q in EXPLAINS[explanation])


def validate_claim_answers(answers: Mapping[str, object]) -> tuple[FieldProblem, ...]:
    """Problems of the Part B and C answers as typed (``answers``: field name -> value)."""
    problems: list[FieldProblem] = []
    for name in EXPLANATIONS:
        text = answers.get(name, "")
        assert isinstance(text, str)
        if len(text.strip()) > MAX_EXPLANATION:
            problems.append(FieldProblem(name, Problem.TOO_LONG))
        elif any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in text):
            problems.append(FieldProblem(name, Problem.CONTROL_CHARACTERS))
        elif not text.strip() and needs_explanation(name, answers):
            problems.append(FieldProblem(name, Problem.EXPLANATION_REQUIRED))
    return tuple(problems)


def normalised_explanation(text: str) -> str:
    """An explanation as stored: line endings as ``\\n``, spaces trimmed at both ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()
