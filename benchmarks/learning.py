"""How fast the tracker answers "which earlier recommendations say the same as this one" at national scale.

    .venv/bin/python benchmarks/learning.py                          # 50,000 recommendations
    .venv/bin/python benchmarks/learning.py --recommendations 2000   # a quick check

Fictional recommendations go into a temporary SQLite database by bulk inserts: about eight a review,
each review of a partnership and a year from 2012, worded from a wide vocabulary (half from the 250
fictional recommendations of the matcher's labelled pairs with a local twist, half made up of agencies,
what they should do, to whom, about what, where and when), with one or two actions each at every
stage of the life cycle. Recurring learning is planted: a few hundred pieces of learning, each made
again by three to six reviews in other years, reworded each time (other agencies, synonyms, another
clause). Then, in one run, it builds the matcher's index and times, each many times over:

- the service a new or imported recommendation calls (`recurring.similar_to_text`), for planted
  rewordings and for fresh text;
- the pages: checking a recommendation before saving it (the add-a-recommendation form's "Check"
  button), a recommendation's "made before" page, and the clusters of recurring learning, pages 1 and 2.

It prints the median, the 95th percentile and the slowest of each, in milliseconds. Nothing is
written inside the repository.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTORS = [
    "Agencies",
    "Northshire Police",
    "Officers",
    "GP practices",
    "Primary care",
    "The acute trust",
    "Children's social care",
    "Adult social care",
    "Housing providers",
    "The council",
    "Probation",
    "Mental health services",
    "Substance use services",
    "Schools",
    "Health visitors",
    "Midwives",
    "The IDVA service",
    "The Safeguarding Adults Board",
    "The Community Safety Partnership",
    "The ambulance service",
    "The ICB",
    "Early help",
    "Youth justice",
    "The children's partnership",
    "Commissioners",
    "The refuge provider",
]
VERBS = [
    "review",
    "strengthen",
    "audit",
    "develop",
    "publish",
    "embed",
    "update",
    "monitor",
    "introduce",
    "agree",
    "test",
    "reissue",
    "evaluate",
    "commission",
    "extend",
    "simplify",
    "clarify",
    "promote",
]
NOUNS = """domestic abuse policy|referral pathway|routine enquiry guidance|escalation protocol|supervision policy
self-neglect protocol|missed appointments policy|information-sharing agreement|hospital discharge checklist
transition protocol|interpreter policy|risk assessment tool|chronology template|carer's assessment offer
threshold document|case closure process|professional curiosity toolkit|screening questions|safety planning template
housing allocation policy|mental capacity guidance|third-party disclosure procedure|Clare's Law process
dual diagnosis pathway|bereavement support offer|practitioner briefing|body-worn video guidance
welfare check procedure|prison release protocol|out-of-hours arrangements|reasonable adjustments policy
quality assurance framework|multi-agency audit programme|learning and development offer|complaints procedure
early help assessment|strategy discussion guidance|MASH triage process|section 42 enquiry procedure
best interests decision template|advocacy referral process|fire risk referral route|family group conference offer
tenancy sustainment service|GP registration process|pharmacy safeguarding guidance|dental neglect pathway
school attendance procedure|elective home education register|private fostering awareness campaign
neonatal bruising protocol|safe sleep messages|ICON programme for crying babies|fathers' engagement strategy
probation risk management plans|MAPPA referral criteria|MARAC operating protocol|IDVA caseload standards
refuge admission criteria|sanctuary scheme|homelessness prevention duty|rough sleeper outreach
drug treatment re-engagement process|alcohol liaison service|A&E frequent attender review|ambulance referral form
adult social care front door|children's social care front door|youth offending screening|exploitation panel""".replace(
    "\n", "|"
).split("|")
GROUPS = """older victims|people with learning disabilities|young carers|male victims|people sleeping rough
families with no recourse to public funds|care leavers|pregnant women|people leaving custody|veterans
children missing education|people with dementia|disabled children|unaccompanied asylum-seeking children
adults who hoard|people who use drugs|people with serious mental illness|teenagers in relationships
babies under one|families moving between areas|people with autism|survivors of modern slavery
adults in care homes|children on child protection plans|people with no fixed abode|travelling families
deaf victims|LGBT+ victims|victims from minority ethnic communities|people with brain injury""".replace(
    "\n", "|"
).split("|")
SUBJECTS = """coercive control|non-fatal strangulation|economic abuse|stalking|honour-based abuse|self-neglect
suicide risk|county lines|fabricated illness|neglect|child sexual abuse|adolescent to parent violence
elder abuse|online abuse|forced marriage|substance use|gambling harm|financial exploitation|pressure ulcers
medication errors|falls|cuckooing|radicalisation|female genital mutilation|domestic servitude""".replace(
    "\n", "|"
).split("|")
CONTEXTS = [
    "within six months",
    "and report progress to the board",
    "across the partnership",
    "for all front-line staff",
    "with partner agencies",
    "and evidence the impact through audit",
    "by the end of the year",
    "so that victims are kept informed",
    "in line with national guidance",
    "with the voice of the victim at its centre",
    "for adults with care and support needs",
    "where children live in the household",
    "for cases that reach MARAC",
    "in every locality",
    "for new starters",
    "when a case is transferred",
    "with the lived experience panel",
]
PLACES = [
    "Northmoor",
    "Eastwick",
    "Riverside",
    "Westdale",
    "Kingsbridge",
    "Ashford Vale",
    "Millbrook",
    "Hollins",
    "Stonebury",
    "Fenwick",
    "Harrowgate",
    "Oakham Cross",
    "Brampton",
    "Linwood",
    "Castlefield",
    "Thornbury",
]
CASE = [
    "told her GP about the abuse twice",
    "missed three appointments with the mental health team",
    "was discharged from hospital without a plan",
    "was not asked about domestic abuse at the antenatal booking",
    "had been assessed as standard risk a month earlier",
    "was seen with her partner at every appointment",
    "lived with a hoarded home that no one visited",
    "was released from prison to no fixed abode",
    "was turned away from the refuge",
    "had no interpreter at the police interview",
    "was known to four agencies that never met",
    "had reported stalking six times",
]

