"""Chinese names for the audit log's actions and record types, as the viewer shows them."""

from __future__ import annotations

from app.domain.case_rules import ACTION_LABELS

ENTITY_LABELS: dict[str, str] = {
    "client": "服务对象",
    "case": "个案",
    "user": "用户",
    "village": "村/社区",
    "station": "社工站",
    "setting": "设置",
    "code_item": "代码表",
    "backup": "备份",
    "database": "数据库",
    "audit": "审计日志",
    "import": "名册导入",
    "group": "小组",
    "activity": "社区活动",
    "visit": "走访",
    "work_log": "工作日志",
    "consent": "知情同意",
    "supervision": "督导记录",
    "training": "培训",
    "volunteer": "志愿者",
    "volunteer_service": "志愿服务记录",
    "resource": "资源链接",
    "report": "报表",
    "project": "服务项目",
    "package": "数据包",
    "evaluation_system": "评估指标体系",
    "evaluation_round": "评估",
    "rectification": "整改事项",
    "room": "社工室",
    "satisfaction_survey": "满意度调查",
    "interview_round": "回访",
    "assessment": "社工考核",
    "partner": "合作方",
}

REFUSAL_ACTIONS = ("refused", "login_failed")
"""Actions that record a refusal: a role's missing right, a refused reveal, a failed login."""

_ACTIONS: dict[str, str] = {
    "create": "新增",
    "update": "修改",
    "archive": "归档",
    "unarchive": "取消归档",
    "reveal": "查看完整号码",
    "export": "导出",
    "login": "登录",
    "login_failed": "登录失败",
    "refused": "操作被拒绝",
    "password_changed": "修改密码",
    "reset_password": "重置密码",
    "unlock": "解除锁定",
    "room": "调整所在社工室",
    "qualification": "修改职业资格",
    "activate": "启用",
    "deactivate": "停用",
    "setting": "修改设置",
    "backup": "备份",
    "restore": "恢复备份",
    "backup_export": "备份到U盘",
    "backup_delete": "删除备份",
    "open_case": "开案",
    "initialise": "初始化",
    "import": "导入",  # a roster, an indicator system or surveys: the record says which
    "delete": "删除",
    "update_session": "修改节次",
    "add_entry": "添加日志条目",
    "update_entry": "修改日志条目",
    "delete_entry": "删除日志条目",
    "sync": "同步自动条目",
    "add_photo": "添加照片",
    "caption_photo": "修改照片说明",
    "remove_photo": "删除照片",
    "add_document": "添加项目文件",
    "remove_document": "删除项目文件",
    "consent": "登记知情同意",
    "consent_withdraw": "撤回知情同意",
    "anonymise": "匿名化",
    "demo_fill": "填充演示数据",
    "package_export": "导出数据包",
    "package_import": "导入数据包",
    "package_held": "暂存数据包",
    "package_return_export": "导出回执包",
    "package_return_import": "导入回执包",
    "package_conflict_resolved": "处理数据包冲突",
    "package_decision_received": "收到县级裁决",
    "package_key_installed": "装入县里的公钥",
    "package_key_pair_created": "生成县里的密钥对",
    "package_signing_key_made": "生成本站的签名密钥",
    "package_signing_key_registered": "登记站点的签名公钥（数据包密码）",
    "package_signing_key_trusted": "登记站点的签名公钥（管理员）",
    "score": "评分",
    "finish": "完成评估",
    "close": "完成整改",
    "reopen": "重新打开",
    "attach": "附加证明材料",
    "station_migrate": "站点迁移到县服务器",
    "confirm": "确认",
} | {action.value: label for action, label in ACTION_LABELS.items()}


def action_label(action: str) -> str:
    """The Chinese name of an audited action; an unknown one is shown as stored."""
    return _ACTIONS.get(action, action)


def entity_label(entity: str) -> str:
    """The Chinese name of a record type; an unknown one is shown as stored."""
    return ENTITY_LABELS.get(entity, entity)


def known_actions() -> dict[str, str]:
    """Every named action with its label, for a filter list."""
    return dict(_ACTIONS)
