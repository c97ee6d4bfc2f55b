#!/usr/bin/env python3
"""Checks that DNS Watch's libraries link only the layers below them.

Reads the link graph CMake writes with --graphviz (its edges carry "// from -> to" comments) and
fails, naming every offending link, when a library links one of ours it may not, or when a
library reaches (directly or through another) a Qt module its layer must not use.
Usage: check-layers.py GRAPH.dot
"""
import re
import sys

# Each library of ours and the libraries of ours it may link directly. A link that is not listed
# points up or sideways: the dashboard reaches agents over HTTP, never by linking them.
ALLOWED = {
    "dnswatch_core": set(),
    "dnswatch_report": {"dnswatch_core"},
    "dnswatch_demo": {"dnswatch_core"},
    "dnswatch_fleet": {"dnswatch_core"},
    "dnswatch_agent": {"dnswatch_core", "dnswatch_report"},
    "dnswatch_ui": {"dnswatch_core", "dnswatch_report", "dnswatch_fleet"},
    "dnswatch_cli": {"dnswatch_core", "dnswatch_report", "dnswatch_agent", "dnswatch_demo"},
    "dnswatch": {"dnswatch_cli", "dnswatch_ui"},
}
# Qt modules a layer must not reach, even through another library.
FORBIDDEN_QT = {
    "dnswatch_core": {"Qt6::Gui", "Qt6::Widgets", "Qt6::Charts", "Qt6::HttpServer"},
    "dnswatch_report": {"Qt6::Widgets", "Qt6::Charts", "Qt6::HttpServer"},
    "dnswatch_demo": {"Qt6::Gui", "Qt6::Widgets", "Qt6::Charts"},
    "dnswatch_fleet": {"Qt6::Gui", "Qt6::Widgets", "Qt6::Charts", "Qt6::HttpServer"},
    "dnswatch_agent": {"Qt6::Widgets", "Qt6::Charts"},
    "dnswatch_cli": {"Qt6::Widgets", "Qt6::Charts"},
}
# Build helpers that are not layers (compile flags, embedded resources, moc).
NOT_A_LAYER = re.compile(r"^(dnswatch_common|.*_resources_\d+|Qt6::(moc|rcc|uic))$")
EDGE = re.compile(r'^\s*"[^"]+"\s*->\s*"[^"]+".*//\s*(\S+)\s*->\s*(\S+)\s*$')


def read_edges(path):
    edges = {}
    with open(path, encoding="utf-8") as graph:
        for line in graph:
            match = EDGE.match(line)
            if match:
                edges.setdefault(match.group(1), set()).add(match.group(2))
    return edges


def reachable(edges, start):
    seen, todo = set(), [start]
    while todo:
        for target in edges.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def problems(edges):
    found = []
    for library, allowed in ALLOWED.items():
        if library not in edges:
            found.append(f"{library}: not in the link graph (renamed? then update this check)")
            continue
        for target in sorted(edges[library]):
            ours = target == "dnswatch" or target.startswith("dnswatch_")
            if ours and not NOT_A_LAYER.match(target) and target not in allowed:
                found.append(f"{library} links {target}, a layer it may not use "
                             f"(allowed: {', '.join(sorted(allowed)) or 'none of ours'})")
        for module in sorted(reachable(edges, library) & FORBIDDEN_QT.get(library, set())):
            found.append(f"{library} reaches {module}, which its layer must not use")
    return found


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    found = problems(read_edges(sys.argv[1]))
    for problem in found:
        print(f"layers: {problem}", file=sys.stderr)
    if found:
        return 1
    print(f"layers: {len(ALLOWED)} libraries link only the layers below them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
