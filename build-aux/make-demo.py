#!/usr/bin/env python3
# make-demo.py: builds data/examples/demo.json, the demo project, from the
# articles in data/examples/articles/ and the annotations listed in
# build-aux/demo-spec.json. Python 3 standard library only.
#
#   build-aux/make-demo.py [--tool _build/src/tool/repartee-tool] [--output FILE]
#
# The articles are imported by `repartee-tool add`, so the documents are
# exactly what Repartee makes of the files. Each annotation is placed by
# finding its quote in the text: Python str indices are Unicode code points,
# the unit of the project file. The file is written in the layout Repartee's
# writer uses and then run through `repartee-tool format`, so it is
# byte-identical to what Repartee itself saves.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(message):
    sys.exit(f"make-demo.py: {message}")


def run_tool(tool, *args):
    result = subprocess.run([tool, *args], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"repartee-tool {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def json_string(value):
    """A JSON string literal as rpt_json_append_string writes it: quotes,
    backslashes and C0 controls escaped, everything else as UTF-8."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20:
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}.get(ch, f"\\u{ord(ch):04x}"))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def members(pairs):
    parts = []
    for key, value in pairs:
        parts.append(f'"{key}": ' + (str(value) if isinstance(value, int) else json_string(value)))
    return "{" + ", ".join(parts) + "}"


def array(name, items, last=False):
    if not items:
        return f'  "{name}": []' + ("\n" if last else ",\n")
    return f'  "{name}": [\n' + ",\n".join("    " + item for item in items) + "\n  ]" + ("\n" if last else ",\n")


def write_project(project):
    """The same bytes as rpt_project_to_bytes(): one item per line, members
    in a fixed order, annotations by document then (start, end, id)."""
    labels = [members([("id", l["id"]), ("name", l["name"]), ("color", l["color"]),
                       ("shortcut", l.get("shortcut", 0)), ("description", l.get("description", ""))])
              for l in project["labels"]]
    speakers = [members([("id", s["id"]), ("name", s["name"])]) for s in project["speakers"]]
    documents = [members([("id", d["id"]), ("title", d["title"]), ("source", d["source"]),
                          ("sha256", d["sha256"])])[:-1] + ',\n     "text": ' + json_string(d["text"]) + "}"
                 for d in project["documents"]]
    order = {d["id"]: i for i, d in enumerate(project["documents"])}
    texts = {d["id"]: d["text"] for d in project["documents"]}
    annotations = []
    for a in sorted(project["annotations"],
                    key=lambda a: (order[a["document"]], a["start"], a["end"], a["id"].encode())):
        pairs = [("id", a["id"]), ("document", a["document"]), ("start", a["start"]), ("end", a["end"]),
                 ("label", a["label"])]
        if a.get("speaker"):
            pairs.append(("speaker", a["speaker"]))
        pairs += [("note", a.get("note", "")), ("author", a.get("author", "")),
                  ("created", a["created"]), ("modified", a["modified"])]
        # The quote and 32 code points of context each side (RPT_ANCHOR_CONTEXT_CHARS).
        text = texts[a["document"]]
        pairs += [("quote", text[a["start"]:a["end"]]), ("prefix", text[max(0, a["start"] - 32):a["start"]]),
                  ("suffix", text[a["end"]:a["end"] + 32])]
        annotations.append(members(pairs))
    relations = [members([("id", r["id"]), ("type", r["type"]), ("from", r["from"]), ("to", r["to"])])
                 for r in project["relations"]]
    return ("{\n"
            '  "format": "repartee-project",\n'
            f'  "version": {project["version"]},\n'
            + array("labels", labels) + array("speakers", speakers) + array("documents", documents)
            + array("annotations", annotations) + array("relations", relations, last=True)
            + "}\n")


def find_span(text, quote, occurrence, where):
    starts = []
    at = text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        fail(f"{where}: the quote is not in the article: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            fail(f"{where}: the quote appears {len(starts)} times; say which with \"occurrence\"")
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        fail(f"{where}: occurrence {occurrence} of {len(starts)}")
    start = starts[occurrence - 1]
    return start, start + len(quote)


def main():
    parser = argparse.ArgumentParser(description="Build data/examples/demo.json")
    parser.add_argument("--tool", default=os.path.join(ROOT, "_build", "src", "tool", "repartee-tool"),
                        help="the repartee-tool binary (default: _build/src/tool/repartee-tool)")
    parser.add_argument("--spec", default=os.path.join(ROOT, "build-aux", "demo-spec.json"))
    parser.add_argument("--articles", default=os.path.join(ROOT, "data", "examples", "articles"))
    parser.add_argument("--output", default=os.path.join(ROOT, "data", "examples", "demo.json"))
    args = parser.parse_args()

    if not os.access(args.tool, os.X_OK):
        fail(f"{args.tool} is not there: build first (ninja -C _build) or pass --tool")
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)

    with tempfile.TemporaryDirectory(prefix="make-demo-") as tmp:
        path = os.path.join(tmp, "demo.json")
        # Import in a fixed order; the tool names each document after its file.
        run_tool(args.tool, "add", path, *[os.path.join(args.articles, name) for name in spec["articles"]])
        with open(path, encoding="utf-8") as f:
            project = json.load(f)

        texts = {d["id"]: d["text"] for d in project["documents"]}
        labels = {l["id"] for l in project["labels"]}
        speakers = {s["id"] for s in spec["speakers"]}
        project["speakers"] = spec["speakers"]

        created = datetime.datetime.strptime(spec["first-created"], "%Y-%m-%dT%H:%M:%SZ")
        for i, item in enumerate(spec["annotations"]):
            where = f"annotations[{i}] ({item['id']})"
            if item["document"] not in texts:
                fail(f"{where}: no article has the id {item['document']!r}")
            if item["label"] not in labels or item.get("speaker", speakers.copy().pop()) not in speakers:
                fail(f"{where}: unknown label or speaker")
            start, end = find_span(texts[item["document"]], item["quote"], item.get("occurrence"), where)
            # One minute apart, in the order they are listed, as if made by hand.
            stamp = (created + datetime.timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            project["annotations"].append({
                "id": item["id"], "document": item["document"], "start": start, "end": end,
                "label": item["label"], "speaker": item.get("speaker"), "note": item.get("note", ""),
                "author": spec["author"], "created": stamp, "modified": stamp,
            })
        project["relations"] = spec["relations"]

        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(write_project(project))
        formatted = run_tool(args.tool, "format", path)
        if "already formatted" not in formatted:
            print("make-demo.py: note: repartee-tool changed the layout; the writer above is out of date",
                  file=sys.stderr)
        print(run_tool(args.tool, "validate", path).replace(path, os.path.relpath(args.output)), end="")

        # The offsets must give back exactly the quotes, read from the file
        # as Repartee wrote it.
        with open(path, encoding="utf-8") as f:
            final = json.load(f)
        texts = {d["id"]: d["text"] for d in final["documents"]}
        quotes = {item["id"]: item["quote"] for item in spec["annotations"]}
        for a in final["annotations"]:
            if texts[a["document"]][a["start"]:a["end"]] != quotes[a["id"]]:
                fail(f"{a['id']}: the span does not give back its quote")

        shutil.copyfile(path, args.output)


if __name__ == "__main__":
    main()
