"""Tiny webhook receiver for Alertmanager: prints every notification and keeps the last 50."""
import json
from collections import deque
from http.server import BaseHTTPRequestHandler, HTTPServer

LAST = deque(maxlen=50)


class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        payload = json.loads(body or b'{}')
        for alert in payload.get('alerts', []):
            line = '[%s] %s %s' % (alert.get('status'), alert['labels'].get('alertname'),
                                   alert.get('annotations', {}).get('summary', ''))
            print(line)
            LAST.append(line)
        self.send_response(200)
        self.end_headers()

    def do_GET(self):
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.end_headers()
        self.wfile.write('\n'.join(LAST).encode())


HTTPServer(('0.0.0.0', 9000), Hook).serve_forever()
