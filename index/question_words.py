"""The words of *how* people ask, as opposed to what they ask about: comparison cues, CNCF maturity words and
the stage words around them, filler ("有什么推荐", "looking for a tool"), and the cues that make a named
project the setting of a question rather than its subject ("基于 X", "for the X", "X operators").

``index.understand`` reads a question with them; they are kept here, one list each, so that a word is
added in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.tokenizer import analyze

COMPARE_CUES = re.compile(
    r"\b(vs\.?|versus|compare[ds]?|comparison|comparing|difference[s]?|differ|between|or)\b"
    r"|区别|对比|比较|差异|不同|异同|还是|优劣|哪个好|(?<![0-9a-z])pk(?![0-9a-z])"
)
WEAK_COMPARE_CUES = re.compile(r"\b(or|between)\b|还是")
"""Cues that also join things a sentence merely lists ("a remote Kubernetes or OpenShift cluster")."""
COMPARE_TERMS = frozenset(
    {"区别", "对比", "比较", "差异", "不同", "异同", "优劣", "compar", "differ", "versu"}
)
"""Index terms of the comparison cues: they say how to answer, not what about."""
MATURITY_WORDS = {
    "graduated": "graduated",
    "graduate": "graduated",
    "毕业": "graduated",
    "incubating": "incubating",
    "incubation": "incubating",
    "孵化": "incubating",
    "sandbox": "sandbox",
    "沙箱": "sandbox",
    "沙盒": "sandbox",
    "archived": "archived",
    "archive": "archived",
    "归档": "archived",
    "封存": "archived",
    "废弃": "archived",
}
RELATION_IS = re.compile(r"(?:是|互为|\bare)\s*(?:不是)?\s*$")
"""Said just before a cue of replacement ("是竞品", "是替代关系", "are … alternatives"), it is how the names it
follows relate to each other, not something wanted instead of them ("Jenkins 的替代品")."""

NAME_JOINERS = re.compile(r"^\s*(?:和|与|跟|及|以及|或|或者|还是|、|,|，|/|&|and|or|vs\.?|versus)\s*$")
"""What joins two names said as one subject ("KubeEdge 和 OpenYurt", "Calico vs Cilium")."""

VERSUS = re.compile(r"^\s*(?:vs\.?|versus|pk|对比)\s*$")
"""Said between two names, this compares them whatever else the question says ("Calico vs Cilium")."""
WHAT_IS_BEFORE = re.compile(
    r"(?:什么是|啥是|\bwhat(?:'s|\s+is|\s+are|\s+does)|\bexplain(?:ing)?|"
    r"\blook(?:ing)?\s+(?:at|into)|\bread(?:ing)?\s+(?:up\s+)?(?:on|about)|\bcheck(?:ing)?\s+out|\blearn(?:ing)?\s+about|"
    r"\b(?:one-?pager|primer|talk|presentation|write-?up|docs?|intro|overview|deck|slides)\s+(?:on|about))\s*$"
)
WHAT_IS_AFTER = re.compile(r"^\s*(?:到底|究竟)?\s*(?:是个|是一个|是)?\s*(?:啥|什么|干嘛|干啥|做什么|干什么)")
WHAT_BEFORE = re.compile(r"\bwhat\s*$")
IS_AFTER = re.compile(r"^\s*(?:is|are)\b")
"""Said just before or after a name, these ask what the project is ("flannel 是啥", "什么是 Karmada", "what is
Longhorn", "what Kubernetes is"), or ask to study it ("look into vault", "read up on envoy": not the setting, though
"into" and "on" often say one; nor is "a one-pager on consul"): the question is about it, whatever else it says."""
TROUBLE_WORDS = re.compile(
    r"\b(?:keeps?\s+\w+ing|stuck|hang(?:s|ing)|hung|crash\w*|fail(?:s|ed|ing|ure)?|broken|breaks|"
    r"(?:won|can|doesn|isn|aren|didn)'?t|not\s+working|errors?|dropping|drops|expir\w*|time[sd]?\s*out|timing\s+out|"
    r"oom\w*|leak\w*|slow|throttl\w*|wrong|[45]\d\d)\b|"
    r"报错|失败|起不来|卡在|卡住|断断续续|不生效|挂了|挂掉|崩溃|超时|报錯|失敗|崩潰|超時"
)
"""Trouble said after a project's name ("helm rollback keeps hanging", "rook 部署 ceph 卡在 osd", "envoy keeps returning
503"): asked how to fix something with it, so the question is about it, however many other words it says."""
EXPLAIN_ASKED = re.compile(
    r"\b(?:primer|gist|tl;?dr|eli5|like\s+i'?m\s+(?:five|5)|rundown|crash\s+course|explain\w*|"
    r"what\s+(?:it|that|this)\s+(?:is|does|means)|what\s+(?:is|does)\s+(?:it|that|this))\b|"
    r"科普|介绍一下|介紹一下|干嘛用|幹嘛用|是干什么的|是幹什麼的"
)
"""Asked to be told what something is, away from its name ("…the jaeger stuff is my problem now. quick primer?",
"give me the gist", "ELI5"): with one project named, the question asks what it is."""
HOW_TO_AFTER = re.compile(r"^\s*(?:要|该|应该|到底|究竟)?\s*(?:怎么|如何|怎样)(?!样)")
HOW_TO_BEFORE = re.compile(
    r"\bhow\s+(?:do\s+(?:i|we|you)\s+|to\s+|can\s+(?:i|we)\s+|should\s+(?:i|we)\s+)(?:\w+\s+)?\w+\s*$"
)
"""Said just after or before a name, these ask how to do something *with* the project ("harbor 怎么部署到生产环境",
"how to upgrade istio"): the question is about it, and the rest says what with it."""
ALTERNATIVE_CUES = re.compile(
    r"替代品|替代方案|替代|代替|取代|平替|竞品|换掉|换成|(?<!不)同类(?!型)|对标|类似|類似|除了|之外|以外|其他|其它|(?<![级級区區类類个個性])[别別]的|"
    r"对应|對應|相当于|相當於|"
    r"\b(?:alternatives?(?:\s+to)?|instead(?:\s+of)?|replac(?:e|es|ing|ement|ements)(?:\s+for)?|competitors?|"
    r"(?:replaced|superseded|succeeded)\s+by|(?<=what\s)(?:replaced|superseded)|successors?(?:\s+(?:of|to))?|"
    r"equivalents?(?:\s+(?:of|to))?|counterparts?|"
    r"similar\s+to|(?:tools?|projects?|options?|something|anything|products?|software)\s+like|"
    r"other\s+than|(?:what|which|any)\s+other|what\s+else|besides|apart\s+from|aside\s+from|get(?:ting)?\s+rid\s+of|ditch(?:ing)?|"
    r"(?:mov(?:e|ing)|migrat(?:e|ing)|switch(?:ing)?)\s+(?:away\s+)?(?:off|from))\b"
)
"""Asked for something to use instead of a named project, in the many ways people ask it ("Jenkins 的替代品", "除了
Jenkins 还有什么", "类似 Harbor 的", "alternatives to Kubernetes", "tools similar to Helm", "moving off Swarm"), or
for its counterpart elsewhere ("GKE 在 AWS 上对应的是哪个", "the ECR equivalent on Azure"): the answer is its neighbours, not entries whose descriptions say "alternative" (Supabase, "the Firebase
alternative"). 别的 (other) is no cue inside 级别的 (level), nor 同类 (of a kind) inside 不同类型 (different types)."""
CUE_OBJECT_AFTER = re.compile(
    r"除了|对标|\b(?:instead\s+of|other\s+than|besides|apart\s+from|aside\s+from|similar\s+to|\w+\s+like|"
    r"alternatives?\s+to|replac(?:e|es|ing)|replac(?:ement|ements)\s+for|get(?:ting)?\s+rid\s+of|ditch(?:ing)?|"
    r"(?:mov(?:e|ing)|migrat(?:e|ing)|switch(?:ing)?)\s+(?:away\s+)?(?:off|from))$"
)
"""Cues of replacement whose project follows them ("instead of Jenkins", "除了 Calico")."""
CUE_OBJECT_BEFORE = re.compile(
    r"之外|以外|换掉|换成|平替|[别別]的|其他|其它|\binstead|\bwhat\s+else|\b(?:what|which|any)\s+other"
)
"""Cues of replacement whose project comes before them ("Kafka 以外", "把 Jenkins 换成…": what follows 换成 is
what is wanted), or that take none ("…, what do people use instead"); the rest take one on either side."""
CUE_GAP = re.compile(r"[\s,，、:：]*(?:的|之|the|an?|our|my|your)?[\s,，、:：]*")
"""What may stand between a cue and the project it speaks of: "Jenkins 的替代品", "alternatives to the Kong"."""
STATUS_WORDS = re.compile(
    r"维护|停更|停止开发|归档|弃用|废弃|淘汰|继任|接替|开源分支|社区分支|分叉|改名|更名|"
    r"\b(?:maintained|maintenance\s+mode|deprecat(?:ed|ion|ing)|archiv(?:ed|al|ing)|abandoned|discontinu(?:ed|ing)|"
    r"retir(?:ed|ement|ing)|dead|unmaintained|successors?|forks?|forked|end[- ]of[- ]life|eol|sunset|shut\s+down|renamed|rebranded|"
    r"(?:did|has)\s+(?:it|that|this)\s+become)\b",
    re.ASCII,
)
"""Words that tell how a project stands ("archived", 停更, a "fork" of it, "renamed", "what did it become"): asked what
to use instead of a project that is gone, what mentions it (its successor, its fork, a migration path from it) says
more."""
STATUS_ASKED = re.compile(
    r"(?:是不是|是否|有没有|有沒有|\bstill\b)[^,，.。;；!！?？]{0,24}?(?:"
    + STATUS_WORDS.pattern
    + r")|(?:"
    + STATUS_WORDS.pattern
    + r")\s*了?\s*(?:吗|嗎|\?|？)",
    re.ASCII,
)
"""How a project stands, asked rather than told: "还在维护吗", "是不是已經 EOL 了", "is Flux still actually being
maintained". Told ("weave net 已经不维护了，有什么替代方案"), what replaces it is the answer; asked, the project is."""
STILL_ASKED = re.compile(
    r"\bstill\s+(?:a\s+thing|around|alive|active|relevant|maintained|developed|supported|used|using|in\s+use)\b|"
    r"还有人(?:在)?用|还在用|还活着|還有人(?:在)?用|還在用|還活著",
    re.ASCII,
)
"""Asked whether a project still stands ("is Jaeger still a thing?", "anyone still using X?", 还有人在用吗): a
question about the project, however everyday its other words ("I still don't get it" is no such question)."""
RUN_BEFORE = re.compile(
    r"\b(?:set(?:ting)?\s+up|deploy(?:ing)?|install(?:ing)?|upgrad(?:e|ing)|"
    r"(?:migrat(?:e|ing)|switch(?:ing)?|mov(?:e|ing))\s+(?:to|off))\s+$"
)
"""Said just before a name, these make it software to run ("upgrade helm", "migrate to calico"), not the everyday word
it also is (``index.homonyms``)."""
LIKENESS_CUES = re.compile(
    r"同类|对标|类似|類似|\b(?:similar\s+to|(?:tools?|projects?|options?|something|anything|products?|software)\s+like)\b"
)
"""The cues of replacement that ask for something *like* a project, which the project itself also is ("need a
key-value store, something like etcd?"); the others ask for something else ("etcd alternatives")."""
OWN_AFTER = re.compile(
    r"^(?:[-\s]native\b|(?:\s*cloud)?(?:'s|’s|s')?\s*(?:(?:have|has|got|offer|offers|provide|provides)\s+(?:its|their)\s+)?"
    r"(?:own\b|自家|自己|自有|自研))"
)
"""Said right after a vendor, these ask for the vendor's own offer ("aws's own container orchestrator", "阿里云自己有现成的
监控产品吗", 腾讯云自家的日志服务): the vendor is the whole point, however long the question around it. "AWS-native" too, but not
"Alibaba Cloud native" nor 阿里云原生: that is Alibaba's cloud native (云原生)."""
OPEN_SOURCE = re.compile(r"开源|open[\s-]?source|\boss\b")
"""Asked for open source: an entry with no source repository (a hosted service, a company) is not that."""
MATURITY_CONTEXT = re.compile(r"cncf|project|stage|level|maturity|项目|阶段|级别|专案")
CONTEXT_MATURITIES = frozenset({"sandbox", "archived"})
"""Sandbox is also what a secure runtime gives a container ("sandboxed container runtime", 安全沙箱), and archived
what a repository is ("Google archived the kaniko repo"): each is CNCF's maturity only when the question speaks of
projects or stages (``MATURITY_CONTEXT``); otherwise "archived" tells how the project named stands."""
STAGE_WORDS = re.compile(r"\b(?:stages?|levels?|maturity)\b|阶段|级别|成熟度")
_FILLER_TEXT = (
    "有什么 有哪些 哪些 推荐 一下 工具 方案 解决方案 软件 项目 产品 开源 框架 系统 主流 常用 常见 好用 "
    "tool tools tooling solution solutions project projects software product products option options "
    "alternative alternatives recommend recommendation list popular open source opensource "
    "call called name named now today still exist exists existing alive dead anymore status happened "
    "只有 专门 适合 合适 一种 一款 一套 这种 那种 应该 该用 该选 哪种 哪款 哪家 "
    "啥 用啥 搭 搭建 选型 选择 挑选 pick picking choose choosing "
    "有人 有谁 谁用 现在 还在 存在 活跃 维护 状态 怎么了 叫什么 改名 更名 名字 关系 历史 是否 "
    "没有 直接 同时 最好 还有 不想 多少 一直 每个 是不是 能不能 怎么办 比较方便 "
    "user users write writing create creating implement implementation implementations "
    "idea ideas all any every our way ways good great nice "
    "made make makes built created developed maintained written based via like similar "
    "推出 出品 打造 开发的 基于 类似 之类 像 "
    "厂商 公司 服务商 提供商 供应商 vendor vendors company companies provider providers "
    "thing things something need needs want wants looking look looks find finds help helps me hi hello hey "
    "thanks question "
    "is are was does do 是 吗 呢 有 什么 哪个 怎么样 怎样 了解 知道 谁 用过 试过 "
    "were been being did done has had have having which what who whom whose how why where there "
    "their they them i my mine its these those could would should might must shall also just very "
    "really please some much many more most ever always never often usually sometimes too even already yet "
    "again each other such only same both few because while until once here during through against further "
    "set up setup 查看 看看 入门 学习 教程 上手 面向 方面 "
)


