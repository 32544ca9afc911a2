"""python3 -m flask_api: the lab's Flask API on FLASK_PORT (default 8002), allowing WEB_ORIGIN."""
import os
import sys

from .app import create_app
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
    serve(
        create_app(read_origin("WEB_ORIGIN", "http://localhost:3000")),
        read_port("FLASK_PORT", 8002),
    )
