"""The engine as its callers meet it: any text in, a typed answer out, never an exception."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from bot.config import REPO_DATA_DIR
from index.engine import Engine
from index.question_words import OWN_AFTER
from index.tokenizer import analyze

HOSTILE = [
    'AND ( "*',
    "NOT OR AND",
    "((((((",
    '"unterminated',
    "*?~^:[]{}",
    "name:etcd AND category:*",
    "etcd~2 OR consul^3",
    "😀🚀🐳",
    "etcd\x00consul",
    "\u202eדוקר\u202c",
    "مرحبا بالعالم",
    "   ",
    "",
    "a" * 50_000,
    "服务发现 " * 10_000,
    "\ufeff\u200b\u200d",
    "<@U123ABC> <!here> @ecosys",
]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t[:12]) for t in HOSTILE])
def test_user_text_is_never_query_syntax(engine: Engine, text: str) -> None:
    answer = engine.search(text)
    assert answer.understood in ("category", "project", "comparison", "search", "nothing")
    assert len(answer.hits) <= 5


EVERYDAY_WORDS = [
    "最近",
    "有什么",
    "好听的",
    "歌",
    "电影",
    "天气",
    "怎么",
    "做",
    "红烧肉",
    "python",
    "多线程",
    "the",
    "best",
    "laptop",
    "for",
    "how",
    "to",
    "fix",
    "my",
]
ECOSYSTEM_WORDS = [
    "k8s",
    "监控",
    "服务网格",
    "registry",
    "backup",
    "镜像",
    "集群",
    "kubectl",
    "helm",
    "日志",
    "ingress",
    "gateway",
]


def test_any_mix_of_everyday_and_ecosystem_words_gets_an_answer_or_nothing(landscape_engine: Engine) -> None:
    """300 questions mixing everyday and ecosystem words, each answered (possibly with nothing), none
    raising: 最近有什么好听的歌 matched only entries that say none of its words, and the engine raised."""
    rng = random.Random(9)
    for _ in range(300):
        words = rng.sample(EVERYDAY_WORDS, rng.randint(1, 4)) + rng.sample(ECOSYSTEM_WORDS, rng.randint(0, 2))
        rng.shuffle(words)
        question = rng.choice(("", " ")).join(words)
        answer = landscape_engine.search(question)
        assert answer.understood in ("category", "project", "comparison", "search", "nothing"), question


def test_query_syntax_alone_finds_nothing(engine: Engine) -> None:
    answer = engine.search('AND ( "*')
    assert answer.understood == "nothing" and answer.hits == ()


@pytest.mark.parametrize(
    ("question", "lang", "fragment"),
    [
        ("服务发现", "zh", "存储"),
        ("service discovery", "en", "store"),
        ("服務發現", "zh-Hant", "儲"),
    ],
)
def test_category_question_answers_in_its_language(
    engine: Engine, question: str, lang: str, fragment: str
) -> None:
    answer = engine.search(question)
    assert answer.understood == "category" and answer.category and answer.category.id == "service-discovery"
    assert answer.lang == lang
    assert [h.entry.id for h in answer.hits[:3]] == ["etcd", "consul", "zookeeper"]
    assert fragment in answer.hits[0].description


def test_traditional_answer_is_in_traditional(engine: Engine) -> None:
    answer = engine.search("服務發現")
    assert "服務發現" in answer.category_name or "服務" in answer.category_name
    assert "发" not in "".join(h.description for h in answer.hits)


def test_chinese_names_are_written_in_the_answers_script(engine: Engine) -> None:
    """A Traditional question sees 阿里雲容器服務 and 時速雲, a Simplified one the names as the data spells them."""
    traditional = {h.entry.id: h.name for h in engine.search("國內的容器雲", limit=20).hits}
    simplified = {h.entry.id: h.name for h in engine.search("国内的容器云", limit=20).hits}
    assert traditional["aliyun-container-service"] == "阿里雲容器服務"
    assert simplified["aliyun-container-service"] == "阿里云容器服务"


@pytest.mark.parametrize(
    ("question", "first"), [("kubernets", "kubernetes"), ("zookeper", "zookeeper"), ("etdc", "etcd")]
)
def test_typo_names_the_project_first(engine: Engine, question: str, first: str) -> None:
    answer = engine.search(question)
    assert answer.understood == "project"
    assert answer.hits[0].entry.id == first


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        ("consul vs etcd", ["consul", "etcd"]),
        ("k8s 和 swarm 的区别", ["kubernetes", "docker-swarm"]),
        ("compare flannel calico", ["flannel", "calico"]),
    ],
)
def test_comparison_returns_both_side_by_side(engine: Engine, question: str, ids: list[str]) -> None:
    answer = engine.search(question)
    assert answer.understood == "comparison"
    assert [h.entry.id for h in answer.hits] == ids


@pytest.mark.parametrize(
    "question", ["今天天气怎么样", "best pizza in town", "how do I cook rice", "写一首诗"]
)
def test_out_of_scope_answers_nothing(engine: Engine, question: str) -> None:
    answer = engine.search(question)
    assert answer.understood == "nothing" and not answer.hits


def test_descriptive_question_highlights_what_matched(engine: Engine) -> None:
    answer = engine.search("BGP layer-3 networking")
    hit = answer.hits[0]
    assert hit.entry.id == "calico"
    marked = [hit.description[a:b].lower() for a, b in hit.highlights]
    assert "bgp" in marked


def test_pagination(engine: Engine) -> None:
    first = engine.search("容器监控", limit=2)
    second = engine.search("容器监控", limit=2, offset=2)
    assert first.has_more and first.total == second.total
    assert not {h.entry.id for h in first.hits} & {h.entry.id for h in second.hits}


def test_show_and_compare(engine: Engine) -> None:
    assert engine.show("ZooKeeper").hits[0].entry.id == "zookeeper"
    assert engine.show("nosuchproject").understood == "nothing"
    answer = engine.compare(["etcd", "consul", "zookeper"])
    assert [h.entry.id for h in answer.hits] == ["etcd", "consul", "zookeeper"]


def test_categories_are_listed_with_counts(engine: Engine) -> None:
    listed = {c.id: n for c, n in engine.categories()}
    assert listed["service-discovery"] >= 3 and listed["orchestration"] >= 5


def test_status_of_gone_projects_is_shown(engine: Engine) -> None:
    hit = engine.search("rkt").hits[0]
    assert hit.entry.id == "rkt" and not hit.entry.is_active and hit.status_note


@pytest.mark.parametrize(
    ("question", "first", "then"),
    [
        ("kube-lego", "kube-lego", "cert-manager"),
        ("is kube-lego still maintained?", "kube-lego", "cert-manager"),
        ("promtail is deprecated, what now?", "promtail", "grafana-alloy"),
        ("kubernetes dashboard 停更了用什么", "kubernetes-dashboard", "headlamp"),
        ("what replaced coreos", "flatcar", None),
        ("kube-lego replacement", "cert-manager", None),
        ("Amalgam8 被什么取代了", "istio", None),
        ("heapster is in maintenance mode, what do people use now", "heapster", "metrics-server"),
        # A successor in another category and saying none of the question's words is still listed.
        ("is krustlet still maintained?", "krustlet", "runwasi"),
    ],
)
def test_a_gone_project_is_followed_by_what_its_users_went_on_to(
    engine: Engine, question: str, first: str, then: str | None
) -> None:
    # ``successors`` in the data: right after the project asked about, first when asked what replaced it.
    ids = [h.entry.id for h in engine.search(question).hits]
    assert ids[0] == first, ids
    if then is not None:
        assert ids[1] == then, ids


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        (
            "is kube-lego still actually maintained or should we move off it? I have to tell the team by friday",
            "kube-lego",
        ),
        ("spring cloud sleuth 还在维护吗？我们升级 boot 3 时发现没有对应的新版本", "spring-cloud-sleuth"),
        ("keptn 是不是已经EOL了？我们的质量门禁还跑在上面", "keptn"),
    ],
)
def test_asked_how_a_project_stands_it_comes_first(
    landscape_engine: Engine, question: str, entry_id: str
) -> None:
    # Asked, not told: the project, whatever else the sentence says ("EOL" beside Chinese is a word too).
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert ids[0] == entry_id, ids


@pytest.mark.parametrize(
    "question",
    [
        "redis 换成 SSPL 协议之后，基金会托管的开源分支叫什么？",
        "we're moving off redis after the relicensing, which fork do people use?",
    ],
)
def test_asked_for_a_fork_what_says_it_forked_the_project_leads(
    landscape_engine: Engine, question: str
) -> None:
    # A fork is named after what it forked: Valkey's description says Redis, though Redis is to be replaced.
    assert landscape_engine.search(question).hits[0].entry.id == "valkey"


@pytest.mark.parametrize(
    ("question", "maturity", "first"),
    [("cncf 孵化阶段的监控项目", "incubating", 2), ("graduated service mesh", "graduated", 4)],
)
def test_a_category_asked_at_a_maturity_lists_that_maturity_first(
    landscape_engine: Engine, question: str, maturity: str, first: int
) -> None:
    # Prometheus is monitoring's first pick, and graduated: no answer to a question for incubating projects.
    hits = landscape_engine.search(question).hits[:first]
    assert all(h.entry.cncf is not None and h.entry.cncf.maturity == maturity for h in hits), hits


def test_a_maturity_said_twice_is_no_word_to_match(landscape_engine: Engine) -> None:
    # The second "graduated" is the maturity too: CubeFS, whose description says "graduated", is no tracer.
    ids = [
        h.entry.id
        for h in landscape_engine.search("which cncf graduated projects do tracing? graduated only").hits
    ]
    assert ids[0] == "jaeger" and "cubefs" not in ids, ids


def test_told_a_project_is_gone_what_replaces_it_comes_first(landscape_engine: Engine) -> None:
    ids = [h.entry.id for h in landscape_engine.search("weave net 已经不维护了，有什么替代方案？").hits]
    assert ids[0] != "weave-net" and {"calico", "cilium", "flannel"} & set(ids[:3]), ids


def test_asked_what_a_project_became_its_successor_is_near_the_top(engine: Engine) -> None:
    # "what did that become" asks after Knative Build as "renamed" or 改名 would: Tekton took it over.
    question = "Knative used to ship its own Build piece for making images, what did that become?"
    assert "tekton" in [h.entry.id for h in engine.search(question).hits][:2]


def test_what_a_gone_project_made_is_not_asked_after_its_successor(engine: Engine) -> None:
    # CoreOS named as the maker of what is asked (rkt): what followed its Linux is no answer.
    assert "flatcar" not in [h.entry.id for h in engine.search("container engine made by CoreOS").hits]


def test_two_guessed_spellings_without_a_cue_are_not_a_comparison(engine: Engine) -> None:
    assert engine.search("kubernets zookeper").understood == "project"
    assert engine.search("kubernets vs zookeper").understood == "comparison"


@pytest.mark.parametrize(
    "question",
    [
        "where can I get good pizza near the office",
        "what's the capital of France",
        "SELECT * FROM users; --",
        "javascript 数组去重怎么写",  # 写, 式 and the like are said by every kind of text: no evidence
        "how to reverse a list in python",  # "reverse" is the ecosystem's only in "reverse proxy"
        "最近有什么好听的歌",  # its words match only entries that say none of them
        "how do I set up a wifi router",  # "set up" says how one asks, as 查看 or 入门 do
        "our team turns 10 next month, ideas for a small party?",  # a number is no word of the ecosystem's
        # A language the entries are written in is every programmer's word (their facts.language).
        "how do I flatten a list of lists in python with a list comprehension?",
        "Why does 0.1 + 0.2 not equal 0.3 in JavaScript?",
    ],
)
def test_everyday_questions_are_not_about_the_ecosystem(landscape_engine: Engine, question: str) -> None:
    assert not landscape_engine.search(question).hits


@pytest.mark.parametrize(
    "question",
    [
        "our calico kitten hid under the bed all weekend",
        "we booked a harbor cruise for saturday evening",
        "the bank vault scene in that heist movie was ridiculous",
    ],
)
def test_a_name_said_in_its_everyday_sense_names_nothing(landscape_engine: Engine, question: str) -> None:
    answer = landscape_engine.search(question)
    assert answer.understood == "nothing" and not answer.hits
    assert not landscape_engine.in_domain(question)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("calico", "calico"),
        ("is calico still maintained?", "calico"),
        ("is harbor still a thing in 2026? my lead keeps bringing it up", "harbor"),
        ("老板下午要听汇报，同事一直让我看 harbor 的文档", "harbor"),  # Chinese around it: the project
        ("calico or flannel for a small team?", "calico"),
        ("harbor alternatives for a tiny homelab", None),
        ("can someone explain vault to me like I'm five", "vault"),  # asked what it is
        ("my lead wants me to look into vault before the offsite", "vault"),  # a thing to study
    ],
)
def test_an_everyday_word_that_is_a_name_names_it_with_the_ecosystem_around(
    landscape_engine: Engine, question: str, entry_id: str | None
) -> None:
    answer = landscape_engine.search(question)
    assert answer.hits and landscape_engine.in_domain(question)
    if entry_id:
        assert answer.hits[0].entry.id == entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # Trouble said after the name: how to fix something with it.
        ("helm rollback hangs forever on a release whose hook failed", "helm"),
        ("vault token keeps expiring halfway through our deploys", "vault"),
        ("calico pods keep crashing after the node upgrade", "calico"),  # its pods in trouble: about it
        (
            "tempo 里的 trace 查询一直超时，是不是存储后端的问题",
            "grafana-tempo",
        ),  # trouble inside it: about it
        # The gist asked for away from the name, or a one-pager on it: what it is.
        ("inherited the consul cluster from a coworker who quit, can someone give me the gist", "consul"),
        ("my boss wants a one-pager on vault by friday", "vault"),
        # Asked what it is, it is not what "instead of" (which speaks of something else) replaces.
        ("what is nats and why does the platform team want it instead of the broker we run today", "nats"),
        # Asked whether it still stands: about it, whatever the rest says.
        (
            "is keptn still a thing? it shows up in a design doc from 2021 and nobody here remembers setting it up",
            "keptn",
        ),
    ],
)
def test_a_project_asked_about_at_length_comes_first(
    landscape_engine: Engine, question: str, entry_id: str
) -> None:
    answer = landscape_engine.search(question)
    assert answer.understood == "project" and answer.hits[0].entry.id == entry_id


def test_one_word_of_a_name_is_not_the_subject_of_trouble(landscape_engine: Engine) -> None:
    # "devs" is one word of Serverless Devs: the trouble after it asks for a tool, not about that project.
    answer = landscape_engine.search(
        "our devs keep setting cpu requests way too high, need a tool that recommends requests"
    )
    assert answer.understood == "search" and answer.hits[0].entry.id == "vertical-pod-autoscaler"


@pytest.mark.parametrize(
    ("question", "entry_id", "instead"),
    [
        ("is anyone still using jaeger, or what do people use instead", "jaeger", "zipkin"),
        ("flannel 现在还有人在用吗，还是都换别的方案了", "flannel", "calico"),
    ],
)
def test_asked_whether_a_project_is_still_used_it_leads_its_alternatives(
    landscape_engine: Engine, question: str, entry_id: str, instead: str
) -> None:
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert ids[0] == entry_id and instead in ids


def test_a_comparison_cue_does_not_make_a_sentence_long(landscape_engine: Engine) -> None:
    # "compare" says how to answer: two words besides it are a short sentence, and the names are compared.
    answer = landscape_engine.search("my manager asked me to compare kong and traefik")
    assert answer.understood == "comparison"
    assert [h.entry.id for h in answer.hits] == ["kong", "traefik"]


def test_or_between_two_of_a_kind_compares_them_however_long_the_rest(landscape_engine: Engine) -> None:
    question = "etcd or consul for our tiny bare-metal lab? my lead wants a decision by the end of the sprint"
    answer = landscape_engine.search(question)
    assert answer.understood == "comparison"
    assert [h.entry.id for h in answer.hits] == ["etcd", "consul"]


def test_whose_services_are_compared_is_not_one_of_them(landscape_engine: Engine) -> None:
    # "huawei cloud" names Huawei's storage card too: it says whose CCI and CCE are.
    answer = landscape_engine.search("compare huawei cloud cci and cce")
    assert answer.understood == "comparison"
    assert [h.entry.id for h in answer.hits] == ["huawei-cloud-cci", "huawei-cloud-cce"]


def test_landscape_answers_keep_curated_projects_first_with_their_maturity(landscape_engine: Engine) -> None:
    answer = landscape_engine.search("服务网格")
    assert [h.entry.id for h in answer.hits[:2]] == ["istio", "linkerd"]
    assert all(h.entry.cncf and h.entry.cncf.maturity == "graduated" for h in answer.hits[:2])
    assert [h.entry.id for h in landscape_engine.search("服务发现").hits[:3]] == [
        "etcd",
        "consul",
        "zookeeper",
    ]


def test_a_space_beside_chinese_does_not_split_a_term(landscape_engine: Engine) -> None:
    answer = landscape_engine.search("有哪些 serverless 框架")
    assert (
        answer.understood == "category" and answer.category and answer.category.id == "serverless-framework"
    )


def test_a_project_named_as_context_is_not_put_first(landscape_engine: Engine) -> None:
    answer = landscape_engine.search("serverless on kubernetes")
    assert answer.hits[0].entry.id != "kubernetes"
    assert "knative" in [h.entry.id for h in answer.hits]


@pytest.mark.parametrize(
    ("question", "maturity"),
    [
        ("CNCF 毕业项目有哪些", "graduated"),
        ("incubating projects", "incubating"),
        ("which projects did the CNCF archive", "archived"),
        ("CNCF 孵化阶段的项目有哪些", "incubating"),  # the stage is the maturity, not a word to match
        ("projects at the graduated level", "graduated"),
    ],
)
def test_a_maturity_alone_lists_every_project_at_that_level(
    engine: Engine, question: str, maturity: str
) -> None:
    answer = engine.search(question, limit=50)
    assert answer.hits and all(h.entry.cncf and h.entry.cncf.maturity == maturity for h in answer.hits)
    expected = sum(1 for e in engine.entries().values() if e.cncf and e.cncf.maturity == maturity)
    assert answer.total == expected


# Issue 9's examples ("Why"): each gets the right first answer with the landscape served.
@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Sentinel 限流", {"sentinel"}),
        ("腾讯云容器服务", {"tencent-tke"}),
        ("Eureka", {"netflix-eureka"}),
        ("thrift", {"apache-thrift"}),
        ("brpc", {"apache-brpc"}),
        ("WasmEdge", {"wasmedge"}),
        ("Apache Kafka", {"kafka"}),
        ("eks", {"amazon-eks"}),
        ("harbor怎么部署", {"harbor"}),
        ("用prometheus监控k8s", {"prometheus"}),
        ("promethues 怎么配告警", {"prometheus"}),
        ("calico与flannel", {"calico"}),
        ("kubectl", {"kubectl"}),
        ("the native way to run containers on AWS", {"amazon-ecs", "amazon-eks"}),
        ("安全容器运行时", {"kata-containers", "gvisor"}),
        ("做 k8s 多集群管理用什么", {"karmada", "open-cluster-management"}),
        ("clouds outside China", {"amazon-eks", "gke", "aks", "amazon-ecs"}),
        ("A DNS server for the Kubernetes cluster that can also read records from a database", {"coredns"}),
        ("怎么给 k8s 做备份", {"velero"}),
    ],
)
def test_issue_9_examples_get_the_right_first_answer(
    landscape_engine: Engine, question: str, first: set
) -> None:
    answer = landscape_engine.search(question)
    assert answer.hits and answer.hits[0].entry.id in first, [h.entry.id for h in answer.hits]


def test_what_a_description_begins_with_is_what_the_entry_is(landscape_engine: Engine) -> None:
    """Velero's descriptions begin "Backup and restore for Kubernetes…"; Kanister's "a framework for
    application-level data management", and back up only later: a backup question wants Velero first."""
    leads = landscape_engine.catalog.lead_terms
    assert {"backup", "备份"} <= leads["velero"]
    assert not {"backup", "备份"} & leads["kanister"]


