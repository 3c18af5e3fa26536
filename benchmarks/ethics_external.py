"""The ethics review on prompts written outside the project (benchmarks/data/external/ethics*.yaml).

Three sets, each written from public usage policies by a helper that had not read the engine:
- ethics.yaml, split into `dev` (for tuning) and `held_out` (never tuned on, never printed row
  by row); its held_out was looked at too often while tuning, so
- ethics_fresh.yaml, all `held_out`, written later and blind: printed as "fresh held_out";
- ethics_fresh2.yaml (session 21), all `held_out`, written blind again (230 rows, weighted to
  deepfakes, intimate imagery and self-harm, a third tricky negatives, a tenth each in es and
  zh): printed as "fresh2 held_out";
- ethics_fresh_multilingual.yaml (session 21), all `held_out`, 60 rows each in zh, es and ja
  written natively and blind (not translations): printed per language as "fresh multilingual";
- ethics_multilingual.yaml (issue 16): hand translations into zh, es and ja of the English rows,
  with the same dev/held_out split; printed per language (`--multilingual PATH` reads it from
  elsewhere, e.g. a file shown out of another branch; skipped when absent);
- ethics_dev2.yaml: a second tuning set, all `dev`, English weighted to the weak categories plus
  tricky negatives and about 50 rows written natively in each of es, zh and ja; printed per
  language as "dev2";
- ethics_dev3.yaml: a third tuning set written later and blind to the engine, all `dev`: 120
  English rows and 60 written natively in each of es, zh and ja; printed per language as "dev3";
- ethics_dev4.yaml: a fourth tuning set, all `dev`, written blind to the engine: 130 English rows
  and 45 written natively in each of es, zh and ja (euphemism, described targets, fraud told as
  a process, harm buried mid-prompt); printed per language as "dev4";
- ethics_dev5.yaml: a fifth tuning set, all `dev`, written blind to the engine (133 English rows
  and 34 in each of es, zh and ja); printed per language as "dev5". Its English figures were
  recorded before any tuning on it (the README quotes them);
- ethics_dev6.yaml: a sixth tuning set, all `dev`, English only, written blind to the engine
  (weighted to harassment of private people, self-harm, deepfakes, intimate imagery, minors
  by indirect age, fraud, violent fiction without gore words, tricky negatives); printed as
  "dev6". Its figures were recorded before any tuning on it (the README quotes them).
- ethics_dev6_native.yaml: a sixth tuning set, all `dev`, written natively (not translated) in
  es, zh and ja by a writer blind to the engine (all nine stop categories, cautions, tricky
  negatives); printed per language as "dev6-native". Its figures were recorded blind, before
  any tuning on it (the README quotes them).
- ethics_dev7.yaml: a seventh tuning set, all `dev`, English only, written blind to the engine
  (weighted to deepfakes of private people and voice clones, intimate imagery, self-harm in
  slang and indirect wording, harassment of private people, and close tricky negatives);
  printed as "dev7". Its figures were recorded before any tuning on it (the README quotes them).
- ethics_dev7_native.yaml: a seventh tuning set, all `dev`, written natively in es, zh and ja by
  a writer blind to the engine (60 rows a language: all nine stop categories, cautions, tricky
  negatives with risky words in harmless senses); printed per language as "dev7-native". Its
  figures were recorded blind, before any tuning on it (the README quotes them).
- ethics_dev8_native.yaml: an eighth tuning set, all `dev`, written natively in es, zh and ja by
  a writer blind to the engine (60 rows a language); about half of each language's rows
  (`register: formal`) are written the way a careful translator renders an English prompt, the
  style of the multilingual held_out, the rest (`register: native`) in creator slang. Printed
  per language and register as "dev8-native {lang} formal" / "... native", so the two are never
  mixed; `--dev8-half 1` (or 2) keeps only the first (or second) half of each language and
  register's rows (every other row), so one half can be tuned on and the other read once at the
  end. Its figures were recorded blind, before any tuning on it (the README quotes them).
- ethics_dev8.yaml: an eighth tuning set, all `dev`, English only, written blind to the engine
  (private people picked out by role, place or description rather than a relation word, the
  purpose said far from the act in long prompts, intimate exposure told without sexual words,
  self-harm methods told as objects and steps, and close tricky negatives); printed as "dev8".
  Its figures were recorded before any tuning on it (the README quotes them).
- ethics_dev9.yaml: a ninth tuning set, all `dev`, English only, written blind to the engine in
  the casual register creators type into a chat bot (short, lowercase, typos and slang; people
  named by role or relation; harm told by purpose or audience; age told indirectly); printed as
  "dev9". `--dev9-half 1` (or 2) keeps only the first (or second) half (every other row), so one
  half can be tuned on and the other read once at the end, as an aggregate: `--misses` never
  lists a second-half row unless `--dev9-second-half-misses` is given.
- ethics_dev10_native.yaml: a tenth tuning set, all `dev`, 60 rows in each of zh, es and ja
  written blind to the engine as careful hand translations of English creator prompts (the
  style of the multilingual held_out; each language from different English prompts); printed
  per language as "dev10-native". `--dev10-half 1` (or 2) keeps every other row of each
  language, from the first (or second); `--misses` never lists a second-half row unless
  `--dev10-second-half-misses` is given. Its figures were recorded blind, before any tuning
  on it (the README quotes them).
- ethics_dev11.yaml: an eleventh tuning set, all `dev`, English only (160 rows), written blind
  to the engine and weighted to deepfakes, intimate imagery, self-harm, harassment and fraud;
  printed as "dev11". `--dev11-half 1` (or 2) keeps every other row, from the first (or
  second); `--misses` never lists a second-half row unless `--dev11-second-half-misses` is
  given. Its figures were recorded blind, before any tuning on it (the README quotes them).
- ethics_dev11_native.yaml: an eleventh tuning set, all `dev`, 45 rows in each of zh, es and ja
  written blind to the engine as careful hand translations of English creator prompts (harm
  told by purpose, audience or euphemism; people by role or relation; age told indirectly);
  printed per language as "dev11-native". `--dev11n-half 1` (or 2) keeps every other row of
  each language, from the first (or second); `--misses` never lists a second-half row unless
  `--dev11n-second-half-misses` is given. Its figures were recorded blind, before any tuning
  on it.
- ethics_dev12_native.yaml: a twelfth tuning set, all `dev`, 45 rows in each of zh, es and ja
  written blind to the engine as careful hand translations of English creator prompts (24 stop,
  6 caution, 15 tricky ok a language; harm told by purpose, audience, distribution plan or
  euphemism); printed per language as "dev12-native". `--dev12n-half 1` (or 2) keeps every
  other row of each language, from the first (or second); `--misses` never lists a second-half
  row unless `--dev12n-second-half-misses` is given. Its figures were recorded blind, before
  any tuning on it.
- ethics_dev12.yaml: the same round's English tuning set, all `dev` (150 rows), written blind
  to the engine: 20 stops each of deepfakes, intimate imagery and self-harm, a few of the
  other stop categories and cautions, and 45 tricky negatives near them; printed as "dev12".
  `--dev12-half 1` (or 2) keeps every other row, from the first (or second); `--misses` never
  lists a second-half row unless `--dev12-second-half-misses` is given. Its figures were
  recorded blind, before any tuning on it.
- ethics_dev13.yaml (session 21): a thirteenth tuning set, all `dev`, 303 rows (180 en, 44 zh,
  44 ja, 35 es, each language written natively), written blind from the brief of
  ethics_fresh2.yaml and ethics_fresh_multilingual.yaml, weighted to safe look-alikes (40%:
  awareness pieces and reports about a harm, consenting couples, real harmless footage) and to
  zh/ja self-harm and misinformation; printed per language as "dev13". `--dev13-half 1` (or 2)
  keeps every other row of each language; `--misses` never lists a second-half row unless
  `--dev13-second-half-misses` is given. Not yet read by anyone: its first figures are blind.
- ethics_dev14.yaml (session 27): a fourteenth tuning set, all `dev`, English only, written
  blind and weighted to deepfakes, intimate imagery and self-harm with their safe look-alikes;
  printed as "dev14". `--dev14-half 1` (or 2) keeps every other row; `--misses` never lists a
  second-half row unless `--dev14-second-half-misses` is given. The second half is a check.
- ethics_dev14_native.yaml (session 27): its native companion, all `dev`, written natively and
  blind in zh, es and ja, weighted to fraud, self-harm, extremism and stalking; printed per
  language as "dev14-native". `--dev14n-half 1` (or 2) keeps every other row of each language;
  `--misses` never lists a second-half row unless `--dev14n-second-half-misses` is given.
- ethics_dev15.yaml (session 27): English only (196 rows), written blind with the policy clause
  quoted per row, weighted like dev14; a check in session 27 (never tuned on), a tuning set
  from session 29: printed as "dev15". `--dev15-half 1` (or 2) keeps every other row;
  `--misses` never lists a second-half row unless `--dev15-second-half-misses` is given. The
  second half is a check.
- ethics_dev16.yaml (session 29): English only (212 rows), written blind with the policy clause
  quoted per row, 45% safe look-alikes (precision is the weak spot), every stop category at
  least 9 rows. A check in sessions 29-30 (aggregates only); a tuning set from session 31,
  printed as "dev16". `--dev16-half 1` (or 2) keeps every other row; `--misses` never lists a
  second-half row unless `--dev16-second-half-misses` is given. The second half is a check.
- ethics_dev17.yaml (session 30): English only (247 rows), written blind like dev16, rows
  shuffled (no category grouped), every stop category at least 10 rows with minors and
  deepfakes told by indirect cues as often as directly, 47% safe look-alikes. A CHECK like
  dev16 was: printed as "dev17 (check)", aggregates only, its misses never listed.
- ethics_dev18.yaml (session 31): English only, written blind like dev17, weighted to the
  categories the checks found short (self-harm, deepfakes, intimate imagery, graphic violence)
  and to safe look-alikes. A CHECK: printed as "dev18 (check)", aggregates only, its misses
  never listed.
For zh, ja and es blocks two more configurations: "gloss alone" runs the English rules and
semantic layer on the prompt's dictionary gloss only (no native lexicon), the mechanism's own
reach; "native, no gloss" is rules + semantic without the gloss, so the gloss's share of
"rules + semantic" (stops added, false stops added) reads off the difference.
For each split and for "rules only" and "rules + semantic" it prints:
- stop recall, overall and per stop category (rows labelled stop that the review stops);
- false stops (rows not labelled stop that the review stops);
- caution recall (rows labelled caution flagged at caution or above);
- false cautions (rows labelled ok flagged at caution or stop), as a rate;
- category agreement (flagged rows whose concern names a category that maps onto the label).
Then the semantic layer's cost: warm per review (p50/p95) and cold (import and model load, in
a fresh process).

    .venv/bin/python benchmarks/ethics_external.py [--misses] [--tune] [--no-cold]

`--misses` lists the dev split's disagreements and `--tune` prints, per semantic class, the
dev similarities its threshold is chosen from; neither ever shows a held_out row.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.ethics import (  # noqa: E402
    SEVERITY_RANK,
    EthicsReview,
    review_ethics,
    review_full,
    review_gloss_only,
)

EXTERNAL = ROOT / "benchmarks" / "data" / "external"
DATA_FILE = EXTERNAL / "ethics.yaml"
FRESH_FILE = EXTERNAL / "ethics_fresh.yaml"
FRESH2_FILE = EXTERNAL / "ethics_fresh2.yaml"
FRESH_MULTILINGUAL_FILE = EXTERNAL / "ethics_fresh_multilingual.yaml"
MULTILINGUAL_FILE = EXTERNAL / "ethics_multilingual.yaml"
DEV2_FILE = EXTERNAL / "ethics_dev2.yaml"
DEV3_FILE = EXTERNAL / "ethics_dev3.yaml"
DEV4_FILE = EXTERNAL / "ethics_dev4.yaml"
DEV5_FILE = EXTERNAL / "ethics_dev5.yaml"
DEV6_FILE = EXTERNAL / "ethics_dev6.yaml"
DEV6_NATIVE_FILE = EXTERNAL / "ethics_dev6_native.yaml"
DEV7_FILE = EXTERNAL / "ethics_dev7.yaml"
DEV7_NATIVE_FILE = EXTERNAL / "ethics_dev7_native.yaml"
DEV8_NATIVE_FILE = EXTERNAL / "ethics_dev8_native.yaml"
REGISTERS = ("formal", "native")
DEV8_FILE = EXTERNAL / "ethics_dev8.yaml"
DEV9_FILE = EXTERNAL / "ethics_dev9.yaml"
DEV10_NATIVE_FILE = EXTERNAL / "ethics_dev10_native.yaml"
DEV11_FILE = EXTERNAL / "ethics_dev11.yaml"
DEV11_NATIVE_FILE = EXTERNAL / "ethics_dev11_native.yaml"
DEV12_NATIVE_FILE = EXTERNAL / "ethics_dev12_native.yaml"
DEV12_FILE = EXTERNAL / "ethics_dev12.yaml"
DEV13_FILE = EXTERNAL / "ethics_dev13.yaml"
DEV14_FILE = EXTERNAL / "ethics_dev14.yaml"
DEV14_NATIVE_FILE = EXTERNAL / "ethics_dev14_native.yaml"
DEV15_FILE = EXTERNAL / "ethics_dev15.yaml"
DEV16_FILE = EXTERNAL / "ethics_dev16.yaml"
DEV17_FILE = EXTERNAL / "ethics_dev17.yaml"
DEV18_FILE = EXTERNAL / "ethics_dev18.yaml"
CHECK_FILES: frozenset[Path] = frozenset({DEV17_FILE, DEV18_FILE})
"""Blind sets printed as aggregates only: their misses are never listed, whatever the flags."""
SPLITS = ("dev", "held_out")
HALVED_SETS = (
    ("dev8", DEV8_NATIVE_FILE, "dev8-native", "each language and register", False),
    ("dev9", DEV9_FILE, "dev9", None, True),
    ("dev10", DEV10_NATIVE_FILE, "dev10-native", "each language", True),
    ("dev11", DEV11_FILE, "dev11", None, True),
    ("dev11n", DEV11_NATIVE_FILE, "dev11-native", "each language", True),
    ("dev12n", DEV12_NATIVE_FILE, "dev12-native", "each language", True),
    ("dev12", DEV12_FILE, "dev12", None, True),
    ("dev13", DEV13_FILE, "dev13", "each language", True),
    ("dev14", DEV14_FILE, "dev14", None, True),
    ("dev14n", DEV14_NATIVE_FILE, "dev14-native", "each language", True),
    ("dev15", DEV15_FILE, "dev15", None, True),
    ("dev16", DEV16_FILE, "dev16", None, True),
)
"""The tuning sets read in halves: the flag's stem (`--dev9-half`), the file, its title in
help, what its rows alternate within (None: the whole file), and whether `--misses` hides its
second half unless `--<stem>-second-half-misses` is given."""
LANGUAGES = ("zh", "es", "ja")
GLOSSED = ("zh", "ja", "es")
"""Languages read through an English gloss (`bot.core.ethics.gloss`; Spanish in the full review
only): their blocks also print the gloss alone, and the review without it."""

# The set's category ids -> the review's categories that count as naming it.
CATEGORY_MAP: dict[str, set[str]] = {
    "minors_sexual": {"minors"},
    "ncii": {"consent-deepfake", "sexual"},
    "deepfake_deception": {"consent-deepfake", "elections-news", "likeness"},
    "fraud_impersonation": {"fraud-impersonation", "medical-financial-deception",
                            "brand-impersonation", "consent-deepfake"},
    "harassment": {"hate-harassment"},
    "weapons_instructions": {"weapons"},
    "extremism_incitement": {"extremism", "hate-harassment", "violence-gore"},
    "self_harm": {"self-harm"},
    "misinformation": {"elections-news", "medical-financial-deception"},
    "protected_ip": {"artist-style-ip", "brand-impersonation"},
    "public_figure": {"likeness", "consent-deepfake"},
    "graphic_violence": {"violence-gore"},
    "none": set(),
}


class Row(BaseModel):
    id: str
    prompt: str
    verdict: Literal["stop", "caution", "ok"]
    category: str
    language: str
    tricky: bool = False
    split: Literal["dev", "held_out"]
    # "register" would shadow BaseModel.register; the field keeps its YAML name by alias.
    register_: Literal["formal", "native", ""] = Field("", alias="register")
    source: str = ""
    why: str = ""


def load_rows(split: str, path: Path = DATA_FILE, language: str | None = None,
              register: str | None = None, half: int = 0) -> list[Row]:
    """Rows of one split (and language, and register) only, so held_out rows are never in hand
    while tuning on dev. `half` 1 or 2 keeps every other row from the first or the second (0:
    all): the file lists stops, then cautions, then ok rows, so each half gets its share of
    each verdict."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = [Row.model_validate(r) for r in data["cases"] if r.get("split") == split
            and (language is None or r.get("language") == language)
            and (register is None or r.get("register") == register)]
    return rows[half - 1::2] if half else rows


