from flask import Flask, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from . import shop, telemetry

app = Flask("techshop")
telemetry.install(app)
app.register_blueprint(shop.bp)


@app.route("/metrics")
def metrics():
    return Response(generate_latest(), content_type=CONTENT_TYPE_LATEST)


app.run(host="0.0.0.0", port=5000, threaded=True)
