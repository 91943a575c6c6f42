<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountTab</name>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>社工站</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>This account manages users, villages and code lists. Usually the station head holds it.</source>
        <translation>此账号负责管理用户、村（社区）和代码表，一般由站长担任。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The user name is letters, digits, dots, underscores or hyphens. The password has at least 8 characters and must differ from the user name.</source>
        <translation>用户名可使用字母、数字、点、下划线或短横线。密码至少8位，且不能与用户名相同。</translation>
    </message>
    <message>
        <source>The user name must be 2 to 32 letters, digits, dots, _ or -.</source>
        <translation>用户名应为2至32位字母、数字、点、下划线或短横线。</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archive client</source>
        <translation>归档服务对象</translation>
    </message>
    <message>
        <source>Archive {name}? The record is kept and can be restored; it leaves the list of active clients.</source>
        <translation>确定将 {name} 归档吗？记录会保留，可随时恢复；归档后不再显示在在册名单中。</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>No longer needs services</source>
        <translation>不再需要服务</translation>
    </message>
    <message>
        <source>Registered twice by mistake</source>
        <translation>重复登记</translation>
    </message>
    <message>
        <source>Choose or type a reason</source>
        <translation>选择或填写归档原因</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>归档原因：</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Assessment</source>
        <translation>预估</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>各领域情况</translation>
    </message>
    <message>
        <source>One need per line, the most pressing first</source>
        <translation>每行一项需要，最迫切的写在最前</translation>
    </message>
    <message>
        <source>Required when the risk level changes</source>
        <translation>调整风险等级时必须填写</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>第几次预估</translation>
    </message>
    <message>
        <source>Strengths and resources</source>
        <translation>优势与资源</translation>
    </message>
    <message>
        <source>Needs (ranked)</source>
        <translation>问题与需要（按优先次序）</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Reason for the risk level</source>
        <translation>风险等级调整原因</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} entries exported to {path}</source>
        <translation>已导出 {count} 条到 {path}</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Station Desk backs up this database when it closes and once a day while it runs, and keeps daily, weekly and monthly backups in:
{folder}</source>
        <translation>工作台在退出时和运行期间每天自动备份这个数据库，按日、周、月保留多份备份，存放在：
{folder}</translation>
    </message>
    <message>
        <source>Encrypt with a backup password</source>
        <translation>用备份密码加密</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Back up to…</source>
        <translation>备份到…</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>从选中的备份恢复…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>On exit</source>
        <translation>退出时自动</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Backed up to:
{path}</source>
        <translation>已备份到：
{path}</translation>
    </message>
    <message>
        <source>Backed up to:
{path}

The copy was read back and matches. Keep the stick somewhere safe, away from this computer.</source>
        <translation>已备份到：
{path}

复制后已重新读出核对，内容一致。请把U盘妥善保管，不要和这台电脑放在一起。</translation>
    </message>
    <message>
        <source>Restore the backup of {when} ({clients} clients, {cases} cases)?

Everything entered after that time will no longer be shown. The current database is not deleted: it is kept next to it under a new name. Everyone must sign in again afterwards.</source>
        <translation>要从 {when} 的备份恢复吗（服务对象 {clients} 名，个案 {cases} 个）？

这个时间以后录入的内容将不再显示。当前的数据库不会删除，会改名保存在原来的文件夹里。恢复后所有人都需要重新登录。</translation>
    </message>
    <message>
        <source>The backup was restored. Please sign in again.

The previous database was kept as:
{path}</source>
        <translation>已从备份恢复，请重新登录。