def test_a_monitoring_question_naming_two_projects_is_not_a_comparison(landscape_engine: Engine) -> None:
    assert landscape_engine.search("用prometheus监控k8s").understood != "comparison"


def test_an_in_domain_question_nothing_matches_well_is_partial_not_nothing(landscape_engine: Engine) -> None:
    answer = landscape_engine.search(
        "我们的集群网络和存储都有一些奇怪的毛病，日志里看不出原因，镜像也拉得很慢"
    )
    assert answer.hits and answer.understood != "nothing"


def test_a_partial_answer_needs_one_word_clearly_the_ecosystems(landscape_engine: Engine) -> None:
    """Nothing answers either question well. A programming question speaks of computing in words the
    descriptions say too (join, 结果); a question in chat around a clear need (分布式追踪) still gets its closest
    matches."""
    assert not landscape_engine.search("SQL 里 LEFT JOIN 和 INNER JOIN 有什么区别").hits
    answer = landscape_engine.search(
        "我们一个请求要过七八个服务，一慢就两眼一抹黑不知道卡在哪。分布式追踪有啥开源方案？在线等挺急的"
    )
    assert answer.partial and "jaeger" in [h.entry.id for h in answer.hits[:5]]


@pytest.mark.parametrize(
    ("question", "understood"),
    [("etcd 和 consul", "comparison"), ("etcd, consul", "comparison")],
)
def test_two_names_compare_only_when_joined(landscape_engine: Engine, question: str, understood: str) -> None:
    """Names joined by 和 or a comma are compared."""
    assert landscape_engine.search(question).understood == understood


