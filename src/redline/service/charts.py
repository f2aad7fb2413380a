"""Small server-side SVG charts (bars, stacked bars, lines): presentation attributes only, text escaped.

No script, no inline style, no external font or CDN: the SVG passes a strict Content-Security-Policy
inline in a page and works offline in a saved report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

W, H = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 28, 48
PALETTE = {"violating": "#c0392b", "review": "#e0a800", "allow": "#27ae60", "upheld": "#7f8c8d",
           "reversed": "#2980b9", "requested": "#e0a800", "decided": "#27ae60", "backlog": "#c0392b",
           "automated": "#8e44ad", "human": "#16a085"}
FALLBACK = ["#34495e", "#2980b9", "#d35400", "#16a085", "#8e44ad", "#7f8c8d", "#c0392b", "#27ae60"]


def _colour(name: str, i: int) -> str:
    return PALETTE.get(name, FALLBACK[i % len(FALLBACK)])


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    step = 10 ** (len(str(int(v))) - 1)
    return float(((int(v) // step) + 1) * step)


def _frame(title: str, ymax: float, body: list[str], labels: Sequence[str], legend: Sequence[str],
           percent: bool = False) -> Markup:
    ph = H - TOP - BOTTOM
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" '
           f'role="img" aria-label="{escape(title)}" class="chart">', f"<title>{escape(title)}</title>",
           f'<text x="{LEFT}" y="16" font-size="13" font-weight="bold" fill="#222">{escape(title)}</text>']
    for i in range(5):
        y = TOP + ph - ph * i / 4
        val = ymax * i / 4
        tick = f"{val:.0%}" if percent else (f"{val:.0f}" if ymax >= 4 else f"{val:.1f}")
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end" fill="#555">'
                   f"{escape(tick)}</text>")
    out += body
    n = max(1, len(labels))
    every = max(1, n // 10)
    for i, lab in enumerate(labels):
        if i % every == 0:
            x = LEFT + (W - LEFT - RIGHT) * (i + 0.5) / n
            out.append(f'<text x="{x:.1f}" y="{H - BOTTOM + 14}" font-size="9" text-anchor="middle" fill="#555">'
                       f"{escape(lab[-5:] if len(lab) == 10 else lab[:14])}</text>")
    for i, name in enumerate(legend):
        x = LEFT + i * 110
        out.append(f'<rect x="{x}" y="{H - 18}" width="10" height="10" fill="{_colour(name, i)}"/>')
        out.append(f'<text x="{x + 14}" y="{H - 9}" font-size="10" fill="#222">{escape(name)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def stacked_bars(title: str, labels: Sequence[str], series: Mapping[str, Sequence[float]]) -> Markup:
    """Return an SVG stacked bar chart: one bar per label, one colour per series."""
    n = max(1, len(labels))
    totals = [sum(s[i] for s in series.values()) for i in range(len(labels))]
    ymax = _nice_max(max(totals, default=0))
    ph, slot = H - TOP - BOTTOM, (W - LEFT - RIGHT) / n
    body = []
    for i in range(len(labels)):
        base = 0.0
        for j, (name, values) in enumerate(series.items()):
            v = values[i]
            if v <= 0:
                continue
            h = ph * v / ymax
            y = TOP + ph - ph * (base + v) / ymax
            body.append(f'<rect x="{LEFT + slot * i + slot * 0.15:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" '
                        f'height="{h:.1f}" fill="{_colour(name, j)}"><title>{escape(labels[i])} '
                        f"{escape(name)}: {v:g}</title></rect>")
            base += v
    return _frame(title, ymax, body, labels, list(series))


def bars(title: str, values: Mapping[str, float], percent: bool = False) -> Markup:
    """Return an SVG bar chart of one value per label."""
    labels = list(values)
    ymax = 1.0 if percent else _nice_max(max(values.values(), default=0))
    n = max(1, len(labels))
    ph, slot = H - TOP - BOTTOM, (W - LEFT - RIGHT) / n
    body = []
    for i, (name, v) in enumerate(values.items()):
        h = ph * v / ymax
        body.append(f'<rect x="{LEFT + slot * i + slot * 0.2:.1f}" y="{TOP + ph - h:.1f}" width="{slot * 0.6:.1f}" '
                    f'height="{h:.1f}" fill="{_colour(name, i)}"><title>{escape(name)}: '
                    f"{escape(f'{v:.0%}' if percent else f'{v:g}')}</title></rect>")
    return _frame(title, ymax, body, labels, [], percent)


def lines(title: str, labels: Sequence[str], series: Mapping[str, Sequence[float]], percent: bool = False) -> Markup:
    """Return an SVG line chart: one polyline per series over the labels."""
    n = max(1, len(labels))
    ymax = 1.0 if percent else _nice_max(max((max(v, default=0) for v in series.values()), default=0))
    ph, slot = H - TOP - BOTTOM, (W - LEFT - RIGHT) / n
    body = []
    for j, (name, values) in enumerate(series.items()):
        pts = " ".join(f"{LEFT + slot * (i + 0.5):.1f},{TOP + ph - ph * v / ymax:.1f}" for i, v in enumerate(values))
        body.append(f'<polyline points="{pts}" fill="none" stroke="{_colour(name, j)}" stroke-width="2"/>')
    return _frame(title, ymax, body, labels, list(series), percent)
