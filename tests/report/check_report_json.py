#!/usr/bin/env python3
"""Validates a DNS Watch JSON report against docs/report-schema.json (JSON Schema 2020-12).

Usage: check_report_json.py SCHEMA REPORT. Exit 0 when valid; else each problem with its path.
"""
import json
import sys

import jsonschema


def main():
    schema_path, report_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    problems = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for problem in problems:
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in problem.path)
        print(f"{report_path}: {where}: {problem.message}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