def test_a_vendor_and_a_project_are_related_not_compared(landscape_engine: Engine) -> None:
    """ "k8s on Alibaba Cloud": 阿里云 is the vendor of many entries (a word of the lexicon), not the name of
    one to compare with Kubernetes; its managed Kubernetes comes first."""
    answer = landscape_engine.search("阿里云上的 k8s")
    assert answer.understood != "comparison"
    assert answer.hits[0].entry.id == "aliyun-container-service"


@pytest.mark.parametrize(
    ("question", "first", "compared"),
    [
        ("Vultr kubernetes", "vultr-kubernetes-engine", False),
        ("Exoscale Kubernetes", "exoscale-scalable-kubernetes-service", False),
        ("Scaleway kubernetes", "scaleway-kubernetes-kapsule", False),
        ("DigitalOcean managed kubernetes", "digitalocean-kubernetes", False),
        ("Scaleway", "scaleway-member", False),
        ("Scaleway vs DigitalOcean", "scaleway-member", True),
    ],
)
def test_a_provider_named_with_a_need_answers_with_its_product(
    landscape_engine: Engine, question: str, first: str, compared: bool
) -> None:
    """A provider's card (a CNCF member) named beside a need it does not describe is the setting, not the
    answer, and not one side of a comparison: the provider's Kubernetes service comes first. Named alone, or
    beside another provider, the card is what is asked."""
    answer = landscape_engine.search(question)
    assert (answer.understood == "comparison") == compared
    assert answer.hits[0].entry.id == first, [h.entry.id for h in answer.hits]


@pytest.mark.parametrize(
    ("question", "vendor_word"),
    [("阿里云的日志", "alibaba"), ("阿里云函数计算", "alibaba"), ("AWS 的 serverless 函数服务", "aws")],
)
def test_a_vendor_word_with_a_need_finds_that_vendors_products(
    landscape_engine: Engine, question: str, vendor_word: str
) -> None:
    """A vendor said with a need is evidence for all of its products, not the name of its best-known one
    (a product is the vendor's when its name or its description says so: Log-Pilot is Alibaba's)."""
    hits = landscape_engine.search(question).hits[:5]
    by_vendor = [h for h in hits if vendor_word in f"{h.entry.name} {h.entry.description.en}".lower()]
    assert len(by_vendor) >= 2, [h.entry.id for h in hits]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Is Skype still supported or did Microsoft shut it down? what replaced it for calls", None),
        ("Microsoft", "microsoft-kcsp"),
        ("Scaleway", "scaleway-member"),
    ],
)
def test_an_organisation_named_among_everyday_words_is_no_ecosystem_question(
    landscape_engine: Engine, question: str, first: str | None
) -> None:
    """Everybody names Microsoft: a question that names only organisations' cards is judged by its other words,
    as one naming nothing is. Named alone, the card is the answer."""
    hits = landscape_engine.search(question).hits
    assert (hits[0].entry.id if hits else None) == first, [h.entry.id for h in hits]


def test_a_vendor_said_once_in_a_long_question_still_asks_for_its_offer(landscape_engine: Engine) -> None:
    """ "GCP 上" is a small part of the question's words, and every answer must still be on GCP: a vendor's offer
    that says what is asked gains at least ``rank.VENDOR_FLOOR`` of the vendor's weight."""
    ids = [
        h.entry.id
        for h in landscape_engine.search("GCP 上容器映像檔要放哪，GKE 和 Cloud Run 都要拉").hits[:5]
    ]
    assert "google-artifact-registry" in ids, ids


def test_a_cloud_product_answers_to_its_chinese_name(landscape_engine: Engine) -> None:
    """阿里云日志服务 is what Alibaba Cloud calls its Log Service (SLS) in Chinese."""
    hit = landscape_engine.search("阿里云日志服务").hits[0]
    assert hit.entry.id == "alibaba-cloud-log-service"


def test_a_repository_archived_is_how_the_project_stands_not_a_cncf_maturity(
    landscape_engine: Engine,
) -> None:
    """ "Archived" is what a repository is as much as a CNCF maturity: said of a project with no word of CNCF,
    projects or stages, it tells how that project stands, and the project leads."""
    reading = landscape_engine._read("google archived the kaniko repo last year. did anyone pick it up?")
    assert reading.maturity is None and reading.of_status
    assert landscape_engine.search(reading.text).hits[0].entry.id == "kaniko"
    assert landscape_engine._read("archived cncf projects").maturity == "archived"


def test_the_taiwan_word_for_archived_is_understood(landscape_engine: Engine) -> None:
    answer = landscape_engine.search("哪些 CNCF 專案被封存了")
    assert answer.lang == "zh-Hant"
    assert answer.hits and all(h.entry.cncf and h.entry.cncf.maturity == "archived" for h in answer.hits)


def test_organisations_answer_by_name_not_to_a_need(landscape_engine: Engine) -> None:
    """CNCF members' and service providers' cards (categories marked ``organisations``) stay out of technical
    answers, and still answer when named."""
    organisations = {c.id for c, _n in landscape_engine.categories() if c.organisations}
    assert organisations
    for question in ("k8s 日志收集方案", "service mesh", "container registry with a web UI"):
        hits = landscape_engine.search(question, limit=10).hits
        assert not [h.entry.id for h in hits if h.entry.category in organisations], question
    assert landscape_engine.search("adidas").hits[0].entry.category in organisations


@pytest.mark.parametrize(
    "question", ["which CNCF projects were archived", "what projects has the CNCF archived"]
)
def test_function_words_do_not_outweigh_the_question(landscape_engine: Engine, question: str) -> None:
    hits = landscape_engine.search(question).hits
    assert hits and all(h.entry.cncf and h.entry.cncf.maturity == "archived" for h in hits[:5])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("映像檔倉庫推薦", {"harbor", "quay", "docker-registry"}),
        ("邊緣運算框架", {"kubeedge", "openyurt"}),
        ("API 閘道推薦", {"kong", "apache-apisix"}),
        (
            "服務探索工具",
            {"etcd", "consul", "zookeeper"},
        ),  # tw2sp keeps 探索: 服务探索, no word of ours before
        ("自動化維運工具有哪些", {"ansible", "terraform", "puppet"}),  # 維運 is Taiwan's 运维: nothing before
        ("灰階發布工具有哪些", {"argo", "flagger", "spinnaker"}),  # 灰階 is Taiwan's 灰度: nothing before
    ],
)
def test_taiwan_wording_finds_what_mainland_descriptions_say(
    landscape_engine: Engine, question: str, expected: set
) -> None:
    """映像檔, 邊緣運算, 閘道, 服務探索, 維運 and 灰階 are Taiwan's words for 镜像, 边缘计算, 网关, 服务发现, 运维 and
    灰度 (data/lexicon.yaml)."""
    hits = [h.entry.id for h in landscape_engine.search(question).hits]
    assert expected & set(hits[:3]), hits


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("local development against a remote Kubernetes or OpenShift cluster", False),
        ("calico or flannel for a small cluster", True),
        ("k8s 用 calico 还是 flannel", True),
    ],
)
def test_or_compares_only_projects_of_a_kind(landscape_engine: Engine, question: str, compared: bool) -> None:
    """ "or" (还是) also lists things in a sentence; with more words it compares only comparable projects."""
    assert (landscape_engine.search(question).understood == "comparison") is compared


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        # "or" lists words here, not projects: Redis and MongoDB are where the gateway keeps its data.
        ("an API gateway backed by Redis/MongoDB with plugins in Lua, Python or gRPC", False),
        ("prometheus or victoriametrics", True),
        ("the difference between calico and flannel", True),
        ("etcd 还是用 consul", True),
    ],
)
def test_a_weak_cue_compares_the_names_it_joins(
    landscape_engine: Engine, question: str, compared: bool
) -> None:
    assert (landscape_engine.search(question).understood == "comparison") is compared


def test_pk_inside_a_word_is_no_comparison_cue(landscape_engine: Engine) -> None:
    """ "pk" (Chinese chat for "versus") is a word of its own, not the middle of Zipkin."""
    reading = landscape_engine._read("opentracing 链路追踪，数据上报到 zipkin")
    assert not reading.compare_cue
    assert landscape_engine._read("jaeger pk zipkin").compare_cue


