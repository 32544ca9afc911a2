"""Runs a Flask app on 127.0.0.1 and says so on stdout once it listens."""
import logging

from werkzeug.serving import make_server


def serve(app, port, host="127.0.0.1"):
    # One line per request would drown the launcher's output in tests; errors still show.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server(host, port, app, threaded=True)
    # The launcher reads this line for the bound port (port 0 picks a free one).
    print(f"listening on http://{host}:{server.server_port}", flush=True)
    server.serve_forever()