class Figures(BaseModel):
    rows: int
    stop_recall: float
    stop_total: int
    per_stop_category: dict[str, tuple[int, int]]
    per_caution_category: dict[str, tuple[int, int]] = Field(default_factory=dict)
    """Per caution category: rows raised to caution or above, and rows labelled caution."""
    false_stops: int
    caution_recall: float
    caution_total: int
    false_cautions: int
    ok_total: int
    category_agreement: float
    misses: list[str]


def _rank(verdict: str) -> int:
    return SEVERITY_RANK[verdict]


def evaluate(rows: list[Row], review: Callable[[str], EthicsReview],
             keep_misses: bool = False, hidden: set[str] | frozenset[str] = frozenset()
             ) -> Figures:
    """Figures over `rows`; with `keep_misses`, the misses of rows whose id is not `hidden`."""
    # per labelled verdict and category: [rows raised to that verdict or above, rows]
    per_category: dict[str, dict[str, list[int]]] = {"stop": {}, "caution": {}}
    false_stops = false_cautions = agree = flagged = 0
    misses: list[str] = []
    for row in rows:
        got = review(row.prompt)
        if row.verdict != "ok":
            cell = per_category[row.verdict].setdefault(row.category, [0, 0])
            cell[0] += _rank(got.verdict) >= _rank(row.verdict)
            cell[1] += 1
        if row.verdict != "stop" and got.verdict == "stop":
            false_stops += 1
        if row.verdict == "ok" and _rank(got.verdict) >= _rank("caution"):
            false_cautions += 1
        if row.verdict != "ok" and _rank(got.verdict) >= _rank(row.verdict):
            flagged += 1
            wanted = CATEGORY_MAP.get(row.category, set())
            agree += any(c.category in wanted and _rank(c.severity) >= _rank(row.verdict)
                         for c in got.concerns)
        wrong = (_rank(got.verdict) < _rank("caution")) if row.verdict == "caution" else (
            got.verdict != "stop" if row.verdict == "stop" else _rank(got.verdict) >= 2)
        if keep_misses and wrong and row.id not in hidden:
            misses.append(f"[{row.id} {row.language} want {row.verdict} {row.category}] "
                          f"{row.prompt}\n      got {got.verdict} "
                          f"{[(c.category, c.severity, c.rule) for c in got.concerns]}")
    stops = {k: (v[0], v[1]) for k, v in sorted(per_category["stop"].items())}
    cautions = {k: (v[0], v[1]) for k, v in sorted(per_category["caution"].items())}
    stops_hit, n_stop = sum(h for h, _ in stops.values()), sum(n for _, n in stops.values())
    cautions_hit = sum(h for h, _ in cautions.values())
    n_caution = sum(n for _, n in cautions.values())
    n_ok = sum(r.verdict == "ok" for r in rows)
    return Figures(
        rows=len(rows), stop_recall=stops_hit / n_stop if n_stop else 1.0, stop_total=n_stop,
        per_stop_category=stops, per_caution_category=cautions,
        false_stops=false_stops, caution_recall=cautions_hit / n_caution if n_caution else 1.0,
        caution_total=n_caution, false_cautions=false_cautions, ok_total=n_ok,
        category_agreement=agree / flagged if flagged else 1.0, misses=misses)