原来的数据库已改名保存为：
{path}</translation>
    </message>
    <message>
        <source>Back up to which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <source>Backup password</source>
        <translation>备份密码</translation>
    </message>
    <message>
        <source>Backup password:</source>
        <translation>备份密码：</translation>
    </message>
    <message>
        <source>The same password again:</source>
        <translation>再输入一次备份密码：</translation>
    </message>
    <message>
        <source>The two passwords differ. Nothing was backed up.</source>
        <translation>两次输入的密码不一致，没有备份。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Review the service plan</source>
        <translation>审批服务计划</translation>
    </message>
    <message>
        <source>Review the closure request</source>
        <translation>审批结案申请</translation>
    </message>
    <message>
        <source>Decline the case</source>
        <translation>不接案</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <source>Pause the case</source>
        <translation>暂停个案</translation>
    </message>
    <message>
        <source>Resume the case</source>
        <translation>恢复个案</translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation>重新开启个案</translation>
    </message>
    <message>
        <source>Comment on the case</source>
        <translation>填写督导意见</translation>
    </message>
    <message>
        <source>Comment *</source>
        <translation>意见 *</translation>
    </message>
    <message>
        <source>Submit the service plan to the station head for approval?</source>
        <translation>把服务计划提交站长审批吗？</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reload the case?</source>
        <translation>是否重新载入个案？</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Overall goal: {goal}</source>
        <translation>总目标：{goal}</translation>
    </message>
    <message>
        <source>{n}. {goal}; measures: {measures}; who: {who}; due: {due}</source>
        <translation>{n}. {goal}；衡量：{measures}；负责：{who}；完成时间：{due}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>结案原因：{reason}</translation>
    </message>
    <message>
        <source>Summary: {summary}</source>
        <translation>结案小结：{summary}</translation>
    </message>
    <message>
        <source>Follow-up plan: {plan}</source>
        <translation>跟进计划：{plan}</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Choose a case in the list to see it here.</source>
        <translation>在左侧列表中选择一个个案，即可在此查看。</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Print case file</source>
        <translation>打印个案档案</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>个案进程（时间线）</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk / urgency</source>
        <translation>风险 / 紧急程度</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>接案日期</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>求助问题</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>预估</translation>
    </message>
    <message>
        <source>Service plan</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>Submit plan</source>
        <translation>提交计划审批</translation>
    </message>
    <message>
        <source>Review plan</source>
        <translation>审批计划</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Referral status</source>
        <translation>转介进展</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Request closure</source>
        <translation>申请结案</translation>
    </message>
    <message>
        <source>Review closure</source>
        <translation>审批结案</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Edit intake</source>
        <translation>修改接案信息</translation>
    </message>
    <message>
        <source>Decline the case</source>
        <translation>不接案</translation>
    </message>
    <message>
        <source>Refer at intake</source>
        <translation>接案时转介</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新开启</translation>
    </message>
    <message>
        <source>, {age} years</source>
        <translation>，{age}岁</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>This case is closed and read-only. A station head can reopen it.</source>
        <translation>个案已结案，档案只读。如需修改，请站长重新开启。</translation>
    </message>
    <message>
        <source>This case is paused: resume it to continue the work.</source>
        <translation>个案已暂停：恢复后才能继续服务。</translation>
    </message>
</context>
<context>
    <name>CaseFilePrinter</name>
    <message>
        <source>Save the case file</source>
        <translation>保存个案档案</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print case file</source>
        <translation>打印个案档案</translation>
    </message>
    <message>
        <source>Print the client's full ID number? Showing it is recorded in the audit log. Without it the number is printed masked.</source>
        <translation>是否打印服务对象的完整身份证号？显示完整号码会记入操作日志；否则打印遮挡后的号码。</translation>
    </message>
    <message>
        <source>Full number</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>遮挡号码</translation>
    </message>
    <message>
        <source>The case file was saved to {path}. Open it now?</source>
        <translation>个案档案已保存到 {path}。现在打开吗？</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Search case number or client (Ctrl+F)</source>
        <translation>搜索个案编号或服务对象（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open cases only</source>
        <translation>只看进行中</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>全部社工</translation>
    </message>
    <message>
        <source>Any risk level</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case no.</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Contact overdue</source>
        <translation>联系已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>All cases</source>
        <translation>全部个案</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>开个案</translation>
    </message>
    <message>
        <source>Intake of a new case (Ctrl+N)</source>
        <translation>新个案接案（Ctrl+N）</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 个个案</numerusform>
        </translation>
    </message>
    <message>
        <source>To do ({count})</source>
        <translation>待办（{count}）</translation>
    </message>
