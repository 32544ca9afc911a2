"""python3 -m flask_api: the lab's Flask API on FLASK_PORT (default 8002), allowing WEB_ORIGIN.

The three page origins (WEB_ORIGIN, WEB_ALT_PORT_ORIGIN, WEB_ALT_HOST_ORIGIN) may read its
request log at /__log.
"""
import os
import sys

from .app import create_app
from .request_log import RequestLog
from .serve import serve


def read_port(name, default):
    raw = os.environ.get(name) or str(default)
    if not raw.isdigit() or not 0 <= int(raw) <= 65535:
        sys.exit(f"{name}={raw!r} is not a port: give a number from 1 to 65535, e.g. {name}={default}")
    return int(raw)


def read_origin(name, default):
    value = os.environ.get(name) or default
    if not value.startswith(("http://", "https://")) or value.endswith("/"):
        sys.exit(f"{name}={value!r} is not an origin: write scheme://host:port, e.g. {default}")
    return value


if __name__ == "__main__":
    web_origin = read_origin("WEB_ORIGIN", "http://localhost:3000")
    app = create_app(web_origin)
    pages = [
        web_origin,
        read_origin("WEB_ALT_PORT_ORIGIN", "http://localhost:3001"),
        read_origin("WEB_ALT_HOST_ORIGIN", "http://127.0.0.1:3000"),
    ]
    app.wsgi_app = RequestLog(app.wsgi_app, pages)
    serve(app, read_port("FLASK_PORT", 8002))