# Planted learning: each seed is said again by several reviews, reworded through these synonyms.
SEEDS = [
    "refer every high-risk domestic abuse case to MARAC without delay",
    "record disclosures of domestic abuse in the GP record and share them when risk is high",
    "use professional interpreters and never family members when speaking to a victim",
    "complete a DASH risk assessment at every domestic abuse incident",
    "ask about domestic abuse routinely at antenatal appointments, seeing the woman alone",
    "follow up missed appointments and contact the person and their GP before closing the case",
    "assess mental capacity where self-neglect puts a person's life at risk",
    "hold a multi-agency meeting before a prisoner is released to plan housing and health care",
    "train staff to recognise coercive control where there is no physical injury",
    "check the history of domestic abuse calls at an address before assessing risk",
    "tell schools the next morning when police attend a domestic abuse incident where children live",
    "offer a carer's assessment to every carer and review it when their circumstances change",
    "make sure victims of stalking are screened and stalking protection orders are considered",
    "escalate professional disagreements through the resolving professional differences protocol",
    "see children on their own and record their wishes and feelings",
    "check for signs of domestic abuse before starting possession proceedings for rent arrears",
]
SYNONYMS = {
    "MARAC": ["the multi-agency risk assessment conference", "MARAC"],
    "GP record": ["primary care record", "medical notes", "GP record"],
    "professional interpreters": ["qualified interpreters", "professional interpreters"],
    "family members": ["relatives", "the partner or children"],
    "DASH risk assessment": ["DASH checklist", "domestic abuse risk assessment", "DASH risk assessment"],
    "routinely": ["always", "as a matter of routine", "routinely"],
    "staff": ["practitioners", "front-line staff", "staff"],
    "train": ["make sure training enables", "deliver training so"],
    "missed appointments": ["non-attendance", "appointments that were missed", "did not attend appointments"],
    "victims": ["survivors", "people harmed", "victims"],
    "children": ["young people", "the children in the household", "children"],
    "without delay": ["promptly", "the same day", "without delay"],
    "record": ["document", "log", "record"],
}
OPENINGS = ["should", "must", "should make sure that staff", "should ensure practitioners", "will"]
STATUSES = ["not_started", "in_progress", "in_progress", "submitted", "returned", "assured", "assured"]


def reword(seed: str, rng: random.Random) -> str:
    text = seed
    for phrase, options in SYNONYMS.items():
        if phrase in text and rng.random() < 0.7:
            text = text.replace(phrase, rng.choice(options), 1)
    actor, opening = rng.choice(ACTORS), rng.choice(OPENINGS)
    tail = f", {rng.choice(CONTEXTS)}" if rng.random() < 0.5 else ""
    return f"{actor} {opening} {text}{tail}."


def _written() -> list[str]:
    """The fictional recommendations of the matcher's labelled pairs, as partnerships word them."""
    from tests.learning.pair_groups import GROUPS

    return [text for group in GROUPS for text in (*group["same"], *group["different"])]


WRITTEN = _written()


