"""Serves CORS(...) calls written by toFlaskCors(), one Blueprint per policy under /<name>/.

Usage: python3 -m flask_api.exported <calls.json> <port>
where calls.json maps a policy name to the call, e.g. {"creds": "CORS(app, origins=[...])"}.
"""
import json
import sys

from flask import Blueprint, Flask
from flask_cors import CORS

from .serve import serve

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def create_app(calls):
    app = Flask(__name__)
    for name, call in calls.items():
        blueprint = Blueprint(name, __name__, url_prefix=f"/{name}")
        blueprint.add_url_rule(
            "/<path:rest>", "data", lambda rest: {"ok": True}, methods=METHODS
        )
        # The call is the exported text itself, so what runs is exactly what a reader copies.
        exec(call, {"CORS": CORS, "app": blueprint})  # noqa: S102
        app.register_blueprint(blueprint)
    return app


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 -m flask_api.exported <calls.json> <port>")
    with open(sys.argv[1], encoding="utf-8") as file:
        serve(create_app(json.load(file)), int(sys.argv[2]))
