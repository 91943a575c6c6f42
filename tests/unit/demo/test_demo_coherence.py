"""The demo station makes sense, record by record: nobody of eight has an elder's problems.

Every client, household, case (with each of its steps), group member, activity sign-in,
visit and resource of the small demo is checked against the age, sex, categories and
household of the people it is about. Each test lists every record that does not fit.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict

import pytest
from sqlalchemy import func, select

from app.demo.builder import create_demo_database
from app.store.engine import Database
from app.store.models import (
    Activity,
    ActivityParticipant,
    Case,
    CaseAssessment,
    CaseClosure,
    CaseComment,
    CaseEvaluation,
    CaseEvent,
    CaseFollowUp,
    CaseGoal,
    CasePlan,
    Consent,
    Group,
    GroupAttendance,
    GroupMember,
    Referral,
    Resource,
    ServiceRecord,
    Supervision,
    SupervisionCase,
    Visit,
    VisitClient,
    VolunteerService,
)
from tests.unit.demo.demo_world import (
    CHILD_CATEGORIES,
    DAUGHTER,
    ELDER_CATEGORIES,
    FEMALE,
    GRANDCHILD,
    GROUP_RULES,
    HEAD,
    MALE,
    PARENT,
    RESOURCE_RULES,
    SON,
    SPOUSE,
    VISIT_RULES,
    Person,
    World,
    load_world,
    text_misfits,
)

Demo = tuple[Database, World]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The small demo station the other demo tests use."""
    db = Database.open(tmp_path_factory.mktemp("coherence") / "demo.sqlite3")
    create_demo_database(db, seed=3)
    return db, load_world(db)


def _none(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} records do not fit:\n" + "\n".join(problems[:25])


def test_the_checks_below_have_children_elders_and_their_cases_to_check(demo: Demo) -> None:
    db, world = demo
    with db.read() as session:
        clients = list(session.scalars(select(Case.client_id)))
    texts = _case_texts(db)
    ages = [world.people[c].age for c in clients]
    assert sum(a < 18 for a in ages) >= 5 and sum(a >= 60 for a in ages) >= 5
    assert len(texts) == len(clients) and all(len(t) >= 2 for t in texts.values())
    assert sum(len(t) for t in texts.values()) > 500
    assert sum("living_alone_elder" in p.categories for p in world.people.values()) > 10
    assert sum(bool(world.in_care(p)) for p in world.people.values()) > 20


def test_categories_fit_each_clients_age_and_living(demo: Demo) -> None:
    _db, world = demo
    problems = []
    for p in world.people.values():
        wrong = []
        if p.age >= 18 and p.categories & CHILD_CATEGORIES:
            wrong.append(f"儿童类别 {sorted(p.categories & CHILD_CATEGORIES)}")
        if p.age < 60 and p.categories & ELDER_CATEGORIES:
            wrong.append(f"老人类别 {sorted(p.categories & ELDER_CATEGORIES)}")
        if "oldest_old" in p.categories and p.age < 80:
            wrong.append("高龄老人未满80岁")
        if ("disabled" in p.categories) != bool(p.disability_type):
            wrong.append("残疾人类别与残疾类别不符")
        if p.disability_type not in ("", *"1234567") or (
            bool(p.disability_type) != (p.disability_grade in ("1", "2", "3", "4"))
        ):
            wrong.append(f"残疾类别/等级 {p.disability_type}/{p.disability_grade}")
        if ("disabled_elder" in p.categories) != (p.age >= 60 and p.self_care == "none"):
            wrong.append(f"失能老人与自理能力 {p.self_care}")
        if "semi_disabled_elder" in p.categories and p.self_care != "partial":
            wrong.append(f"半失能老人而自理能力 {p.self_care}")
        if p.age < 18 and (p.living == "alone" or p.marital not in ("", "10")):
            wrong.append(f"未成年人 居住 {p.living} 婚姻 {p.marital}")
        if p.age < 18 and not p.guardian_name:
            wrong.append("未成年人无监护人")
        alone = len(world.members(p)) == 1
        if "living_alone_elder" in p.categories and not (p.living == "alone" and alone):
            wrong.append(f"独居老人而居住 {p.living}，户内 {len(world.members(p))} 人")
        if p.living == "alone" and not alone:
            wrong.append("独居而户内另有成员")
        if p.living == "spouse" and world.spouse(p) is None:
            wrong.append("与配偶同住而户内无配偶")
        if (p.living == "institution") != ("tekun_central" in p.categories):
            wrong.append("集中供养与居住状况不符")
        grown = [m for m in world.members(p) if m.relation in (SON, DAUGHTER) and m.age >= 18]
        if p.categories & {"empty_nest_elder", "left_behind_elder"} and (
            p.living == "children" or (p.relation in (HEAD, SPOUSE) and grown)
        ):
            wrong.append("空巢/留守老人与成年子女同住")
        if "orphan" in p.categories and p.guardian_relation in ("父母", "父亲", "母亲"):
            wrong.append("孤儿的监护人是父母")
        if wrong:
            problems.append(f"{p}: {'；'.join(wrong)}")
    _none(problems)


