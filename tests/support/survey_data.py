"""The survey's part of the repo's data, as a knowledge base of its own, for tests of the index's mechanics.

Reusing, rebuilding and swapping an index, or keeping the last good one, behave the same on 40 projects as on
1,600, and a build of the survey's part takes a second where the whole curated data takes ten or more. The
copy is made from the repo's own files at test time: its nine categories (each editor's pick kept where it is
one of the survey's projects), their 40 projects (each successor kept where it is one of them) and the lexicon.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from bot.config import REPO_DATA_DIR


def survey_data(target: Path) -> Path:
    """Write the survey's part of the repo's data to ``target``; returns ``target``."""
    shutil.copytree(REPO_DATA_DIR / "entries" / "survey", target / "entries" / "survey")
    shutil.copy(REPO_DATA_DIR / "lexicon.yaml", target / "lexicon.yaml")
    ids = {
        item["id"]
        for path in (target / "entries" / "survey").glob("*.yaml")
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    }
    for path in (target / "entries" / "survey").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")

        def kept(line: re.Match[str]) -> str:
            successors = [s.strip() for s in line["ids"].split(",") if s.strip() in ids]
            return f"{line['indent']}successors: [{', '.join(successors)}]" if successors else ""

        path.write_text(
            re.sub(r"(?m)^(?P<indent> +)successors: \[(?P<ids>[^\]]*)\]$", kept, text), encoding="utf-8"
        )
    categories = yaml.safe_load((REPO_DATA_DIR / "categories" / "survey.yaml").read_text(encoding="utf-8"))
    for category in categories["categories"]:
        if "featured" in category:
            category["featured"] = [i for i in category["featured"] if i in ids]
    (target / "categories").mkdir(parents=True)
    (target / "categories" / "survey.yaml").write_text(
        yaml.safe_dump(categories, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return target
