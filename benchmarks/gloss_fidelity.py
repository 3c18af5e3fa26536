"""How well the English gloss of a zh/es/ja prompt means what the prompt means (issue 16).

A label-free yardstick: the native dev rows written as hand translations of an English prompt
carry that English source (`english:` in ethics_dev{10,11,12}_native.yaml; the multilingual
set's dev rows name theirs by `from_id`, a dev row of ethics.yaml). Dev rows only: no held_out
row is ever read. Per language it prints
(a) the mean MiniLM cosine between the gloss (the text the semantic layer embeds) and the
    English source, under the shipped embedding model as the semantic layer loads it;
(b) the translation gap: of the rows whose English source the full review stops, how many the
    native prompt's full review does not stop, and how many the gloss alone does not; with the
    false-stop side (English not stopped, native stopped) beside it;
(c) content-word recall: the share of the source's content words (crude stems, function words
    left out) found among the gloss's.

    .venv/bin/python benchmarks/gloss_fidelity.py [--lang zh] [--gap] [--set dev10]

`--gap` lists the translation-gap rows (English stopped, native not) with their gloss, for
sorting them by mechanism; every row it can list is a dev row.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.dialects.audit import content_words  # noqa: E402
from bot.core.ethics import (  # noqa: E402
    _full_gloss,
    _semantic_text,
    cached_rules,
    review_full,
    review_gloss_only,
)

EXTERNAL = ROOT / "benchmarks" / "data" / "external"
NATIVE_SETS = {"dev10": "ethics_dev10_native.yaml", "dev11": "ethics_dev11_native.yaml",
               "dev12": "ethics_dev12_native.yaml"}
LANGUAGES = ("zh", "es", "ja")


def rows(only: str = "") -> list[dict]:
    """Every dev row with an English source: (set, language, prompt, english, verdict)."""
    out: list[dict] = []
    if only in ("", "multilingual"):
        english = {c["id"]: c["prompt"] for c in yaml.safe_load(
            (EXTERNAL / "ethics.yaml").read_text(encoding="utf-8"))["cases"]
            if c.get("split") == "dev"}
        for c in yaml.safe_load((EXTERNAL / "ethics_multilingual.yaml").read_text(
                encoding="utf-8"))["cases"]:
            if c.get("split") == "dev" and c.get("from_id") in english:
                out.append({"set": "multilingual", "id": c["id"], "lang": c["language"],
                            "prompt": c["prompt"], "english": english[c["from_id"]],
                            "verdict": c["verdict"]})
    for name, file in NATIVE_SETS.items():
        if only not in ("", name):
            continue
        for c in yaml.safe_load((EXTERNAL / file).read_text(encoding="utf-8"))["cases"]:
            if c.get("split") == "dev" and c.get("english"):
                out.append({"set": name, "id": c["id"], "lang": c["language"],
                            "prompt": c["prompt"], "english": c["english"],
                            "verdict": c["verdict"]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, default=None)
    parser.add_argument("--set", default="", help="multilingual, dev10, dev11 or dev12")
    parser.add_argument("--gap", action="store_true",
                        help="list the rows whose English source stops and whose gloss alone "
                        "does not (marked when the native review loses them too)")
    parser.add_argument("--english-cache", type=Path, default=None,
                        help="a JSON file keeping the English sources' verdicts between runs "
                        "(they do not depend on the gloss)")
    args = parser.parse_args(argv)

    import numpy as np

    from bot.core.ethics.semantic import SemanticLayer
    from bot.core.retrieval.embeddings import query_vector

    rules = cached_rules()
    cache: dict[str, bool] = {}
    if args.english_cache and args.english_cache.is_file():
        cache = json.loads(args.english_cache.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        layer = SemanticLayer(Path(tmp))
        layer.warm()
        for lang in LANGUAGES:
            if args.lang and lang != args.lang:
                continue
            mine = [r for r in rows(args.set) if r["lang"] == lang]
            if not mine:
                continue
            cosines: list[float] = []
            recall_hit = recall_all = 0
            en_stops = native_lost = gloss_lost = native_false = 0
            gap: list[str] = []
            for r in mine:
                glossed = _full_gloss(r["prompt"], rules)
                text = _semantic_text(glossed.words, r["prompt"]) if glossed else ""
                if text:
                    a = np.asarray(query_vector(text))
                    b = np.asarray(query_vector(r["english"]))
                    cosines.append(float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))))
                else:
                    cosines.append(0.0)
                source = set(content_words(r["english"]))
                have = set(content_words(glossed.text if glossed else ""))
                recall_hit += len(source & have)
                recall_all += len(source)
                if r["english"] not in cache:
                    cache[r["english"]] = review_full(r["english"], rules,
                                                      layer).verdict == "stop"
                english = cache[r["english"]]
                native = review_full(r["prompt"], rules, layer).verdict == "stop"
                alone = review_gloss_only(r["prompt"], rules, layer).verdict == "stop"
                if english:
                    en_stops += 1
                    native_lost += not native
                    gloss_lost += not alone
                    if args.gap and not alone:
                        lost = " NATIVE LOST" if not native else ""
                        gap.append(f"[{r['id']} want {r['verdict']}{lost}] {r['prompt']}\n"
                                   f"      en: {r['english']}\n"
                                   f"      gl: {glossed.text if glossed else ''}")
                elif native:
                    native_false += 1
            print(f"\n{lang}: {len(mine)} dev rows with an English source")
            print(f"  (a) gloss-source cosine (mean)  {sum(cosines) / len(cosines):.3f}")
            print(f"  (b) English source stops        {en_stops}")
            print(f"      native loses                {native_lost}")
            print(f"      gloss alone loses           {gloss_lost}")
            print(f"      native stops, English not   {native_false}")
            print(f"  (c) content-word recall         {recall_hit / max(recall_all, 1):.3f} "
                  f"({recall_hit}/{recall_all})")
            for line in gap:
                print(f"    gap {line}")
    if args.english_cache:
        args.english_cache.write_text(json.dumps(cache), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