def test_relations_within_each_household_are_coherent(demo: Demo) -> None:
    _db, world = demo
    problems = []
    for household_id, members in world.households.items():
        heads = [m for m in members if m.relation == HEAD]
        if len(heads) > 1:
            problems.append(f"户 {household_id}: {len(heads)} 个户主")
        for m in members:
            if (m.relation, m.sex) in ((SON, FEMALE), (DAUGHTER, MALE)):
                problems.append(f"户 {household_id}: {m} 与户主关系 {m.relation} 与性别不符")
            if m.age < 18 and m.relation in (HEAD, SPOUSE):
                problems.append(f"户 {household_id}: 未成年的户主或配偶 {m}")
        if not heads:
            continue
        head = heads[0]
        for m in members:
            gap = head.age - m.age
            wrong = {
                SPOUSE: m.sex == head.sex or abs(gap) > 12 or {m.marital, head.marital} != {"20"},
                SON: gap < 16,
                DAUGHTER: gap < 16,
                GRANDCHILD: gap < 36,
                PARENT: -gap < 16,
            }.get(m.relation, False)
            if wrong:
                problems.append(f"户 {household_id}: 户主 {head} 与 {m}（关系 {m.relation}）")
            if m.age < 18 and head.age >= 18 and m.guardian_name != head.name:
                problems.append(f"户 {household_id}: {m} 的监护人不是同住的户主 {head}")
    _none(problems)


def _case_texts(db: Database) -> dict[int, list[tuple[str, str]]]:
    """Every text written about each case, with where it was found."""
    texts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    queries = {
        "主诉": select(Case.id, Case.presenting_problem + " " + Case.decision_reason),
        "评估": select(
            CaseAssessment.case_id,
            CaseAssessment.domains + CaseAssessment.strengths + CaseAssessment.needs,
        ),
        "计划": select(CasePlan.case_id, CasePlan.overall_goal),
        "目标": select(
            CasePlan.case_id, CaseGoal.goal + " " + CaseGoal.measures + " " + CaseGoal.actions
        ).join(CasePlan, CasePlan.id == CaseGoal.plan_id),
        "服务记录": select(
            ServiceRecord.case_id,
            ServiceRecord.content
            + " "
            + ServiceRecord.analysis
            + " "
            + ServiceRecord.place
            + " "
            + ServiceRecord.people_present,
        ),
        "评估结果": select(CaseEvaluation.case_id, CaseEvaluation.change_summary),
        "结案": select(CaseClosure.case_id, CaseClosure.summary),
        "回访": select(CaseFollowUp.case_id, CaseFollowUp.result),
        "转介": select(Referral.case_id, Referral.agency + " " + Referral.reason),
        "过程": select(CaseEvent.case_id, CaseEvent.reason),
        "督导意见": select(CaseComment.case_id, CaseComment.body),
        "志愿服务": select(VolunteerService.case_id, VolunteerService.description).where(
            VolunteerService.case_id.is_not(None)
        ),
        "督导议题": select(SupervisionCase.case_id, Supervision.topics).join(
            Supervision, Supervision.id == SupervisionCase.supervision_id
        ),
    }
    with db.read() as session:
        for where, query in queries.items():
            for case_id, text in session.execute(query):
                if case_id is not None:  # every query keeps to rows of a case
                    texts[case_id].append((where, text or ""))
    return texts