def test_a_long_description_naming_projects_it_builds_on_finds_the_described_one(
    landscape_engine: Engine,
) -> None:
    """Names said as what a tool sits on, beside a strong cue used in passing (差异): the evidence points
    at the middleware described, so the answer is a search led by it, not the named projects compared."""
    answer = landscape_engine.search(
        "一个 serverless 事件中间件，消息存储可以是 RocketMQ、Kafka 或 Pulsar，屏蔽它们之间的差异，事件格式用 CloudEvents"
    )
    assert answer.understood != "comparison"
    assert answer.hits[0].entry.id == "eventmesh", [h.entry.id for h in answer.hits]


def test_a_narrower_categorys_word_is_not_said_by_the_broader_ones_members(landscape_engine: Engine) -> None:
    """ "sandboxed container runtime": every container runtime is a member of the runtimes category, and
    that says "container runtime" for them; it does not say "sandboxed", the word of the sandboxes
    category. The sandboxed runtimes lead, not the plain ones."""
    hits = [h.entry.id for h in landscape_engine.search("sandboxed container runtime").hits]
    assert {"kata-containers", "gvisor"} & set(hits[:3]), hits
    assert not {"containerd", "cri-o", "runc"} & set(hits[:3]), hits


@pytest.mark.parametrize("question", ["CNI 插件有哪些", "CNI plugins"])
def test_cni_plugins_are_the_network_plugins(landscape_engine: Engine, question: str) -> None:
    """ "CNI plugin" names the networking category (its term is longer than the CNI spec's name), so the
    plugins people choose between come up, not only the entries whose descriptions say "CNI"."""
    answer = landscape_engine.search(question)
    assert answer.understood == "category" and answer.category and answer.category.id == "networking"
    hits = [h.entry.id for h in answer.hits]
    assert {"calico", "cilium", "flannel"} & set(hits[:3]), hits


def test_a_category_asked_by_a_narrower_term_lists_what_says_it(landscape_engine: Engine) -> None:
    """单点登录 (single sign-on) is a term of the key-management category: its members that say nothing
    of it (SPIFFE, SPIRE: workload identity) count half, and identity providers that do (Keycloak, Dex,
    related to the category) come up."""
    hits = [h.entry.id for h in landscape_engine.search("单点登录").hits]
    assert {"keycloak", "dex"} <= set(hits[:5]), hits
    assert not {"spiffe", "spire"} & set(hits[:5]), hits


@pytest.mark.parametrize("question", ["分布式数据库", "分散式資料庫", "distributed database"])
def test_a_term_that_holds_a_categorys_name_and_says_more_is_narrower(
    landscape_engine: Engine, question: str
) -> None:
    """分布式数据库 holds the database category's name (数据库) and says more: it names a narrower need, so
    the editor's picks (PostgreSQL, MySQL) lead only as far as they say "distributed", and the databases
    that say it (TiKV, TiDB) come before them."""
    ids = [h.entry.id for h in landscape_engine.search(question, limit=10).hits]
    assert ids[0] == "tikv", ids
    assert "tidb" in ids and ids.index("tidb") < min(ids.index("postgresql"), ids.index("mysql")), ids


@pytest.mark.parametrize(
    ("question", "among"),
    [
        ("平台工程", {"radius", "k0rdent", "walrus", "backstage", "kusionstack"}),
        ("Kubernetes 平台供應商", {"rancher", "red-hat-openshift", "kubesphere", "daocloud"}),
    ],
)
def test_platform_is_what_is_asked_not_how(landscape_engine: Engine, question: str, among: set) -> None:
    """平台 (platform) says what is sought, as "platform" does in English: 平台工程 (platform engineering)
    is no lone 工程, and Kubernetes platform vendors are not the Kubernetes project's card."""
    answer = landscape_engine.search(question)
    assert answer.understood == "search", answer.understood
    assert among & {h.entry.id for h in answer.hits}, [h.entry.id for h in answer.hits]


@pytest.mark.parametrize(
    ("question", "not_among"),
    [
        # "idle" and IDL (the RPC category's term) are both "idl" to the stemmer
        ("scale idle deployments down at night", {"grpc", "apache-thrift", "connect-rpc", "apache-dubbo"}),
        # "internal" and "international" are both "intern"
        ("internal developer portal", {"digitalocean-kubernetes", "jelastic", "amazon-ecs", "gke"}),
        # "awful" and "aws" are both "aw": AWS's lexicon group (亚马逊, amazon) is not said
        ("awful pod startup times", {"aws-fargate", "amazon-eks", "amazon-ecs"}),
    ],
)
def test_words_stemmed_alike_are_not_the_same_word(
    landscape_engine: Engine, question: str, not_among: set
) -> None:
    """A category term (or a lexicon word) is said only by its own word and that word's inflections."""
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert not not_among & set(ids), ids


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("FaaS platforms", "serverless-hosted-platform"),
        ("cluster schedulers", "orchestration"),
        ("international container clouds", "cloud-global"),
    ],
)
def test_a_category_term_is_said_in_its_inflections(
    landscape_engine: Engine, question: str, category: str
) -> None:
    answer = landscape_engine.search(question)
    assert answer.category is not None and answer.category.id == category, answer.category


def test_a_category_term_inside_a_longer_word_leaves_that_word(landscape_engine: Engine) -> None:
    """多集群管理: the category term 集群管理 (cluster management) must not leave a lone 多 as the question's
    only other word: the rest is 多集群 (multi-cluster), which the multi-cluster projects say."""
    ids = [h.entry.id for h in landscape_engine.search("多集群管理").hits[:5]]
    assert ids[0] in {"karmada", "open-cluster-management", "clusternet", "kubefleet"}, ids


def test_half_of_a_phrase_is_the_ecosystems_word_with_its_other_half(landscape_engine: Engine) -> None:
    assert landscape_engine.search("reverse proxy for javascript apps").hits


@pytest.mark.parametrize(
    "question",
    [
        "tests",  # "A/B testing" (feature flagging) without its A/B is no term
        "automate application management on Kubernetes",  # not "managed Kubernetes": a word between
    ],
)
def test_an_english_category_term_is_matched_as_written(landscape_engine: Engine, question: str) -> None:
    answer = landscape_engine.search(question)
    assert answer.understood != "category", answer.category


def test_an_english_category_term_keeps_its_own_stop_words(landscape_engine: Engine) -> None:
    """ "Kubernetes as a service" has two stop words of its own; the question may have them too."""
    answer = landscape_engine.search("kubernetes as a service")
    assert answer.understood == "category", answer.understood


def test_a_word_made_across_a_category_term_and_the_word_before_it_goes(landscape_engine: Engine) -> None:
    """阿里云函数计算: the term 函数计算 leaves 阿里云 (Alibaba Cloud); 云函数 ("cloud function"), made of
    阿里云's last character and the term's first two, is no word of the question."""
    reading = landscape_engine._read("阿里云函数计算")
    assert not any("云函数" in group for group in reading.content + reading.category_groups)
    hits = [h.entry.id for h in landscape_engine.search("阿里云函数计算").hits]
    assert hits[0] == "alibaba-cloud-function-compute", hits


@pytest.mark.parametrize(
    ("question", "understood", "first"),
    [
        ("vmware-tanzu/sonobuoy", "project", "sonobuoy"),  # a repository as pasted
        ("heptio/sonobuoy", "project", "sonobuoy"),  # an old owner: the name part still names it
        ("kubernetes/dashboard", "project", "kubernetes-dashboard"),  # an owner that is a name too
        ("calico/cilium", "comparison", "calico"),  # two projects of a kind: a list
    ],
)
def test_a_name_with_a_slash_is_a_repository_or_a_list(
    landscape_engine: Engine, question: str, understood: str, first: str
) -> None:
    answer = landscape_engine.search(question)
    assert (answer.understood, answer.hits[0].entry.id) == (understood, first)


@pytest.mark.parametrize(
    ("question", "not_named"),
    [("后端 API 还没好，想先有个 mock 服务跑在 k8s 上", "devfile"), ("istio 的 cni 插件", "istio-cni")],
)
def test_a_repository_named_for_what_it_holds_names_nothing(
    landscape_engine: Engine, question: str, not_named: str
) -> None:
    """devfile/api and istio/cni: API and CNI are what many descriptions mention, not names of these projects;
    the whole path still is one."""
    assert not_named not in landscape_engine._read(question).named
    assert landscape_engine.search("devfile/api").hits[0].entry.id == "devfile"


@pytest.mark.parametrize(
    ("question", "understood", "first"),
    [
        ("container networking options", "category", "calico"),  # a category's term, written as one
        ("containernetworking/cni", "project", "cni"),  # CNI's GitHub owner, glued as the name is
        ("WasmEdge", "project", "wasmedge"),  # glued: the name, though "wasm edge" is a category's term
        ("wasm edge", "category", None),
    ],
)
def test_words_written_as_a_category_term_are_the_category_not_a_name_they_compact_to(
    landscape_engine: Engine, question: str, understood: str, first: str | None
) -> None:
    answer = landscape_engine.search(question)
    assert answer.understood == understood, [h.entry.id for h in answer.hits[:3]]
    if first:
        assert answer.hits[0].entry.id == first


def test_filler_is_a_word_as_written_not_its_stem(landscape_engine: Engine) -> None:
    """ "developed" (by Google) says how one asks; "development" says what: they share a stem."""
    answer = landscape_engine.search("tools for Kubernetes development")
    assert answer.hits[0].entry.id != "kubernetes", [h.entry.id for h in answer.hits[:3]]
    assert answer.hits[0].entry.category == "application-definition-and-image-build"


def test_a_well_known_entry_that_says_little_of_a_described_need_is_not_next(
    landscape_engine: Engine,
) -> None:
    """Kubernetes and Cilium are better known than anything else here, and say one word of this chat:
    their renown must not carry them up to second and third place."""
    hits = landscape_engine.search(
        "我们的 pod 的 requests 总是拍脑袋设的，有没有工具根据实际用量给建议"
    ).hits[:3]
    assert hits[0].entry.id == "vertical-pod-autoscaler"
    assert not {"kubernetes", "cilium"} & {h.entry.id for h in hits}, [h.entry.id for h in hits]


