"""Load the bundled policy, merge a user file over it and validate every field, naming file, line and field."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.model import Stance, Verdict
from redline.policy import _yamlsafe
from redline.policy._model import Exemption, LadderStep, PenaltyKind, Policy, SevereRule, Thresholds

_Marks = dict[_yamlsafe.Path_, tuple[str, int]]
TOP = {"version", "tiers", "default_tier", "thresholds", "strikes", "severe", "exemptions", "review", "media"}


def default_path() -> Path:
    """Return the path of the bundled default policy."""
    return Path(str(resources.files("redline") / "data" / "policy" / "default.yaml"))


def load_policy(path: str | Path | None = None, *, use_env: bool = True) -> Policy:
    """Return the default policy merged with `path` (or $REDLINE_POLICY when `use_env`), validated."""
    user = path if path is not None else (os.environ.get("REDLINE_POLICY") if use_env else None)
    files = [default_path()] + ([Path(user)] if user else [])
    merged: dict[str, Any] = {}
    marks: _Marks = {}
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{f}: cannot read policy file: {exc}") from exc
        doc, lines = _yamlsafe.load(text, str(f))
        if not isinstance(doc, dict):
            raise ConfigError(f"{f}:1: a policy file is a mapping of sections ({', '.join(sorted(TOP))})")
        if f != files[0] and "version" not in doc:
            raise ConfigError(f"{f}:1: version: required in a user policy (it is recorded on every decision)")
        _merge(merged, doc)
        marks.update({p: (str(f), n) for p, n in lines.items()})
    return _Validator(marks).policy(merged, tuple(str(f) for f in files))


def _merge(base: dict[Any, Any], over: dict[Any, Any]) -> None:
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            _merge(base[k], v)
        else:
            base[k] = v


class _Validator:
    def __init__(self, marks: _Marks) -> None:
        self.marks = marks

    def fail(self, path: _yamlsafe.Path_, msg: str) -> ConfigError:
        p = path
        while p and p not in self.marks:
            p = p[:-1]
        name, line = self.marks.get(p, ("policy", 1))
        return ConfigError(f"{name}:{line}: {'.'.join(map(str, path)) or '(top level)'}: {msg}")

    def get(self, d: dict[Any, Any], path: _yamlsafe.Path_, key: str | int, kind: type | tuple[type, ...]) -> Any:
        if key not in d:
            raise self.fail(path, f"missing required field {key!r}")
        v = d[key]
        if not isinstance(v, kind) or (isinstance(v, bool) and kind is not bool):
            raise self.fail((*path, key), f"must be {getattr(kind, '__name__', 'a number')}, not {v!r}")
        return v

    def keys(self, d: dict[Any, Any], path: _yamlsafe.Path_, allowed: set[str]) -> None:
        for k in d:
            if k not in allowed:
                raise self.fail((*path, k), f"unknown field (expected one of: {', '.join(sorted(allowed))})")

    def prob(self, d: dict[Any, Any], path: _yamlsafe.Path_, key: str) -> float:
        v = float(self.get(d, path, key, (int, float)))
        if not 0.0 <= v <= 1.0:
            raise self.fail((*path, key), f"must be between 0 and 1, not {v}")
        return v

    def policy(self, doc: dict[str, Any], sources: tuple[str, ...]) -> Policy:
        self.keys(doc, (), TOP)
        version = str(self.get(doc, (), "version", (str, int, float))).strip()
        if not version or len(version) > 64:
            raise self.fail(("version",), "must be a non-empty string of at most 64 characters")
        th = self.get(doc, (), "thresholds", dict)
        self.keys(th, ("thresholds",), {"automatic_action", "review", "mention_score", "weak_mention_review"})
        t = ("thresholds",)
        thresholds = Thresholds(self.prob(th, t, "automatic_action"), self.prob(th, t, "review"),
                                self.prob(th, t, "mention_score"), self.prob(th, t, "weak_mention_review"))
        if thresholds.review > thresholds.automatic_action:
            raise self.fail(("thresholds", "review"), "must not be above thresholds.automatic_action")
        strikes = self.get(doc, (), "strikes", dict)
        self.keys(strikes, ("strikes",), {"expiry_days", "ladder"})
        expiry = self.get(strikes, ("strikes",), "expiry_days", int)
        if expiry < 1:
            raise self.fail(("strikes", "expiry_days"), "must be at least 1")
        review = doc.get("review") or {}
        if not isinstance(review, dict):
            raise self.fail(("review",), "must be a mapping")
        self.keys(review, ("review",), {"second_reviewer_for_closure"})
        media = doc.get("media") or {}
        if not isinstance(media, dict):
            raise self.fail(("media",), "must be a mapping")
        self.keys(media, ("media",), {"faces", "ocr"})
        for key in ("faces", "ocr"):
            if key in media and not isinstance(media[key], bool):
                raise self.fail(("media", key), "must be true or false")
        tiers = self.tiers(self.get(doc, (), "tiers", dict))
        default_tier = self.get(doc, (), "default_tier", int)
        if default_tier not in tiers:
            raise self.fail(("default_tier",), f"must be one of the tiers defined ({sorted(tiers)})")
        return Policy(version=version, tiers=tiers, ladder=self.ladder(strikes), thresholds=thresholds,
                      default_tier=default_tier, strike_expiry_days=expiry,
                      severe=tuple(self.severe(doc.get("severe") or [])),
                      exemptions=tuple(self.exemptions(doc.get("exemptions") or [])),
                      second_reviewer_for_closure=bool(review.get("second_reviewer_for_closure", True)),
                      media_faces=bool(media.get("faces", False)), media_ocr=bool(media.get("ocr", True)),
                      sources=sources)

    def tiers(self, raw: dict[Any, Any]) -> dict[int, dict[Stance, Verdict]]:
        out: dict[int, dict[Stance, Verdict]] = {}
        for tier, rules in raw.items():
            path = ("tiers", tier)
            if not isinstance(tier, int) or isinstance(tier, bool) or not 1 <= tier <= 9:
                raise self.fail(path, "a tier is an integer from 1 to 9")
            if not isinstance(rules, dict):
                raise self.fail(path, "must map stances to verdicts")
            out[tier] = {}
            for stance, verdict in rules.items():
                try:
                    out[tier][Stance(stance)] = Verdict(verdict)
                except ValueError:
                    raise self.fail((*path, stance), f"{stance!r}: {verdict!r} is not a stance → verdict "
                                    f"(stances: {', '.join(s.value for s in Stance)}; "
                                    "verdicts: allow, review, violating)") from None
        if not out:
            raise self.fail(("tiers",), "define at least one tier")
        return out

    def ladder(self, strikes: dict[str, Any]) -> tuple[LadderStep, ...]:
        raw = self.get(strikes, ("strikes",), "ladder", list)
        if not raw:
            raise self.fail(("strikes", "ladder"), "needs at least one step")
        steps = []
        for i, step in enumerate(raw):
            path = ("strikes", "ladder", i)
            if not isinstance(step, dict):
                raise self.fail(path, "a step is a mapping with 'penalty' (and 'days' for restrict_posting)")
            self.keys(step, path, {"penalty", "days"})
            try:
                kind = PenaltyKind(str(step.get("penalty")))
            except ValueError:
                raise self.fail((*path, "penalty"), "must be warning, restrict_posting or close_account") from None
            days = 0
            if kind is PenaltyKind.RESTRICT_POSTING:
                days = self.get(step, path, "days", int)
                if not 1 <= days <= 3650:
                    raise self.fail((*path, "days"), "must be from 1 to 3650")
            steps.append(LadderStep(kind, days))
        return tuple(steps)

    def severe(self, raw: Any) -> list[SevereRule]:
        if not isinstance(raw, list):
            raise self.fail(("severe",), "must be a list of rules")
        out = []
        for i, r in enumerate(raw):
            path = ("severe", i)
            if not isinstance(r, dict):
                raise self.fail(path, "a severe rule is a mapping")
            self.keys(r, path, {"name", "tier", "stances", "min_confidence"})
            stances = self.get(r, path, "stances", list)
            try:
                chosen = frozenset(Stance(s) for s in stances)
            except ValueError:
                raise self.fail((*path, "stances"), f"unknown stance in {stances!r}") from None
            out.append(SevereRule(str(self.get(r, path, "name", str)), self.get(r, path, "tier", int), chosen,
                                  self.prob(r, path, "min_confidence")))
        return out

    def exemptions(self, raw: Any) -> list[Exemption]:
        if not isinstance(raw, list):
            raise self.fail(("exemptions",), "must be a list")
        out = []
        for i, r in enumerate(raw):
            path = ("exemptions", i)
            if not isinstance(r, dict):
                raise self.fail(path, "an exemption is a mapping")
            self.keys(r, path, {"name", "account_types"})
            types = self.get(r, path, "account_types", list)
            out.append(Exemption(str(self.get(r, path, "name", str)), frozenset(str(t) for t in types)))
        return out
