"""Loading the policy: the bundled default, user overrides, and errors that name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.model import Stance, Verdict
from redline.policy import PenaltyKind, load_policy


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDLINE_POLICY", raising=False)
    p = load_policy()
    assert [s.action for s in p.ladder] == ["warning", "restrict_posting_1d", "restrict_posting_3d",
                                             "restrict_posting_7d", "account_closed"]
    assert p.strike_expiry_days == 365 and p.closure_threshold == 5
    assert p.verdict_for(1, Stance.UNCLEAR) is Verdict.REVIEW
    assert p.verdict_for(2, Stance.SUPPORT) is Verdict.REVIEW
    assert p.verdict_for(1, Stance.REPORTING) is Verdict.ALLOW
    assert p.second_reviewer_for_closure and p.severe[0].name == "tier1_representation"


def test_user_file_merges_over_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, 'version: "acme-7"\nthresholds:\n  automatic_action: 0.9\nstrikes:\n  ladder:\n'
                           "    - penalty: warning\n    - penalty: close_account\n")
    monkeypatch.setenv("REDLINE_POLICY", str(path))
    p = load_policy()
    assert p.version == "acme-7" and p.thresholds.automatic_action == 0.9 and p.thresholds.review == 0.5
    assert [s.penalty for s in p.ladder] == [PenaltyKind.WARNING, PenaltyKind.CLOSE_ACCOUNT]
    assert p.strike_expiry_days == 365 and p.closure_threshold == 2


BILLION_LAUGHS = 'version: "x"\na: &a ["lol","lol"]\nb: &b [*a,*a]\nc: [*b,*b]\n'


@pytest.mark.parametrize(("text", "expected"), [
    ('version: "x"\nthresholds:\n  automatic_action: 1.5\n', ":3: thresholds.automatic_action: must be between 0"),
    ('version: "x"\nthresholds:\n  review: 0.9\n  automatic_action: 0.8\n', ":3: thresholds.review: must not be above"),
    ('version: "x"\nthresold:\n  review: 0.9\n', ":2: thresold: unknown field"),
    ('version: "x"\ntiers:\n  1:\n    praise: violating\n', ":4: tiers.1.praise: 'praise': 'violating' is not a"),
    ('version: "x"\ntiers:\n  1:\n    support: ban\n', ":4: tiers.1.support"),
    ('version: "x"\nstrikes:\n  ladder:\n    - penalty: flog\n', ":4: strikes.ladder.0.penalty: must be warning"),
    ('version: "x"\nstrikes:\n  ladder:\n    - penalty: restrict_posting\n', ":4: strikes.ladder.0: missing required"),
    ('version: "x"\nstrikes:\n  expiry_days: "a year"\n', ":3: strikes.expiry_days: must be int"),
    ('version: "x"\nreview:\n  second_reviewer: true\n', ":3: review.second_reviewer: unknown field"),
    ('version: "x"\nsevere:\n  - name: s\n    tier: 1\n    stances: [praise]\n    min_confidence: 0.9\n',
     ":5: severe.0.stances: unknown stance"),
    ('thresholds:\n  review: 0.4\n', ":1: version: required in a user policy"),
    ('version: "x"\nversion: "y"\n', ":2: version: duplicate key"),
    ('version: "x"\nthresholds: [1, 2\n', "not valid YAML"),
    (BILLION_LAUGHS, ":2: anchors and aliases"),
    ('version: "x"\nx: !!python/object:os.system "ls"\n', ":2: custom YAML tag"),
    ("- just\n- a list\n", ":1: a policy file is a mapping"),
    ("", ":1: the file is empty"),
    ('version: "x"\n' + "a:\n" + "".join("  " * i + f"  k{i}:\n" for i in range(1, 16)) + "  " * 16 + "v: 1\n",
     "nested deeper than"),
    ('version: "x"\n' + "# padding\n" * 40_000, "larger than"),
])
def test_bad_policy_errors_name_file_line_and_field(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert str(path) in str(info.value) and expected in str(info.value), str(info.value)


def test_unreadable_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read policy file"):
        load_policy(tmp_path / "missing.yaml")
    garbage = tmp_path / "bin.yaml"
    garbage.write_bytes(b"\xff\xfe\x00\x01version")
    with pytest.raises(ConfigError, match=r"bin\.yaml"):
        load_policy(garbage)