</context>
<context>
    <name>ClientDetailPanel</name>
    <message>
        <source>Choose a client in the list to see the details.</source>
        <translation>在左侧名单中选择一位服务对象，即可查看详细信息。</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Each view of a full number is recorded.</source>
        <translation>每次查看完整号码都会记入操作日志。</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a member.</source>
        <translation>双击或按回车键打开该家庭成员。</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>Self-care ability</source>
        <translation>自理能力</translation>
    </message>
    <message>
        <source>Living arrangement</source>
        <translation>居住状况</translation>
    </message>
    <message>
        <source>Guardian or contact</source>
        <translation>监护人/联系人</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation>{date}（{age}岁）</translation>
    </message>
    <message>
        <source> (reason: {reason})</source>
        <translation>（原因：{reason}）</translation>
    </message>
    <message>
        <source>{created}, last changed {updated}</source>
        <translation>{created}，最后修改于 {updated}</translation>
    </message>
    <message>
        <source>Head of the household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Head: {head}; relation: {relation}</source>
        <translation>户主：{head}；与户主关系：{relation}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>, {age}</source>
        <translation>，{age}岁</translation>
    </message>
</context>
<context>
    <name>ClientFormDialog</name>
    <message>
        <source>Edit client</source>
        <translation>编辑服务对象</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新增服务对象</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>e.g. son, niece, village cadre</source>
        <translation>如：儿子、侄女、村干部</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Guardian or contact</source>
        <translation>监护人/联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Disability and care</source>
        <translation>残疾与照护</translation>
    </message>
    <message>
        <source>Disability type</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Self-care ability</source>
        <translation>自理能力</translation>
    </message>
    <message>
        <source>Living arrangement</source>
        <translation>居住状况</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Taken from the ID number</source>
        <translation>由身份证号自动得出</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>是否仍要保存？</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍要保存</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Open existing record</source>
        <translation>打开已有记录</translation>
    </message>
</context>
<context>
    <name>ClientPrompts</name>
    <message>
        <source>Station Desk</source>
        <translation>社工站工作台</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Register a new client (Ctrl+N)</source>
        <translation>登记新的服务对象（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected client (Enter)</source>
        <translation>编辑所选服务对象（回车键）</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Restore to active</source>
        <translation>恢复在册</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <source>Import a roster (dibao, tekun, disability…) from Excel</source>
        <translation>从 Excel 导入低保、特困、残疾人等名单</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>Request closure</source>
        <translation>申请结案</translation>
    </message>
    <message>
        <source>Leave empty when no follow-up is planned</source>
        <translation>不需要跟进时留空</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>结案原因</translation>
    </message>
    <message>
        <source>Summary *</source>
        <translation>结案小结 *</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>跟进计划</translation>
    </message>
    <message>
        <source>Follow up until</source>
        <translation>跟进截止日期</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
</context>
<context>
    <name>CodesTab</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Name of the new item</source>
        <translation>新项目的名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Code list</source>
        <translation>代码表</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复使用</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved this client</source>
        <translation>该服务对象已被他人修改</translation>
    </message>
    <message>
        <source>Fields that differ from the stored record: {count}.</source>
        <translation>与已保存记录不同的项目：{count} 项。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>当前已保存</translation>
    </message>
    <message>
        <source>My value</source>
        <translation>我的填写</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Show the stored record; my edits are dropped.</source>
        <translation>显示已保存的记录，我在此处的修改将被放弃。</translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <source>Save my values over the stored record.</source>
        <translation>用我的填写覆盖已保存的记录。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>These fields will get my values: {fields}.

