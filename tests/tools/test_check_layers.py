#!/usr/bin/env python3
"""The layer check (scripts/check-layers.py) on link graphs made for the purpose: the real layout
passes; a dashboard that links the agent, a core that reaches QtGui through a helper, and a
library missing from the graph each fail with the offending link named."""
import importlib.util
import os
import subprocess
import sys
import tempfile

script = sys.argv[1]
spec = importlib.util.spec_from_file_location("check_layers", script)
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)

GOOD = [
    ("dnswatch", "dnswatch_cli"), ("dnswatch", "dnswatch_ui"),
    ("dnswatch_cli", "dnswatch_agent"), ("dnswatch_cli", "dnswatch_demo"),
    ("dnswatch_cli", "dnswatch_report"), ("dnswatch_cli", "dnswatch_core"),
    ("dnswatch_agent", "dnswatch_report"), ("dnswatch_agent", "dnswatch_core"),
    ("dnswatch_agent", "Qt6::HttpServer"), ("dnswatch_ui", "dnswatch_report"),
    ("dnswatch_ui", "dnswatch_core"), ("dnswatch_ui", "Qt6::Widgets"),
    ("dnswatch_ui", "dnswatch_ui_resources_1"), ("dnswatch_report", "dnswatch_core"),
    ("dnswatch_report", "Qt6::Gui"), ("dnswatch_demo", "dnswatch_core"),
    ("dnswatch_core", "Qt6::Core"), ("dnswatch_core", "dnswatch_common"),
    ("dnswatch_core", "Qt6::moc"), ("dnswatch_fleet", "dnswatch_core"),
    ("dnswatch_fleet", "Qt6::Network"), ("dnswatch_ui", "dnswatch_fleet"),
]


def write_graph(edges):
    handle, path = tempfile.mkstemp(suffix=".dot")
    with os.fdopen(handle, "w") as graph:
        graph.write('digraph "dnswatch" {\n')
        for index, (source, target) in enumerate(edges):
            graph.write(f'    "node{index}" -> "node{index + 1000}"  // {source} -> {target}\n')
        graph.write("}\n")
    return path


def run(edges):
    path = write_graph(edges)
    try:
        result = subprocess.run([sys.executable, script, path], capture_output=True, text=True)
        return result.returncode, result.stderr
    finally:
        os.unlink(path)


failures = []


def expect(name, condition, detail):
    if not condition:
        failures.append(f"{name}: {detail}")


code, err = run(GOOD)
expect("real layout", code == 0, f"exit {code}, {err!r}")

code, err = run(GOOD + [("dnswatch_ui", "dnswatch_agent")])
expect("ui links agent", code == 1 and "dnswatch_ui links dnswatch_agent" in err,
       f"exit {code}, {err!r}")

code, err = run(GOOD + [("dnswatch_core", "helper"), ("helper", "Qt6::Gui")])
expect("core reaches Gui", code == 1 and "dnswatch_core reaches Qt6::Gui" in err,
       f"exit {code}, {err!r}")

code, err = run([edge for edge in GOOD if edge[0] != "dnswatch_demo"])
expect("missing library", code == 1 and "dnswatch_demo: not in the link graph" in err,
       f"exit {code}, {err!r}")

code, err = run(GOOD + [("dnswatch_report", "dnswatch_agent")])
expect("report links agent", code == 1 and "dnswatch_report links dnswatch_agent" in err,
       f"exit {code}, {err!r}")

for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
