#!/usr/bin/env python3
"""A small real HTTP server for the service-check tests, on 127.0.0.1 only.

Usage: http_stub.py PORTFILE LOGFILE [CERTFILE KEYFILE]
Binds a free port, writes it to PORTFILE, and logs every request to LOGFILE as one line:
"METHOD PATH host=HOST auth=yes|no". With a certificate it speaks HTTPS and also logs the name
each TLS client asked for (SNI) as "SNI NAME". Routes (any prefix before them is ignored, so a check URL
such as http://mlflow.test:PORT/flaky3 asks for /flaky3/health):
  .../health                 200 "OK"
  /flakyN/health             503 with Retry-After: 0 for the first N requests, then 200 "OK"
  /busy/health               429 with Retry-After: 1 the first time, then 200 "OK"
  /wrongbody/health          200 "NOT OK"
  /escapes/health            200 with terminal escapes in the body: ESC ] 0 (retitle), BEL,
                             ESC [ 2J (clear screen), U+202E (right-to-left override)
  /missing/health            404
  /status/CODE               that status, empty body
  /slow/...                  waits 3 s first
  .../api/2.0/mlflow/experiments/search
                             200 with the Authorization header "Basic YWxpY2U6czNjcmV0"
                             (alice:s3cret) or "Bearer t0ken", else 401
"""
import http.server
import re
import sys
import threading
import time

port_file, log_file = sys.argv[1], sys.argv[2]
counters = {}
lock = threading.Lock()
GOOD_AUTH = {"Basic YWxpY2U6czNjcmV0", "Bearer t0ken"}
ESCAPES_BODY = b"\x1b]0;owned\x07\x1b[2J\xe2\x80\xaeevil"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def count(self, key):
        with lock:
            counters[key] = counters.get(key, 0) + 1
            return counters[key]

    def do_GET(self):
        auth = self.headers.get("Authorization")
        with lock, open(log_file, "a") as log:
            log.write("GET %s host=%s auth=%s\n" % (self.path, self.headers.get("Host"),
                                                      "yes" if auth else "no"))
        path = self.path.split("?")[0]
        if path.startswith("/slow/"):
            time.sleep(3)
        status = re.match(r"^/status/(\d{3})$", path)
        if status:
            return self.reply(int(status.group(1)))
        if path.endswith("/api/2.0/mlflow/experiments/search"):
            if auth in GOOD_AUTH:
                return self.reply(200, b'{"experiments": []}', {"Content-Type": "application/json"})
            return self.reply(401, b'{"error_code": "UNAUTHENTICATED"}')
        flaky = re.match(r"^/flaky(\d+)/health$", path)
        if flaky and self.count(path) <= int(flaky.group(1)):
            return self.reply(503, b"busy", {"Retry-After": "0"})
        if path == "/busy/health" and self.count(path) == 1:
            return self.reply(429, b"slow down", {"Retry-After": "1"})
        if path == "/missing/health":
            return self.reply(404, b"no such page")
        if path == "/wrongbody/health":
            return self.reply(200, b"NOT OK")
        if path == "/escapes/health":
            return self.reply(200, ESCAPES_BODY)
        if path.endswith("/health"):
            return self.reply(200, b"OK")
        return self.reply(404, b"no such page")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
if len(sys.argv) > 4:
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[3], sys.argv[4])

    def log_sni(sock, name, ctx):
        with lock, open(log_file, "a") as log:
            log.write("SNI %s\n" % name)

    context.sni_callback = log_sni
    server.socket = context.wrap_socket(server.socket, server_side=True)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
