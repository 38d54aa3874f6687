"""The benchmark's table: each figure measured at 1× and, where the issue sets a goal there, at 10× the
data, side by side with its ratio to the 1× figure, what it is compared with and its goal."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench import generate

GROWTH = 1.5  # a figure marked ``flat``: at the larger scale at most this many times its 1× value


@dataclass(frozen=True)
class Figure:
    name: str
    measured: str
    compared_with: str
    goal: str
    met: bool
    ratio: str = ""
    why: str = ""  # when not met: the reason, in the report
    value: float = 0.0  # the measured number (seconds, MB or a ratio), for the 10× / 1× column
    flat: bool = False  # the goal also asks the larger scale to stay within GROWTH × the 1× figure
    key: str = ""  # what pairs the figure across scales (default: the name up to its first parenthesis)

    @property
    def verdict(self) -> str:
        return ("met" if self.met else "NOT MET") + (f" ({self.ratio})" if self.ratio else "")

    @property
    def pairs_as(self) -> str:
        return self.key or self.name.split(" (")[0]


@dataclass(frozen=True)
class Row:
    """One figure at the base scale and, if measured there, at the larger one."""

    one: Figure
    big: Figure | None = None

    @property
    def growth(self) -> float | None:
        if self.big is None or not self.one.value:
            return None
        return self.big.value / self.one.value

    @property
    def met(self) -> bool:
        if self.big is None:
            return self.one.met
        growth = self.growth
        grows = self.one.flat and growth is not None and growth > GROWTH
        return self.one.met and self.big.met and not grows

    @property
    def goal(self) -> str:
        return self.one.goal + (f"; at 10× ≤ {GROWTH}× the 1× figure" if self.one.flat else "")

    @property
    def verdict(self) -> str:
        ratio = (self.big or self.one).ratio
        return ("met" if self.met else "NOT MET") + (f" ({ratio})" if ratio else "")

    @property
    def compared_with(self) -> str:
        if self.big is None or self.big.compared_with in ("—", self.one.compared_with):
            return self.one.compared_with
        return f"1×: {self.one.compared_with}; 10×: {self.big.compared_with}"

    @property
    def why(self) -> str:
        parts = []
        one_fails, big_fails = not self.one.met and self.one.why, self.big is not None and not self.big.met
        if self.big is None:
            parts.append(self.one.why if one_fails else "")
        elif big_fails and self.big is not None and self.big.why:
            parts.append(f"{'at 1× and 10×' if one_fails else 'at 10×'} (the 10× figures): {self.big.why}")
        elif one_fails:
            parts.append(f"at 1×: {self.one.why}")
        growth = self.growth
        if self.big is not None and self.one.flat and growth is not None and growth > GROWTH:
            parts.append(f"at 10× it takes {growth:.2f}× its 1× figure (the goal: ≤ {GROWTH}×)")
        return "; ".join(p for p in parts if p)


def rows(one: list[Figure], big: list[Figure] | None) -> list[Row]:
    """The base scale's figures in order, each with its partner at the larger scale."""
    partners = {f.pairs_as: f for f in big or []}
    return [Row(f, partners.get(f.pairs_as)) for f in one]


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def table(table_rows: list[Row], scaled: bool) -> str:
    if not scaled:
        lines = ["| figure | measured | compared with (same run) | goal | result |", "|---|---|---|---|---|"]
        return "\n".join(lines + [f"| {r.one.name} | {r.one.measured} | {r.compared_with} | {r.goal} | {r.verdict} |"
                                  for r in table_rows])  # fmt: skip
    lines = ["| figure | 1× | 10× | 10× / 1× | compared with (same run) | goal | result |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in table_rows:
        big = r.big.measured if r.big else "—"
        growth = f"{r.growth:.2f}×" if r.growth is not None else "—"
        lines.append(f"| {r.one.name} | {r.one.measured} | {big} | {growth} | {r.compared_with} | {r.goal} | "
                     f"{r.verdict} |")  # fmt: skip
    return "\n".join(lines)


def data_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[t]:,} {t}" for t in ("citizens", "companies", "placements", "attendance", "followups")
                     if t in counts)  # fmt: skip


def cpu_name() -> str:
    try:
        return next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name"))  # fmt: skip
    except (OSError, StopIteration):
        return platform.processor() or platform.machine()


def report(table_rows: list[Row], repeat: int, counts: list[dict[str, int]], built: list[str]) -> str:
    """The whole results.md: when and where, the data of each scale, the table, what is not met and why."""
    scaled = len(counts) > 1
    unmet = [r.one.pairs_as for r in table_rows if not r.met]
    data = "; ".join(f"{label} {data_line(c)}" for label, c in zip(("1×:", "10×:"), counts, strict=False))
    return "\n".join([
        "# Benchmark results", "",
        f"`make bench` on {datetime.now():%Y-%m-%d %H:%M}: {os.cpu_count()} cores ({cpu_name()}), Python "
        f"{platform.python_version()}, {platform.system()}; medians of {repeat} runs each; "
        f"data (seed {generate.SEED}, today pinned to {generate.TODAY}): {data if scaled else data_line(counts[0])}.",
        "",
        table(table_rows, scaled), "",
        "All goals met." if not unmet else "Not met: " + "; ".join(unmet) + ".", "",
        *[f"- Why not *{r.one.pairs_as.strip('*')}*: {r.why}" for r in table_rows if not r.met and r.why],
        "",
        *built,
    ])  # fmt: skip