Save over the stored record?</source>
        <translation>以下项目将改为我的填写：{fields}。

确定覆盖已保存的记录吗？</translation>
    </message>
    <message>
        <source>Save my values</source>
        <translation>保存我的填写</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Reload the stored record? My changes here are dropped.</source>
        <translation>重新载入已保存的记录吗？我在此处的修改将被放弃。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>服务对象类别</translation>
    </message>
    <message>
        <source>Disability type</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Self-care ability</source>
        <translation>自理能力</translation>
    </message>
    <message>
        <source>Living arrangement</source>
        <translation>居住状况</translation>
    </message>
    <message>
        <source>Guardian or contact</source>
        <translation>监护人/联系人</translation>
    </message>
    <message>
        <source>Guardian's relation</source>
        <translation>监护人关系</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your saved data is safe. Please copy the report below and send it to your support contact.
Log file: {path}</source>
        <translation>程序遇到了意外错误。已保存的数据不受影响。请复制下面的报告，发给负责技术支持的人员。
日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>达成情况</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>服务前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>服务后</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Change before and after</source>
        <translation>服务前后的变化</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5分）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search name, ID number, phone or village (Ctrl+F)</source>
        <translation>按姓名、身份证号、电话或村/社区查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村/社区</translation>
    </message>
    <message>
        <source>Any risk level</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>全部社工</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>The follow-up plan is done</source>
        <translation>跟进计划已完成</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Result *</source>
        <translation>跟进结果 *</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>HeadSearchDialog</name>
    <message>
        <source>Choose the household head</source>
        <translation>选择户主</translation>
    </message>
    <message>
        <source>Name, ID number or phone of the head</source>
        <translation>输入户主的姓名、身份证号或电话</translation>
    </message>
    <message>
        <source>Type to search.</source>
        <translation>请输入查找内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es).</source>
        <translation>
            <numerusform>找到 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>没有找到符合条件的人。</translation>
    </message>
