<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <name>ActivityActions</name>
    <message>
        <source>Delete the activity “{title}” of {day}? Its photos and registered participants are removed with it. This cannot be undone.</source>
        <translation>删除 {day} 的活动“{title}”？活动照片和登记的参与者会一并删除，删除后不能恢复。</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
    <message>
        <source>Copying photos…</source>
        <translation>正在复制照片…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>已添加 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos must be JPG, PNG, GIF, BMP or WEBP, at most {mb} MB.</source>
        <translation>照片须为 JPG、PNG、GIF、BMP 或 WEBP 格式，每张不超过 {mb} MB。</translation>
    </message>
    <message>
        <source>Photo caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <source>Caption (what the photo shows, without names):</source>
        <translation>照片说明（照片内容，请勿写姓名）：</translation>
    </message>
    <message>
        <source>Remove this photo from the activity? The copied file is deleted.</source>
        <translation>从活动中删除这张照片？已复制的照片文件会被删除。</translation>
    </message>
    <message>
        <source>The activity record was saved to {path}. Open it now?</source>
        <translation>活动记录表已保存到 {path}。现在打开吗？</translation>
    </message>
</context>
<context>
    <name>ActivityDetailPanel</name>
    <message>
        <source>Choose an activity in the list to see it here.</source>
        <translation>在左侧列表中选择一项活动，在这里查看详情。</translation>
    </message>
    <message>
        <source>Registered clients</source>
        <translation>登记的服务对象</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Photos show people: use them only with the consent of those shown (registered clients are listed above).</source>
        <translation>照片中有人像：须经被拍摄者同意方可使用（登记参与的服务对象见上方）。</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>活动照片</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>服务对象群体</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Resources used</source>
        <translation>使用资源</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>活动成效</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Caption…</source>
        <translation>照片说明…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <source>Print record</source>
        <translation>打印活动记录</translation>
    </message>
    <message>
        <source>{total} in all: {elderly} elderly, {children} children, {disabled} disabled, {other} others</source>
        <translation>共 {total} 人：老年人 {elderly}，儿童 {children}，残疾人 {disabled}，其他 {other}</translation>
    </message>
    <message>
        <source>Whole township</source>
        <translation>全镇（街道）</translation>
    </message>
    <message>
        <source>{name} {hours} h</source>
        <translation>{name} {hours} 小时</translation>
    </message>
    <message>
        <source>None recorded (volunteers page)</source>
        <translation>暂无（在志愿者页面登记）</translation>
    </message>
    <message>
        <source>Satisfaction survey…</source>
        <translation>满意度调查…</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Record an activity</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>e.g. Dragon Boat Festival for older residents</source>
        <translation>例如：端午节敬老包粽子活动</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Whole township</source>
        <translation>全镇（街道）</translation>
    </message>
    <message>
        <source>Separate several partners with 、</source>
        <translation>多个合作方用“、”分隔</translation>
    </message>
    <message>
        <source>e.g. left-behind elderly and children</source>
        <translation>例如：留守老人和儿童</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>活动名称(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>活动类型(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Date, start, end</source>
        <translation>日期、开始、结束(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Village</source>
        <translation>村/社区(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>Pa&amp;rtners</source>
        <translation>合作方(&amp;R)</translation>
    </message>
    <message>
        <source>Target &amp;group</source>
        <translation>服务对象群体(&amp;G)</translation>
    </message>
    <message>
        <source>Responsible &amp;worker</source>
        <translation>负责社工(&amp;W)</translation>
    </message>
    <message>
        <source>Social work room</source>
        <translation>社工室</translation>
    </message>
    <message>
        <source>Participa&amp;nts</source>
        <translation>参与人数(&amp;N)</translation>
    </message>
    <message>
        <source>Registered &amp;clients</source>
        <translation>登记的服务对象(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ontent</source>
        <translation>活动内容(&amp;O)</translation>
    </message>
    <message>
        <source>Resources &amp;used</source>
        <translation>使用资源(&amp;U)</translation>
    </message>
    <message>
        <source>Outco&amp;me</source>
        <translation>活动成效(&amp;M)</translation>
    </message>
    <message>
        <source>Reload the activity? What you typed here is dropped.</source>
        <translation>重新载入该活动吗？您在此填写的内容将被放弃。</translation>
    </message>
    <message>
        <source>Pick or type a partner</source>
        <translation>选择或输入合作方</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>ActivityFilterBar</name>
    <message>
        <source>Search activity titles (Ctrl+F)</source>
        <translation>搜索活动名称（Ctrl+F）</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>全部社工</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Village or community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Responsible worker</source>
        <translation>负责社工</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
</context>
<context>
    <name>AddStationDialog</name>
    <message>
        <source>Add a station</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <source>One village or community per line</source>
        <translation>每行一个村或社区</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>社工站名称</translation>
    </message>
    <message>
        <source>County or district</source>
        <translation>所属县（区）</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>The code is 2 to 16 letters or digits and starts every case number of the station. Add its users in the Users tab.</source>
        <translation>站点代码为2至16位字母或数字，该站的个案编号都以它开头。站点的用户请在“用户”页添加。</translation>
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
    <message>
        <source>Station</source>
        <translation>所属站点</translation>
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
    <name>AnswerForm</name>
    <message>
        <source>Interview {n}: {name}</source>
        <translation>回访 {n}：{name}</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
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
    <name>AssessmentDetail</name>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Head&apos;s scores</source>
        <translation>站长评分</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>总体评价</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Confirm…</source>
        <translation>确认考核(&amp;C)…</translation>
    </message>
    <message>
        <source>Confirmed assessments keep their figures and can no longer be changed</source>
        <translation>确认后的考核保留当时的统计数字，不能再修改</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose a worker.</source>
        <translation>请选择一位社工。</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未考核</translation>
    </message>
    <message>
        <source>{name} · {period} ({first} to {last}) · counted to {as_of} · {state}</source>
        <translation>{name} · {period}（{first} 至 {last}）· 统计截至 {as_of} · {state}</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
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
    <name>AssessmentPage</name>
    <message>
        <source>Export Excel for the agency…</source>
        <translation>导出机构考核表(Excel)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在案个案</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Late entries</source>
        <translation>补录比例</translation>
    </message>
    <message>
        <source>The assessment was saved to {path}. Open it now?</source>
        <translation>考核表已保存到 {path}。现在打开吗？</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核期间</translation>
    </message>
    <message>
        <source>Month {n}</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <source>Quarter {n}</source>
        <translation>第{n}季度</translation>
    </message>
    <message>
        <source>Confirm the assessment of {name} for {period}? Its figures are kept as they are now and it can no longer be changed. Unsaved changes are not included.</source>
        <translation>确认{name}{period}的考核吗？确认后统计数字按现在的保留，考核不能再修改。未保存的修改不会包含在内。</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Export Excel for the agency</source>
        <translation>导出机构考核表</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>AttendanceTable</name>
    <message>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察记录</translation>
    </message>
    <message>
        <source>What you noticed about them</source>
        <translation>对该组员的观察</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Refusals</source>
        <translation>被拒绝次数</translation>
    </message>
    <message>
        <source>Last refused</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <source>Refused actions in this period, per user</source>
        <translation>本期间被拒绝的操作（按用户）</translation>
    </message>
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
        <source>Exporting the audit log…</source>
        <translation>正在导出审计日志…</translation>
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
{folder}
Backups made by hand are kept until you delete them.</source>
        <translation>工作台在退出时和运行期间每天自动备份这个数据库，按日、周、月保留多份备份，存放在：
{folder}
手动备份会一直保留，直到您删除它。</translation>
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
        <source>Delete the selected backup…</source>
        <translation>删除选中的备份…</translation>
    </message>
    <message>
        <source>Only backups made by hand; automatic ones are removed by themselves.</source>
        <translation>只能删除手动备份；自动备份会按保留规则自动清理。</translation>
    </message>
    <message>
        <source>Delete the backup made by hand on {when}? It cannot be undone.</source>
        <translation>删除 {when} 的手动备份吗？删除后无法恢复。</translation>
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
        <source>Backing up, please wait…</source>
        <translation>正在备份，请稍候…</translation>
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
        <source>Backing up and reading the copy back, please wait…</source>
        <translation>正在备份并读回核对副本，请稍候…</translation>
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
        <source>Restoring the backup, please wait…</source>
        <translation>正在恢复备份，请稍候…</translation>
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
    <name>CaseActionBar</name>
    <message>
        <source>Intake / assessment</source>
        <translation>接案/预估</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Evaluation / closure</source>
        <translation>结案/评估</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案管理</translation>
    </message>
    <message>
        <source>Edit intake</source>
        <translation>修改接案信息</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>预估</translation>
    </message>
    <message>
        <source>Decline the case</source>
        <translation>不接案</translation>
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
        <source>Refer at intake</source>
        <translation>接案时转介</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Referral status</source>
        <translation>转介状态</translation>
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
        <source>Reopen</source>
        <translation>重新开启</translation>
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
        <translation>改派社工</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>督导意见</translation>
    </message>
    <message>
        <source>Print case file</source>
        <translation>打印个案档案</translation>
    </message>
    <message>
        <source>Correct the intake details (problem, source, risk, urgency). Available while the case is open and not paused.</source>
        <translation>更正接案信息（求助问题、来源、风险、紧急程度）。个案未结案且未暂停时可用。</translation>
    </message>
    <message>
        <source>Record an assessment of the client&apos;s situation and needs; it can be repeated. Available while the case is open and not paused.</source>
        <translation>记录对服务对象状况和需求的预估，可多次预估。个案未结案且未暂停时可用。</translation>
    </message>
    <message>
        <source>Decide not to take the case, with the reason. Available only at intake.</source>
        <translation>决定不接案，并写明原因。仅在接案阶段可用。</translation>
    </message>
    <message>
        <source>Write or revise the service plan and its goals. Available after an assessment, except while a plan waits for approval.</source>
        <translation>制订或修改服务计划及目标。完成预估后可用；计划待审批期间不可用。</translation>
    </message>
    <message>
        <source>Send the plan to the station head for approval. Available when a plan is drafted or was returned.</source>
        <translation>把服务计划提交站长审批。有计划草稿或计划被退回时可用。</translation>
    </message>
    <message>
        <source>Approve the plan or return it with a comment. For the station head, when a plan waits for approval.</source>
        <translation>批准服务计划，或附意见退回。站长在有待审批的计划时可用。</translation>
    </message>
    <message>
        <source>Record a service given to the client. Available once the plan is approved (an urgent case may start before).</source>
        <translation>记录为服务对象提供的服务。服务计划经批准后可用（紧急个案可先介入）。</translation>
    </message>
    <message>
        <source>Refer the client to another agency instead of taking the case. Available only at intake.</source>
        <translation>不接案，直接把服务对象转介给其他机构。仅在接案阶段可用。</translation>
    </message>
    <message>
        <source>Refer the client to another agency for part of the service. Available while the case is open and not paused.</source>
        <translation>把服务对象的部分服务转介给其他机构。个案未结案且未暂停时可用。</translation>
    </message>
    <message>
        <source>Record that the agency received the referral, gave feedback or refused it. Available while a referral is open.</source>
        <translation>登记接收机构已接收、已反馈或未接收转介。有未完成的转介时可用。</translation>
    </message>
    <message>
        <source>Evaluate the goals reached and the client&apos;s satisfaction. Available after at least one service record.</source>
        <translation>评估目标达成情况和服务对象满意度。至少有一条服务记录后可用。</translation>
    </message>
    <message>
        <source>Ask the station head to close the case. Available after an evaluation, or at once when the client died, moved away, asked to stop or was referred.</source>
        <translation>申请站长批准结案。完成评估后可用；服务对象去世、迁出、本人要求终止或已转介时可直接申请。</translation>
    </message>
    <message>
        <source>Approve the closure (the case becomes read-only) or return it. For the station head, when a closure request waits.</source>
        <translation>批准结案（个案随即只读）或退回申请。站长在有待审批的结案申请时可用。</translation>
    </message>
    <message>
        <source>Open a closed, declined or referred case again, with the reason. For the station head; the client&apos;s consent must be in force.</source>
        <translation>写明原因，重新开启已结案、不接案或已转介的个案。站长可用；服务对象的知情同意须仍然有效。</translation>
    </message>
    <message>
        <source>Record a follow-up contact after closure. Available while the closure&apos;s follow-up plan runs.</source>
        <translation>登记结案后的跟进。结案时定有跟进计划且跟进尚未完成时可用。</translation>
    </message>
    <message>
        <source>Pause the work on the case, with the reason. Available while the case is open and not paused.</source>
        <translation>写明原因，暂停个案工作。个案未结案且未暂停时可用。</translation>
    </message>
    <message>
        <source>Continue the work on a paused case. Available while it is paused.</source>
        <translation>恢复已暂停的个案工作。个案暂停期间可用。</translation>
    </message>
    <message>
        <source>Hand the case to another worker. For the station head, while the case is open.</source>
        <translation>把个案改派给其他社工。站长在个案未结案时可用。</translation>
    </message>
    <message>
        <source>Write a supervision comment on the case. For supervisors, in every stage.</source>
        <translation>对个案写督导意见。督导人员在各阶段均可用。</translation>
    </message>
    <message>
        <source>Print the whole case file as a PDF. Available in every stage.</source>
        <translation>把整份个案档案打印为PDF。各阶段均可用。</translation>
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
    <name>CaseConflictDialog</name>
    <message>
        <source>Someone else changed this case</source>
        <translation>此个案已被他人修改</translation>
    </message>
    <message>
        <source>Added meanwhile:</source>
        <translation>期间新增：</translation>
    </message>
    <message>
        <source>Case fields that changed: {count}. My unsaved step: {step}.</source>
        <translation>个案有变化的字段：{count}个。我未保存的步骤：{step}。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>When I opened it</source>
        <translation>我打开时</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>当前保存的</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Show the stored case; what I typed is dropped.</source>
        <translation>显示已保存的个案；我填写的内容将被放弃。</translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <source>Save my step on top of the case as stored now.</source>
        <translation>在当前保存的个案上保存我的这一步。</translation>
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
        <source>My step is saved on top of the case as stored now; the other person&apos;s changes stay.

Save it?</source>
        <translation>我的这一步将保存在当前个案之上，他人的修改也会保留。

确定保存？</translation>
    </message>
    <message>
        <source>Save my step</source>
        <translation>保存我的这一步</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Reload the stored case? What I typed here is dropped.</source>
        <translation>重新载入已保存的个案？我在此填写的内容将被放弃。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
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
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>预估</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Closure requests</source>
        <translation>结案申请</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Choose a case in the list to see it here.</source>
        <translation>在左侧列表中选择一个个案，即可在此查看。</translation>
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
    <message>
        <source>Effective date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>(entered {month}/{day})</source>
        <translation>（{month}月{day}日录入）</translation>
    </message>
    <message>
        <source>(entered {year}/{month}/{day})</source>
        <translation>（{year}年{month}月{day}日录入）</translation>
    </message>
    <message>
        <source>Late-entry reason: {reason}</source>
        <translation>补录原因：{reason}</translation>
    </message>
    <message>
        <source>Opened without consent</source>
        <translation>未签知情同意开案</translation>
    </message>
    <message>
        <source>Satisfaction survey…</source>
        <translation>满意度调查…</translation>
    </message>
</context>
<context>
    <name>CaseFilePrinter</name>
    <message>
        <source>Print case file</source>
        <translation>打印个案档案</translation>
    </message>
    <message>
        <source>Print the client&apos;s full ID number? Showing it is recorded in the audit log. Without it the number is printed masked.</source>
        <translation>是否打印服务对象的完整身份证号？显示完整号码会记入操作日志；否则打印遮挡后的号码。</translation>
    </message>
    <message>
        <source>Full number</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>The case file was saved to {path}. Open it now?</source>
        <translation>个案档案已保存到 {path}。现在打开吗？</translation>
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
    <name>ChangeDateBox</name>
    <message>
        <source>When the change happened</source>
        <translation>变更何时发生</translation>
    </message>
    <message>
        <source>Change effective date</source>
        <translation>变更发生日期</translation>
    </message>
    <message>
        <source>Late-entry reason *</source>
        <translation>补录原因 *</translation>
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
        <source>Birth date / age</source>
        <translation>出生日期/年龄</translation>
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
        <source>{age} (birth date not shown)</source>
        <translation>{age}岁（出生日期不显示）</translation>
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
        <source>the head&apos;s {relation}</source>
        <translation>户主的{relation}</translation>
    </message>
    <message>
        <source>, {age}</source>
        <translation>，{age}岁</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>服务经历</translation>
    </message>
</context>
<context>
    <name>ClientFormDialog</name>
    <message>
        <source>Saved. Please note:</source>
        <translation>已保存。请注意：</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>编辑服务对象</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新增服务对象</translation>
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
    <name>ClientFormFields</name>
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
</context>
<context>
    <name>ClientPrompts</name>
    <message>
        <source>Station Desk</source>
        <translation>社工站工作台</translation>
    </message>
</context>
<context>
    <name>ClientStoryTab</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Search the story</source>
        <translation>在服务经历中搜索</translation>
    </message>
    <message>
        <source>Print / export PDF</source>
        <translation>打印/导出PDF</translation>
    </message>
    <message>
        <source>Preview the story shown, then print it or save it as a PDF; ID numbers and phones are masked.</source>
        <translation>预览当前显示的服务经历，再打印或另存为 PDF；身份证号和电话默认遮挡。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Print the story</source>
        <translation>打印服务经历</translation>
    </message>
    <message>
        <source>Print the client&apos;s full ID number and phone? Showing them is recorded in the audit log. Without them they are printed masked.</source>
        <translation>是否打印服务对象的完整身份证号和电话？显示完整号码会记入操作日志；否则打印遮挡后的号码。</translation>
    </message>
    <message>
        <source>Full numbers</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>The story was saved to {path}. Open it now?</source>
        <translation>服务经历已保存到 {path}。现在打开吗？</translation>
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
    <name>CloseDialog</name>
    <message>
        <source>Close rectification item</source>
        <translation>完成整改</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>完成情况</translation>
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
    <name>CommunityPage</name>
    <message>
        <source>Record an activity</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <source>Record a community activity (Ctrl+N)</source>
        <translation>登记一项社区活动（Ctrl+N）</translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies)</source>
        <translation>
            <numerusform>共 %n 项活动</numerusform>
        </translation>
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
        <source>Guardian&apos;s relation</source>
        <translation>监护人关系</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
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
    <name>ConflictsPanel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>County value</source>
        <translation>县里的值</translation>
    </message>
    <message>
        <source>Station value</source>
        <translation>站点的值</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Save decision</source>
        <translation>保存处理结果</translation>
    </message>
    <message>
        <source>{count} conflicts wait for a decision.</source>
        <translation>有 {count} 条冲突等待处理。</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>Merged without a decision: {fields}</source>
        <translation>无需裁决、自动合并的字段：{fields}</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>登记知情同意</translation>
    </message>
    <message>
        <source>Consents to</source>
        <translation>同意事项</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Signed by (relation)</source>
        <translation>签署人（关系）</translation>
    </message>
    <message>
        <source>Consent text version</source>
        <translation>同意书版本</translation>
    </message>
    <message>
        <source>Under 14 on this day (age {age}): a guardian must sign for the client.</source>
        <translation>签署当日未满14周岁（{age}岁），须由监护人代为签署。</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>文本版本</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>登记同意…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>No valid consent for: {items}</source>
        <translation>尚无有效同意：{items}</translation>
    </message>
    <message>
        <source>Every item is consented to.</source>
        <translation>各项均已同意。</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已被新签署替代</translation>
    </message>
</context>
<context>
    <name>ConsentWarning</name>
    <message>
        <source>No valid informed consent for: {items}. Record the signed consent first.</source>
        <translation>该服务对象尚无有效的知情同意：{items}。请先登记签署的同意书。</translation>
    </message>
</context>
<context>
    <name>CorrectionReasonDialog</name>
    <message>
        <source>You may correct it: the change is kept as a correction to the closed month, its signed figures stay as they are, and next month&apos;s report lists it.</source>
        <translation>您可以作为更正修改：修改会记为对已月结月份的更正，该月已签报的数字不变，下个月的月报会在更正说明中列出。</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Please give the reason for the correction.</source>
        <translation>请填写更正原因。</translation>
    </message>
</context>
<context>
    <name>CountChart</name>
    <message>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>CountyKeyRow</name>
    <message>
        <source>Install the county&apos;s public key…</source>
        <translation>装入县里的公钥…</translation>
    </message>
    <message>
        <source>Use the package password instead</source>
        <translation>改用数据包密码</translation>
    </message>
    <message>
        <source>Packages are encrypted with the package password the county gave.</source>
        <translation>数据包用县里给的数据包密码加密。</translation>
    </message>
    <message>
        <source>Packages are encrypted for the county&apos;s public key, fingerprint {fp}.</source>
        <translation>数据包用县里的公钥加密，公钥指纹：{fp}。</translation>
    </message>
    <message>
        <source>This station signs them with its signing key, fingerprint {fp} (public key file: {path}).</source>
        <translation>本站用自己的签名密钥签名，签名公钥指纹：{fp}（签名公钥文件：{path}）。</translation>
    </message>
    <message>
        <source>This station signs its packages with its own signing key, fingerprint {fp}. The county registers it from the next package sent with the package password, or from the file {path}.</source>
        <translation>本站用自己的签名密钥为数据包签名，签名公钥指纹：{fp}。县里要先登记它：用数据包密码发送下一个数据包，或把签名公钥文件 {path} 交给县里登记。</translation>
    </message>
    <message>
        <source>The county&apos;s public key is installed. Fingerprint: {fp}
Compare it with the county by phone.</source>
        <translation>已装入县里的公钥。公钥指纹：{fp}
请打电话与县里核对。</translation>
    </message>
    <message>
        <source>Open the county&apos;s public key</source>
        <translation>打开县里的公钥文件</translation>
    </message>
</context>
<context>
    <name>CountyKeysRow</name>
    <message>
        <source>Make the county&apos;s key pair…</source>
        <translation>生成县里的密钥对…</translation>
    </message>
    <message>
        <source>Register a station&apos;s signing key…</source>
        <translation>登记站点的签名公钥…</translation>
    </message>
    <message>
        <source>Stations with a registered signing key: {n} of {total}.</source>
        <translation>已登记签名公钥的站点：{n} / {total} 个。</translation>
    </message>
    <message>
        <source>Not registered yet: {names}</source>
        <translation>尚未登记：{names}</translation>
    </message>
    <message>
        <source>The county&apos;s key pair is made. Public key fingerprint: {fp}

Private key (sealed with the passphrase; keep it at the county and make a copy on another disk): {private}
Public key (for the stations; every return package brings it too): {public}</source>
        <translation>已生成县里的密钥对。公钥指纹：{fp}

私钥（已用口令加密；只留在县里，并在另一块磁盘上备份）：{private}
公钥（发给各站点；每个回执包也会带上它）：{public}</translation>
    </message>
    <message>
        <source>The station&apos;s signing key is registered, fingerprint {fp}.
Compare it with the station by phone.</source>
        <translation>已登记站点的签名公钥，指纹：{fp}。
请打电话与站点核对指纹。</translation>
    </message>
</context>
<context>
    <name>CountyPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Double-click a station to open its monthly report</source>
        <translation>双击站点，打开它的月报</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 stations; %2 have closed %3.</source>
        <translation>共 %1 个站点，%2 个已月结 %3。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Month close</source>
        <translation>月结</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>待处理冲突</translation>
    </message>
    <message>
        <source>County total</source>
        <translation>全县合计</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>未统计</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>已月结 %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未月结</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>第 %1 号</translation>
    </message>
    <message>
        <source>(%1 waiting)</source>
        <translation>（%1 个待补齐）</translation>
    </message>
    <message>
        <source>Made at the station on %1</source>
        <translation>站点于 %1 导出</translation>
    </message>
    <message>
        <source>Export the county overview</source>
        <translation>导出县级总览</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
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
    <name>CreateKeysDialog</name>
    <message>
        <source>Make the county&apos;s key pair</source>
        <translation>生成县里的密钥对</translation>
    </message>
    <message>
        <source>Stations encrypt their packages with the public key; only the private key opens them. Keep the private key and its passphrase at the county: without them the packages cannot be opened.</source>
        <translation>各站点用公钥加密数据包，只有私钥能打开。私钥和口令留在县里保管：丢了它们，这些数据包就打不开了。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>私钥口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再输入一次口令</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Choose a folder for the key files.</source>
        <translation>请选择保存密钥文件的文件夹。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Folder for the key files</source>
        <translation>保存密钥文件的文件夹</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{login} ({count} times)</source>
        <translation>{login}（{count} 次）</translation>
    </message>
    <message>
        <source>Refused again and again in the last {days} days: {users}. See Settings → Audit log.</source>
        <translation>近 {days} 天多次被拒绝的操作：{users}。详见 设置 → 审计日志。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Count again (F5)</source>
        <translation>重新统计（F5）</translation>
    </message>
    <message>
        <source>Service records per month</source>
        <translation>近12个月服务记录（条）</translation>
    </message>
    <message>
        <source>Active clients by category</source>
        <translation>在册服务对象（按类别）</translation>
    </message>
    <message>
        <source>Open cases by risk level</source>
        <translation>在办个案（按风险等级）</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Work in {year}-{month:02d}</source>
        <translation>{year}年{month:02d}月工作概况</translation>
    </message>
    <message>
        <source>{level} risk ({count})</source>
        <translation>{level}（{count}）</translation>
    </message>
    <message>
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>M{month}</source>
        <translation>{month}月</translation>
    </message>
</context>
<context>
    <name>DataExchangeTab</name>
    <message>
        <source>This station</source>
        <translation>本站</translation>
    </message>
    <message>
        <source>Export data package…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <source>Import return package…</source>
        <translation>导入回执包…</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县里</translation>
    </message>
    <message>
        <source>Import data package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <source>Choose a package to see what it would change.</source>
        <translation>选择一个数据包，先看它会改动什么。</translation>
    </message>
    <message>
        <source>Import it</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>自动合并</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export return package…</source>
        <translation>导出回执包…</translation>
    </message>
    <message>
        <source>Return package for</source>
        <translation>回执包发给</translation>
    </message>
    <message>
        <source>Conflicts to decide</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <source>Logged</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Packages so far</source>
        <translation>数据包记录</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Acknowledged by the county</source>
        <translation>县里已确认</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Return package</source>
        <translation>回执包</translation>
    </message>
    <message>
        <source>held until the packages before it arrive</source>
        <translation>暂存，等前面的数据包到了再导入</translation>
    </message>
    <message>
        <source>Save the data package as</source>
        <translation>数据包保存为</translation>
    </message>
    <message>
        <source>Package no. {number} saved: {rows} records, {deleted} deletions, {files} photos.
{path}</source>
        <translation>第 {number} 号数据包已保存：记录 {rows} 条，删除 {deleted} 条，照片 {files} 张。
{path}</translation>
    </message>
    <message>
        <source>Encrypted for the county&apos;s public key, fingerprint {fp}.</source>
        <translation>已用县里的公钥加密，公钥指纹：{fp}。</translation>
    </message>
    <message>
        <source>Open the county&apos;s return package</source>
        <translation>打开县里的回执包</translation>
    </message>
    <message>
        <source>Open a station&apos;s data package</source>
        <translation>打开站点的数据包</translation>
    </message>
    <message>
        <source>{station} ({code}), package no. {number}: {new} new, {changed} changed, {merged} merged automatically, {conflicts} conflicts, {deleted} deleted.</source>
        <translation>{station}（{code}）第 {number} 号数据包：新增 {new} 条，修改 {changed} 条，自动合并 {merged} 条，冲突 {conflicts} 条，删除 {deleted} 条。</translation>
    </message>
    <message>
        <source>Save the return package as</source>
        <translation>回执包保存为</translation>
    </message>
    <message>
        <source>Return package for {code} saved: it acknowledges packages up to no. {number}.
{path}</source>
        <translation>{code} 的回执包已保存：确认收到第 {number} 号及之前的数据包。
{path}</translation>
    </message>
    <message>
        <source>Package password</source>
        <translation>数据包密码</translation>
    </message>
    <message>
        <source>Package password:</source>
        <translation>数据包密码：</translation>
    </message>
    <message>
        <source>The same password again:</source>
        <translation>再输入一次密码：</translation>
    </message>
    <message>
        <source>The two passwords differ. Nothing was saved.</source>
        <translation>两次输入的密码不一致，没有保存。</translation>
    </message>
</context>
<context>
    <name>DecisionsTable</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本站结果</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>裁决人</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>裁决时间</translation>
    </message>
    <message>
        <source>County decisions on this station&apos;s conflicts</source>
        <translation>县级裁决（县里对本站数据冲突的处理结果）</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <source>Case number</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>归档日期</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>走访日期</translation>
    </message>
</context>
<context>
    <name>EffectiveDate</name>
    <message>
        <source>Entered more than {days} days late: say why</source>
        <translation>超过 {days} 天的补录，请说明原因</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <source>Evaluate and end the group</source>
        <translation>小组评估与结束</translation>
    </message>
    <message>
        <source>e.g. Social Support Rating Scale</source>
        <translation>例如：社会支持评定量表</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Scale used</source>
        <translation>评估量表</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>组员得分</translation>
    </message>
    <message>
        <source>Overall satisfaction (1–5)</source>
        <translation>总体满意度（1–5）</translation>
    </message>
    <message>
        <source>Goal attainment</source>
        <translation>目标达成情况</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>小组总结</translation>
    </message>
    <message>
        <source>End the group</source>
        <translation>结束小组</translation>
    </message>
    <message>
        <source>“{value}” is not a score.</source>
        <translation>“{value}”不是有效的分数。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit log entry</source>
        <translation>修改日志记录</translation>
    </message>
    <message>
        <source>Add log entry</source>
        <translation>添加日志记录</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Kind of work</source>
        <translation>工作类型</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>What was done *</source>
        <translation>工作内容 *</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
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
    <name>EvaluationPage</name>
    <message>
        <source>Import indicators…</source>
        <translation>导入指标…</translation>
    </message>
    <message>
        <source>Import an indicator system from the evaluator&apos;s Excel sheet</source>
        <translation>从评估机构的 Excel 表格导入指标体系</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>未完成整改</translation>
    </message>
    <message>
        <source>New round…</source>
        <translation>新建评估…</translation>
    </message>
    <message>
        <source>Finish round</source>
        <translation>完成评估</translation>
    </message>
    <message>
        <source>Make the scores final and apply the grade&apos;s consequence</source>
        <translation>确定得分，并按等级处理后果（如需提交整改方案）</translation>
    </message>
    <message>
        <source>Score sheet…</source>
        <translation>评分表…</translation>
    </message>
    <message>
        <source>Save the round&apos;s score sheet as Excel and PDF</source>
        <translation>把本次评估的评分表保存为 Excel 和 PDF</translation>
    </message>
    <message>
        <source>Record score…</source>
        <translation>录入得分…</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加整改…</translation>
    </message>
    <message>
        <source>Close item…</source>
        <translation>完成整改…</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>附加证明材料…</translation>
    </message>
    <message>
        <source>Open evidence</source>
        <translation>打开证明材料</translation>
    </message>
    <message>
        <source>Evaluation rounds (scores over time)</source>
        <translation>历次评估（得分变化）</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Rectification items</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Indicator systems: {names}</source>
        <translation>指标体系：{names}</translation>
    </message>
    <message>
        <source>Imported “{name}”: {count} indicators, base total {total}.</source>
        <translation>已导入“{name}”：{count} 项指标，基础总分 {total}。</translation>
    </message>
    <message>
        <source>Import indicators</source>
        <translation>导入指标体系</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Choose a lowest-level indicator to score.</source>
        <translation>请选择一项最末级指标再评分。</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>请先选择一条整改事项。</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>附加证明材料</translation>
    </message>
    <message>
        <source>The chosen item has no evidence files.</source>
        <translation>所选整改事项还没有证明材料。</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
</context>
<context>
    <name>EvidencePackDialog</name>
    <message>
        <source>Evidence pack: %1</source>
        <translation>评估材料包：%1</translation>
    </message>
    <message>
        <source>The evaluator&apos;s number: the same seed draws the same cases</source>
        <translation>评估机构给的数字：同一种子抽出的个案相同</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Show clients&apos; full names and ID numbers</source>
        <translation>显示服务对象完整姓名和身份证号</translation>
    </message>
    <message>
        <source>Reason (written to the audit log)</source>
        <translation>理由（记入操作日志）</translation>
    </message>
    <message>
        <source>Client names and ID numbers are masked in every file. The cases are drawn by the seed; the contents explain how, so the evaluator can check the draw.</source>
        <translation>每个文件中服务对象的姓名和身份证号都已遮挡。抽查个案按种子抽取，目录中写明抽取方法，评估机构可以复核。</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>To month</source>
        <translation>结束月份</translation>
    </message>
    <message>
        <source>Sampling seed</source>
        <translation>抽样种子</translation>
    </message>
    <message>
        <source>Case files sampled</source>
        <translation>抽查个案数</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Save the pack in</source>
        <translation>选择材料包的保存位置</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>没有生成任何文件。</translation>
    </message>
    <message>
        <source>Building the evidence pack…</source>
        <translation>正在生成评估材料包…</translation>
    </message>
    <message>
        <source>Saved %1 files in %2 and %3. Cases sampled: %4.</source>
        <translation>已生成 %1 个文件，保存在 %2 和 %3。抽查个案：%4。</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Export the list with the current filter to Excel (Ctrl+E)</source>
        <translation>按当前筛选条件把名单导出为Excel（Ctrl+E）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>The {list} list is exported with the page&apos;s current filter.</source>
        <translation>按本页当前的筛选条件导出{list}名单。</translation>
    </message>
    <message numerus="yes">
        <source>The {list} list is exported with the page&apos;s current filter: %n row(s).</source>
        <translation>
            <numerusform>按本页当前的筛选条件导出{list}名单，共 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Include full ID numbers and phones</source>
        <translation>包含完整身份证号和电话</translation>
    </message>
    <message>
        <source>Why the full numbers are needed (recorded in the audit log)</source>
        <translation>为什么需要完整号码（将记入操作日志）</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The file will hold full ID numbers and phones. Keep it safe and delete it when it is no longer needed; the export is recorded in the audit log.</source>
        <translation>文件将包含完整身份证号和电话。请妥善保管，用完及时删除；本次导出会记入操作日志。</translation>
    </message>
    <message>
        <source>ID numbers and phones are masked (e.g. 36****************); ages are listed, birth dates are not.</source>
        <translation>身份证号和电话将被遮挡（如 36****************）；只列年龄，不列出生日期。</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>Give a reason of at least {count} characters for the full numbers.</source>
        <translation>导出完整号码须填写理由，至少 {count} 个字。</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>正在导出Excel…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to {path}. Open the file now?</source>
        <translation>
            <numerusform>已导出 %n 条到 {path}。现在打开文件吗？</numerusform>
        </translation>
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
    <name>FigureCard</name>
    <message>
        <source>Open the records behind this figure</source>
        <translation>打开这个数字背后的记录</translation>
    </message>
    <message>
        <source>Last month {value}</source>
        <translation>上月 {value}</translation>
    </message>
    <message>
        <source>Target {target} · {percent}% done</source>
        <translation>目标 {target} · 完成 {percent}%</translation>
    </message>
    <message>
        <source>No target set</source>
        <translation>未设目标</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>年度累计</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>%1/12</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应完成进度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>进度落后</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
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
    <name>GeneralTab</name>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Lock the window after no input for</source>
        <translation>无操作自动锁屏时间</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>自动备份保留份数</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Case reminders</source>
        <translation>个案提醒</translation>
    </message>
    <message>
        <source>High-risk case without contact for</source>
        <translation>高风险个案未联系超过</translation>
    </message>
    <message>
        <source>Urgent case without contact for</source>
        <translation>紧急个案未联系超过</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>Version of the consent text in use</source>
        <translation>当前使用的知情同意书版本</translation>
    </message>
    <message>
        <source>Saved. The new values are in use now.</source>
        <translation>已保存，新设置立即生效。</translation>
    </message>
    <message>
        <source> days back</source>
        <translation> 天需填写原因</translation>
    </message>
    <message>
        <source>Late entries</source>
        <translation>补录</translation>
    </message>
    <message>
        <source>A late entry needs a reason when dated more than</source>
        <translation>补录超过</translation>
    </message>
</context>
<context>
    <name>GroupActions</name>
    <message>
        <source>Start “{name}” now? Its status becomes running.</source>
        <translation>现在开始“{name}”吗？小组状态将变为进行中。</translation>
    </message>
    <message>
        <source>Add a member to {name}</source>
        <translation>为“{name}”添加组员</translation>
    </message>
    <message>
        <source>Name, ID number or phone of a registered client</source>
        <translation>已登记服务对象的姓名、身份证号或电话</translation>
    </message>
</context>
<context>
    <name>GroupDetailPanel</name>
    <message>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入组日期</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退出日期</translation>
    </message>
    <message>
        <source>Sessions present</source>
        <translation>出席节数</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>节次</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>中途离开</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>非登记参与</translation>
    </message>
    <message>
        <source>Person-times</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>节次</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Choose a group in the list, or plan a new one.</source>
        <translation>请在列表中选择一个小组，或新建小组。</translation>
    </message>
    <message>
        <source>Edit plan</source>
        <translation>修改计划</translation>
    </message>
    <message>
        <source>Start group</source>
        <translation>开始小组</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>添加组员…</translation>
    </message>
    <message>
        <source>Member leaves…</source>
        <translation>组员退出…</translation>
    </message>
    <message>
        <source>Record session…</source>
        <translation>记录节次…</translation>
    </message>
    <message>
        <source>Edit session…</source>
        <translation>修改节次…</translation>
    </message>
    <message>
        <source>Evaluate and end…</source>
        <translation>评估并结束…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>{type} · sessions {held}/{planned} · {members} members · {times} person-times (present {present}, walk-ins {walk_ins}; absent {absent}, left early {left})</source>
        <translation>{type} · 已开展 {held}/{planned} 节 · 组员 {members} 人 · 出勤 {times} 人次（出席 {present}，非登记参与 {walk_ins}；缺席 {absent}，中途离开 {left}）</translation>
    </message>
    <message>
        <source>You can read this group but not change it.</source>
        <translation>您可以查看这个小组，但不能修改。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>带领者</translation>
    </message>
    <message>
        <source>Co-facilitators</source>
        <translation>协同带领者</translation>
    </message>
    <message>
        <source>Target people</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>小组目标</translation>
    </message>
    <message>
        <source>Theory basis</source>
        <translation>理论依据</translation>
    </message>
    <message>
        <source>Recruitment criteria</source>
        <translation>招募条件</translation>
    </message>
    <message>
        <source>Evaluation method</source>
        <translation>评估方法</translation>
    </message>
    <message>
        <source>The group has not ended yet.</source>
        <translation>小组尚未结束。</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Scale used</source>
        <translation>评估量表</translation>
    </message>
    <message>
        <source>Overall satisfaction</source>
        <translation>总体满意度</translation>
    </message>
    <message>
        <source>Goal attainment</source>
        <translation>目标达成情况</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>小组总结</translation>
    </message>
    <message>
        <source>Satisfaction survey…</source>
        <translation>满意度调查…</translation>
    </message>
</context>
<context>
    <name>GroupFilePrinter</name>
    <message>
        <source>The group file was saved to {path}. Open it now?</source>
        <translation>小组工作档案已保存到 {path}。现在打开吗？</translation>
    </message>
</context>
<context>
    <name>GroupFilterBar</name>
    <message>
        <source>Search group name (Ctrl+F)</source>
        <translation>搜索小组名称（Ctrl+F）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All facilitators</source>
        <translation>全部带领者</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Group type</source>
        <translation>小组类型</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>带领者</translation>
    </message>
    <message>
        <source>Year the group started</source>
        <translation>小组开始年份</translation>
    </message>
</context>
<context>
    <name>GroupFormDialog</name>
    <message>
        <source>Reload the group? What you typed here is dropped.</source>
        <translation>重新载入小组？此处已填写的内容将被放弃。</translation>
    </message>
</context>
<context>
    <name>GroupPlanDialog</name>
    <message>
        <source>Group plan</source>
        <translation>小组计划书</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建小组</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Not fixed yet</source>
        <translation>未定</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>小组名称 *</translation>
    </message>
    <message>
        <source>Type *</source>
        <translation>小组类型 *</translation>
    </message>
    <message>
        <source>Target people</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>小组目标</translation>
    </message>
    <message>
        <source>Theory basis</source>
        <translation>理论依据</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>带领者</translation>
    </message>
    <message>
        <source>Co-facilitators</source>
        <translation>协同带领者</translation>
    </message>
    <message>
        <source>Planned sessions</source>
        <translation>计划节数</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Recruitment criteria</source>
        <translation>招募条件</translation>
    </message>
    <message>
        <source>Evaluation method</source>
        <translation>评估方法</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <source>Name</source>
        <translation>小组名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>带领者</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>节次</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>组员</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>New group</source>
        <translation>新建小组</translation>
    </message>
    <message>
        <source>Plan a new group (Ctrl+N)</source>
        <translation>新建小组计划（Ctrl+N）</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>共 %n 个小组</numerusform>
        </translation>
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
    <name>HelpWindow</name>
    <message>
        <source>Station Desk user guide</source>
        <translation>社工站工作台使用指南</translation>
    </message>
    <message>
        <source>Search the guide (Ctrl+F)</source>
        <translation>搜索使用指南（Ctrl+F）</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) contain it</source>
        <translation>
            <numerusform>有 %n 页包含要找的字</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found: try fewer or other words</source>
        <translation>没有找到：请少输几个字或换个说法</translation>
    </message>
</context>
<context>
    <name>HoursTable</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>职业资格</translation>
    </message>
    <message>
        <source>Hours this year</source>
        <translation>本年学时</translation>
    </message>
    <message>
        <source>Hours this period</source>
        <translation>本注册周期学时</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标学时</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>Supervision received and training attended both count. Year {year}; registration period {start} to {end} (a worker&apos;s own registration date takes precedence).</source>
        <translation>接受督导和参加培训的时长都计入学时。本年为{year}年；注册周期 {start} 至 {end}（已填写个人注册日期的社工按其本人注册周期计算）。</translation>
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
        <source>An .xlsx, .xls, .csv or .txt file</source>
        <translation>选择 .xlsx、.xls、.csv 或 .txt 文件</translation>
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
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
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
        <source>Spreadsheets and text (*.xlsx *.xls *.csv *.txt);;All files (*)</source>
        <translation>表格和文本文件 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Header found in row {row}. Check which client field each column fills; columns set to (not imported) are left out.</source>
        <translation>表头在第 {row} 行。请核对每一列对应的服务对象信息；设为“（不导入）”的列将被忽略。</translation>
    </message>
    <message>
        <source>Mapping saved as &quot;{name}&quot;.</source>
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
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>For whoever fills in a roster: an Excel file with the columns this import recognises, two examples and instructions.</source>
        <translation>给填写名单的人：Excel 模板，含本导入能识别的各列、两行示例和填写说明。</translation>
    </message>
    <message>
        <source>No roster yet:</source>
        <translation>还没有名单：</translation>
    </message>
    <message>
        <source>Save the roster template</source>
        <translation>保存名单模板</translation>
    </message>
    <message>
        <source>The template was saved to {path}.</source>
        <translation>模板已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>IntakeConsent</name>
    <message>
        <source>A case is opened only with the client&apos;s signed consent to services. Declining or referring at intake needs none.</source>
        <translation>须有服务对象签署的服务知情同意才能接案；不接案或转介不需要同意。</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>登记知情同意…</translation>
    </message>
    <message>
        <source>Consent could not be taken because…</source>
        <translation>无法取得同意的原因…</translation>
    </message>
    <message>
        <source>Who signed for the client, or what the emergency was</source>
        <translation>代签的监护人，或紧急情况的经过</translation>
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
    <message>
        <source>The client has not signed the consent to services. Record the signed form first, or choose why consent could not be taken.</source>
        <translation>服务对象尚未签署服务知情同意。请先登记签署的同意书，或选择无法取得同意的原因。</translation>
    </message>
    <message>
        <source>Say who signed for the client, or what the emergency was.</source>
        <translation>请写明代签的监护人，或紧急情况的经过。</translation>
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
    <name>KeyDialog</name>
    <message>
        <source>County private key</source>
        <translation>县里的私钥</translation>
    </message>
    <message>
        <source>This package is encrypted for the county&apos;s public key, fingerprint {fp}. Open it with the county&apos;s private key file and its passphrase.</source>
        <translation>这个数据包用县里的公钥加密（公钥指纹：{fp}），要用县里的私钥文件和私钥口令打开。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>私钥口令</translation>
    </message>
    <message>
        <source>Open the county&apos;s private key</source>
        <translation>打开县里的私钥文件</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Member leaves the group</source>
        <translation>组员退出小组</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>退出日期</translation>
    </message>
    <message>
        <source>Their attendance so far stays in the group&apos;s records.</source>
        <translation>该组员此前的出勤记录会保留在小组记录中。</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>退出小组</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>None</source>
        <translation>不关联</translation>
    </message>
    <message>
        <source>Type to find…</source>
        <translation>输入文字查找…</translation>
    </message>
</context>
<context>
    <name>ListFilterBar</name>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Station Desk is locked</source>
        <translation>社工站工作台已锁定</translation>
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
    <message>
        <source>Locked for {name} ({login}, {role})</source>
        <translation>已锁定：{name}（{login}，{role}）</translation>
    </message>
    <message>
        <source>{name}, enter your password to go on. Another user may sign in instead (Switch user): {name}&apos;s session then ends, and forms left open are asked about first.</source>
        <translation>{name}，请输入密码继续使用。也可由其他用户登录（切换用户）：{name} 的会话随之结束，尚未关闭的表单会先询问如何处理。</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Sign in as another user</source>
        <translation>以其他用户身份登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit Station Desk (Ctrl+Q)</source>
        <translation>退出社工站工作台（Ctrl+Q）</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
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
        <source>County overview</source>
        <translation>县级总览</translation>
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
        <source>Supervision &amp; training</source>
        <translation>督导与培训</translation>
    </message>
    <message>
        <source>Volunteers &amp; resources</source>
        <translation>志愿者与资源</translation>
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
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
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
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>Close them and let {name} sign in?</source>
        <translation>关闭这些表单，让 {name} 登录吗？</translation>
    </message>
    <message>
        <source>Close them and log out?</source>
        <translation>关闭这些表单并注销吗？</translation>
    </message>
    <message>
        <source>Close them and quit Station Desk?</source>
        <translation>关闭这些表单并退出社工站工作台吗？</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
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
    <name>MonthCloseBar</name>
    <message>
        <source>View differences…</source>
        <translation>查看差异…</translation>
    </message>
    <message>
        <source>Close month…</source>
        <translation>月结…</translation>
    </message>
    <message>
        <source>Store the month&apos;s figures as they are now (月结); they stay as signed.</source>
        <translation>按现在的记录保存这个月的数字（月结）；月结后月报保持签报时的数字。</translation>
    </message>
    <message>
        <source>Closed: %1 %2</source>
        <translation>已月结：%1 %2</translation>
    </message>
    <message>
        <source>Corrected since closing (%1)</source>
        <translation>这个月结后有更正（%1 处）</translation>
    </message>
    <message>
        <source>Close again…</source>
        <translation>重新月结…</translation>
    </message>
    <message>
        <source>Close %1 again? Its figures are stored anew as they are now; the earlier closing is kept.</source>
        <translation>重新月结 %1？将按现在的记录重新保存这个月的数字，之前的月结保留备查。</translation>
    </message>
    <message>
        <source>Close %1? Its figures are stored as they are now and its report keeps them; later changes to records of this month will need a reason.</source>
        <translation>月结 %1？将按现在的记录保存这个月的数字，月报以后保持这些数字；之后修改这个月的记录需要站长或管理员填写更正原因。</translation>
    </message>
</context>
<context>
    <name>MonthDiffDialog</name>
    <message>
        <source>Closed month %1: differences</source>
        <translation>已月结月份 %1：差异</translation>
    </message>
    <message>
        <source>Closed on %1 by %2. Figures as closed and as counted from the records now:</source>
        <translation>%2 于 %1 月结。月结时的数字与现在按记录统计的数字：</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>As closed</source>
        <translation>月结时</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Entered on</source>
        <translation>录入日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>更正人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Close the month again…</source>
        <translation>重新月结…</translation>
    </message>
    <message>
        <source>Corrections since closing (%1):</source>
        <translation>月结后的更正（%1 处）：</translation>
    </message>
    <message>
        <source>Caused by: %1</source>
        <translation>原因：%1</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move {name}</source>
        <translation>调整{name}的社工室</translation>
    </message>
    <message>
        <source>None (station office)</source>
        <translation>无（站本部）</translation>
    </message>
    <message>
        <source>Needed when the date is far back</source>
        <translation>日期较早时需填写</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>社工室</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Late-entry reason</source>
        <translation>补录原因</translation>
    </message>
</context>
<context>
    <name>ParticipantCountsEdit</name>
    <message>
        <source>Total</source>
        <translation>总人数</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>New partner</source>
        <translation>新增合作方</translation>
    </message>
    <message>
        <source>Edit partner</source>
        <translation>修改合作方</translation>
    </message>
    <message>
        <source>For every station of the county</source>
        <translation>全县各站通用</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>政府部门</translation>
    </message>
    <message>
        <source>Party (five-party linkage)</source>
        <translation>五社联动中的一方</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>五社联动方</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New partner…</source>
        <translation>新增合作方…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Name on the records</source>
        <translation>记录上填写的名称</translation>
    </message>
    <message>
        <source>Match to this partner</source>
        <translation>关联到此合作方</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>合作方：</translation>
    </message>
    <message>
        <source>Names not matched to a partner</source>
        <translation>尚未关联合作方的名称</translation>
    </message>
    <message>
        <source>Referrals, activities and resources that name a partner in their own words. Match a name to a partner so the monthly report counts it.</source>
        <translation>转介、社区活动和资源链接中自行填写的合作方名称。把名称关联到合作方后，月报的五社联动才能按合作方统计。</translation>
    </message>
    <message>
        <source> (county)</source>
        <translation>（全县）</translation>
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
        <translation>恢复</translation>
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
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <source>Save the document as a PDF file instead of printing</source>
        <translation>不打印，把文档另存为 PDF 文件</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>(no caption)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <source>File missing: {caption}</source>
        <translation>文件缺失：{caption}</translation>
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
    <name>PreviewPage</name>
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
        <source> Compared with the roster imported on {date}.</source>
        <translation>已与 {date} 导入的同类名单比对。</translation>
    </message>
    <message>
        <source>{category}, import date {date}: {counts}.</source>
        <translation>{category}，导入日期 {date}：{counts}。</translation>
    </message>
    <message>
        <source>Columns read: {pairs}. Every column is used.</source>
        <translation>列的对应：{pairs}。所有列均已使用。</translation>
    </message>
    <message>
        <source>Columns read: {pairs}. Not used: {unused}.</source>
        <translation>列的对应：{pairs}。未使用：{unused}。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Preparing the print preview…</source>
        <translation>正在准备打印预览…</translation>
    </message>
    <message>
        <source>Printing, please wait…</source>
        <translation>正在打印，请稍候…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
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
    <name>ProjectChooser</name>
    <message>
        <source>No project covers this station yet</source>
        <translation>还没有覆盖本站的服务项目</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建服务项目…</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>项目文件…</translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation>评估材料包…</translation>
    </message>
    <message>
        <source>Build the evaluation&apos;s evidence pack of the project (a folder and a zip)</source>
        <translation>生成本项目的评估材料包（文件夹和压缩包）</translation>
    </message>
    <message>
        <source>As of %1, %2% of the project&apos;s period has passed.</source>
        <translation>截至 %1，项目周期已过 %2%。</translation>
    </message>
    <message>
        <source>Weighted completion: %1%.</source>
        <translation>综合完成率 %1%。</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建服务项目</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target (0: none)</source>
        <translation>目标值（0 表示不设）</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Project code *</source>
        <translation>项目编号 *</translation>
    </message>
    <message>
        <source>Project name *</source>
        <translation>项目名称 *</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>购买方</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>承接机构</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>合同金额（元）</translation>
    </message>
    <message>
        <source>Project lead</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督导</translation>
    </message>
    <message>
        <source>Stations covered</source>
        <translation>覆盖站点</translation>
    </message>
</context>
<context>
    <name>ProjectDocumentsDialog</name>
    <message>
        <source>Project documents: %1</source>
        <translation>项目文件：%1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Title (default: the file&apos;s name)</source>
        <translation>名称（默认为文件名）</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Choose the document</source>
        <translation>选择项目文件</translation>
    </message>
    <message>
        <source>Choose a document in the list first.</source>
        <translation>请先在列表中选择一个文件。</translation>
    </message>
    <message>
        <source>Remove “%1” and its file from the project?</source>
        <translation>从项目中删除“%1”及其文件？</translation>
    </message>
</context>
<context>
    <name>QualificationDialog</name>
    <message>
        <source>Qualification of {name}</source>
        <translation>{name}的职业资格</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>The station&apos;s period</source>
        <translation>按本站注册周期</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>职业资格</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Certified on</source>
        <translation>取证日期</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
</context>
<context>
    <name>QualificationsTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>职业资格</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Certified on</source>
        <translation>取证日期</translation>
    </message>
    <message>
        <source>Registration period</source>
        <translation>注册周期</translation>
    </message>
    <message>
        <source>Continuing education hours</source>
        <translation>继续教育学时</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标学时</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Edit qualification…</source>
        <translation>编辑职业资格…</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>无目标</translation>
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
    <message>
        <source>Social work room</source>
        <translation>社工室</translation>
    </message>
</context>
<context>
    <name>RecordFilterBar</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>新建记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>双击或按回车打开</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RectificationBox</name>
    <message>
        <source>Open rectification items</source>
        <translation>待整改事项</translation>
    </message>
    <message>
        <source>Overdue {due}: {what}</source>
        <translation>已逾期 {due}：{what}</translation>
    </message>
    <message>
        <source>Due {due}: {what}</source>
        <translation>{due} 前：{what}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
</context>
<context>
    <name>RectificationDialog</name>
    <message>
        <source>New rectification item</source>
        <translation>添加整改事项</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>What to rectify *</source>
        <translation>整改内容 *</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>相关指标</translation>
    </message>
</context>
<context>
    <name>RectificationTable</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>What to rectify</source>
        <translation>整改内容</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
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
        <source>e.g. county disabled persons&apos; federation</source>
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
        <source>Refer anyway, because:</source>
        <translation>仍然转介，理由：</translation>
    </message>
    <message>
        <source>e.g. emergency protection of a child</source>
        <translation>例如：儿童紧急保护</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Record the client&apos;s consent to sharing first, or tick “Refer anyway” and give the reason.</source>
        <translation>请先登记服务对象的信息共享同意，或勾选“仍然转介”并填写理由。</translation>
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
    <name>RegisteredClients</name>
    <message>
        <source>Add client…</source>
        <translation>添加服务对象…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add a participant</source>
        <translation>添加参与者</translation>
    </message>
    <message>
        <source>Name, ID number or phone of the client</source>
        <translation>服务对象的姓名、身份证号或电话</translation>
    </message>
</context>
<context>
    <name>ReportTargetsTab</name>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Save targets</source>
        <translation>保存年度目标</translation>
    </message>
    <message>
        <source>The year&apos;s contract targets of this station; 0 means none.</source>
        <translation>本站本年度的合同目标；填 0 表示不设目标。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>年报</translation>
    </message>
    <message>
        <source>Targets report</source>
        <translation>目标完成情况</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Generate the report (Ctrl+G)</source>
        <translation>生成报表（Ctrl+G）</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Preview the report&apos;s PDF, then print it or save it (Ctrl+P)</source>
        <translation>预览报表的 PDF，再打印或保存（Ctrl+P）</translation>
    </message>
    <message>
        <source>The report was saved to {path}. Open it now?</source>
        <translation>报表已保存到 {path}。现在打开吗？</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>All stations (summary, Excel only)</source>
        <translation>全部站点（汇总，仅 Excel）</translation>
    </message>
    <message>
        <source>Save reports to</source>
        <translation>报表保存到</translation>
    </message>
    <message>
        <source>Tick Excel, PDF or both.</source>
        <translation>请勾选 Excel、PDF 或两者。</translation>
    </message>
    <message>
        <source>The all-stations summary is a monthly report.</source>
        <translation>全部站点汇总只适用于月报。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation>没有写入任何文件。</translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>The stations are still loading: try again in a moment.</source>
        <translation>站点列表还在载入，请稍后再试。</translation>
    </message>
    <message>
        <source>The all-stations summary is Excel only: not printed.</source>
        <translation>各站汇总只有 Excel 格式，不能打印。</translation>
    </message>
    <message>
        <source>Saved:
%1</source>
        <translation>已保存：
%1</translation>
    </message>
    <message>
        <source>Project progress</source>
        <translation>项目进度</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>服务项目(&amp;P)</translation>
    </message>
    <message>
        <source>Choose a project first.</source>
        <translation>请先选择服务项目。</translation>
    </message>
    <message>
        <source>%1, %2: press Generate to write the files.</source>
        <translation>%1 %2 月报：按“生成”写出文件。</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <source>Resource linked</source>
        <translation>资源链接</translation>
    </message>
    <message>
        <source>Donor or unit</source>
        <translation>捐赠人或单位</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Yuan, e.g. 1500 or 1500.50</source>
        <translation>金额（元），如 1500 或 1500.50</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source *</source>
        <translation>资源来源 *</translation>
    </message>
    <message>
        <source>Kind *</source>
        <translation>资源类型 *</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受益方</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Receipt reference</source>
        <translation>收据/凭证号</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>Keep personal details for</source>
        <translation>个人信息保存期限</translation>
    </message>
    <message>
        <source>Closed cases, after closure</source>
        <translation>已结案个案（自结案起）</translation>
    </message>
    <message>
        <source>Archived clients, after archiving</source>
        <translation>已归档服务对象（自归档起）</translation>
    </message>
    <message>
        <source>Home visits, after the visit</source>
        <translation>走访记录（自走访起）</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Save periods</source>
        <translation>保存期限设置</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>已结案个案</translation>
    </message>
    <message>
        <source>Archived clients</source>
        <translation>已归档服务对象</translation>
    </message>
    <message>
        <source>Home visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Anonymising removes names, ID numbers, phones, addresses and narrative text. Dates, categories, villages and counts stay, so past reports keep their figures. It cannot be undone.</source>
        <translation>匿名化将删除姓名、身份证号、电话、地址和文字记录；日期、类别、村/社区和数量保留，以往报表的数字不变。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Anonymise all due records…</source>
        <translation>匿名化全部到期数据…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Due now: {cases} closed cases (closed on or before {case_day}), {clients} archived clients (archived on or before {client_day}), {visits} home visits (on or before {visit_day}).</source>
        <translation>当前到期：已结案个案{cases}件（{case_day}及以前结案），已归档服务对象{clients}人（{client_day}及以前归档），走访记录{visits}条（{visit_day}及以前）。</translation>
    </message>
    <message>
        <source>Anonymise {total} records now ({cases} cases, {clients} clients, {visits} visits)? Names, ID numbers, phones and narrative text are removed for good.</source>
        <translation>现在匿名化{total}条记录（个案{cases}件、服务对象{clients}人、走访{visits}条）？姓名、身份证号、电话和文字记录将被永久删除。</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Anonymising the due records…</source>
        <translation>正在匿名化到期数据…</translation>
    </message>
    <message>
        <source>Anonymised: {cases} cases, {clients} clients, {visits} visits.</source>
        <translation>已匿名化：个案{cases}件、服务对象{clients}人、走访{visits}条。</translation>
    </message>
</context>
<context>
    <name>RetryDialog</name>
    <message>
        <source>What you entered is still here. Retry once the connection is back.</source>
        <translation>填写的内容都还在。网络或服务器恢复后，请按“重试”。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RevealPrompt</name>
    <message>
        <source>Masked</source>
        <translation>遮挡号码</translation>
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
    <name>RoomCombo</name>
    <message>
        <source>None (station office)</source>
        <translation>无（站本部）</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>New social work room</source>
        <translation>新建社工室</translation>
    </message>
    <message>
        <source>Edit room</source>
        <translation>编辑社工室</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Villages served</source>
        <translation>服务村（社区）</translation>
    </message>
</context>
<context>
    <name>RoomsTab</name>
    <message>
        <source>Room</source>
        <translation>社工室</translation>
    </message>
    <message>
        <source>Villages served</source>
        <translation>服务村（社区）</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Add room…</source>
        <translation>新建社工室…</translation>
    </message>
    <message>
        <source>Edit room…</source>
        <translation>编辑社工室…</translation>
    </message>
    <message>
        <source>Move to a room…</source>
        <translation>调整所在社工室…</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Station office</source>
        <translation>站本部</translation>
    </message>
    <message>
        <source>meets the rules</source>
        <translation>符合配置标准</translation>
    </message>
    <message>
        <source>does not meet the rules</source>
        <translation>不符合配置标准</translation>
    </message>
    <message>
        <source>Staffing: {verdict} ({reason})</source>
        <translation>人员配置：{verdict}（{reason}）</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>New evaluation round</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <source>Indicator system *</source>
        <translation>指标体系 *</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>评估类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Evaluation agency</source>
        <translation>评估机构</translation>
    </message>
    <message>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
</context>
<context>
    <name>RoundForm</name>
    <message>
        <source>New interview round</source>
        <translation>新建回访</translation>
    </message>
    <message>
        <source>Empty: chosen at random and kept</source>
        <translation>不填：随机选取并保存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话回访人数</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>实地回访人数</translation>
    </message>
    <message>
        <source>Sampling seed</source>
        <translation>抽样种子</translation>
    </message>
    <message>
        <source>The seed is a whole number, such as 2026.</source>
        <translation>抽样种子应为整数，如 2026。</translation>
    </message>
</context>
<context>
    <name>RoundView</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Scorer</source>
        <translation>评分主体</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>自评</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Choose a round on the left, or add one.</source>
        <translation>请在左边选择一次评估，或新建评估。</translation>
    </message>
    <message>
        <source>Triggered</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>No</source>
        <translation>未触发</translation>
    </message>
    <message>
        <source>Total {total} (base {base}/{base_max}, bonus {bonus}/{bonus_max})</source>
        <translation>总分 {total}（基础 {base}/{base_max}，加分 {bonus}/{bonus_max}）</translation>
    </message>
    <message>
        <source>Grade: {grade}</source>
        <translation>等级：{grade}</translation>
    </message>
    <message>
        <source>Scored {scored} of {leaves}</source>
        <translation>已评 {scored}/{leaves} 项</translation>
    </message>
    <message>
        <source>Veto triggered</source>
        <translation>已触发一票否决</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <source>Interview rounds</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>New round…</source>
        <translation>新建回访…</translation>
    </message>
    <message>
        <source>Print call list…</source>
        <translation>打印回访名单…</translation>
    </message>
    <message>
        <source>Finish round</source>
        <translation>结束本轮回访</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Record answer…</source>
        <translation>记录回答…</translation>
    </message>
    <message>
        <source>The call list was saved to {path}. Open it now?</source>
        <translation>回访名单已保存到 {path}。现在打开吗？</translation>
    </message>
    <message>
        <source> (finished)</source>
        <translation>（已结束）</translation>
    </message>
    <message>
        <source>No interview round yet.</source>
        <translation>还没有回访。</translation>
    </message>
    <message>
        <source>{mode}: {sample} drawn, {answered} answered, {unreachable} unreachable, {refused} refused, {pending} to ask</source>
        <translation>{mode}：抽取 {sample} 人，已回答 {answered} 人，未能联系 {unreachable} 人，拒绝 {refused} 人，待回访 {pending} 人</translation>
    </message>
    <message>
        <source>Seed {seed}. Awareness {aware} ({a} of {n}); satisfaction {rate} ({b} of {n}). Mean scores: {means}. {modes}</source>
        <translation>抽样种子 {seed}。知晓率 {aware}（{n} 人中 {a} 人）；满意率 {rate}（{n} 人中 {b} 人）。各项平均分：{means}。{modes}</translation>
    </message>
    <message>
        <source>knows {k} of 5; {scores}</source>
        <translation>知晓 {k}/5 项；{scores}</translation>
    </message>
    <message>
        <source>Finish “{name}”? Its answers can no longer be changed.</source>
        <translation>结束“{name}”？结束后不能再修改回答。</translation>
    </message>
</context>
<context>
    <name>SatisfactionBar</name>
    <message>
        <source>Interview rounds…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Survey sheet template…</source>
        <translation>满意度调查模板…</translation>
    </message>
    <message>
        <source>Import surveys…</source>
        <translation>导入满意度调查…</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <source>Save the survey sheet template</source>
        <translation>保存满意度调查导入模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The template was saved to {path}.</source>
        <translation>模板已保存到 {path}。</translation>
    </message>
    <message>
        <source>Import surveys</source>
        <translation>导入满意度调查</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these rows and import again:</source>
        <translation>没有导入任何调查。请改正以下各行后重新导入：</translation>
    </message>
    <message>
        <source>{n} survey(s) imported.</source>
        <translation>已导入 {n} 份满意度调查。</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <source>Record score</source>
        <translation>录入得分</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Scoring notes</source>
        <translation>评分说明</translation>
    </message>
    <message>
        <source>Veto item: 1 = triggered, 0 = not triggered</source>
        <translation>一票否决项：1 = 触发，0 = 未触发</translation>
    </message>
    <message>
        <source>Points: {points}</source>
        <translation>分值：{points}</translation>
    </message>
    <message>
        <source>Scorer</source>
        <translation>评分主体</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
</context>
<context>
    <name>ScoreTable</name>
    <message>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>Pre-test</source>
        <translation>前测</translation>
    </message>
    <message>
        <source>Post-test</source>
        <translation>后测</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Volunteer service</source>
        <translation>志愿服务记录</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Volunteer *</source>
        <translation>志愿者 *</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours *</source>
        <translation>时长（小时） *</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>What they did</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Choose the volunteer.</source>
        <translation>请选择志愿者。</translation>
    </message>
</context>
<context>
    <name>ServiceFormDialog</name>
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
    <name>SessionDialog</name>
    <message>
        <source>Session {number} of {group}</source>
        <translation>{group} 第{number}节</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Participants who are not registered members</source>
        <translation>非登记组员的参与人数</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>节次</translation>
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
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>本节目标</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>非登记参与</translation>
    </message>
    <message>
        <source>Group dynamics</source>
        <translation>小组动力</translation>
    </message>
    <message>
        <source>Worker&apos;s reflection</source>
        <translation>社工反思</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
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
        <source>Contract targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Data due for anonymising</source>
        <translation>到期数据</translation>
    </message>
    <message>
        <source>Training targets</source>
        <translation>继续教育学时</translation>
    </message>
    <message>
        <source>Social work rooms</source>
        <translation>社工室</translation>
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
    <message>
        <source>Partners</source>
        <translation>合作方</translation>
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
    <name>StaffPage</name>
    <message>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>督导</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Supervisees</source>
        <translation>被督导社工</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案数</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>督导主题</translation>
    </message>
    <message>
        <source>New supervision record</source>
        <translation>新建督导记录</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部形式</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>获证人数</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>登记培训</translation>
    </message>
    <message>
        <source>All participants</source>
        <translation>全部参加人员</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督导</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Hours per worker</source>
        <translation>社工学时</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>职业资格</translation>
    </message>
</context>
<context>
    <name>StaffingRulesDialog</name>
    <message>
        <source>Staffing rules</source>
        <translation>人员配置标准</translation>
    </message>
    <message>
        <source>Station heads, at least</source>
        <translation>站长至少（人）</translation>
    </message>
    <message>
        <source>Social workers, at least</source>
        <translation>社工至少（人）</translation>
    </message>
    <message>
        <source>Room staff per village or community</source>
        <translation>每个村（社区）的社工室人员</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How to start</source>
        <translation>开始方式</translation>
    </message>
    <message>
        <source>Choose how the station&apos;s records begin.</source>
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
        <source>Please enter the station&apos;s name.</source>
        <translation>请填写社工站名称。</translation>
    </message>
    <message>
        <source>The station code must be 2 to 16 letters or digits.</source>
        <translation>站点代码应为2至16位字母或数字。</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>County or district</source>
        <translation>所属县（区）</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Add station…</source>
        <translation>添加站点…</translation>
    </message>
    <message>
        <source>Staffing</source>
        <translation>人员配置</translation>
    </message>
    <message>
        <source>Staffing rules…</source>
        <translation>人员配置标准…</translation>
    </message>
    <message>
        <source>Meets the rules</source>
        <translation>符合配置标准</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Reload the case? What you typed here is dropped.</source>
        <translation>是否重新载入个案？您在此处填写的内容将被放弃。</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Late-entry reason *</source>
        <translation>补录原因 *</translation>
    </message>
</context>
<context>
    <name>StoryModel</name>
    <message>
        <source>Date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Entered later, on {time}</source>
        <translation>补录，录入于 {time}</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the record.</source>
        <translation>双击或按回车键打开这条记录。</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <source>Supervision record</source>
        <translation>督导记录</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>External supervisor (type the name)</source>
        <translation>外部督导（请填写姓名）</translation>
    </message>
    <message>
        <source>Name and organisation</source>
        <translation>姓名及单位</translation>
    </message>
    <message>
        <source>Case numbers, separated by spaces or commas</source>
        <translation>个案编号，用空格或逗号分隔</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Form *</source>
        <translation>督导形式 *</translation>
    </message>
    <message>
        <source>Supervisor *</source>
        <translation>督导 *</translation>
    </message>
    <message>
        <source>External supervisor</source>
        <translation>外部督导</translation>
    </message>
    <message>
        <source>Hours *</source>
        <translation>时长（小时） *</translation>
    </message>
    <message>
        <source>Supervisees *</source>
        <translation>被督导社工 *</translation>
    </message>
    <message>
        <source>Cases discussed</source>
        <translation>讨论的个案</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>督导主题</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>督导建议</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续跟进</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Satisfaction survey: {title}</source>
        <translation>满意度调查：{title}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>回答人</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation>原因/备注</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Delete the chosen survey</source>
        <translation>删除所选调查</translation>
    </message>
    <message>
        <source>Survey date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Why nobody could answer</source>
        <translation>无法回答的原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Only for a survey entered long after</source>
        <translation>补录较早的调查时填写</translation>
    </message>
    <message>
        <source>Late entry reason</source>
        <translation>补录原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record survey</source>
        <translation>保存调查</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>新增调查</translation>
    </message>
    <message>
        <source>Delete the survey of {day}?</source>
        <translation>删除 {day} 的这份调查？</translation>
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
    <name>TrainingDialog</name>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>培训名称 *</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours *</source>
        <translation>时长（小时） *</translation>
    </message>
    <message>
        <source>Participants *</source>
        <translation>参加人员 *</translation>
    </message>
    <message>
        <source>Got a certificate</source>
        <translation>获得证书</translation>
    </message>
</context>
<context>
    <name>TrainingTargetsTab</name>
    <message>
        <source>Registration period starts in</source>
        <translation>注册周期起始年份</translation>
    </message>
    <message>
        <source>Save targets</source>
        <translation>保存学时目标</translation>
    </message>
    <message>
        <source>Hours of continuing education per 3-year registration period; 0 means no target for that title.</source>
        <translation>每个3年注册周期应完成的继续教育学时；填 0 表示该职业资格不设目标。</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Register a station&apos;s signing key</source>
        <translation>登记站点的签名公钥</translation>
    </message>
    <message>
        <source>A station that encrypts its packages with the county&apos;s public key signs them with a key of its own. Register the public half here when the station hands the file over (signing-key-….pub.pem); a package sent with the package password registers it too.</source>
        <translation>用县里公钥加密数据包的站点，会用本站自己的签名密钥签名。站点交来签名公钥文件时在这里登记；站点用数据包密码发来的数据包也会自动登记。</translation>
    </message>
    <message>
        <source>none registered</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation>签名公钥文件</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Choose the station and its public key file.</source>
        <translation>请选择站点和它的签名公钥文件。</translation>
    </message>
    <message>
        <source>Cannot open the file {path}.</source>
        <translation>打不开文件 {path}。</translation>
    </message>
    <message>
        <source>Open the station&apos;s signing public key</source>
        <translation>打开站点的签名公钥</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Station</source>
        <translation>站点</translation>
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
<context>
    <name>VisitDetailView</name>
    <message>
        <source>Choose a visit.</source>
        <translation>请选择一条走访记录。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Clients visited</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>见到的人</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>Living conditions</source>
        <translation>生活状况</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全状况</translation>
    </message>
    <message>
        <source>Needs found</source>
        <translation>发现的需求</translation>
    </message>
    <message>
        <source>New needs (count)</source>
        <translation>新发现需求数</translation>
    </message>
    <message>
        <source>Policies explained</source>
        <translation>政策宣讲</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Cases opened</source>
        <translation>已开个案</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Edit visit</source>
        <translation>修改走访记录</translation>
    </message>
    <message>
        <source>Record a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>The first client&apos;s household</source>
        <translation>第一位服务对象所在的家庭</translation>
    </message>
    <message>
        <source>Add client…</source>
        <translation>添加服务对象…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>The household&apos;s village</source>
        <translation>按家庭所在村（社区）</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>e.g. the client and her daughter-in-law</source>
        <translation>例如：本人及儿媳</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visit type *</source>
        <translation>走访类型 *</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Clients visited</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Choose a household, the clients met, or both.</source>
        <translation>请选择走访的家庭、见到的服务对象，或两者都选。</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>见到的人</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Living conditions</source>
        <translation>生活状况</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全状况</translation>
    </message>
    <message>
        <source>Needs found</source>
        <translation>发现的需求</translation>
    </message>
    <message>
        <source>New needs (count)</source>
        <translation>新发现需求数</translation>
    </message>
    <message>
        <source>Policies explained</source>
        <translation>政策宣讲</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose a client</source>
        <translation>选择服务对象</translation>
    </message>
    <message>
        <source>Name, ID number or phone of the client</source>
        <translation>服务对象的姓名、身份证号或电话</translation>
    </message>
    <message>
        <source>Social work room</source>
        <translation>社工室</translation>
    </message>
</context>
<context>
    <name>VisitFilterBar</name>
    <message>
        <source>Search household, client or needs (Ctrl+F)</source>
        <translation>搜索户主、服务对象或需求（Ctrl+F）</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>全部社工</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>VisitIntakeDialog</name>
    <message>
        <source>Open a case from the visit of {day}</source>
        <translation>从 {day} 的走访开个案</translation>
    </message>
</context>
<context>
    <name>VisitListTab</name>
    <message>
        <source>Record a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>Record a new home visit (Ctrl+N)</source>
        <translation>登记一次新的走访（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Open a case…</source>
        <translation>开个案…</translation>
    </message>
    <message>
        <source>Start the intake for a client of this visit</source>
        <translation>为这次走访到的服务对象接案</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次走访</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the visit of {day}?</source>
        <translation>删除 {day} 的走访记录？</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>New needs</source>
        <translation>新需求</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>e.g. haircuts, first aid, driving</source>
        <translation>如：理发、急救、驾驶</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Village or community</source>
        <translation>村/社区</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
</context>
<context>
    <name>VolunteerTotals</name>
    <message>
        <source>{year}: no volunteer service recorded.</source>
        <translation>{year}年：尚无志愿服务记录。</translation>
    </message>
    <message>
        <source>{month}: {hours} h</source>
        <translation>{month}月 {hours} 小时</translation>
    </message>
    <message>
        <source>{year}: {total} h in all. By month: {months}. Most hours: {top}</source>
        <translation>{year}年共 {total} 小时。按月：{months}。服务时长最多：{top}</translation>
    </message>
    <message>
        <source>{year}: no resources linked.</source>
        <translation>{year}年：尚无资源链接记录。</translation>
    </message>
    <message>
        <source>{kind} {count} item(s), {yuan} yuan</source>
        <translation>{kind} {count} 笔，{yuan} 元</translation>
    </message>
    <message>
        <source>{month}: {kind} {yuan} yuan</source>
        <translation>{month}月 {kind} {yuan} 元</translation>
    </message>
    <message>
        <source>{year}: {kinds}. By month: {months}</source>
        <translation>{year}年：{kinds}。按月：{months}</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Service hours this year</source>
        <translation>本年服务时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>登记志愿者</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>What they did</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>New service record</source>
        <translation>登记服务时长</translation>
    </message>
    <message>
        <source>All volunteers</source>
        <translation>全部志愿者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受益方</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>登记资源</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Resources linked</source>
        <translation>资源链接</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>{item}, signed {day}</source>
        <translation>{item}，签署于{day}</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
</context>
<context>
    <name>WorkLogTab</name>
    <message>
        <source>Whose work log</source>
        <translation>查看谁的工作日志</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Worker:</source>
        <translation>社工：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Add an entry to this day (Ctrl+N)</source>
        <translation>为这一天添加一条记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Entries marked automatic come from service records, group sessions, activities and visits; change those records to change them.</source>
        <translation>标为“自动”的记录来自个案服务记录、小组节次、社区活动和走访；如需修改，请修改原记录。</translation>
    </message>
    <message>
        <source>Notes on the day</source>
        <translation>当天备注</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>手填</translation>
    </message>
    <message>
        <source>Total: {hours} h ({minutes} min)</source>
        <translation>合计：{hours} 小时（{minutes} 分钟）</translation>
    </message>
    <message>
        <source>Month: {hours} h</source>
        <translation>本月：{hours} 小时</translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>删除这条日志记录？</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
</TS>