def test_every_case_text_fits_its_client(demo: Demo) -> None:
    db, world = demo
    with db.read() as session:
        clients: dict[int, int] = {
            r.id: r.client_id for r in session.execute(select(Case.id, Case.client_id))
        }
    problems = []
    for case_id, texts in _case_texts(db).items():
        client = world.people[clients[case_id]]
        for where, text in texts:
            wrong = text_misfits(text, client, world)
            if wrong:
                problems.append(f"个案 {case_id} {client} {where}「{text[:40]}」: {wrong}")
    _none(problems)


def _day(at: dt.datetime | None) -> dt.date | None:
    return None if at is None else at.date()


PHASES = {
    "接案": 0, "评估": 1, "计划": 2, "计划审批": 3, "服务记录": 4, "志愿服务": 4, "评估结果": 5,
    "结案申请": 6, "结案审批": 7,
}  # fmt: skip


def test_case_steps_come_in_order_and_none_lies_ahead(demo: Demo) -> None:
    db, world = demo
    today = world.today
    steps: dict[int, list[tuple[str, dt.date | None]]] = defaultdict(list)
    queries = {
        "评估": select(CaseAssessment.case_id, CaseAssessment.assessed_on),
        "计划": select(CasePlan.case_id, CasePlan.submitted_at),
        "计划审批": select(CasePlan.case_id, CasePlan.reviewed_on),
        "服务记录": select(ServiceRecord.case_id, ServiceRecord.served_on),
        "志愿服务": select(VolunteerService.case_id, VolunteerService.served_on).where(
            VolunteerService.case_id.is_not(None)
        ),
        "评估结果": select(CaseEvaluation.case_id, CaseEvaluation.evaluated_on),
        "结案申请": select(CaseClosure.case_id, CaseClosure.submitted_at),
        "结案审批": select(CaseClosure.case_id, CaseClosure.reviewed_on),
    }
    with db.read() as session:
        cases = session.execute(select(Case.id, Case.intake_date, Case.closed_on)).all()
        for step, query in queries.items():
            for case_id, value in session.execute(query):
                day = _day(value) if isinstance(value, dt.datetime) else value
                if case_id is not None:
                    steps[case_id].append((step, day))
        follow_ups = defaultdict(list)
        for case_id, day in session.execute(
            select(CaseFollowUp.case_id, CaseFollowUp.contacted_on)
        ):
            follow_ups[case_id].append(day)
        events = defaultdict(list)
        for case_id, day in session.execute(
            select(CaseEvent.case_id, CaseEvent.happened_on).order_by(CaseEvent.id)
        ):
            events[case_id].append(day)
    problems = []
    for case_id, intake, closed_on in cases:
        dated = [("接案", intake), *((s, d) for s, d in steps[case_id] if d is not None)]
        for step, day in dated:
            # Volunteers serve alongside the service records: both come in one phase.
            before = [(s, d) for s, d in dated if PHASES[s] < PHASES[step]]
            latest_before = max(before, key=lambda sd: sd[1], default=None)
            if latest_before is not None and day < latest_before[1]:
                problems.append(f"个案 {case_id}: {step} {day} 早于 {latest_before}")
        latest = [d for _s, d in dated] + follow_ups[case_id] + events[case_id]
        if max(latest) > today:
            problems.append(f"个案 {case_id}: 日期 {max(latest)} 晚于今天 {today}")
        if closed_on is not None and any(d > closed_on for _s, d in dated):
            problems.append(f"个案 {case_id}: 结案 {closed_on} 之后还有步骤")
        if closed_on is not None and any(d <= closed_on for d in follow_ups[case_id]):
            problems.append(f"个案 {case_id}: 回访不在结案 {closed_on} 之后")
        if any(later < earlier for earlier, later in itertools.pairwise(events[case_id])):
            problems.append(f"个案 {case_id}: 过程记录日期倒序 {events[case_id]}")
    _none(problems)