</context>
<context>
    <name>HouseholdField</name>
    <message>
        <source>Not in a household</source>
        <translation>未加入家庭</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>IdNumberField</name>
    <message>
        <source>18 digits; leave empty if unknown</source>
        <translation>18位号码；不知道可以不填</translation>
    </message>
    <message>
        <source>Open existing record</source>
        <translation>打开已有记录</translation>
    </message>
    <message>
        <source>Born {date}, {sex}</source>
        <translation>出生日期 {date}，{sex}</translation>
    </message>
    <message>
        <source>, issued in {place}</source>
        <translation>，发证地 {place}</translation>
    </message>
    <message>
        <source>Already registered as “{name}”.</source>
        <translation>该号码已登记为“{name}”。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>An .xlsx, .xls or .csv file</source>
        <translation>选择 .xlsx、.xls 或 .csv 文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose the roster from the civil affairs office or another department. Nothing is written until you confirm the preview.</source>
        <translation>请选择民政办或其他部门下发的名单。在您确认预览结果之前，不会写入任何数据。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Column mapping:</source>
        <translation>列对应关系：</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名单类别</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Earlier imports:</source>
        <translation>导入记录：</translation>
    </message>
    <message>
        <source>e.g. Rural dibao roster</source>
        <translation>如：农村低保名单</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存对应关系</translation>
    </message>
    <message>
        <source>Save this mapping as:</source>
        <translation>将对应关系保存为：</translation>
    </message>
    <message>
        <source>The roster grants:</source>
        <translation>名单类别：</translation>
    </message>
    <message>
        <source>Import date:</source>
        <translation>导入日期：</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Recognise from the header names</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>选择名单文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Header found in row {row}. Check which client field each column fills; columns set to (not imported) are left out.</source>
        <translation>表头在第 {row} 行。请核对每一列对应的服务对象信息；设为“（不导入）”的列将被忽略。</translation>
    </message>
    <message>
        <source>Mapping saved as "{name}".</source>
        <translation>对应关系已保存为“{name}”。</translation>
    </message>
    <message>
        <source>Each field can come from one column only: {fields}.</source>
        <translation>每项信息只能对应一列，以下信息对应了多列：{fields}。</translation>
    </message>
    <message>
        <source>Checking the roster…</source>
        <translation>正在核对名单…</translation>
    </message>
    <message>
        <source> Compared with the roster imported on {date}.</source>
        <translation>已与 {date} 导入的同类名单比对。</translation>
    </message>
    <message>
        <source>{category}, import date {date}: {counts}.</source>
        <translation>{category}，导入日期 {date}：{counts}。</translation>
    </message>
    <message>
        <source>Import this roster? {new} new clients, {updated} updated; rows with errors are left out.</source>
        <translation>确定导入这份名单吗？新增 {new} 人，更新 {updated} 人；有错误的行不会导入。</translation>
    </message>
    <message>
        <source> {count} people are no longer on the roster: their category ends on {date} (nothing is deleted).</source>
        <translation>另有 {count} 人不在新名单中：其类别将于 {date} 终止（记录不会删除）。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The roster was imported: {counts}.</source>
        <translation>名单已导入：{counts}。</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} rows saved to {path}.</source>
        <translation>已将 {count} 行保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Open a case (intake)</source>
        <translation>开个案（接案）</translation>
    </message>
    <message>
        <source>No client chosen</source>
        <translation>尚未选择服务对象</translation>
    </message>
    <message>
        <source>Find client…</source>
        <translation>查找服务对象…</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Who referred or reported the case</source>
        <translation>转介人或反映人</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我自己</translation>
    </message>
    <message>
        <source>Client *</source>
        <translation>服务对象 *</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>接案日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>个案来源</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>转介人</translation>
    </message>
    <message>
        <source>Presenting problem *</source>
        <translation>求助问题 *</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>接案决定</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因（不接案或转介时必填）</translation>
    </message>
    <message>
        <source>Refer to</source>
        <translation>转介至</translation>
    </message>
    <message>
        <source>Agency contact</source>
        <translation>对方联系人</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>接案</translation>
    </message>
    <message>
        <source>Choose the client</source>
        <translation>选择服务对象</translation>
    </message>
    <message>
        <source>Name, ID number or phone of the client</source>
        <translation>服务对象的姓名、身份证号或电话</translation>
    </message>
    <message>
        <source>Choose the client first.</source>
        <translation>请先选择服务对象。</translation>
    </message>
</context>
<context>
    <name>IntakeEditDialog</name>
    <message>
        <source>Edit intake</source>
        <translation>修改接案信息</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Intake date</source>
        <translation>接案日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>个案来源</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>转介人</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>求助问题</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The new language is used the next time Station Desk starts.</source>
        <translation>新的界面语言将在下次启动工作台时生效。</translation>
    </message>
    <message>
        <source>Language of the program</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Saved. The new language is used the next time Station Desk starts.</source>
        <translation>已保存。新的界面语言将在下次启动工作台时生效。</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Station Desk is locked</source>
        <translation>社工站工作台已锁定</translation>
    </message>
    <message>
        <source>Locked after a time without use. {name}, enter your password to go on; another user may sign in instead, which closes {name}'s session.</source>
        <translation>长时间未操作，已自动锁定。{name}，请输入密码继续；也可由其他用户登录，{name} 的会话将随之关闭。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Station Desk: log in</source>
        <translation>社工站工作台 - 登录</translation>
    </message>
    <message>
        <source>Station Desk</source>
        <translation>社工站工作台</translation>
    </message>
    <message>
        <source>Station Desk: case management for social work stations</source>
        <translation>社工站工作台：社工站个案与服务管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>You need to choose a new password before you can start.</source>
        <translation>需要先设置新密码才能开始使用。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Station Desk - {station}</source>
        <translation>社工站工作台 - {station}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区活动</translation>
    </message>
    <message>
        <source>Visits &amp; logs</source>
        <translation>走访与日志</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Station Desk</source>
        <translation>关于社工站工作台(&amp;A)</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>About Station Desk</source>
        <translation>关于社工站工作台</translation>
    </message>
    <message>
        <source>Station Desk {version}
