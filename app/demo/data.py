"""The raw material of the demo data: surnames, given names, places, codes.

Surname weights follow the national surname statistics (per 10,000 people, rounded),
nudged towards a Jiangxi county (胡, 熊, 万, 涂, 邓 are commoner there). Given names
follow the fashions of each generation, so a grandmother is 桂英 and her grandson 子轩.
"""

from __future__ import annotations

SURNAMES: dict[str, float] = {
    "王": 712, "李": 700, "张": 675, "刘": 560, "陈": 453, "杨": 308, "黄": 240, "赵": 194,
    "吴": 186, "周": 170, "徐": 190, "孙": 138, "马": 129, "朱": 128, "胡": 180, "郭": 113,
    "何": 105, "林": 102, "高": 100, "罗": 96, "郑": 85, "梁": 81, "谢": 75, "宋": 65,
    "唐": 63, "许": 61, "韩": 60, "邓": 85, "冯": 58, "曹": 56, "彭": 55, "曾": 53, "肖": 50,
    "田": 49, "董": 47, "潘": 45, "袁": 45, "蔡": 43, "蒋": 42, "余": 41, "于": 41, "杜": 40,
    "叶": 39, "程": 38, "魏": 37, "苏": 37, "吕": 36, "丁": 35, "任": 34, "卢": 33, "姚": 33,
    "沈": 32, "钟": 31, "姜": 30, "崔": 30, "谭": 29, "陆": 28, "范": 27, "汪": 27, "廖": 26,
    "石": 26, "金": 25, "韦": 25, "贾": 24, "夏": 24, "付": 23, "方": 23, "邹": 22, "熊": 70,
    "白": 21, "孟": 21, "秦": 20, "邱": 20, "侯": 19, "江": 19, "尹": 19, "薛": 18, "闫": 18,
    "段": 17, "雷": 17, "龙": 16, "黎": 16, "史": 16, "陶": 15, "贺": 15, "毛": 14, "郝": 14,
    "顾": 14, "龚": 13, "邵": 13, "万": 40, "覃": 13, "武": 13, "钱": 12, "戴": 12, "严": 12,
    "莫": 11, "孔": 11, "向": 11, "常": 11, "汤": 10, "涂": 25, "匡": 6, "冷": 6, "晏": 5,
    "欧阳": 12, "上官": 0.6, "司马": 0.4, "诸葛": 0.3,
}  # fmt: skip

# Given names by generation and sex; a share of names is also composed from the
# single characters below, so 100,000 people are not all called one of these.
GIVEN_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("old", "1"): (
        "建国", "国华", "德明", "志明", "长生", "金生", "水生", "根生", "福生", "春生",
        "冬生", "有才", "有福", "学文", "文华", "永明", "树林", "松林", "国强", "国庆",
        "建华", "德华", "德胜", "胜利", "解放", "卫东", "家旺", "金水", "火根", "细毛",
        "贵生", "来福", "正清", "荣华", "桂生", "发明", "光明", "明德", "兴旺", "守仁",
    ),
    ("old", "2"): (
        "秀英", "桂英", "玉兰", "秀兰", "凤英", "桂兰", "秀珍", "淑珍", "玉珍", "秀云",
        "金花", "冬梅", "春花", "月英", "菊英", "翠英", "兰英", "玉梅", "素英", "桂香",
        "凤兰", "金莲", "桂芳", "秀芳", "美英", "翠兰", "细妹", "春英", "腊梅", "银花",
    ),
    ("middle", "1"): (
        "建军", "建平", "志强", "志刚", "海波", "海涛", "文斌", "建新", "晓东", "小平",
        "卫国", "红军", "国平", "建明", "永红", "金龙", "春雷", "新华", "立新", "振华",
        "勇", "伟", "强", "军", "斌", "涛", "明", "华", "辉", "刚", "平", "波", "杰", "亮",
    ),
    ("middle", "2"): (
        "丽华", "红梅", "海燕", "小红", "晓燕", "春燕", "美玲", "雪梅", "丽娟", "秀梅",
        "建英", "桂花", "小芳", "红英", "丽萍", "金凤", "玉华", "艳红", "冬英", "秋菊",
        "丽", "红", "艳", "敏", "霞", "燕", "芳", "娟", "英", "萍", "玲", "静", "慧",
    ),
    ("young", "1"): (
        "浩然", "子豪", "俊杰", "志伟", "文博", "家豪", "宇航", "鑫磊", "嘉伟", "天宇",
        "明轩", "振宇", "俊宇", "一帆", "浩", "杰", "磊", "鑫", "宇", "鹏", "超", "凯",
    ),
    ("young", "2"): (
        "婷婷", "佳怡", "思雨", "雨欣", "欣怡", "佳琪", "梦婷", "雅琪", "诗琪", "晓雪",
        "丹丹", "婷", "雪", "琳", "倩", "欣", "颖", "瑶", "璐", "洁",
    ),
    ("child", "1"): (
        "梓轩", "子轩", "浩宇", "宇轩", "皓轩", "子墨", "宇泽", "俊熙", "一鸣", "博文",
        "梓豪", "沐阳", "奕辰", "睿泽", "铭泽", "宇辰", "思远", "嘉懿", "锦程", "承泽",
        "睿", "泽", "轩", "铭", "航", "宸",
    ),
    ("child", "2"): (
        "梓涵", "一诺", "欣怡", "子涵", "雨桐", "可欣", "语桐", "思涵", "诗涵", "依诺",
        "梦瑶", "若汐", "欣妍", "紫萱", "雨涵", "佳怡", "语汐", "梓萱", "芷若", "安琪",
        "悦", "萱", "妍", "彤", "琪",
    ),
}  # fmt: skip

