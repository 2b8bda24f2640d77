"""Scoring extraction output against gold, by the matching rules of the
annotation guidelines: types equal, and a name or alias of one equal to a
name or alias of the other after NFKC with quotes and white space removed."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

_DROP = re.compile("[“”‘’\"'「」『』《》\\s]")


def norm(text: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", text))


def _forms(ent: dict) -> set[str]:
    return {norm(ent["name"]), *(norm(a) for a in ent.get("aliases", []))}


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def prf(self, key: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match_entities(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """gold index -> pred index, one-to-one, greedy in gold order."""
    used, pairs = set(), {}
    for gi, g in enumerate(gold):
        gf = _forms(g)
        for pi, p in enumerate(pred):
            if pi not in used and p["type"] == g["type"] and _forms(p) & gf:
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


def score_records(gold_docs: dict, pred_docs: dict) -> tuple[Score, Score, tuple[int, int]]:
    ents, rels = Score(), Score()
    titles_ok = titles_all = 0
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id, {"entities": [], "relations": []})
        pairs = _match_entities(gold["entities"], pred["entities"])
        for gi, g in enumerate(gold["entities"]):
            key = "tp" if gi in pairs else "fn"
            getattr(ents, key)[g["type"]] += 1
            if key == "fn":
                ents.errors.append(f"{doc_id} missed {g['type']} {g['name']}")
        matched = set(pairs.values())
        for pi, p in enumerate(pred["entities"]):
            if pi not in matched:
                ents.fp[p["type"]] += 1
                ents.errors.append(f"{doc_id} spurious {p['type']} {p['name']}")
        by_ref = {}
        for p in pred["entities"]:
            for ref in (p.get("id"), p["name"]):
                if ref:
                    by_ref.setdefault(ref, p)
        gold_by_name = {g["name"]: g for g in gold["entities"]}

        def resolve(rel, side):
            ent = by_ref.get(rel[side])
            return _forms(ent) if ent else {norm(rel[side])}

        pred_rels = [(r, resolve(r, "head"), resolve(r, "tail")) for r in pred["relations"]]
        used = set()
        for g in gold["relations"]:
            gh = _forms(gold_by_name.get(g["head"], {"name": g["head"]}))
            gt = _forms(gold_by_name.get(g["tail"], {"name": g["tail"]}))
            hit = next((i for i, (r, h, t) in enumerate(pred_rels)
                        if i not in used and r["type"] == g["type"] and h & gh and t & gt), None)
            if hit is None:
                rels.fn[g["type"]] += 1
                rels.errors.append(f"{doc_id} missed {g['type']} {g['head']} -> {g['tail']}")
                continue
            used.add(hit)
            rels.tp[g["type"]] += 1
            if g["type"] == "HOLDS_POST":
                titles_all += 1
                titles_ok += norm(pred_rels[hit][0].get("title") or "") == norm(g.get("title") or "")
        for i, (r, h, t) in enumerate(pred_rels):
            if i not in used:
                rels.fp[r["type"]] += 1
                rels.errors.append(f"{doc_id} spurious {r['type']} {sorted(h)[0]} -> {sorted(t)[0]}")
    for s in (ents, rels):
        for c in (s.tp, s.fp, s.fn):
            c["all"] = sum(v for k, v in c.items() if k != "all")
    return ents, rels, (titles_ok, titles_all)


def _load(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return {rec["doc"]: rec for rec in map(json.loads, filter(str.strip, fh))}


def score_files(gold_path: str, pred_path: str):
    return score_records(_load(gold_path), _load(pred_path))


def format_report(result, show_errors: bool = False) -> str:
    ents, rels, (ok, total) = result
    lines = []
    for label, s in (("entities", ents), ("relations", rels)):
        lines.append(f"{label}:")
        for key in ["all"] + sorted(k for k in set(s.tp) | set(s.fn) | set(s.fp) if k != "all"):
            p, r, f = s.prf(key)
            lines.append(f"  {key:<16} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={s.tp[key]} fp={s.fp[key]} fn={s.fn[key]})")
    lines.append(f"title accuracy: {ok / total if total else 0.0:.3f} ({ok}/{total})")
    if show_errors:
        lines.append("errors:")
        lines.extend("  " + e for e in ents.errors + rels.errors)
    return "\n".join(lines)
