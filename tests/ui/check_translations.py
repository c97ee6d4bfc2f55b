#!/usr/bin/env python3
"""Fails when a translations/*.ts file is stale or incomplete.

usage: check_translations.py LUPDATE SOURCE_DIR[,SOURCE_DIR...] TS_FILE...

Stale: lupdate run over every .cpp/.h under the SOURCE_DIRs (src/ui, charts included, and
src/fleet: the set src/ui/CMakeLists.txt hands qt_add_translations) into a temporary copy of the .ts finds source
strings the committed file lacks, or no longer finds some it has. Incomplete: a message that is
unfinished, vanished or obsolete, an empty translation, a plural with the wrong number of forms,
a placeholder (%1, %n) lost or added, an accelerator (&) lost or doubled.
Fix: `cmake --build BUILD --target update_translations`, then translate in Qt Linguist.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Plural forms per language (Qt's rules): German and English have two.
PLURAL_FORMS = {"de": 2, "en": 2}
PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def messages(path):
    """(context, source, comment, numerus) -> <message> element, every message of the file."""
    root = ET.parse(path).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "",
                   message.get("numerus") == "yes")
            found[key] = message
    return root, found


def accelerators(text):
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def check_complete(path, root, found):
    problems = []
    language = (root.get("language") or "").split("_")[0]
    forms = PLURAL_FORMS.get(language)
    if forms is None:
        problems.append(f"{path}: unknown or missing language attribute {root.get('language')!r}")
    for (context, source, _comment, numerus), message in found.items():
        where = f"{path}: {context}: {source!r}"
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind:
            problems.append(f"{where}: translation is {kind}")
            continue
        texts = ([f.text or "" for f in translation.iter("numerusform")] if numerus
                 else [translation.text or ""])
        if numerus and forms and len(texts) != forms:
            problems.append(f"{where}: {len(texts)} plural forms, {language} needs {forms}")
        for text in texts:
            if not text.strip():
                problems.append(f"{where}: empty translation")
                continue
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            got = sorted(set(PLACEHOLDER.findall(text)))
            # A singular form may spell the number out; %n must be there in the other forms.
            if numerus and "%n" in wanted and "%n" not in got and text is texts[0]:
                got.append("%n")
                got.sort()
            if wanted != got:
                problems.append(f"{where}: placeholders {wanted} became {got} in {text!r}")
            if accelerators(source) != accelerators(text):
                problems.append(f"{where}: accelerators differ in {text!r}")
    return problems


def check_fresh(lupdate, source_dir, path, language, found):
    sources = sorted(str(p) for directory in source_dir.split(",")
                     for p in pathlib.Path(directory).rglob("*") if p.suffix in (".cpp", ".h"))
    # English is the source language: its file holds the plural forms only.
    plural_only = ["-pluralonly"] if language == "en" else []
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / pathlib.Path(path).name
        shutil.copyfile(path, copy)
        run = subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none",
                              *plural_only, *sources, "-ts", str(copy)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            return [f"lupdate failed ({run.returncode}): {run.stderr.strip()}"]
        _root, fresh = messages(copy)
    problems = []
    for key in sorted(set(fresh) - set(found)):
        problems.append(f"{path}: stale, missing the source string {key[0]}: {key[1]!r}")
    for key in sorted(set(found) - set(fresh)):
        problems.append(f"{path}: stale, the sources no longer have {key[0]}: {key[1]!r}")
    return problems


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    lupdate, source_dir, ts_files = argv[1], argv[2], argv[3:]
    problems = []
    for path in ts_files:
        root, found = messages(path)
        if not found:
            problems.append(f"{path}: no messages")
        problems += check_complete(path, root, found)
        language = (root.get("language") or "").split("_")[0]
        problems += check_fresh(lupdate, source_dir, path, language, found)
        print(f"{path}: {len(found)} messages checked")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("Refresh with `cmake --build BUILD --target update_translations` and translate "
              "every message (Qt Linguist).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