GIVEN_CHARS: dict[tuple[str, str], str] = {
    ("old", "1"): "国建德志文明华永金福贵生春根水荣光兴发才成林松树海清正明忠",
    ("old", "2"): "秀英兰芳梅珍玉桂凤金花菊翠莲香云月春冬素美彩银琴",
    ("middle", "1"): "伟强军平明华国建志文勇斌涛俊杰宏鹏辉峰成良新立红卫海东刚波",
    ("middle", "2"): "丽红艳敏霞燕芳娟英萍玲静慧琴云梅华秀美春小晓雪凤",
    ("young", "1"): "浩宇鑫磊鹏超凯杰俊涛亮伟博文志家嘉天明振帆航",
    ("young", "2"): "婷雪琳倩欣颖瑶璐洁佳怡思雨梦雅诗晓丹静慧",
    ("child", "1"): "梓子轩浩宇皓墨泽俊熙一鸣博豪沐阳奕辰睿铭思远锦程承航宸嘉",
    ("child", "2"): "梓涵一诺欣怡子雨桐可语思诗依梦瑶若汐妍紫萱芷安琪悦彤",
}

# Share of one-character given names by generation (older people have more).
SINGLE_GIVEN_SHARE = {"old": 0.22, "middle": 0.25, "young": 0.15, "child": 0.08}

# The demo county: 修水县 (Jiangxi). Address codes as issued: before 1983 the county
# was in 九江地区 (3626xx), since then in 九江市 (3604xx). A few clients were born in a
# neighbouring county (married in, moved for work) and carry its code.
COUNTY = "修水县"
HOME_CODES = ("362624", "360424")
NEIGHBOUR_CODES = (("362623", "360423"), ("362625", "360425"), ("362626", "360426"))
CODE_CHANGE_YEAR = 1983

MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "173", "177", "180", "181",
    "182", "183", "186", "187", "188", "189", "191", "193", "198", "199",
)  # fmt: skip

# Place names are built from two syllables; the first often names a feature or a clan.
PLACE_FIRST = "东西南北上下大小新老高石金银马杨黄白青红双龙凤桃梅竹松柳杉茶枫溪泉湖田"
PLACE_SECOND = "山岭坑坪塘桥湾田洲源溪港口坊庄冲垄岗铺埠陂堡墩畈垅"
TOWNSHIP_KINDS = (("镇", 0.6), ("乡", 0.4))
VILLAGE_TEMPLATES = (("{place}村", 0.62), ("{clan}家{second}村", 0.28), ("{place}社区", 0.10))

# Category codes (app.domain.codes SEED) used by the household kinds.
TEKUN_SCATTERED = "tekun_scattered"
TEKUN_CENTRAL = "tekun_central"
DIBAO_URBAN = "dibao_urban"
DIBAO_RURAL = "dibao_rural"
DIBAO_EDGE = "dibao_edge"
RIGID_EXPENSE = "rigid_expense"
TEMP_RELIEF = "temp_relief"
ORPHAN = "orphan"
DE_FACTO_ORPHAN = "de_facto_orphan"
CHILD_IN_DIFFICULTY = "child_in_difficulty"
LEFT_BEHIND_CHILD = "left_behind_child"
LEFT_BEHIND_ELDER = "left_behind_elder"
EMPTY_NEST_ELDER = "empty_nest_elder"
LIVING_ALONE_ELDER = "living_alone_elder"
OLDEST_OLD = "oldest_old"
DISABLED_ELDER = "disabled_elder"
SEMI_DISABLED_ELDER = "semi_disabled_elder"
DISABLED = "disabled"
ENTITLED_GROUP = "entitled_group"
MIGRANT = "migrant"

# Monthly amounts in yuan, as a county sets them (shown with the category).
BENEFITS = {DIBAO_RURAL: "560", DIBAO_URBAN: "830", TEKUN_SCATTERED: "900", TEKUN_CENTRAL: "1080"}

# What kinds of household a station registers, and how often (relative weights).
HOUSEHOLD_KINDS: dict[str, float] = {
    "elder_alone": 20,
    "elder_couple": 14,
    "grandparents_children": 13,
    "dibao_family": 16,
    "disabled_adult": 10,
    "edge_family": 7,
    "children_in_difficulty": 4,
    "migrant_family": 4,
    "entitled_elder": 2,
    "tekun_central": 3,
    "temp_relief": 3,
}

# Disability types (GB/T 26341 codes) weighted by the national sample survey shares.
DISABILITY_TYPES = {"4": 30, "5": 10, "6": 12, "1": 15, "2": 18, "3": 2, "7": 13}
DISABILITY_GRADES = {"1": 18, "2": 30, "3": 27, "4": 25}

ETHNICITY_HAN = "01"
ETHNICITY_OTHER = {"22": 3, "03": 2, "06": 1, "15": 1}  # 畲族, 回族, 苗族, 土家族

# Staff titles (WORKER_TITLE codes) by role.
WORKER_TITLES = {"assistant": 50, "social_worker": 20, "none": 30}
HEAD_TITLES = {"social_worker": 60, "assistant": 40}
SUPERVISOR_TITLES = {"senior": 30, "social_worker": 70}
