#!/usr/bin/env python3
"""Reads a DNS Watch CSV report with Python's csv module (RFC 4180 dialect) and prints, as
JSON, the number of result and event rows and the fields of every row whose type is given.

Usage: check_report_csv.py REPORT.csv. Exit 1 when a row has another number of fields than the
header, a line end is not CRLF, or a time has no offset.
"""
import csv
import json
import re
import sys

TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?([+-]\d\d:\d\d|Z)$")


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        raw = f.read()
    # Records end in CRLF; a quoted field may hold line breaks of its own.
    unquoted = re.sub(rb'"(?:[^"]|"")*"', b"", raw)
    if b"\n" in unquoted.replace(b"\r\n", b""):
        print("a record ends without CR", file=sys.stderr)
        return 1
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header, body = rows[0], rows[1:]
    counts = {"result": 0, "event": 0}
    targets = {}
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            print(f"row {number}: {len(row)} fields, header has {len(header)}", file=sys.stderr)
            return 1
        record = dict(zip(header, row))
        if not TIME.match(record["time"]):
            print(f"row {number}: time {record['time']!r} has no offset", file=sys.stderr)
            return 1
        counts[record["type"]] = counts.get(record["type"], 0) + 1
        if record["type"] == "event":
            targets.setdefault("details", []).append(record["event_detail"])
    print(json.dumps({"header": header, "counts": counts, "details": targets.get("details", [])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