def test_a_pick_that_is_gone_does_not_lead_its_category(landscape_engine: Engine) -> None:
    """The survey's 2017 picks include services since shut down: they stay listed, behind live ones."""
    hits = landscape_engine.search("国外的容器云").hits[:5]
    assert all(h.entry.is_active for h in hits), [(h.entry.id, h.entry.is_active) for h in hits]


@pytest.mark.parametrize(
    ("question", "setting"),
    [
        ("基于 kubespray 等引擎的生产级集群生命周期管理工具链", "kubespray"),
        ("监控想从 Zabbix 换掉，有没有开箱即用的方案", "zabbix"),
        ("手上有一堆 docker-compose 文件，想转成 k8s 的 yaml", "docker-compose"),
        ("a web console for the Istio mesh", "istio"),  # an article between "for" and the name
    ],
)
def test_a_project_named_as_the_setting_is_not_the_answer(
    landscape_engine: Engine, question: str, setting: str
) -> None:
    """ "Based on X", "replace X", "X files": the question asks for something else than X."""
    hits = landscape_engine.search(question).hits
    assert hits and hits[0].entry.id != setting, [h.entry.id for h in hits]


def test_a_project_named_as_the_subject_still_answers(landscape_engine: Engine) -> None:
    assert landscape_engine.search("harbor 怎么部署到生产环境的集群里").hits[0].entry.id == "harbor"
    assert landscape_engine.search("用 prometheus 监控 k8s").hits[0].entry.id == "prometheus"


@pytest.mark.parametrize(
    ("question", "subject"),
    [("traefic ingress", "traefik"), ("DaoCloud 的容器平台", "daocloud")],
)
def test_a_name_before_what_it_is_stays_the_subject(
    landscape_engine: Engine, question: str, subject: str
) -> None:
    """ "Traefik ingress" is Traefik (an ingress controller), unlike "PostgreSQL operator" (not an operator)."""
    assert landscape_engine.search(question).hits[0].entry.id == subject


def test_kubernetes_said_in_a_question_about_something_else_is_not_an_answer(
    landscape_engine: Engine,
) -> None:
    """Kubernetes is a word a fifth of all entries say: in a sentence asking for something else it is the
    setting, and neither it nor its category's other members fill the answer."""
    ids = [
        h.entry.id
        for h in landscape_engine.search(
            "在自建机房的裸金属上部署了 k8s，LoadBalancer 类型的 Service 一直 pending，拿不到外部 IP"
        ).hits[:5]
    ]
    assert ids[0] == "metallb"
    assert "kubernetes" not in ids[:3] and "knative" not in ids, ids


@pytest.mark.parametrize(
    ("question", "first"), [("OAM", "open-application-model"), ("OCM", "open-cluster-management")]
)
def test_a_name_of_three_words_answers_to_its_initials(
    landscape_engine: Engine, question: str, first: str
) -> None:
    assert landscape_engine.search(question).hits[0].entry.id == first


@pytest.mark.parametrize(
    ("question", "not_named"),
    [
        # Initials no text of the entry writes: nobody calls Sidero Talos Linux "STL".
        ("C++ STL 容器里 vector 和 deque 应该怎么选", "sidero-talos-linux"),
        # A word of a name that many descriptions mention is a thing of its own.
        ("C++ STL 容器里 vector 和 deque 应该怎么选", "sogou-c-plus-plus-workflow"),
        ("what is the best json library", "kyverno-json"),
        ("IoT 设备上跑什么系统", "azure-iot-edge"),
    ],
)
def test_a_word_that_abbreviates_or_names_something_else_is_no_name(
    landscape_engine: Engine, question: str, not_named: str
) -> None:
    assert not_named not in landscape_engine._read(question).named


def test_a_project_is_found_in_the_landscapes_words_as_well_as_ours(landscape_engine: Engine) -> None:
    """Apollo's card is hand-written; the landscape's own line for it ("a reliable open-source configuration
    management system") is searched too, never shown."""
    entry = landscape_engine.entries()["apollo-config"]
    assert entry.other_descriptions and "reliable" not in entry.description.en
    assert (
        landscape_engine.search("a reliable configuration management system").hits[0].entry.id
        == "apollo-config"
    )


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("证书老是忘记续期导致网站挂掉", "cert-manager"),
        ("线上经常有人手动改配置，想让所有变更都走代码评审再自动生效", None),
    ],
)
def test_a_chatty_question_with_several_ecosystem_words_is_answered(
    landscape_engine: Engine, question: str, first: str | None
) -> None:
    """As many everyday words (老是, 忘记, 导致) as ecosystem ones (证书, 续期, 网站) is still a question for us."""
    hits = landscape_engine.search(question).hits
    assert hits, "answered with nothing"
    assert first is None or hits[0].entry.id == first


@pytest.mark.parametrize("question", ["PostgreSQL 的 operator", "a PostgreSQL operator for kubernetes"])
def test_an_operator_for_a_project_is_not_the_project(landscape_engine: Engine, question: str) -> None:
    """The database category lists "数据库 operator" among its needs, which does not make PostgreSQL an operator:
    named before "operator", PostgreSQL is the setting and the operators that run it answer."""
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert ids[0] in {"cloudnativepg", "crunchy-postgres-operator", "kubegres", "edb"}, ids


def test_a_cluster_of_a_project_is_about_that_project(landscape_engine: Engine) -> None:
    """ "Redis 集群" is Redis run as a cluster, not the setting of something else."""
    assert landscape_engine.search("我想在 k8s 里跑 Redis 集群").hits[0].entry.id == "redis"


OWN_WORDS_DATA = {
    "categories.yaml": """\
categories:
  - id: storage
    name: {zh: 存储, en: Storage}
    description: {zh: 存储系统。, en: Storage systems.}
""",
    "entries.yaml": """\
entries:
  - id: tikv
    name: TiKV
    category: storage
    homepage: https://tikv.org/
    description: {zh: 分布式事务型键值存储。, en: A distributed transactional key-value storage system.}
    status: active
  - id: cubefs
    name: CubeFS
    category: storage
    homepage: https://cubefs.io/
    description: {zh: 云原生分布式存储系统。, en: A cloud-native distributed storage system.}
    status: active
""",
    "own-words.yaml": """\
own_words:
  - id: cubefs
    zh: 新一代云原生存储产品，支持 S3、HDFS 和 POSIX 等访问协议，适用于大数据、AI/LLMs、容器平台等场景。
    source_url: https://github.com/cubefs/cubefs/blob/0123456789abcdef0123456789abcdef01234567/README_zh.md
  - id: cubefs
    en: A next-generation cloud-native storage platform that supports S3, HDFS and POSIX access protocols.
    source_url: https://github.com/cubefs/cubefs/blob/0123456789abcdef0123456789abcdef01234567/README.md
""",
}


def test_a_projects_own_words_are_searched_and_never_shown(tmp_path: Path) -> None:
    """A question in the words a project uses of itself (its Chinese or English README) finds it; the card
    still shows ours."""
    data = tmp_path / "data"
    data.mkdir()
    for name, text in OWN_WORDS_DATA.items():
        (data / name).write_text(text, encoding="utf-8")
    engine = Engine.open(home=tmp_path / "home", data_dirs=[data])
    hit = engine.search("支持 HDFS 和 POSIX 协议的存储").hits[0]
    assert hit.entry.id == "cubefs"
    assert hit.description == "云原生分布式存储系统。"
    english = engine.search("a next-generation storage system").hits[0]  # said only in its English README
    assert english.entry.id == "cubefs"
    assert english.description == "A cloud-native distributed storage system."


def test_an_entry_covers_a_question_in_one_description_not_across_all_its_text(tmp_path: Path) -> None:
    """A well-known project whose card says half of a need and whose own words say the other half is not a
    better match than a project one description of which says all of it."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "categories.yaml").write_text(OWN_WORDS_DATA["categories.yaml"], encoding="utf-8")
    (data / "entries.yaml").write_text(
        """\
entries:
  - id: famous
    name: Famous
    category: storage
    homepage: https://famous.example/
    description: {zh: 分布式块存储，提供快照。, en: Distributed block storage with snapshots.}
    status: active
    cncf: {maturity: graduated}
  - id: exact
    name: Exact
    category: storage
    homepage: https://exact.example/
    description: {zh: 分布式块存储，提供快照和跨地域异步复制。, en: Distributed block storage with snapshots and asynchronous cross-region replication.}
    status: active
""",
        encoding="utf-8",
    )
    (data / "own-words.yaml").write_text(
        """\
own_words:
  - id: famous
    zh: 支持跨地域异步复制。
    source_url: https://github.com/famous/famous/blob/0123456789abcdef0123456789abcdef01234567/README_zh.md
