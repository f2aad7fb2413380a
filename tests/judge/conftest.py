from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from redline.judge import Judge
from redline.model import Mention, Method

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def judge_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private REDLINE_HOME for the session, so model caches never touch the user's."""
    home = tmp_path_factory.mktemp("redline-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("REDLINE_HOME", str(home))
    yield home
    mp.undo()


@pytest.fixture(scope="session")
def rules_judge() -> Judge:
    """The rule layer alone: deterministic, reviewable."""
    return Judge(model=None)


@pytest.fixture(scope="session")
def fixture_judge(judge_home: Path) -> Judge:
    """Rules plus a model trained on the tiny fixture corpus."""
    return Judge(corpus_dir=DATA / "corpus")


@pytest.fixture(scope="session")
def full_judge(judge_home: Path) -> Judge:
    """Rules plus the model trained on the project corpus (data/judge), trained once per session."""
    return Judge()


def _mention_of(text: str, name: str, score: float = 1.0) -> Mention:
    start = text.index(name)
    return Mention(name, name, name, start, start + len(name), Method.NAME, score, detector="test")


@pytest.fixture(scope="session")
def mention_of() -> Callable[..., Mention]:
    """Return a function making a mention of the first occurrence of a name in a text."""
    return _mention_of