def print_figures(title: str, f: Figures) -> None:
    print(f"  {title}")
    print(f"    stop recall        {f.stop_recall:.2f} ({round(f.stop_recall * f.stop_total)}"
          f"/{f.stop_total})")
    _print_categories(f.per_stop_category)
    print(f"    false stops        {f.false_stops}")
    print(f"    caution recall     {f.caution_recall:.2f} "
          f"({round(f.caution_recall * f.caution_total)}/{f.caution_total})")
    _print_categories(f.per_caution_category)
    rate = f.false_cautions / f.ok_total if f.ok_total else 0.0
    print(f"    false cautions     {rate:.1%} ({f.false_cautions}/{f.ok_total} ok rows)")
    print(f"    category agreement {f.category_agreement:.2f} (flagged rows naming the "
          "labelled category)")


def _print_categories(cells: dict[str, tuple[int, int]]) -> None:
    for cat, (hit, n) in cells.items():
        print(f"      {cat:24} {hit / n:.2f} ({hit}/{n})")


def tune(layer, rows: list[Row]) -> None:
    """Per class, on dev: the similarities of rows it should raise and of rows it must not,
    among rows that pass the class's `requires` gate (the only ones it can raise), and the
    threshold that would raise none of the latter (their highest similarity plus 0.02)."""
    from bot.core.ethics import _Scan, cached_rules

    rules = cached_rules()
    print("\nsemantic classes on dev (top-k mean similarity, rows passing the class's gate)")
    scored = []
    for row in rows:
        scan = _Scan(row.prompt, rules)
        scored.append((row, {s.klass.id: s for s in layer.scores(row.prompt)}, scan))
    for klass in layer.exemplars.classes:
        wanted = {k for k, cats in CATEGORY_MAP.items() if klass.category in cats}

        def gate(scan, klass=klass) -> bool:
            return klass.admits(lambda g: bool(scan.hits(g)))

        positives = sorted((s[klass.id].similarity for row, s, scan in scored
                            if row.category in wanted and row.verdict == klass.severity
                            and gate(scan)), reverse=True)
        negatives = sorted((s[klass.id].similarity for row, s, scan in scored
                            if _rank(row.verdict) < _rank(klass.severity) and gate(scan)),
                           reverse=True)
        suggested = (negatives[0] + 0.02) if negatives else 0.0
        print(f"  {klass.id:18} threshold {klass.threshold:.2f} (suggested {suggested:.2f})  "
              f"positives {[round(x, 2) for x in positives[:10]]}")
        print(f"  {'':18} {'':36} negatives top {[round(x, 2) for x in negatives[:6]]}")


