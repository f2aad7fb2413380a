"""The chat plug-in against a FAKE OpenAI-compatible server started here on 127.0.0.1 (no network)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from redline.errors import ConfigError, DependencyError
from redline.judge import Judge
from redline.judge._ensemble import EnsembleConfig
from redline.judge.plugins import ChatPlugin, EmbeddingPlugin
from redline.model import Mention, Post, Stance


class FakeChatHandler(BaseHTTPRequestHandler):
    """A fake chat endpoint: answers `support` when the text says "donate", garbage on "garble"."""

    requests: ClassVar[list[dict[str, object]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeChatHandler.requests.append(body)
        text = body["messages"][-1]["content"]
        if "garble" in text:
            content = "not json"
        else:
            content = json.dumps({"stance": "support" if "donate" in text else "reporting", "confidence": 0.9})
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def fake_chat_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), FakeChatHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_chat_plugin_answers_join_the_ensemble(fake_chat_server: str, mention_of: Callable[..., Mention]) -> None:
    plugin = ChatPlugin(fake_chat_server, "fake-model")
    chat_only = EnsembleConfig(weights={"rules": 0.0, "chat": 1.0})
    judge = Judge(model=None, plugins=[plugin], config=chat_only)
    text = "Everyone should donate so Hezbollah can buy what it needs."
    [a] = judge.assess(Post("p", "u", text), [mention_of(text, "Hezbollah")])
    # confidence is the violating side: 0.9 on support plus the 0.1/6 spread on each of the two others
    assert a.stance is Stance.SUPPORT and a.confidence == pytest.approx(0.9 + 2 * 0.1 / 6)
    assert "chat" in a.method
    sent = FakeChatHandler.requests[-1]
    assert sent["model"] == "fake-model"
    assert "glorification" in json.dumps(sent["messages"])  # the policy definitions are the prompt


def test_chat_plugin_garbage_is_ignored(fake_chat_server: str) -> None:
    plugin = ChatPlugin(fake_chat_server, "fake-model")
    assert plugin.predict(["garble this"]) == [None]


def test_chat_plugin_unreachable_is_ignored() -> None:
    plugin = ChatPlugin("http://127.0.0.1:9/v1", "fake-model", timeout=0.5)
    assert plugin.predict(["anything"]) == [None]


def test_chat_plugin_needs_an_http_url() -> None:
    with pytest.raises(ConfigError, match="base_url"):
        ChatPlugin("ftp://example", "m")


def test_embedding_plugin_without_package_is_a_dependency_error(tmp_path: object) -> None:
    pytest.importorskip("numpy")
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(DependencyError, match="sentence-transformers"):
            EmbeddingPlugin("/nonexistent")
    else:
        pytest.skip("sentence-transformers is installed")