def test_group_members_fit_their_group(demo: Demo) -> None:
    db, world = demo
    with db.read() as session:
        members = session.execute(
            select(Group.id, Group.name, GroupMember.client_id).join(
                GroupMember, GroupMember.group_id == Group.id
            )
        ).all()
        notes = session.execute(
            select(GroupMember.client_id, GroupAttendance.observation)
            .join(GroupMember, GroupMember.id == GroupAttendance.member_id)
            .where(GroupAttendance.observation != "")
        ).all()
    problems = []
    for group_id, name, client_id in members:
        person = world.people[client_id]
        for words, who, fits in GROUP_RULES:
            if re.search(words, name) and not fits(person, world):
                problems.append(f"小组 {group_id}「{name}」要{who}，组员 {person} 不是")
    for client_id, note in notes:
        wrong = text_misfits(note, world.people[client_id], world)
        if wrong:
            problems.append(f"组员 {world.people[client_id]} 的出勤记录「{note}」: {wrong}")
    _none(problems)


def test_activity_sign_ins_fit_the_activity(demo: Demo) -> None:
    db, world = demo
    with db.read() as session:
        activities = {a.id: a for a in session.scalars(select(Activity))}
        signed = session.execute(
            select(ActivityParticipant.activity_id, ActivityParticipant.client_id)
        ).all()
    problems = []
    by_activity: dict[int, list[Person]] = defaultdict(list)
    for activity_id, client_id in signed:
        a, p = activities[activity_id], world.people[client_id]
        by_activity[activity_id].append(p)
        wrong = (
            (a.activity_type == "deliberation" and p.age < 18)
            or (re.search("老年", a.title) and p.age < 60)
            or (re.search("儿童|校园|防溺水", a.title) and p.age >= 18)
            or (re.search("家庭教育", a.title) and not world.in_care(p))
        )
        if wrong:
            problems.append(f"活动 {activity_id}「{a.title}」签到了 {p}")
    for activity_id, people in by_activity.items():
        a = activities[activity_id]
        children = sum(p.age < 18 for p in people)
        elders = sum(p.age >= 60 for p in people)
        if children > a.participants_children or elders > a.participants_elderly:
            problems.append(f"活动 {activity_id}: 签到儿童 {children}、老人 {elders} 多于分类人数")
    _none(problems)


def test_visit_findings_fit_the_household_visited(demo: Demo) -> None:
    db, world = demo
    with db.read() as session:
        visits = list(session.scalars(select(Visit)))
        met = defaultdict(list)
        for visit_id, client_id in session.execute(
            select(VisitClient.visit_id, VisitClient.client_id)
        ):
            met[visit_id].append(world.people[client_id])
    problems = []
    for v in visits:
        members = world.households[v.household_id] if v.household_id else met[v.id]
        named = [p for p in met[v.id] if v.people_met.startswith(p.name)]
        if not named:
            problems.append(f"走访 {v.id}: 「{v.people_met}」不是走访到的人")
        text = "。".join((v.people_met, v.living_conditions, v.safety, v.needs_found))
        for pattern, fits in VISIT_RULES:
            match = re.search(pattern, text)
            if match and not fits(members, match):
                problems.append(
                    f"走访 {v.id}「{match[0]}」: {text[:60]} / {list(map(str, members))}"
                )
        if named and re.search("老伴|夫妇", v.people_met) and world.spouse(named[0]) is None:
            problems.append(f"走访 {v.id}「{v.people_met}」: {named[0]} 户内无配偶")
    _none(problems)


def test_resources_fit_the_household_they_went_to(demo: Demo) -> None:
    db, world = demo
    with db.read() as session:
        given = session.execute(
            select(Resource.id, Resource.description, Resource.client_id).where(
                Resource.client_id.is_not(None)
            )
        ).all()
    problems = []
    for resource_id, description, client_id in given:
        assert client_id is not None
        members = world.members(world.people[client_id])
        for words, fits in RESOURCE_RULES:
            if re.search(words, description) and not any(fits(m) for m in members):
                problems.append(
                    f"资源 {resource_id}「{description}」给了 {list(map(str, members))}"
                )
    _none(problems)


def test_every_case_client_signed_the_service_consent_by_intake(demo: Demo) -> None:
    db, _world = demo
    with db.read() as session:
        signed = (
            select(Consent.id)
            .where(
                Consent.client_id == Case.client_id,
                Consent.item == "service",
                Consent.signed_on <= Case.intake_date,
            )
            .exists()
        )
        unsigned = session.scalar(select(func.count()).select_from(Case).where(~signed))
        cases = session.scalar(select(func.count()).select_from(Case))
    assert cases and unsigned == 0
