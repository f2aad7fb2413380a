"""The evaluation chart: verdict shares of gold-violating and gold-allowed items, pipeline vs naive name rule."""

from __future__ import annotations

from pathlib import Path

from redline.judge.evaluate import VERDICTS, Scores

COLOURS = {"violating": "#c0392b", "review": "#f1c40f", "allow": "#27ae60"}


def draw(systems: list[Scores], path: Path, title: str = "Verdicts by gold label") -> Path:
    """Write a stacked-bar PNG of verdict shares per gold side and system to `path`; return the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sides = [s for s in ("violating", "allowed", "not_designated") if any(sc.verdicts[s] for sc in systems)]
    labels = [f"gold {side}\n{sc.name}" for side in sides for sc in systems]
    fig, ax = plt.subplots(figsize=(max(6.0, 1.6 * len(labels)), 4.5))
    bottoms = [0.0] * len(labels)
    for verdict in VERDICTS:
        heights = [sc.share(side, verdict) for side in sides for sc in systems]
        ax.bar(labels, heights, bottom=bottoms, color=COLOURS[verdict], label=verdict)
        for i, h in enumerate(heights):
            if h >= 0.06:
                ax.text(i, bottoms[i] + h / 2, f"{h:.0%}", ha="center", va="center", fontsize=8)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of items")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