Case management for township social work stations. Your records stay on this computer.</source>
        <translation>社工站工作台 {version}
乡镇（街道）社工站个案与服务管理软件。所有记录都保存在本机。</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行内容</translation>
    </message>
    <message>
        <source>Client field</source>
        <translation>对应信息</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password was set by the administrator. Please choose your own password now; you cannot continue without it.</source>
        <translation>您的密码是管理员设置的临时密码。请现在设置自己的密码，设置后才能继续使用。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>At least 8 characters, and not the same as your user name.</source>
        <translation>至少8位，且不能与用户名相同。</translation>
    </message>
    <message>
        <source>The two new passwords are different.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of Station Desk comes in a later version.
Today you can register and look up clients (Clients) and manage the station (Settings).</source>
        <translation>此功能将在后续版本中提供。
目前可以登记和查找服务对象（“服务对象”），以及管理本站（“设置”）。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Service plan</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>衡量指标</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>服务措施</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due (yyyy-mm-dd)</source>
        <translation>完成时间（年-月-日）</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Overall goal *</source>
        <translation>总目标 *</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>检讨日期</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Save and submit for approval</source>
        <translation>保存并提交审批</translation>
    </message>
    <message>
        <source>Goal {n}: the due date should look like 2026-03-31.</source>
        <translation>第 {n} 个目标：完成时间应写成 2026-03-31 这样的格式。</translation>
    </message>
    <message>
        <source>Add at least one goal before submitting.</source>
        <translation>提交前请至少填写一个具体目标。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>No longer on the roster: {village}</source>
        <translation>不在新名单中：{village}</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign the case</source>
        <translation>改派负责社工</translation>
    </message>
    <message>
        <source>Now responsible</source>
        <translation>现负责社工</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>改派给</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>None in particular</source>
        <translation>不针对具体目标</translation>
    </message>
    <message>
        <source>By risk and urgency</source>
        <translation>按风险和紧急程度自动计算</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Mode *</source>
        <translation>服务方式 *</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>在场人员</translation>
    </message>
    <message>
        <source>Goal addressed</source>
        <translation>对应目标</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>社工分析</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步计划</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Refer at intake</source>
        <translation>接案时转介</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>e.g. county disabled persons' federation</source>
        <translation>如：县残疾人联合会</translation>
    </message>
    <message>
        <source>The client agreed to the referral</source>
        <translation>服务对象已同意转介</translation>
    </message>
    <message>
        <source>The referral ends the case (closure request)</source>
        <translation>转介后结案（同时提交结案申请）</translation>
    </message>
    <message>
        <source>Refer to *</source>
        <translation>转介至 *</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>转介原因</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>转出日期</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>Referral status</source>
        <translation>转介进展</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>For review</source>
        <translation>待审批内容</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Station head</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督导</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Code lists</source>
        <translation>代码表</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账号</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Station Desk: first start</source>
        <translation>社工站工作台 - 首次使用</translation>
    </message>
    <message>
        <source>Making demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>Making demo data was cancelled; the station starts empty.</source>
        <translation>已取消生成演示数据，本站从空白开始。</translation>
    </message>
    <message>
        <source>Demo data made: {clients} clients in {villages} villages.</source>
        <translation>演示数据已生成：{villages} 个村（社区）共 {clients} 位服务对象。</translation>
    </message>
    <message>
        <source>Demo staff accounts: {logins} (password {password}).</source>
        <translation>演示社工账号：{logins}（密码 {password}）。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How to start</source>
        <translation>开始方式</translation>
    </message>
    <message>
        <source>Choose how the station's records begin.</source>
        <translation>请选择本站数据的开始方式。</translation>
    </message>
    <message>
        <source>Start empty: we will enter our own clients</source>
        <translation>从空白开始：录入本站真实的服务对象</translation>
    </message>
    <message>
        <source>Start with demo data: made-up clients to try the program with</source>
        <translation>使用演示数据：用虚构的服务对象试用软件</translation>
    </message>
    <message>
        <source>Demo data are invented people for training. Do not choose it on the computer where you will keep real records.</source>
        <translation>演示数据都是虚构的人员，仅供培训和试用。准备存放真实记录的电脑请不要选择此项。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Station Desk</source>
        <translation>社工站工作台</translation>
    </message>
    <message>
        <source>Restore from this backup now?</source>
        <translation>现在从这个备份恢复吗？</translation>
    </message>
    <message>
        <source>Backup password:</source>
        <translation>备份密码：</translation>
    </message>
    <message>
        <source>The database cannot be opened:
{path}