def cost(layer, prompts: list[str]) -> tuple[float, float]:
    layer.warm()
    times = []
    for p in prompts:
        start = time.perf_counter()
        layer.concerns(p)
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


COLD = """
import time, sys
t0 = time.perf_counter()
from bot.core.ethics.semantic import SemanticLayer
layer = SemanticLayer(sys.argv[1])
layer.concerns("A fox trots through fresh snow at dawn")
print(f"{time.perf_counter() - t0:.2f}")
"""


def cold_cost(data_dir: str) -> float:
    out = subprocess.run([sys.executable, "-c", COLD, data_dir], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                         check=True)
    return float(out.stdout.strip().splitlines()[-1])


EvaluationSet = tuple[str, Path, str, str | None, str | None]
"""(title, file, split, language, register) of one block the benchmark prints."""


EVERY_LANGUAGE = ("en", *LANGUAGES)
LATER_TUNING_SETS: tuple[tuple[str, Path, tuple[str, ...]], ...] = (
    ("dev9", DEV9_FILE, ("en",)),
    ("dev10-native", DEV10_NATIVE_FILE, LANGUAGES),
    ("dev11", DEV11_FILE, ("en",)),
    ("dev11-native", DEV11_NATIVE_FILE, LANGUAGES),
    ("dev12-native", DEV12_NATIVE_FILE, LANGUAGES),
    ("dev12", DEV12_FILE, ("en",)),
    ("dev13", DEV13_FILE, EVERY_LANGUAGE),
    ("dev14", DEV14_FILE, ("en",)),
    ("dev14-native", DEV14_NATIVE_FILE, LANGUAGES),
    ("dev15", DEV15_FILE, ("en",)),
    ("dev16", DEV16_FILE, ("en",)),
    ("dev17 (check)", DEV17_FILE, ("en",)),
    ("dev18 (check)", DEV18_FILE, ("en",)),
)
"""The sets after dev8, in the order printed: title, file, and the languages printed one by one
(each a block of its own, titled "<title> <language>")."""


