"""Relevance evaluation: how often the expected answer sheet is in the top 3.

Shared by the relevance test and the benchmark so both engines are judged by one rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass(frozen=True)
class LabelledQuery:
    q: str
    kind: str
    expected: tuple[str, ...]
    source: str = ""
    word: str = ""  # for "slang": the colloquial word the expected article never uses


@dataclass
class Evaluation:
    total: int = 0
    found_at_3: int = 0
    reciprocal_ranks: float = 0.0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    reciprocal_by_kind: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    misses: list[tuple[LabelledQuery, list[str]]] = field(default_factory=list)

    @property
    def recall_at_3(self) -> float:
        return self.found_at_3 / self.total if self.total else 0.0

    @property
    def mrr_at_10(self) -> float:
        return self.reciprocal_ranks / self.total if self.total else 0.0

    def table(self) -> str:
        lines = ["| kind | queries | recall@3 |", "|---|---:|---:|"]
        for kind in sorted(self.by_kind):
            hit, n = self.by_kind[kind]
            lines.append(f"| {kind} | {n} | {hit / n:.3f} |")
        lines.append(f"| **all** | {self.total} | **{self.recall_at_3:.3f}** |")
        lines.append(f"\nMRR@10: {self.mrr_at_10:.3f}")
        return "\n".join(lines)


def load_queries(folder: Path) -> list[LabelledQuery]:
    queries = []
    for path in sorted(folder.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            expected = item["expected"]
            if isinstance(expected, str):
                expected = [expected]
            queries.append(
                LabelledQuery(
                    str(item["q"]),
                    str(item["kind"]),
                    tuple(expected),
                    path.name,
                    str(item.get("word", "")),
                )
            )
    return queries


def evaluate(queries: list[LabelledQuery], search: Callable[[str], list[str]]) -> Evaluation:
    """``search`` returns ranked article ids (at least 10) for a query."""
    result = Evaluation()
    for query in queries:
        ranked = search(query.q)[:10]
        rank = next((i for i, doc in enumerate(ranked, start=1) if doc in query.expected), None)
        result.total += 1
        cell = result.by_kind[query.kind]
        cell[1] += 1
        if rank is not None:
            result.reciprocal_ranks += 1.0 / rank
            result.reciprocal_by_kind[query.kind] += 1.0 / rank
        if rank is not None and rank <= 3:
            result.found_at_3 += 1
            cell[0] += 1
        else:
            result.misses.append((query, ranked[:3]))
    return result
