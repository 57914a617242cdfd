"""The search server the Elasticsearch tests run against: osmem-server, started once a session.

osmem-server (PyPI ``osmem-server``) is an in-memory server that speaks the OpenSearch and
Elasticsearch REST API, without a JVM. It answers 406 to the ``compatible-with`` content types
that the ``elasticsearch`` client sends, so the tests give the client a transport node that
sends plain ``application/json``; the product never needs it against a real cluster.

Tests that use ``elasticsearch_settings`` are marked ``search_server``. When osmem-server cannot
start, they fail: they must run wherever the test dependencies are installed.
"""

import json
import re
import socket
import threading
import urllib.request
import uuid

import pytest
from elastic_transport import HttpHeaders, Urllib3HttpNode

_COMPATIBLE = re.compile(r"application/vnd\.elasticsearch\+([\w-]+)\s*;\s*compatible-with=\d+")


class PlainJsonNode(Urllib3HttpNode):
    """Sends ``application/json`` (and ``application/x-ndjson``) without ``compatible-with``."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        headers = HttpHeaders(headers or {})
        for name in ("accept", "content-type"):
            if name in headers:
                headers[name] = _COMPATIBLE.sub(r"application/\1", headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# One server for the session, even when two test modules each import the fixture.
_server = {"process": None, "users": 0}


@pytest.fixture(scope="session")
def osmem_url():
    """The address of an osmem-server started for the session (and stopped after it)."""
    from osmem_server import OsmemError, OsmemServer

    if _server["process"] is None:
        try:
            # The server also exits with this process (it watches the parent's id and stdin).
            _server["process"] = OsmemServer.start(japanese=False)
        except (OsmemError, OSError) as error:
            pytest.fail(f"osmem-server (pip install osmem-server) did not start: {error}")
    _server["users"] += 1
    try:
        yield _server["process"].url
    finally:
        _server["users"] -= 1
        if not _server["users"]:
            _server["process"].close()
            _server["process"] = None


def _request(method, url):
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"{}")


@pytest.fixture
def elasticsearch_settings(settings, osmem_url):
    """The Elasticsearch backend on the test server, with an index prefix of the test's own."""
    prefix = f"test_{uuid.uuid4().hex[:12]}"
    settings.GOV_DISCLOSURE_SEARCH_BACKEND = "elasticsearch"
    settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_URLS = [osmem_url]
    settings.GOV_DISCLOSURE_SEARCH_ELASTICSEARCH_OPTIONS = {"node_class": PlainJsonNode}
    settings.GOV_DISCLOSURE_SEARCH_INDEX_PREFIX = prefix
    yield settings
    # The server keeps every index in memory for the whole session: drop this test's.
    for name in _request("GET", f"{osmem_url}/{prefix}_*/_alias"):
        _request("DELETE", f"{osmem_url}/{name}")


class SilentServer:
    """A server that accepts connections and never answers (a search server that hangs)."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.connections = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.stopped.set()
        self.thread.join()
        self.socket.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()