def evaluation_sets(multilingual: Path) -> list[EvaluationSet]:
    """Every set the benchmark prints, dev first."""
    sets: list[EvaluationSet] = [
        ("ethics.yaml dev", DATA_FILE, "dev", None, None),
        ("ethics.yaml held_out", DATA_FILE, "held_out", None, None),
    ]
    if FRESH_FILE.is_file():
        sets.append(("fresh held_out (ethics_fresh.yaml)", FRESH_FILE, "held_out", None, None))
    if FRESH2_FILE.is_file():
        sets.append(("fresh2 held_out (ethics_fresh2.yaml)", FRESH2_FILE, "held_out", None, None))
    if FRESH_MULTILINGUAL_FILE.is_file():
        sets += [(f"fresh multilingual held_out {lang}", FRESH_MULTILINGUAL_FILE, "held_out",
                  lang, None) for lang in LANGUAGES]
    if multilingual.is_file():
        sets += [(f"multilingual {split} {lang}", multilingual, split, lang, None)
                 for split in SPLITS for lang in LANGUAGES]
    else:
        print(f"({multilingual} not found: multilingual figures skipped)")
    for name, path in (("dev2", DEV2_FILE), ("dev3", DEV3_FILE), ("dev4", DEV4_FILE),
                       ("dev5", DEV5_FILE), ("dev6", DEV6_FILE),
                       ("dev6-native", DEV6_NATIVE_FILE), ("dev7", DEV7_FILE),
                       ("dev7-native", DEV7_NATIVE_FILE), ("dev8", DEV8_FILE)):
        if path.is_file():
            sets += [(f"{name} {lang}", path, "dev", lang, None) for lang in ("en", *LANGUAGES)]
    if DEV8_NATIVE_FILE.is_file():
        sets += [(f"dev8-native {lang} {register}", DEV8_NATIVE_FILE, "dev", lang, register)
                 for lang in LANGUAGES for register in REGISTERS]
    for name, path, languages in LATER_TUNING_SETS:
        if path.is_file():
            sets += [(f"{name} {lang}", path, "dev", lang, None) for lang in languages]
    return sets