{reason}</source>
        <translation>无法打开数据库：
{path}

{reason}</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>Your station</source>
        <translation>本站信息</translation>
    </message>
    <message>
        <source>Welcome to Station Desk. First, tell us which social work station this is.</source>
        <translation>欢迎使用社工站工作台。首先，请填写本社工站的基本信息。</translation>
    </message>
    <message>
        <source>e.g. Meilin Town Social Work Station</source>
        <translation>例如：梅林镇社工站</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>社工站名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>County or district</source>
        <translation>所属县（区）</translation>
    </message>
    <message>
        <source>The station code is 2 to 16 letters or digits, e.g. JX0426.</source>
        <translation>站点代码为2至16位字母或数字，例如 JX0426。</translation>
    </message>
    <message>
        <source>Please enter the station's name.</source>
        <translation>请填写社工站名称。</translation>
    </message>
    <message>
        <source>The station code must be 2 to 16 letters or digits.</source>
        <translation>站点代码应为2至16位字母或数字。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Reload the case? What you typed here is dropped.</source>
        <translation>是否重新载入个案？您在此处填写的内容将被放弃。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Station Desk</source>
        <translation>社工站工作台</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>The temporary password for {login} is:</source>
        <translation>{login} 的临时密码是：</translation>
    </message>
    <message>
        <source>Give it to the user in person. They must choose their own password when they log in. It is not shown again.</source>
        <translation>请当面交给该用户。用户登录时必须设置自己的密码。此密码不会再次显示。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>TodoList</name>
    <message>
        <source>To do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the case.</source>
        <translation>双击或按回车键打开个案。</translation>
    </message>
    <message>
        <source>Nothing is due. Well done.</source>
        <translation>暂无待办事项。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>需修改密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Give {name} a new temporary password? The old password stops working.</source>
        <translation>要为 {name} 生成新的临时密码吗？原密码将失效。</translation>
    </message>
    <message>
        <source>Deactivate {name}? They can no longer log in.</source>
        <translation>要停用 {name} 的账号吗？停用后将无法登录。</translation>
    </message>
</context>
<context>
    <name>VillagesPage</name>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Enter the villages and communities your station serves, one per line. You can add, rename or retire them later in Settings.</source>
        <translation>请填写本站服务的村和社区，每行一个。以后可以在“设置”中添加、改名或停用。</translation>
    </message>
    <message>
        <source>Meilin Village
Dongshan Village
Hekou Community</source>
        <translation>梅林村
东山村
河口社区</translation>
    </message>
    <message>
        <source>Enter at least one village or community.</source>
        <translation>请至少填写一个村或社区。</translation>
    </message>
</context>
<context>
    <name>VillagesTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>New village or community</source>
        <translation>新的村或社区</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复使用</translation>
    </message>
</context>
</TS>