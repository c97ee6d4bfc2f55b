#!/usr/bin/env python3
"""The operations files hold against the real agent (ctest: tst_ops_resources).

Usage: check_ops_resources.py DNSWATCH_BINARY SOURCE_DIR

- `promtool check rules` and `promtool test rules` pass on resources/prometheus (the unit tests
  in alerts_test.yml make every alert fire and stay quiet);
- resources/grafana/dnswatch.json is JSON, a dashboard with the `datasource`, `instance` and
  `target` variables, every panel on the `${datasource}` variable;
- every PromQL expression of the alerts and the dashboard parses (promtool, with the Grafana
  variables filled in), and every metric name, label name and enumerated label value they use
  is one the agent really exports: the real binary is started on a loopback port and scraped.

Where promtool or PyYAML is missing it exits 77 (ctest: skipped, with the reason), but under CI
(CI set) that is a failure, so CI never passes without checking.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

binary, source_dir = sys.argv[1], sys.argv[2]
alerts_path = os.path.join(source_dir, "resources", "prometheus", "alerts.yml")
alerts_test_path = os.path.join(source_dir, "resources", "prometheus", "alerts_test.yml")
dashboard_path = os.path.join(source_dir, "resources", "grafana", "dnswatch.json")

# Labels Prometheus adds to every scraped series, and series it makes itself.
TARGET_LABELS = {"job", "instance"}
# The zones' expiry is absent while unknown, and the scraped agent has no signed zone to ask.
SYNTHETIC_METRICS = {"up": set(),
                     "dnswatch_zone_signatures_expiry_timestamp_seconds": {"zone": set(),
                                                                           "resolver": set()}}
# Labels whose every value is in a scrape from the start (one series per value), so a value the
# agent never exports can be caught. `source` and `addresses` carry only the current value.
ENUMERATED_LABELS = {"state", "tier", "window", "kind", "le"}
# Families whose series appear only with the first event they count (one series per value seen,
# e.g. an Extended DNS Error code): a scrape of an agent without such events has only their
# HELP and TYPE lines. They must be declared there; their labels are these.
EVENT_ONLY_FAMILIES = {
    "dnswatch_extended_dns_errors_total": {"target", "host", "resolver", "code", "name"},
}
PROMQL_WORDS = {
    # functions appear right before "(", aggregations may have "by (...)" in between
    "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk",
    "topk", "quantile",
    "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left",
    "group_right", "inf", "nan", "Inf", "NaN",
}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def cannot(reason):
    print("check_ops_resources: " + reason, file=sys.stderr)
    sys.exit(1 if os.environ.get("CI") else 77)


def find_tool(name):
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin:/usr/bin")


def run(command, cwd=None):
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


promtool = find_tool("promtool")
if not promtool:
    cannot("promtool missing (Debian package prometheus; scripts/deps.sh test installs it)")
try:
    import yaml
except ImportError:
    cannot("PyYAML missing (Debian package python3-yaml; scripts/deps.sh test installs it)")

# 1. The rules load, and their unit tests pass.
code, output = run([promtool, "check", "rules", alerts_path])
if code != 0:
    fail("promtool check rules alerts.yml:\n" + output)
code, output = run([promtool, "test", "rules", os.path.basename(alerts_test_path)],
                   cwd=os.path.dirname(alerts_test_path))
print(output.strip())
if code != 0:
    fail("promtool test rules alerts_test.yml:\n" + output)

# 2. A real scrape of the agent: names, label names and label values.
def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(port, path):
    try:
        with no_proxy.open("http://127.0.0.1:%d%s" % (port, path), timeout=5) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def scrape_agent():
    work = tempfile.mkdtemp(prefix="dnswatch-ops-")
    config = os.path.join(work, "agent.json")
    with open(config, "w") as out:
        # "compare": the per-path metrics appear only for a target that compares resolvers; the
        # dnswatch_soa_* ones only for a soa check (its servers here do not answer: NaN); the
        # zone metrics only with "dnssec_zones".
        json.dump({"resolvers": [{"name": "direct", "servers": ["127.0.0.1:%d" % free_port()],
                                  "timeout_ms": 200, "attempts": 1}],
                   "targets": [{"name": "localhost", "host": "localhost", "resolver": "system",
                                "compare": ["direct"], "check": {"type": "dns"}},
                               {"name": "zone", "host": "localhost", "resolver": "system",
                                "check": {"type": "soa", "zone": "example.test",
                                          "servers": ["127.0.0.1:%d" % free_port(),
                                                      "127.0.0.1:%d" % free_port()]}}],
                   "dnssec_zones": [{"zone": "localhost", "resolver": "direct"}]}, out)
    env = dict(os.environ, DNSWATCH_FALLBACK_IPS="")
    for name in ("DNSWATCH_TOKEN", "MLFLOW_TRACKING_URI"):
        env.pop(name, None)
    try:
        for attempt in range(5):  # the free port may be taken before the agent binds it
            port = free_port()
            agent = subprocess.Popen(
                [binary, "--headless", "--config", config, "--listen", "127.0.0.1:%d" % port,
                 "--db", os.path.join(work, "history-%d.db" % attempt)],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env=env)
            deadline = time.monotonic() + 10
            status, body = 0, ""
            while time.monotonic() < deadline and agent.poll() is None:
                status, body = get(port, "/metrics")
                if status == 200:
                    break
                time.sleep(0.1)
            if agent.poll() is None:
                agent.send_signal(signal.SIGTERM)
            log = agent.communicate(timeout=10)[0].decode(errors="replace")
            if status == 200:
                return body
            print("agent attempt %d (port %d) gave no metrics:\n%s" % (attempt + 1, port, log))
        return None
    finally:
        shutil.rmtree(work, ignore_errors=True)


metrics_text = scrape_agent()
if metrics_text is None:
    fail("the agent never served /metrics")
    sys.exit(1)

exported = {}  # sample name -> {label name -> set of values}
declared = set(re.findall(r"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) ", metrics_text, re.MULTILINE))
sample_line = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? \S+$')
label_pair = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')
for line in metrics_text.splitlines():
    if not line or line.startswith("#"):
        continue
    match = sample_line.match(line)
    if not match:
        fail("unparsable sample line: " + line)
        continue
    labels = exported.setdefault(match.group(1), {})
    for name, value in label_pair.findall(match.group(2) or ""):
        labels.setdefault(name, set()).add(value)
print("the agent exports %d sample names" % len(exported))
known_metrics = dict(exported)
known_metrics.update(SYNTHETIC_METRICS)
for family, label_names in EVENT_ONLY_FAMILIES.items():
    if family not in declared:
        fail("the agent does not declare %s (no # TYPE line)" % family)
    elif family not in exported:
        known_metrics[family] = {name: set() for name in label_names}
all_label_names = TARGET_LABELS.union(*[set(labels) for labels in known_metrics.values()])

# 3. The expressions: the alerts' and the dashboard's.
expressions = []  # (where, PromQL)
with open(alerts_path) as source:
    rules = yaml.safe_load(source)
for group in rules["groups"]:
    for rule in group["rules"]:
        expressions.append(("alerts.yml %s" % rule.get("alert", rule.get("record")),
                            rule["expr"]))
        if "alert" in rule:
            labels = rule.get("labels", {})
            annotations = rule.get("annotations", {})
            if labels.get("severity") not in ("critical", "warning", "info"):
                fail("alert %s has no severity label" % rule["alert"])
            if not annotations.get("summary") or not annotations.get("description"):
                fail("alert %s lacks a summary or description" % rule["alert"])

try:
    with open(dashboard_path) as source:
        dashboard = json.load(source)
except (OSError, ValueError) as error:
    fail("dnswatch.json does not parse: %s" % error)
    dashboard = {"panels": [], "templating": {"list": []}}

GRAFANA_VARIABLES = {
    "$__rate_interval": "5m", "$__interval": "1m", "$__range": "1h",
    "${datasource}": "", "$instance": ".*", "$target": ".*",
}


def fill(expr):
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    if "$" in expr:
        fail("unknown Grafana variable in: " + expr)
    return expr


if not 36 <= dashboard.get("schemaVersion", 0) <= 39:
    fail("schemaVersion %r: expected about 38" % dashboard.get("schemaVersion"))
variables = {v.get("name"): v for v in dashboard.get("templating", {}).get("list", [])}
if variables.get("datasource", {}).get("type") != "datasource" or \
        variables["datasource"].get("query") != "prometheus":
    fail("no Prometheus datasource variable named datasource")
for name in ("instance", "target"):
    variable = variables.get(name, {})
    query = variable.get("query", {})
    query = query.get("query", "") if isinstance(query, dict) else query
    match = re.fullmatch(r"label_values\((.*),\s*(\w+)\)", query or "")
    if variable.get("type") != "query" or not match or match.group(2) != name:
        fail("template variable %s is not label_values(..., %s): %r" % (name, name, query))
        continue
    expressions.append(("dashboard variable " + name, match.group(1)))
    selector_metric = re.match(r"\s*([a-zA-Z_:][a-zA-Z0-9_:]*)", match.group(1)).group(1)
    if name not in known_metrics.get(selector_metric, {}) and name not in TARGET_LABELS:
        fail("variable %s: %s has no label %s" % (name, selector_metric, name))

panels = list(dashboard.get("panels", []))
for panel in list(panels):
    panels.extend(panel.get("panels", []))  # collapsed rows keep theirs inside
titles = set()
for panel in panels:
    if panel.get("type") == "row":
        continue
    title = panel.get("title", "?")
    titles.add(title)
    if panel.get("datasource", {}).get("uid") != "${datasource}":
        fail("panel %r does not use the ${datasource} variable" % title)
    if not panel.get("targets"):
        fail("panel %r has no queries" % title)
    for query in panel.get("targets", []):
        if query.get("datasource", {}).get("uid") != "${datasource}":
            fail("panel %r: a query does not use the ${datasource} variable" % title)
        expressions.append(("dashboard panel %r" % title, query.get("expr", "")))
print("%d expressions from alerts.yml and %d dashboard panels" % (len(expressions), len(titles)))

# Every expression parses: promtool checks them as recording rules.
with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as parse_file:
    yaml.safe_dump({"groups": [{"name": "parse", "rules": [
        {"record": "parse:expr_%d" % i, "expr": fill(expr)}
        for i, (_, expr) in enumerate(expressions)]}]}, parse_file)
code, output = run([promtool, "check", "rules", parse_file.name])
os.unlink(parse_file.name)
if code != 0:
    fail("an expression does not parse:\n" + output)

# Every name, label and enumerated value is exported.
keyword_list = re.compile(
    r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)")
selector = re.compile(r"([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*\{([^}]*)\}")
matcher = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"')
used_metrics = set()
for where, expr in expressions:
    expr = fill(expr)
    for _, names in keyword_list.findall(expr):
        for name in filter(None, (n.strip() for n in names.split(","))):
            if name not in all_label_names:
                fail("%s: label %s is not exported: %s" % (where, name, expr))
    for metric, body in selector.findall(expr):
        labels = known_metrics.get(metric, {}) if metric else {}
        for name, op, value in matcher.findall(body):
            if name == "__name__" or not metric:
                continue
            if name not in labels and name not in TARGET_LABELS:
                fail("%s: %s has no label %s" % (where, metric, name))
            elif name in ENUMERATED_LABELS and op in ("=", "=~") and name in labels:
                wanted = value.split("|") if op == "=~" else [value]
                for one in wanted:
                    if re.fullmatch(r"[\w.+-]+", one) and one not in labels[name]:
                        fail("%s: %s{%s=%r}: the agent exports only %s"
                             % (where, metric, name, one, sorted(labels[name])))
    # What is left after strings, ranges, label lists, selectors' bodies, numbers and calls:
    # metric names and operators.
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', "", expr)
    bare = re.sub(r"\[[^\]]*\]", "", bare)
    bare = keyword_list.sub(r"\1", bare)
    bare = re.sub(r"\{[^}]*\}", "", bare)
    bare = re.sub(r"(?<![\w:])\d+(\.\d+)?([eE][-+]?\d+)?", "", bare)
    bare = re.sub(r"[a-zA-Z_][a-zA-Z0-9_]*\s*\(", "(", bare)
    for name in re.findall(r"[a-zA-Z_:][a-zA-Z0-9_:]*", bare):
        if name in PROMQL_WORDS:
            continue
        used_metrics.add(name)
        if name not in known_metrics:
            fail("%s: metric %s is not exported by the agent: %s" % (where, name, expr))

families = {re.sub(r"_(bucket|sum|count)$", "", n) for n in exported}
unused = sorted(f for f in families
                if not any(m == f or re.fullmatch(re.escape(f) + r"_(bucket|sum|count)", m)
                           for m in used_metrics))
print("metrics used: %s" % ", ".join(sorted(used_metrics)))
print("exported but in neither alerts nor dashboard: %s" % (", ".join(unused) or "none"))

if failures:
    print("%d problem(s)" % len(failures))
    sys.exit(1)
print("ok")