""",
        encoding="utf-8",
    )
    engine = Engine.open(home=tmp_path / "home", data_dirs=[data])
    assert [h.entry.id for h in engine.search("带快照和跨地域异步复制的分布式块存储").hits][:1] == ["exact"]


def test_asked_for_cncf_projects_a_category_lists_no_editors_pick_outside_the_cncf(
    landscape_engine: Engine,
) -> None:
    """The 2017 survey's monitoring picks (cAdvisor, Sysdig, Datadog) follow today's in "monitoring", and are not
    listed for "CNCF observability": its graduated picks are (OpenTelemetry, the observability framework, or
    Prometheus first)."""
    hits = landscape_engine.search("what are some CNCF observability projects").hits[:5]
    first = hits[0].entry
    assert first.id in {"prometheus", "opentelemetry"} and first.cncf and first.cncf.maturity == "graduated"
    assert not {"cadvisor", "sysdig", "datadog-docker"} & {h.entry.id for h in hits}, [
        h.entry.id for h in hits
    ]


@pytest.mark.parametrize(
    "question",
    [
        "I spilled coffee on the couch, how do I get the stain out",  # "couch" is spelled like PouchContainer
        "周末想去爬山，有什么装备推荐",
        "how do I keep my sourdough starter alive",
    ],
)
def test_everyday_words_outweigh_a_guessed_name_or_a_stray_ecosystem_word(
    landscape_engine: Engine, question: str
) -> None:
    """A sentence of everyday words is not a question for us, though one word is spelled like a project's
    name or is a word some description also says (``index.specificity``)."""
    answer = landscape_engine.search(question)
    assert answer.understood == "nothing" and not answer.hits
    assert not landscape_engine.in_domain(question)


@pytest.mark.parametrize(
    "question",
    [
        "k8s 里的 pod 老是被 OOMKilled 怎么排查",
        "我们的服务之间调用老是超时，想加个熔断",
        "promethues 怎么配告警",
    ],
)
def test_chat_with_ecosystem_words_is_answered(landscape_engine: Engine, question: str) -> None:
    assert landscape_engine.search(question).hits
    assert landscape_engine.in_domain(question)


@pytest.mark.parametrize(
    "question", ["开源的容器镜像仓库", "open source container registry", "云原生安全开源项目"]
)
def test_asked_for_open_source_a_hosted_service_does_not_lead(
    landscape_engine: Engine, question: str
) -> None:
    """Docker Hub is a registry, and a hosted one: asked for open source, the first five have repositories."""
    hits = landscape_engine.search(question).hits[:5]
    assert len(hits) == 5 and all(h.entry.repo for h in hits)


def test_not_asked_for_open_source_a_hosted_service_is_listed(landscape_engine: Engine) -> None:
    """The control of the test above: without 开源, a hosted registry (Docker Hub) is among the first five."""
    assert any(not h.entry.repo for h in landscape_engine.search("容器镜像仓库").hits[:5])


@pytest.mark.parametrize(
    ("question", "replaced", "expected"),
    [
        ("Kubernetes alternatives", "kubernetes", {"docker-swarm", "nomad"}),
        ("Jenkins 的替代品", "jenkins", {"argo", "tekton", "github-actions"}),
        ("有什么可以替代 Zabbix 的", "zabbix", {"prometheus"}),
        ("consul 替代方案", "consul", {"etcd", "zookeeper", "nacos"}),
        ("除了 Jenkins 还有什么 CI 工具", "jenkins", {"argo", "tekton", "github-actions"}),
        ("有沒有類似 Jenkins 的工具", "jenkins", {"argo", "tekton", "github-actions"}),
        ("tools similar to jenkins", "jenkins", {"argo", "tekton", "github-actions"}),
        ("we want to move off jenkins", "jenkins", {"argo", "tekton", "github-actions"}),
        ("jenkins 太重了，有没有别的选择", "jenkins", {"argo", "tekton", "github-actions"}),
        ("what else besides jenkins", "jenkins", {"argo", "tekton", "github-actions"}),
        ("jenkins is a mess, what do people use instead", "jenkins", {"argo", "tekton", "github-actions"}),
    ],
)
def test_asked_for_alternatives_the_neighbours_answer(
    landscape_engine: Engine, question: str, replaced: str, expected: set[str]
) -> None:
    """ "X 的替代品" wants what else does X's job: X's category, its editor's picks first; not X, and not the
    entries whose descriptions say "alternative" (Supabase is "the open source Firebase alternative"). People
    ask it in many ways: 除了, 类似, "similar to", "move off", 别的, "what else", "instead"."""
    hits = [h.entry.id for h in landscape_engine.search(question).hits[:5]]
    assert hits[0] != replaced and expected & set(hits[:3]), hits
    assert not {"supabase", "nocodb"} & set(hits)


@pytest.mark.parametrize(
    ("question", "first", "category"),
    [
        ("容器运行时安全", {"falco", "kubearmor", "tracee"}, "security-and-compliance"),
        ("容器執行時期安全", {"falco", "kubearmor", "tracee"}, "security-and-compliance"),
        ("container runtime security", {"falco", "kubearmor", "tracee"}, "security-and-compliance"),
        ("安全容器运行时", {"kata-containers", "gvisor"}, "container-engine"),
        ("secure container runtime", {"kata-containers", "gvisor"}, "container-engine"),
    ],
)
def test_of_two_overlapping_terms_the_later_is_what_is_asked(
    landscape_engine: Engine, question: str, first: set, category: str
) -> None:
    """容器运行时安全 holds two category terms that overlap, 容器运行时 (container runtime) and 运行时安全
    (runtime security); as in English, a compound's last noun is what it is, the words before qualify it: the
    security of a container runtime (Falco), where 安全容器运行时 is a runtime that is secure (Kata)."""
    answer = landscape_engine.search(question)
    assert answer.hits[0].entry.id in first, [h.entry.id for h in answer.hits]
    assert answer.category is not None and answer.category.id == category


@pytest.mark.parametrize(
    ("question", "first"),
    [("flant/dapp", "werf"), ("搜狗 workflow", "sogou-c-plus-plus-workflow")],
)
def test_a_project_asked_for_by_words_only_its_entry_says_is_found(
    landscape_engine: Engine, question: str, first: str
) -> None:
    """Its owner's and its old name ("started by Flant, first called dapp") are no name of the entry and no
    curated description's words, and still point at it alone."""
    hits = landscape_engine.search(question).hits
    assert hits and hits[0].entry.id == first, [h.entry.id for h in hits]


@pytest.mark.parametrize(
    ("question", "category"),
    [("a service mesh written in rust", "service-mesh"), ("用 Go 写的轻量级 API 网关", "api-gateway")],
)
def test_a_language_beside_a_need_still_asks_for_the_need(
    landscape_engine: Engine, question: str, category: str
) -> None:
    answer = landscape_engine.search(question)
    assert answer.category is not None and answer.category.id == category


@pytest.mark.parametrize(
    "question", ["ok", "收到", "好冷啊", "are you a robot?", "How do I pick k for k-means?"]
)
def test_a_few_everyday_words_that_some_entry_happens_to_say_find_nothing(
    landscape_engine: Engine, question: str
) -> None:
    """A word or two one entry says ("ok" in Oracle's OKE) but everyday language says more is no pointer."""
    assert not landscape_engine.search(question).hits


def test_words_no_entry_says_weigh_little_beside_the_names_said(landscape_engine: Engine) -> None:
    """A word no entry says (a typo, a slang word, 底下) is evidence for no answer: it takes little of the question
    from the project named beside it, though as the rarest of words it would weigh the most."""
    from index import rank

    def name_share(question: str) -> float:
        reading = landscape_engine._read(question)
        return rank.parts(landscape_engine._searcher(), landscape_engine.catalog, reading).names["envoy"]

    plain = name_share("组里有人说 envoy 配置太复杂了")
    assert name_share("组里有人说 envoy 配置太复杂了 qzxv wbmp") > 0.85 * plain


def test_a_word_and_the_words_inside_it_weigh_as_one(landscape_engine: Engine) -> None:
    """jieba cuts 几十个 into 几十个, 几十 and 十个: one thing said, which weighs what the heaviest of the three
    weighs, not their sum (a chatty word would otherwise outweigh the need: 统一检索, 集群)."""
    from index import rank
    from index.gather import idf

    reading = landscape_engine._read("手上有几十个集群，想统一检索资源")
    said_in = {group: reading.word_of[group] for group in reading.content}
    assert said_in[("几十个",)] == said_in[("几十",)] == said_in[("十个",)]
    assert len({said_in[("几十个",)], said_in[("cluster", "集群")], said_in[("检索",)]}) == 3
    weights = dict(rank.parts(landscape_engine._searcher(), landscape_engine.catalog, reading).content_groups)
    unscaled = [idf(landscape_engine._searcher(), t) for t in ("几十个", "几十", "十个")]
    assert weights[("几十个",)] + weights[("几十",)] + weights[("十个",)] == pytest.approx(max(unscaled))
    assert weights[("检索",)] == pytest.approx(idf(landscape_engine._searcher(), "检索"))


def test_a_word_weighs_the_same_where_candidates_are_gathered_and_where_they_are_scored(
    landscape_engine: Engine,
) -> None:
    """The entries that say most of a long question are gathered by the weights its answers are scored by.

    Before, gathering weighed a word by its rarest synonym (image → 映像档, which no entry says) and a lone
    character (拉) as a rare word, so the one entry saying the question's need (LLM, 诊断) was never gathered.
    """
    from index import gather, rank

    question = "K8s 出事很多時候只是 image 拉不到、replicas 起不來這種初階錯誤，有沒有工具可以用 LLM 幫忙診斷甚至自動修？"
    reading = landscape_engine._read(question)
    searcher, catalog = landscape_engine._searcher(), landscape_engine.catalog
    _terms, _context, gathered = gather._search_groups(searcher, catalog, reading)
    scored = dict(rank.parts(searcher, catalog, reading).groups)
    assert gathered == pytest.approx([scored[g] for g in [*reading.content, *reading.category_groups]])
    assert "k8sgpt" in [h.entry.id for h in landscape_engine.search(question).hits[:5]]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Is Vault worth it for a small team?", "vault"),
        ("我老板问 Istio 到底值不值得上", "istio"),
        ("下午要给老板讲讲 Prometheus，我自己都还没搞明白", "prometheus"),
        ("Karmada 是什么？文档里说它能管很多集群，部署起来麻烦吗", "karmada"),
        ("what is Kyverno and why does our platform team keep talking about it", "kyverno"),
        ("my kid asked me what kubernetes is, how do I explain it simply", "kubernetes"),
    ],
)
def test_chatter_around_a_name_asks_about_that_project(
    landscape_engine: Engine, question: str, first: str
) -> None:
    """Words around a name that are everyday talk (a team, 老板), not the ecosystem's, describe nothing to look
    for, nor do any words around a name asked what it is (Karmada 是什么, "what is Kyverno", "what kubernetes
    is"): the question is about the project it names, not about whatever says "small" or "team"."""
    answer = landscape_engine.search(question)
    assert answer.understood == "project", answer.understood
    assert answer.hits[0].entry.id == first, [h.entry.id for h in answer.hits]


