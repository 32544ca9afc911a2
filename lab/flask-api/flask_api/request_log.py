"""A request log in front of the Flask app, in the JSON shape of the lab's LogEntry.

It wraps the WSGI app, so it records the status and header list exactly as they leave the app
(a header sent twice stays twice), Flask's own OPTIONS answers included. GET /__log?run=ID reads it.
"""
import json
import threading
from collections import deque
from datetime import datetime, timezone
from urllib.parse import parse_qs


def _run_of(environ):
    values = parse_qs(environ.get("QUERY_STRING", "")).get("run")
    return values[0] if values else None


def _request_headers(environ):
    headers = {}
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers[key[5:].replace("_", "-").lower()] = value
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    return headers


def _response_headers(pairs):
    headers = {}
    for name, value in pairs:
        key = name.lower()
        if key in headers:
            previous = headers[key]
            headers[key] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            headers[key] = value
    return headers


class RequestLog:
    """WSGI middleware keeping the last `capacity` requests; `reader_origins` may read the log."""

    def __init__(self, app, reader_origins, capacity=2000):
        self.app = app
        self.reader_origins = set(reader_origins)
        self.entries = deque(maxlen=capacity)
        self.lock = threading.Lock()
        self.seq = 0

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/__log":
            return self._read(environ, start_response)
        seen = {}

        def recording_start_response(status, headers, exc_info=None):
            seen["status"] = int(status.split(" ", 1)[0])
            seen["headers"] = list(headers)
            return start_response(status, headers, exc_info)

        body = self.app(environ, recording_start_response)
        self._record(environ, seen)
        return body

    def _record(self, environ, seen):
        with self.lock:
            self.seq += 1
            self.entries.append(
                {
                    "seq": self.seq,
                    "time": datetime.now(timezone.utc).isoformat(),
                    "run": _run_of(environ),
                    "method": environ["REQUEST_METHOD"],
                    "path": environ.get("PATH_INFO", "/"),
                    "requestHeaders": _request_headers(environ),
                    "status": seen.get("status", 0),
                    "responseHeaders": _response_headers(seen.get("headers", [])),
                }
            )

    def _read(self, environ, start_response):
        run = _run_of(environ)
        headers = [("Content-Type", "application/json"), ("Cache-Control", "no-store")]
        origin = environ.get("HTTP_ORIGIN")
        if origin in self.reader_origins:
            headers += [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
        if run is None:
            start_response("400 Bad Request", headers)
            return [b'{"error":"Give the run to read: /__log?run=<id>."}']
        with self.lock:
            entries = [entry for entry in self.entries if entry["run"] == run]
        start_response("200 OK", headers)
        return [json.dumps({"run": run, "entries": entries}).encode()]
