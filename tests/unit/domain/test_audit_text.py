"""The audit log's details read as Chinese: key names, field names, code labels, old → new."""

from __future__ import annotations

from app.domain.audit_text import describe, field_label, key_label, unnamed_keys


def test_changed_fields_are_listed_by_their_form_labels() -> None:
    text = describe("client", "update", {"fields": ["phone", "risk_level", "categories"]})
    assert text == "修改的字段：联系电话、风险等级、类别"


def test_a_re_rating_shows_old_and_new_level_and_is_not_listed_twice() -> None:
    details = {
        "fields": ["phone", "risk_level"],
        "risk_level": {"before": "medium", "after": "high"},
    }
    assert describe("client", "update", details) == "修改的字段：联系电话；风险等级：中 → 高"


def test_case_steps_name_the_stage_the_day_and_why_late() -> None:
    details = {
        "case_no": "ZJ0001-2026-0003",
        "record_id": 7,
        "stage": "assessment",
        "on": "2026-03-02",
        "late_reason": "纸质记录补录",
    }
    assert describe("case", "assess", details) == (
        "个案编号：ZJ0001-2026-0003；记录编号：7；阶段：预估；发生日期：2026-03-02；"
        "补录原因：纸质记录补录"
    )


def test_codes_are_shown_by_their_labels() -> None:
    assert describe("case", "open_case", {"decision": "decline"}) == "接案决定：不接案"
    assert describe("user", "create", {"role": "head"}) == "角色：站长"
    assert describe("client", "consent", {"items": ["service", "photo"], "granted": True}) == (
        "同意项目：服务、照片/宣传；同意：是"
    )
    assert describe("case", "update_referral", {"status": "received"}) == "转介状态：已接收"
    assert describe("", "login_failed", {"reason": "unknown user"}) == "原因：用户名不存在"
    assert describe("report", "export", {"kind": "monthly"}) == "类型：月报"
    assert describe("audit", "export", {"record_type": "client", "done": "reveal"}) == (
        "记录类型：服务对象；操作：查看完整号码"
    )


def test_before_and_after_name_what_changed() -> None:
    assert describe("case", "reassign", {"before": "王芳", "after": "李明"}) == (
        "负责社工：王芳 → 李明"
    )
    assert describe(
        "code_item", "update", {"before": ["敬老院", True], "after": ["养老院", False]}
    ) == ("名称：敬老院 → 养老院；启用：是 → 否")


def test_empty_values_are_left_out_and_times_are_shortened() -> None:
    details = {"rows": 3, "user": "", "since": "2026-11-01 00:00:00+08:00", "until": None}
    assert describe("audit", "export", details) == "行数：3；起始时间：2026-11-01 00:00"


def test_an_unnamed_key_is_shown_as_stored_not_dropped() -> None:
    assert describe("client", "update", {"brand_new": "x"}) == "brand_new：x"
    assert unnamed_keys(["brand_new", "fields"]) == ["brand_new"]


def test_one_key_may_mean_something_narrower_for_one_record_type() -> None:
    assert key_label("name", "client") == "姓名"
    assert key_label("name", "village") == "名称"
    assert field_label("name", "group") == "小组名称"
    assert field_label("title", "training") == "培训名称"