def test_chatter_around_two_names_compares_them(landscape_engine: Engine) -> None:
    answer = landscape_engine.search(
        "My manager asked me to compare Calico and Cilium before Friday's meeting"
    )
    assert answer.understood == "comparison"
    assert [h.entry.id for h in answer.hits] == ["calico", "cilium"]


def test_words_of_the_ecosystem_around_a_name_are_no_chatter(landscape_engine: Engine) -> None:
    """The setting named among words that describe a need is still the setting: MetalLB answers, not k8s."""
    reading = landscape_engine._read(
        "在自建机房的裸金属上部署了 k8s，LoadBalancer 类型的 Service 一直 pending"
    )
    assert reading.content and not reading.chatter
    assert landscape_engine.search(reading.text).hits[0].entry.id == "metallb"


def test_words_written_apart_meet_the_one_word_descriptions_write(landscape_engine: Engine) -> None:
    """Descriptions write Kubernetes' kinds as one word (RoleBindings, ServiceAccounts), people as two: each of
    the two words says the joined one too, and weighs what it weighs alone."""
    from index import rank
    from index.gather import idf

    question = "a Kubernetes operator that simplifies the management of Role Bindings and Service Accounts"
    reading = landscape_engine._read(question)
    assert "rolebind" in reading.joined and "serviceaccount" in reading.joined
    role = next(g for g in reading.content if "role" in g)
    assert "rolebind" in role
    weights = dict(rank.parts(landscape_engine._searcher(), landscape_engine.catalog, reading).content_groups)
    assert weights[role] == pytest.approx(idf(landscape_engine._searcher(), "role"))
    assert landscape_engine.search(question).hits[0].entry.id == "rbac-manager"
    assert not landscape_engine._read("a mesh Wi-Fi system for a two-story house").joined  # wi, fi: no words


def test_a_need_told_among_much_talk_around_names_is_no_chatter(landscape_engine: Engine) -> None:
    """Everyday words (boards, days, whole, front) outweigh a few of the ecosystem's in a sum, and "caches" and
    "queries" still describe what to look for: a cache in front of Prometheus, not the Grafana card."""
    question = (
        "our grafana boards on top of prometheus take ~20s to render anything over 7 days and every auto-refresh"
        " re-queries the whole range. is there something we can drop in front of prometheus that caches and"
        " only pulls the newest datapoints?"
    )
    reading = landscape_engine._read(question)
    assert reading.content and not reading.chatter
    assert landscape_engine.search(question).hits[0].entry.id == "trickster"


def test_a_word_jieba_cuts_in_parts_counts_once_against_the_ecosystem(landscape_engine: Engine) -> None:
    """七八个 is cut into 七八, 七八个 and 八个, words the knowledge base never says: one word of everyday talk, not
    three, so a chatty question about distributed tracing is still answered."""
    from index.chatter import words_said

    reading = landscape_engine._read(
        "一个请求要穿过七八个服务，一慢就两眼一抹黑，分布式追踪有啥开源的？在线等，挺急的"
    )
    assert sum(1 for word in words_said(reading) if "八个" in word or "七八" in word) == 1
    answer = landscape_engine.search(reading.text)
    assert answer.hits and answer.hits[0].entry.id in {"jaeger", "zipkin", "grafana-tempo", "skywalking"}


def test_an_english_word_leans_to_the_ecosystem_by_its_english_synonyms_only(
    landscape_engine: Engine,
) -> None:
    """How much "hosting" is the ecosystem's is judged against everyday English, not by 托管 (hosted), its synonym
    in Chinese descriptions; a Chinese word keeps its English synonyms (most of the knowledge base is English)."""
    from index.chatter import words_said

    english = words_said(landscape_engine._read("who is hosting the team lunch on friday?"))
    assert ("host",) in english
    assert not any("托管" in word for word in english)
    chinese = words_said(landscape_engine._read("全托管的容器服务"))
    assert any("托管" in word and "host" in word for word in chinese)


def test_a_need_in_plain_words_around_a_name_everybody_says_is_no_chatter(landscape_engine: Engine) -> None:
    """Kubernetes is said by a fifth of all entries: "something to clean up old stuff in k8s" asks for a tool, in
    everyday words, and the Kubernetes card is no answer to it."""
    reading = landscape_engine._read("something to clean up old stuff in k8s")
    assert reading.generic_named == ["kubernetes"] and not reading.chatter
    assert landscape_engine.search(reading.text).understood != "project"


def test_a_name_joined_to_another_is_no_setting(landscape_engine: Engine) -> None:
    """和 before a name makes it the setting ("和 Prometheus 集成的告警工具"), not when another name stands before
    it: "KubeEdge 和 OpenYurt" is one subject of two projects."""
    assert landscape_engine._read("KubeEdge 和 OpenYurt 选哪个，我们做工厂的边缘节点").context_named == []
    assert "prometheus" in landscape_engine._read("和 Prometheus 集成的告警工具").context_named


def test_an_alternative_does_what_the_replaced_project_does(landscape_engine: Engine) -> None:
    """Loki's category is monitoring, whose editor's picks are Prometheus and Grafana; what is instead of Loki
    stores and searches logs as Loki does (its tags: log aggregation, 日志存储). Kong's own add-ons (Kong Ingress
    Controller, Kong Gateway Operator) are not instead of Kong."""
    catalog = landscape_engine.catalog
    first = landscape_engine.search("Loki alternatives").hits[0].entry.id
    assert first not in {"grafana-loki", "prometheus", "grafana"}
    assert {"log", "日志"} & catalog.entry_terms[first], first
    hits = [h.entry.id for h in landscape_engine.search("alternatives to Kong").hits[:3]]
    assert not any("kong" in h for h in hits), hits


def test_asked_for_something_like_a_project_it_is_one(landscape_engine: Engine) -> None:
    """ "Something like etcd" is etcd or what resembles it; "etcd alternatives" is not etcd."""
    like = [
        h.entry.id
        for h in landscape_engine.search("need a key-value store for config, something like etcd?").hits
    ]
    assert "etcd" in like[:3], like
    instead = [h.entry.id for h in landscape_engine.search("etcd alternatives").hits]
    assert "etcd" not in instead[:5] and {"consul", "zookeeper"} <= set(instead[:5]), instead


@pytest.mark.parametrize(
    ("question", "replaced"),
    [
        ("Volcano 是 CNCF 什么级别的项目", []),  # 级别的 (of level) holds 别的 (other)
        (
            "Kubernetes 叢集預設的 DNS 服務元件，kubeadm 建叢集時會一起部署，取代了早期的 kube-dns，設定寫在"
            " Corefile 裡，要等 CNI 裝好才會正常運作",
            [],
        ),
        ("想找 Harbor 的替代品，自架 registry 有哪些選擇", ["harbor"]),
        ("除了calico，k8s还有哪些常见的cni插件", ["calico"]),
    ],
)
def test_what_a_question_wants_replaced(landscape_engine: Engine, question: str, replaced: list) -> None:
    """A cue of replacement speaks of the name beside it, or of the only one said; of two names away from it, of
    neither. Latin words with Chinese between them are two words: "Harbor 的替代品，自架 registry" does not
    name "Harbor Registry"."""
    reading = landscape_engine._read(question)
    assert reading.alternatives_of == replaced
    if replaced:
        assert reading.name_said[replaced[0]] == replaced[0]


def test_an_everyday_word_is_no_misspelled_name(landscape_engine: Engine) -> None:
    """ "mess" is one letter from Mesos, and a word: "jenkins is a mess" says nothing of Mesos."""
    reading = landscape_engine._read("jenkins is a mess, what do people use instead")
    assert reading.named == ["jenkins"] and not reading.typo_named
    assert landscape_engine._read("promethues 怎么配告警").typo_named == ["prometheus"]


def test_an_everyday_word_name_before_of_is_the_word(landscape_engine: Engine) -> None:
    """ "kind of", "a fleet of": the word, not KinD or Fleet; said alone or compared, still the project."""
    assert "kind" not in landscape_engine._read("which kind of ingress controller supports grpc").named
    assert not landscape_engine.search("What kind of clouds mean a thunderstorm is on the way?").hits
    assert landscape_engine.search("kind vs minikube").understood == "comparison"
    assert landscape_engine.search("kind").hits[0].entry.id == "kind"


def test_two_everyday_words_are_no_misspelled_name(landscape_engine: Engine) -> None:
    """ "i wash" is close to WAMR written as one word, and two words everybody says: no name. Two words that are
    not ("dokcer swarm") still make one."""
    assert not landscape_engine._read("How do I wash a flannel shirt without it shrinking?").typo_named
    assert "docker-swarm" in landscape_engine._read("dokcer swarm 怎么用").named


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("Kubeflow 和 Volcano 是竞品吗", ["kubeflow", "volcano"]),
        ("Prometheus 和 Thanos 是替代关系吗", ["prometheus", "thanos"]),
    ],
)
def test_two_names_said_to_be_rivals_are_compared(
    landscape_engine: Engine, question: str, compared: list
) -> None:
    """ "X 和 Y 是竞品吗" asks how the two relate; "Jenkins 的替代品" asks for something instead of Jenkins."""
    answer = landscape_engine.search(question)
    assert answer.understood == "comparison" and [h.entry.id for h in answer.hits] == compared
    assert landscape_engine._read("Jenkins 的替代品").alternatives_of == ["jenkins"]


def test_a_name_every_kind_of_text_writes_as_a_plain_word_is_weak(landscape_engine: Engine) -> None:
    """Projects' own words say "written in rust" and "compiled to wasm": Rust and Wasm are names only when asked
    alone or compared, not in "a lightweight proxy written in rust"."""
    assert {"rust", "wasm"} <= landscape_engine.catalog.weak_names
    assert landscape_engine._read("a lightweight proxy written in rust").named == []
    assert landscape_engine.search("rust").hits[0].entry.id == "rust"