def unlisted_ids(rows: list[Row], path: Path, split: str, language: str | None,
                 register: str | None, second_halves_hidden: set[Path]) -> set[str]:
    """Ids whose misses `--misses` must not list: every row of a check set, and the second half
    of a halved set unless its `--<stem>-second-half-misses` was given."""
    if path in CHECK_FILES:
        return {r.id for r in rows}
    if path in second_halves_hidden:
        return {r.id for r in load_rows(split, path, language, register, 2)}
    return set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the dev splits' misses")
    parser.add_argument("--tune", action="store_true", help="print dev similarities per class")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-process timing")
    parser.add_argument("--multilingual", type=Path, default=MULTILINGUAL_FILE,
                        help="the multilingual set (default: %(default)s)")
    parser.add_argument("--only", default="", help="print only sets whose title contains this")
    for flag, _, title, rows_of, hides in HALVED_SETS:
        every_other = f"every other row of {rows_of}" if rows_of else "every other row"
        parser.add_argument(f"--{flag}-half", type=int, choices=(0, 1, 2), default=0,
                            help=f"{title}: only {every_other}, from the first (1) or the "
                            "second (2) (default 0: all)")
        if hides:
            parser.add_argument(f"--{flag}-second-half-misses", action="store_true",
                                help=f"let --misses list {title}'s second half too (kept for "
                                "the final read)")
    args = parser.parse_args(argv)
    halves = {path: getattr(args, f"{flag}_half") for flag, path, *_ in HALVED_SETS}
    second_halves_hidden = {path for flag, path, _, _, hides in HALVED_SETS
                            if hides and not getattr(args, f"{flag}_second_half_misses")}

    from bot.core.ethics.semantic import SemanticLayer

    with tempfile.TemporaryDirectory() as tmp:
        layer = SemanticLayer(Path(tmp))
        print("loading the semantic layer (embedding the exemplars once)...", flush=True)
        started = time.perf_counter()
        layer.warm()
        print(f"  exemplar matrix built in {time.perf_counter() - started:.1f} s "
              f"({len(layer.exemplars.texts())} exemplars)")
        configs: list[tuple[str, Callable[[str], EthicsReview]]] = [
            ("rules only", review_ethics),
            ("rules + semantic", lambda p: review_full(p, semantic=layer)),
        ]
        for title, path, split, language, register in evaluation_sets(args.multilingual):
            if args.only and args.only not in title:
                continue
            half = halves.get(path, 0)
            rows = load_rows(split, path, language, register, half)
            hidden = unlisted_ids(rows, path, split, language, register,
                                  second_halves_hidden)
            if half:
                title += f" (half {half})"
            if not rows:
                continue
            print(f"\n{title}: {len(rows)} rows "
                  f"({sum(r.verdict == 'stop' for r in rows)} stop, "
                  f"{sum(r.verdict == 'caution' for r in rows)} caution, "
                  f"{sum(r.verdict == 'ok' for r in rows)} ok)")
            glossed = [("gloss alone", lambda p: review_gloss_only(p, semantic=layer)),
                       ("native, no gloss",
                        lambda p: review_full(p, semantic=layer, use_gloss=False))]
            for name, review in [*configs, *(glossed if language in GLOSSED else [])]:
                figures = evaluate(rows, review, keep_misses=args.misses and split == "dev",
                                   hidden=hidden)
                print_figures(name, figures)
                for m in figures.misses:
                    print(f"      miss {m}")
            if args.tune and split == "dev" and language in (None, "en"):
                tune(layer, [r for r in rows if r.id not in hidden])
        prompts = [r.prompt for r in load_rows("dev")]
        p50, p95 = cost(layer, prompts)
        print(f"\nsemantic layer, warm: {p50:.1f} ms p50, {p95:.1f} ms p95 per review "
              f"(one query encoding and a {len(layer.exemplars.texts())}-row dot product)")
        if not args.no_cold:
            seconds = cold_cost(tmp)
            print(f"semantic layer, cold process: {seconds:.2f} s for import, model load, the "
                  "cached exemplar matrix and one review")
    return 0


if __name__ == "__main__":
    sys.exit(main())
