"""The lab's Flask API: the seed guide's flask_cors and after_request fixes, and the classic mistakes.

Each case is a Blueprint under its own path, so one process shows them all side by side.
"""
from flask import Blueprint, Flask, jsonify, request
from flask_cors import CORS

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def case(name):
    """A Blueprint at /<name>/ whose /data route answers every method with what it received."""
    blueprint = Blueprint(name.replace("/", "_"), __name__, url_prefix=f"/{name}")

    @blueprint.route("/data", methods=METHODS)
    def data():
        return jsonify(case=name, method=request.method, origin=request.headers.get("Origin"))

    return blueprint


def seed_after_request(response, web_origin):
    """The seed guide's hand-written headers, word for word but for the origin."""
    response.headers.add("Access-Control-Allow-Origin", web_origin)
    response.headers.add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
    response.headers.add("Access-Control-Allow-Headers", "Content-Type, Authorization")
    return response


def create_app(web_origin):
    app = Flask(__name__)

    @app.get("/health")
    def health():
        return {"ok": True}

    # The seed's fix: CORS(app, origins=...) for one front end.
    origins = case("seed/origins")
    CORS(origins, origins=web_origin)

    # The same with cookies: supports_credentials=True adds Allow-Credentials: true.
    credentials = case("seed/credentials")
    CORS(credentials, origins=web_origin, supports_credentials=True)

    # The seed's manual fix; Flask's automatic OPTIONS answer gets the headers too.
    manual = case("seed/after-request")
    manual.after_request(lambda response: seed_after_request(response, web_origin))

    # Mistake: flask_cors at its defaults echoes any Origin (send_wildcard is False)...
    default = case("mistake/default")
    CORS(default)
    # ...and with supports_credentials=True it hands every site the user's cookies.
    default_credentials = case("mistake/default-credentials")
    CORS(default_credentials, supports_credentials=True)

    # Mistake: headers.add on top of flask_cors. After-request functions run last-registered
    # first, so this one, registered before CORS(), runs after it and adds a second value.
    double = case("mistake/double")
    double.after_request(lambda response: seed_after_request(response, web_origin))
    CORS(double, origins=web_origin)

    # Mistake: the headers are set in the view, but Flask answers OPTIONS itself without calling it.
    in_view = Blueprint("mistake_in_view", __name__, url_prefix="/mistake/in-view")

    @in_view.route("/data", methods=METHODS)
    def in_view_data():
        response = jsonify(case="mistake/in-view", method=request.method)
        response.headers["Access-Control-Allow-Origin"] = web_origin
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE"
        return response

    for blueprint in (origins, credentials, manual, default, default_credentials, double, in_view):
        app.register_blueprint(blueprint)
    return app
