#!/usr/bin/env python3
"""Checks a DNS Watch HTML report is safe and self-contained, as a browser's parser sees it.

Usage: check_report_html.py REPORT.html --images N [--text EXACT]...

Fails (exit 1, with what and where) when the report has a script, an event handler attribute,
a reference to anything outside itself (only data: images are allowed), an <img> that is not a
decodable PNG data URI, or when an expected text is not found as the whole of a text node (so
hostile names show as text, not as markup).
"""
import argparse
import base64
import binascii
import html.parser
import sys

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data",
                  "background", "cite", "longdesc", "xlink:href", "manifest", "ping"}
FORBIDDEN_TAGS = {"script", "iframe", "frame", "object", "embed", "link", "base", "form",
                  "svg", "math", "template", "noscript", "applet", "audio", "video", "source"}


class ReportParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.texts = []
        self.images = []
        self.in_style = False
        self.tags = []

    def problem(self, what):
        line, column = self.getpos()
        self.problems.append(f"line {line}, column {column}: {what}")

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in FORBIDDEN_TAGS:
            self.problem(f"<{tag}> element")
        if tag == "style":
            self.in_style = True
        if tag == "meta":
            equiv = dict(attrs).get("http-equiv", "") or ""
            if equiv.lower() == "refresh":
                self.problem("meta refresh")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problem(f"event handler attribute {name}={value!r} on <{tag}>")
            if name == "style" and ("url(" in value.lower() or "expression(" in value.lower()):
                self.problem(f"style attribute with a resource: {value!r}")
            if name in URL_ATTRIBUTES and not value.startswith("data:image/png;base64,"):
                self.problem(f"<{tag} {name}={value[:80]!r}>: not a PNG data URI")
        if tag == "img":
            self.check_image(dict(attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            lowered = data.lower()
            for needle in ("url(", "@import", "expression("):
                if needle in lowered:
                    self.problem(f"stylesheet with {needle!r}")
            return
        self.texts.append(data)

    def check_image(self, attrs):
        source = attrs.get("src") or ""
        prefix = "data:image/png;base64,"
        if not source.startswith(prefix):
            return  # reported with the attributes
        try:
            png = base64.b64decode(source[len(prefix):], validate=True)
        except (binascii.Error, ValueError) as error:
            self.problem(f"<img> data URI does not decode: {error}")
            return
        if not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
            self.problem("<img> data URI is not a PNG")
            return
        width = int.from_bytes(png[16:20], "big")
        height = int.from_bytes(png[20:24], "big")
        declared = int(attrs.get("width") or 0)
        if width < declared:
            self.problem(f"<img> is {width} px wide, shown at {declared}: not sharp")
        if not attrs.get("alt"):
            self.problem("<img> without alternative text")
        self.images.append((width, height))


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("report")
    arguments.add_argument("--images", type=int, required=True)
    arguments.add_argument("--text", action="append", default=[])
    options = arguments.parse_args()

    with open(options.report, encoding="utf-8") as file:
        document = file.read()
    parser = ReportParser()
    parser.feed(document)
    parser.close()
    problems = parser.problems

    if not document.startswith("<!DOCTYPE html>"):
        problems.append("no HTML5 doctype")
    if parser.tags[:2] != ["html", "head"] or "body" not in parser.tags:
        problems.append(f"unexpected structure: {parser.tags[:4]}")
    if len(parser.images) != options.images:
        problems.append(f"{len(parser.images)} PNG images, expected {options.images}")
    stripped = {text.strip() for text in parser.texts}
    for expected in options.text:
        if expected not in stripped:
            near = [text for text in stripped if expected in text][:3]
            problems.append(f"text {expected!r} is not a text node of its own (seen in: {near})")

    for line in problems:
        print(f"{options.report}: {line}")
    if problems:
        return 1
    print(f"{options.report}: ok ({len(parser.images)} PNG images, {len(options.text)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