def test_two_names_set_against_each_other_are_compared_in_a_long_sentence(landscape_engine: Engine) -> None:
    """ "X vs Y" compares X and Y however much the sentence says around them; "对" between two names is no "vs"
    ("Prometheus 对 Kubernetes 的支持")."""
    answer = landscape_engine.search(
        "the platform team has been arguing for a week about Linkerd vs Istio for the service mesh rollout"
    )
    assert answer.understood == "comparison"
    assert [h.entry.id for h in answer.hits][:2] == ["linkerd", "istio"]
    assert not landscape_engine._read("Prometheus 对 Kubernetes 的支持怎么样").versus


def test_warming_up_opens_every_converter_an_answer_needs(landscape_engine: Engine) -> None:
    """A bot warms its engine up at start, so the first Traditional Chinese question waits for no converter."""
    from index import normalize

    # As at a bot's start: nothing folded yet either (a folded text already cached opens no converter).
    normalize._converter.cache_clear()
    normalize._fold.cache_clear()
    landscape_engine.warm_up()
    opened = normalize._converter.cache_info().currsize
    landscape_engine.search("容器網路方案有哪些")
    assert opened >= 3
    assert normalize._converter.cache_info().currsize == opened


def test_what_an_entrys_other_descriptions_add_counts_in_part(landscape_engine: Engine) -> None:
    """A question written from a text of its own mixes what Shifu's card says ("IoT development framework") with
    what its README says ("abstract out … IoT devices"): Shifu covers more of it than any one of its texts does,
    and leads the entries that say as much in one text but less in all (``rank.UNION_SHARE``)."""
    question = (
        "Kubernetes-native IoT development framework that abstracts physical devices as microservices you can "
        "reach over HTTP"
    )
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert "shifu" in ids[:2], ids


def test_a_region_asks_for_the_providers_based_there(landscape_engine: Engine) -> None:
    """ "European providers", 欧洲的: the hosted services whose provider is headquartered in a European country
    (``facts.based_in``, ``index.regions``); a country asks for the providers based in it."""
    regions = yaml.safe_load((REPO_DATA_DIR / "lexicon.yaml").read_text(encoding="utf-8"))["regions"]
    countries = next(r["countries"] for r in regions if "europe" in r["words"])
    europe = {e.id for e in landscape_engine.entries().values() if e.facts.based_in in countries}
    for question in ["which european providers do managed k8s?", "欧洲的托管 Kubernetes 服务"]:
        ids = [h.entry.id for h in landscape_engine.search(question).hits[:5]]
        assert ids and set(ids) <= europe, (question, ids)
    german = [h.entry.id for h in landscape_engine.search("managed kubernetes in Germany").hits[:3]]
    assert german and all(landscape_engine.entries()[e].facts.based_in == "Germany" for e in german)


def test_a_region_said_among_many_words_still_asks_for_the_providers_based_there(
    landscape_engine: Engine,
) -> None:
    """A region is evidence as a vendor's word is (``Catalog.offered_by``): said once among everyday words that no
    description says ("actually", "decent"), a provider based there still leads, not runc for saying "run"."""
    question = (
        "any EU providers that actually run a decent managed k8s offering? the company must be european"
    )
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert ids and landscape_engine.entries()[ids[0]].facts.based_in not in ("", "unknown"), ids
    europe = landscape_engine.catalog.vendor_terms["europ"]
    assert europe in landscape_engine.catalog.offered_by["ovh-managed-kubernetes-service"]


def test_a_vendors_service_asked_of_other_vendors_finds_their_counterparts(landscape_engine: Engine) -> None:
    """ "GKE 在 AWS 跟 Azure 上對應的是哪個" asks for Amazon's and Microsoft's managed Kubernetes, the offers of the vendors
    said most alike GKE (``rank._counterparts``), not Karpenter for mentioning both clouds; "the Azure equivalent of
    AWS Fargate" for Azure's serverless containers. Named in passing among clouds, a service asks for nothing of the
    kind: Kubespray's description still finds Kubespray."""
    ids = [h.entry.id for h in landscape_engine.search("GKE 在 AWS 跟 Azure 上對應的是哪個").hits]
    assert set(ids[:2]) == {"amazon-eks", "aks"}, ids
    ids = [h.entry.id for h in landscape_engine.search("what is the azure equivalent of aws fargate").hits]
    assert ids[0] == "azure-container-instances", ids
    question = "deploy a production kubernetes cluster with ansible on AWS, GCE, Azure or bare metal"
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert "kubespray" in ids[:2], ids


def test_a_vendors_own_offer_asked_for_is_the_answer(landscape_engine: Engine) -> None:
    """ "aws's own", 腾讯云自家的, 阿里云自己有…: the vendor's offers are asked for, and its word weighs as the whole question
    (``rank._vendor_share``, ``question_words.OWN_AFTER``), not as its share of the words: Tencent's log service
    first, and Tencent's offers after it rather than log shippers anyone can run."""
    catalog = landscape_engine.catalog
    tencent = catalog.vendor_terms["腾讯云"]
    ids = [
        h.entry.id for h in landscape_engine.search("腾讯云自家有没有现成的日志服务可以直接收容器日志").hits
    ]
    assert ids[0] == "tencent-cloud-log-service", ids
    assert all(tencent in catalog.offered_by.get(e, frozenset()) for e in ids[:3]), ids


@pytest.mark.parametrize(
    ("after", "own"),
    [
        ("'s own container orchestrator", True),
        (" cloud have its own apm", True),
        ("-native services", True),
        ("自家的日志服务", True),
        (" cloud native gateway", False),  # Alibaba's cloud native (云原生), not its own
        ("原生网关", False),
        (" and gcp", False),
    ],
)
def test_what_asks_for_a_vendors_own_offer(after: str, own: bool) -> None:
    assert bool(OWN_AFTER.match(after)) is own


def test_a_vendors_service_answers_to_its_name_without_the_vendor(landscape_engine: Engine) -> None:
    """People drop the vendor from its services' names: "lambda" is AWS Lambda, before node-lambda and the Knative
    Lambda runtime, which only mention it (``names.without_vendor``). What is left of a name must be a name, not
    everyday words ("Tencent Cloud Log Service" → "log service"), one two vendors' services share ("container
    registry"), nor a word the descriptions say of something else."""
    for question, first in [
        ("lambda", "aws-lambda"),
        ("lambda 冷启动太慢", "aws-lambda"),
        ("cloudwatch", "amazon-cloudwatch"),
    ]:
        ids = [h.entry.id for h in landscape_engine.search(question).hits]
        assert ids and ids[0] == first, (question, ids)
    names = landscape_engine.catalog.names
    assert "logservice" not in names and "containerregistry" not in names
    # Descriptions say "Hive" alone of Apache Hive, never "NetEase Hive": the word is not NetEase's.
    assert "netease-hive" not in names.get("hive", [])


def test_a_vendors_word_asks_for_its_offers(landscape_engine: Engine) -> None:
    """阿里云 says whose registry is asked for: Alibaba Cloud's, before registries that only mention Alibaba, and
    an Alibaba project that is no registry (Dubbo) gains nothing (``Catalog.offered_by``, ``rank.W_VENDOR``)."""
    catalog = landscape_engine.catalog
    aws = catalog.vendor_terms["aw"]
    assert aws in catalog.offered_by["amazon-ecr"] and aws in catalog.offered_by["aws-fargate"]
    assert "cadvisor" not in catalog.offered_by  # its alias "google/cadvisor" is a repository, not a name
    ids = [h.entry.id for h in landscape_engine.search("阿里云镜像仓库").hits]
    assert ids[0] == "alibaba-cloud-acr", ids
    assert "apache-dubbo" not in ids


@pytest.mark.parametrize(
    ("question", "replaced", "wanted"),
    [
        ("GKE 在 Azure 上对应的是哪个", "gke", "aks"),
        ("what's the ECR equivalent on tencent cloud", "amazon-ecr", "tencent-tcr"),
    ],
)
def test_a_counterpart_on_another_cloud_is_asked_like_an_alternative(
    landscape_engine: Engine, question: str, replaced: str, wanted: str
) -> None:
    assert landscape_engine._read(question).alternatives_of == [replaced]
    ids = [h.entry.id for h in landscape_engine.search(question).hits]
    assert wanted in ids[:2] and replaced not in ids[:2], ids


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("阿里云和腾讯云的 k8s 哪个好", ["aliyun-container-service", "tencent-tke"]),
        ("ovh vs scaleway kubernetes", ["ovh-managed-kubernetes-service", "scaleway-kubernetes-kapsule"]),
        ("华为云和阿里云的镜像仓库对比", ["huawei-cloud-swr", "alibaba-cloud-acr"]),
    ],
)
def test_two_clouds_compared_for_a_need_compare_their_offers(
    landscape_engine: Engine, question: str, compared: list
) -> None:
    """Not the companies' cards, nor Kubernetes: each cloud's best offer for what is asked, in the order said."""
    answer = landscape_engine.search(question)
    assert answer.understood == "comparison" and [h.entry.id for h in answer.hits] == compared


@pytest.mark.parametrize(
    ("question", "asked_how"),
    [
        ("harbor 怎么部署到生产环境的集群里", True),
        ("how to upgrade istio without downtime", True),
        ("how do we back up velero's own config", True),
        ("harbor 和 quay 哪个好", False),
        ("怎么给 k8s 做备份", False),  # 怎么 before the name asks how to back up: a backup tool is asked
    ],
)
def test_asked_how_to_do_something_with_a_project(
    landscape_engine: Engine, question: str, asked_how: bool
) -> None:
    """Asked how to do something with a project, the question is about that project: its card leads, not a tool
    whose description happens to say the rest ("部署", "生产环境")."""
    assert landscape_engine._read(question).asked_how == asked_how


def test_taiwans_word_for_the_terminal_is_the_terminal(landscape_engine: Engine) -> None:
    """終端機 is what Taiwan writes for a terminal, and OpenCC leaves it as 终端机: it means 终端 and "terminal"
    (``data/lexicon.yaml``)."""
    content = landscape_engine._read("在終端機裡點來點去的 k8s 工具").content
    assert any({"终端机", "终端", *analyze("terminal")} <= set(group) for group in content), content
