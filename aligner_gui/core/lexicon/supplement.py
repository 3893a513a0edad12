"""Entries CC-CEDICT lacks, or whose commonest English sense it lacks, added to its
compiled entries (cedict.py). Editing this table rebuilds the dictionary cache: the cache
hashes this module's source (cache.py), and a frozen app, which has no sources, relies on
``cache.FORMAT_VERSION``, to be raised with every change here.
"""

from __future__ import annotations

__all__ = ["SUPPLEMENT"]

# A few entries CEDICT lacks but news and fiction need (country adjectives above all).
SUPPLEMENT = {
    "美国": "america american usa",
    "美": "america american usa",
    "中国": "chinese",
    "俄罗斯": "russian",
    "俄": "russian",
    "英国": "british britain uk",
    "法国": "french",
    "德国": "german",
    "日本": "japanese",
    "韩国": "korean",
    "朝鲜": "korean",
    "欧洲": "european",
    "总统": "president",
    "先生": "mr mister sir",
    "女士": "ms madam lady",
    "太太": "mrs wife",
    "夫人": "mrs madame",
    "小姐": "miss",
    "外交部": "foreign ministry",
    "联合国": "un",
    "港元": "hk",
    "港币": "hk",
    "美联储": "fed",
    "欧元区": "euro area eurozone",
    # "the X side" of diplomatic copy: CC-CEDICT has 中方, 日方 and 韩方 but not these.
    "美方": "american side usa",
    "俄方": "russian side russia",
    "英方": "british side uk",
    "欧方": "european side eu",
    "朝方": "korean side",
    "致力": "committed commit dedicated",
    "致力于": "committed commit dedicated devote",
    # Companies CC-CEDICT glosses by the words' other senses only (三星 "Orion's belt").
    "三星": "samsung",
    "腾讯": "tencent",
    "高通": "qualcomm",
    "联想": "lenovo",
    "摩根大通": "jpmorgan",
    # Everyday news words whose CC-CEDICT senses miss the commonest English one.
    "旅客": "passenger",
    "印发": "issue issued",  # 国务院印发《方案》 "the State Council has issued a plan"
    # Parts of a decade or period: 70年代末 "the late 1970s", 90年代初 "the early 1990s".
    "末": "late",
    "初": "early",
    "中期": "mid middle",
    "货物": "cargo freight",
    # Market reports: sessions and comparisons CC-CEDICT lacks (盘后交易 "after-hours").
    "盘后": "after hours",
    "盘前": "premarket before",
    "早盘": "early morning",
    "尾盘": "late close",
    "盘中": "intraday session",
    "环比": "sequential previous month quarter",
    "晶圆厂": "wafer fab fabrication plant",
    "国务院": "state department",
    "发言人": "spokesperson spokesman spokeswoman",
    "核武库": "nuclear arsenal",
    "弹头": "warhead",
    "周一": "monday",
    "周二": "tuesday",
    "周三": "wednesday",
    "周四": "thursday",
    "周五": "friday",
    "周六": "saturday",
    "周日": "sunday",
    # News vocabulary whose usual English CEDICT lacks (wire business/court/disaster copy).
    "重组": "restructure restructuring",
    "费用": "charge charges fee",
    "潜逃": "flee flight",
    "议员": "lawmaker legislator",
    "起诉": "charge indict",
    "判决": "verdict ruling",
    "监禁": "prison",
    "震级": "magnitude",
    "裁员": "layoff layoffs",
    "招聘": "hire hiring",
    "耶和华": "lord jehovah",
    "人": "man",
    "爸爸": "dad daddy papa",
    "妈妈": "mom mum",
    "爷爷": "grandpa granddad",
    "奶奶": "granny grandmother",
    "父亲": "dad",
    "母亲": "mom mum",
    # Country adjectives and people CC-CEDICT lacks (荷兰 "Holland, Netherlands" only: "the
    # Dutch defender" for 这名荷兰后卫 read as a name left without its Chinese).
    "荷兰": "dutch", "西班牙": "spanish spaniard", "葡萄牙": "portuguese", "瑞典": "swedish swede",
    "瑞士": "swiss", "比利时": "belgian", "丹麦": "danish dane", "挪威": "norwegian",
    "芬兰": "finnish finn", "波兰": "polish pole", "希腊": "greek", "土耳其": "turkish turk",
    "以色列": "israeli", "阿根廷": "argentine argentinian", "巴基斯坦": "pakistani",
    "菲律宾": "filipino philippine", "爱尔兰": "irish", "苏格兰": "scottish scots scot",
    "威尔士": "welsh", "南非": "african", "尼日利亚": "nigerian", "伊拉克": "iraqi",
    "叙利亚": "syrian", "哥伦比亚": "colombian", "智利": "chilean", "秘鲁": "peruvian",
    "肯尼亚": "kenyan", "摩洛哥": "moroccan", "黎巴嫩": "lebanese", "约旦": "jordanian",
    "卡塔尔": "qatari", "新加坡": "singaporean", "缅甸": "burmese", "孟加拉国": "bangladeshi",
    "哈萨克斯坦": "kazakh", "白俄罗斯": "belarusian", "亚美尼亚": "armenian",
    "阿塞拜疆": "azerbaijani", "斯洛伐克": "slovak", "拉脱维亚": "latvian",
    "爱沙尼亚": "estonian", "英格兰": "english",
    # Words whose CC-CEDICT senses miss the everyday one (所有人 "owner" only).
    "所有人": "everyone everybody all",
    "疾病": "illness",
    "人手": "staff workforce manpower",
    "外展": "outreach",
    "预计": "expect expected",  # CC-CEDICT: forecast, estimate, predict
    "预期": "expect expected expectation",
    "该行": "bank",  # "the bank" of financial news (CC-CEDICT: "the firm")
    "完": "enditem",  # （完）, the end mark Xinhua's English writes "Enditem"
}