def fresh(rng: random.Random) -> str:
    """A recommendation of its own: half are worded as partnerships word them, with a local twist; half are
    made up of an agency, what it should change, for whom, about what, where, and when."""
    if rng.random() < 0.5:
        said = rng.choice(WRITTEN).rstrip(".")
        twist = rng.choice([f"for {rng.choice(GROUPS)}", f"in {rng.choice(PLACES)}", rng.choice(CONTEXTS), ""])
        return f"{said} {twist}".strip() + "."
    words = [rng.choice(ACTORS), rng.choice(OPENINGS), rng.choice(VERBS), "its", rng.choice(NOUNS)]
    if rng.random() < 0.6:
        words.append(f"for {rng.choice(GROUPS)}")
    if rng.random() < 0.6:
        words.append(f"covering {rng.choice(SUBJECTS)}")
    if rng.random() < 0.4:
        words.append(f"in {rng.choice(PLACES)}")
    return " ".join(words) + f" {rng.choice(CONTEXTS)}."


def explanation(rng: random.Random) -> str:
    return f"{rng.choice(['Ann', 'Adult R', 'Child B', 'Mr T', 'Jo'])} {rng.choice(CASE)}. The review found learning."


def populate(url: str, recommendations: int, seed: int = 11) -> tuple[list[str], list[str]]:
    """The national picture; answers the planted seeds' wordings not yet used, and fresh texts, to ask about."""
    from sqlalchemy import create_engine, insert

    from tracker.db import db
    from tracker.models import Action, Agency, AssuranceDecision, Partnership, Recommendation, Review, User
    from tracker.services.passwords import hash_password

    rng = random.Random(seed)
    if not recommendations:
        return [reword(rng.choice(SEEDS), rng) for _ in range(60)], [fresh(rng) for _ in range(60)]
    engine = create_engine(url)
    db.metadata.create_all(engine)
    now, today = datetime.now(UTC), date.today()
    reviews = max(10, recommendations // 8)
    with engine.begin() as conn:
        conn.execute(
            insert(Partnership),
            [
                {"id": i, "name": f"Partnership {i}", "kind": "CSP", "area": "", "created_at": now}
                for i in range(1, 151)
            ],
        )
        conn.execute(
            insert(Agency),
            [
                {
                    "id": i,
                    "name": f"Agency {i}",
                    "short_name": f"A{i}",
                    "aliases": "",
                    "active": True,
                    "created_at": now,
                }
                for i in range(1, 41)
            ],
        )
        conn.execute(
            insert(User),
            [
                {
                    "id": 1,
                    "email": "admin@bench.example",
                    "name": "Bench Admin",
                    "password_hash": hash_password("a benchmark password, never used"),
                    "role": "admin",
                    "active": True,
                    "session_token": "bench" * 8,
                    "created_at": now,
                }
            ],
        )
        kinds = ["DHR", "SAR", "CSPR", "LLR", "THEMATIC"]
        conn.execute(
            insert(Review),
            [
                {
                    "id": i,
                    "reference": f"{kinds[i % 5]}-{2012 + i % 14}-{i:05d}",
                    "type": kinds[i % 5],
                    "title": f"Review {i}",
                    "subjects": "",
                    "partnership_id": 1 + i % 150,
                    "summary": "",
                    "source_documents": "",
                    "published_on": date(2012 + i % 14, 1 + i % 12, 1 + i % 28),
                    "created_at": now,
                }
                for i in range(1, reviews + 1)
            ],
        )
        # Planted learning: each seed said again by 3 to 6 reviews; 1 in 25 recommendations is one.
        planted: dict[int, str] = {}
        total = reviews * 8
        slots = rng.sample(range(total), min(total, recommendations // 25))
        for slot in slots:
            planted[slot] = reword(rng.choice(SEEDS), rng)
        recs, actions, decisions = [], [], []
        action_id = 0
        for index in range(min(total, recommendations)):
            review_id, position = 1 + index // 8, index % 8
            recs.append(
                {
                    "id": index + 1,
                    "review_id": review_id,
                    "number": str(position + 1),
                    "position": position,
                    "title": planted.get(index) or fresh(rng),
                    "text": explanation(rng),
                    "scope": "local",
                    "created_at": now,
                }
            )
            for _ in range(rng.choice((1, 1, 2))):
                action_id += 1
                status = rng.choice(STATUSES)
                actions.append(
                    {
                        "id": action_id,
                        "recommendation_id": index + 1,
                        "position": action_id,
                        "description": "Deliver the change and evidence it",
                        "expected_outcome": "Practice changes",
                        "measure": "Audit",
                        "lead_agency_id": 1 + action_id % 40,
                        "owner": "Safeguarding lead",
                        "target_date": today + timedelta(days=rng.randint(-400, 300)),
                        "milestones": "",
                        "status": status,
                        "outcome_statement": "Done" if status != "not_started" else "",
                        "completed_on": today - timedelta(days=30) if status == "assured" else None,
                        "last_update_on": today - timedelta(days=rng.randint(0, 150)),
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                )
                if status == "assured":
                    decisions.append(
                        {
                            "action_id": action_id,
                            "outcome": "assured",
                            "comment": "Assured at the meeting",
                            "decided_at": now - timedelta(days=rng.randint(30, 3000)),
                        }
                    )
        for table, batch in ((Recommendation, recs), (Action, actions), (AssuranceDecision, decisions)):
            for start in range(0, len(batch), 20_000):
                conn.execute(insert(table), batch[start : start + 20_000])
    engine.dispose()
    asked_planted = [reword(rng.choice(SEEDS), rng) for _ in range(60)]
    asked_fresh = [fresh(rng) for _ in range(60)]
    return asked_planted, asked_fresh


def timed(label: str, call: Callable[[], Any], times: int) -> dict[str, Any]:
    call()  # warm: the first call pays for compiling statements, not the question
    taken = []
    for _ in range(times):
        start = time.perf_counter()
        call()
        taken.append((time.perf_counter() - start) * 1000)
    taken.sort()
    p95 = taken[min(len(taken) - 1, round(0.95 * (len(taken) - 1)))]
    return {"what": label, "n": times, "p50": statistics.median(taken), "p95": p95, "max": taken[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recommendations", type=int, default=50_000)
    parser.add_argument("--times", type=int, default=50, help="how many times each question is asked")
    parser.add_argument("--keep", type=Path, help="keep the database in this folder (and reuse it if it is there)")
    args = parser.parse_args()

    from flask import session as flask_session
    from flask_login import login_user

    from tracker.app import create_app
    from tracker.db import db
    from tracker.models import Recommendation, User
    from tracker.services.learning import index, recurring

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        reuse = (folder / "learning.db").exists()
        url = f"sqlite:///{folder / 'learning.db'}"
        start = time.perf_counter()
        planted, fresh_texts = populate(url, 0 if reuse else args.recommendations)
        made = time.perf_counter() - start
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "benchmark", "WTF_CSRF_ENABLED": False, "TESTING": True}
        )
        with app.app_context():
            start = time.perf_counter()
            read = index.refresh_all() if not reuse else 0
            db.session.commit()
            built = time.perf_counter() - start
            clusters = recurring.cluster_count(None)
            linked = db.session.scalar(db.select(db.func.count()).select_from(Recommendation)) or 0
            admin = db.session.get(User, 1)
            sample = list(db.session.scalars(db.select(Recommendation.id).order_by(Recommendation.id)))[::997]
            review_id = db.session.scalar(db.select(Recommendation.review_id).where(Recommendation.id == sample[0]))
        print(
            f"{read:,} recommendations ({linked:,} in the database) made in {made:.1f} s; index built in "
            f"{built:.1f} s; {clusters:,} clusters of recurring learning across reviews"
        )

        client = app.test_client()
        with app.test_request_context(environ_base=client.environ_base):
            login_user(admin)
            signed_in = dict(flask_session)
        with client.session_transaction() as held:
            held.update(signed_in)

        rng = random.Random(3)
        results = []
        with app.app_context():

            def ask(texts: list[str]) -> Callable[[], Any]:
                return lambda: recurring.similar_to_text(None, title=rng.choice(texts))

            results.append(timed("service: a planted rewording", ask(planted), args.times))
            results.append(timed("service: fresh text", ask(fresh_texts), args.times))
            found = [len(recurring.similar_to_text(None, title=t)) for t in planted[:20]]
            print(f"planted rewordings: {sum(1 for f in found if f)} of 20 found earlier recommendations")

        def page(method: str, url_for: Callable[[], str], data: Callable[[], dict[str, str]] | None = None) -> Any:
            def call() -> None:
                response = client.open(url_for(), method=method, data=data() if data else None)
                assert response.status_code == 200, (url_for(), response.status_code)

            return call

        check = f"/reviews/{review_id}/recommendations/new"
        results.append(
            timed(
                "page: check a new recommendation",
                page("POST", lambda: check, lambda: {"number": "9", "title": rng.choice(planted), "check": "1"}),
                args.times,
            )
        )
        results.append(
            timed(
                "page: a recommendation made before",
                page("GET", lambda: f"/recommendations/{rng.choice(sample)}/recurring"),
                args.times,
            )
        )
        results.append(
            timed("page: recurring learning, page 1", page("GET", lambda: "/learning/recurring"), args.times)
        )
        results.append(
            timed("page: recurring learning, page 2", page("GET", lambda: "/learning/recurring?page=2"), args.times)
        )
        print(f"{'what':<40} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for r in results:
            print(f"{r['what']:<40} {r['n']:>4} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['max']:>8.1f}")


if __name__ == "__main__":
    main()