@lru_cache(maxsize=1)
def filler_terms() -> frozenset[str]:
    """Index terms that say *how* someone asks, not *what*: they never make a question relevant alone.

    Computed on first use because analysing needs jieba configured.
    """
    return frozenset(analyze(_FILLER_TEXT))


@lru_cache(maxsize=1)
def filler_words() -> frozenset[str]:
    """English filler as written: "developed" (by Google) says how, "development" what; both stem alike."""
    return frozenset(w for w in _FILLER_TEXT.split() if w.isascii())


CONTEXT_BEFORE = re.compile(
    r"(?:基于|和|与|跟|配合|兼容|对接|集成|整合|从|替代|代替|取代|替换|换掉|像|类似|比|在|给|把|为|面向|支持|接入|"
    r"\b(?:on|for|with|into|from|replac\w*|instead of|like|than|in|of|atop|over|against|via|around|across|"
    r"support\w*|compatible with|based on|built on|alternative to|extends?|integrat\w* with)"
    r"(?:\s+(?:the|a|an|your|our|my|their))?)\s*$"  # "for the Istio service mesh"
)
"""Said just before a name, these make it the setting of the question ("基于 kubespray 的…", "replace Zabbix")."""
OF_AFTER = re.compile(r"\s+of\b")
"""Said just after a name that is an everyday English word, it makes the word ("kind of", "a fleet of")."""
RELATION_AFTER = re.compile(r"^\s*(?:上|里|中|之上|原生|兼容|风格|(?:-?based|native|compatible|powered)\b)")
"""Said just after a name, these make it the setting too ("k8s 上", "Kubernetes-native")."""
THING_AFTER = re.compile(
    r"^\s*(?:的\s*)?(?:文件|文档|"
    r"(?:files?|resources?|operators?|plugins?|apis?|objects?|workloads?|"
    r"ingress|services?|pods?|nodes?|manifests?|yaml|format)\b)"
)
"""A kind of thing said after a name ("PostgreSQL operator"): the setting, unless the project is that thing."""
OF = re.compile(r"^\s*的\s*(.{1,12})")
"""X 的 Y: the setting when Y is not what X is ("Kubernetes 的渐进式交付控制器")."""
