"""Alertmanager webhook receiver: logs every notification as one JSON line."""
import json

from flask import Flask, request

app = Flask(__name__)


@app.post("/notify")
def notify():
    body = request.get_json(silent=True) or {}
    print(json.dumps({"receiver": body.get("receiver"), "status": body.get("status"),
                      "alerts": [a.get("labels", {}).get("alertname") for a in body.get("alerts", [])]}), flush=True)
    return {"ok": True}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
