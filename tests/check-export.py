#!/usr/bin/env python3
# check-export.py FORMAT PATH PROJECT.json [UNIT]
#
# Reads an export with Python's own readers (json, csv, xml.etree, plain
# text in universal-newline mode as brat reads it) and checks it against
# the project it came from: the text at every exported offset, sliced in
# the declared unit, must be the annotation's text. Standard library only.
# Exits 0 when the file is good, 1 with a message otherwise.
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


class Bad(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Bad(message)


def slice_in_unit(text, start, end, unit):
    if unit == "utf16":
        data = text.encode("utf-16-le")
        return data[2 * start:2 * end].decode("utf-16-le")
    if unit == "bytes":
        return text.encode("utf-8")[start:end].decode("utf-8")
    return text[start:end]


def load_project(path):
    with open(path, encoding="utf-8") as f:
        project = json.load(f)
    docs = {d["id"]: d for d in project["documents"]}
    labels = {l["id"]: l for l in project["labels"]}
    speakers = {s["id"]: s["name"] for s in project["speakers"]}
    annotations = {}
    for a in project["annotations"]:
        text = docs[a["document"]]["text"]
        annotations[a["id"]] = {
            "document": a["document"],
            "quote": text[a["start"]:a["end"]],
            "start": a["start"],
            "end": a["end"],
            "label": labels[a["label"]]["name"],
            "speaker": speakers.get(a.get("speaker")),
            "note": a.get("note", ""),
        }
    return project, docs, annotations


def check_jsonl(path, project, docs, annotations, unit):
    seen = 0
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, 1):
            check(line.endswith("\n"), f"line {number} does not end with a newline")
            record = json.loads(line)
            doc = docs[record["id"]]
            check(record["text"] == doc["text"], f"line {number}: text differs")
            check(record.get("offset_unit", "codepoints") == unit, f"line {number}: offset_unit")
            for (start, end, label), entity in zip(record["label"], record["entities"]):
                a = annotations[entity["id"]]
                covered = slice_in_unit(record["text"], start, end, unit)
                check(covered == a["quote"], f"line {number}: {covered!r} != {a['quote']!r}")
                check((entity["start_offset"], entity["end_offset"], entity["label"]) == (start, end, label),
                      f"line {number}: label and entities disagree")
                check(label == a["label"] and entity["speaker"] == a["speaker"] and entity["note"] == a["note"],
                      f"line {number}: {entity['id']} fields differ")
                seen += 1
            ids = {e["id"] for e in record["entities"]}
            for r in record["relations"]:
                check(r["from_id"] in ids and r["to_id"] in ids, f"line {number}: relation to nowhere")
    check(seen == len(annotations), f"{seen} of {len(annotations)} annotations")


def check_csv(path, project, docs, annotations, unit):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    check(not raw.startswith("\ufeff"), "a byte order mark")
    check(raw.endswith("\r\n"), "records must end with CRLF")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    check(header == ["article_id", "title", "start", "end", "label", "speaker", "text", "note", "author",
                     "annotation_id"], f"header {header}")
    check(len(rows) - 1 == len(annotations), "one row per annotation")
    for row in rows[1:]:
        record = dict(zip(header, row))
        a = annotations[record["annotation_id"]]
        text = docs[record["article_id"]]["text"]
        covered = slice_in_unit(text, int(record["start"]), int(record["end"]), unit)
        check(covered == a["quote"] == record["text"], f"{record['annotation_id']}: {covered!r}")
        check(record["label"] == a["label"] and record["note"] == a["note"] and
              record["speaker"] == (a["speaker"] or ""), f"{record['annotation_id']}: fields differ")


BRAT_LINE = re.compile(r"^(?:T\d+\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t([^\t]*)"
                       r"|A\d+\t(\S+) (T\d+)(?: (\S+))?"
                       r"|R\d+\t(\S+) Arg1:(T\d+) Arg2:(T\d+)"
                       r"|#\d+\tAnnotatorNotes (T\d+)\t.*)$")


def conf_sections(path):
    sections, current = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1], [])
            else:
                current.append(line)
    return sections


def check_brat(path, project, docs, annotations, unit):
    conf = conf_sections(os.path.join(path, "annotation.conf"))
    entities = {line.split()[0] for line in conf["entities"]}
    relations = {line.split()[0] for line in conf["relations"]}
    check("<OVERLAP>" in relations, "overlaps are not allowed in annotation.conf")
    speakers = set()
    for line in conf.get("attributes", []):
        if line.startswith("Speaker"):
            speakers = set(line.split("Value:")[1].split("|"))
    quotes = sorted(a["quote"].replace("\r\n", "\n") for a in annotations.values())
    found = []
    for ann_path in sorted(glob.glob(os.path.join(path, "*.ann"))):
        # brat reads the text with universal newlines: CRLF is one "\n".
        with open(ann_path[:-4] + ".txt", encoding="utf-8") as f:
            text = f.read()
        ids = set()
        with open(ann_path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                m = BRAT_LINE.match(line)
                check(m, f"{ann_path}:{number}: not standoff: {line!r}")
                if m.group(1):
                    check(m.group(1) in entities, f"{ann_path}:{number}: {m.group(1)} not in annotation.conf")
                    pieces = [text[int(s):int(e)] for s, e in (p.split() for p in m.group(2).split(";"))]
                    check(" ".join(pieces) == m.group(3), f"{ann_path}:{number}: {pieces!r} != {m.group(3)!r}")
                    found.append("\n".join(pieces))
                    ids.add(line.split("\t")[0])
                elif m.group(4):
                    check(m.group(5) in ids and m.group(6) in speakers, f"{ann_path}:{number}: speaker")
                elif m.group(7):
                    check(m.group(7) in relations and m.group(8) in ids and m.group(9) in ids,
                          f"{ann_path}:{number}: relation")
                else:
                    check(m.group(10) in ids, f"{ann_path}:{number}: note on nothing")
    # Multi-line spans come back with their line breaks as the joins.
    check(len(found) == len(quotes), f"{len(found)} of {len(quotes)} spans")


def check_label_studio(path, project, docs, annotations, unit):
    config = ET.parse(os.path.join(path, "label_config.xml")).getroot()
    check(config.tag == "View", "the configuration must be a <View>")
    controls = {e.get("name"): e for e in config.iter() if e.get("toName")}
    label_values = {e.get("value") for e in config.iter("Label")}
    choice_values = {e.get("value") for e in config.iter("Choice")}
    relation_values = {e.get("value") for e in config.iter("Relation")}
    check(any(e.get("name") == "text" and e.get("value") == "$text" for e in config.iter("Text")), "no $text")
    with open(os.path.join(path, "tasks.json"), encoding="utf-8") as f:
        tasks = json.load(f)
    check(isinstance(tasks, list), "tasks.json must be a list")
    seen = 0
    for task in tasks:
        data = task["data"]
        text = data["text"]
        check(data.get("offset_unit", "codepoints") == unit, "offset_unit")
        regions = set()
        for result in task["annotations"][0]["result"]:
            if result["type"] == "relation":
                check(result["from_id"] in regions and result["to_id"] in regions, "relation to nowhere")
                check(set(result["labels"]) <= relation_values, "relation type not in the configuration")
                continue
            check(result["from_name"] in controls and result["to_name"] == "text", "unknown control")
            value = result["value"]
            a = annotations[result["id"]]
            covered = slice_in_unit(text, value["start"], value["end"], unit)
            check(covered == a["quote"], f"{result['id']}: {covered!r} != {a['quote']!r}")
            if result["type"] == "labels":
                check(value["text"] == covered and set(value["labels"]) <= label_values, "labels result")
                regions.add(result["id"])
                seen += 1
            elif result["type"] == "choices":
                check(set(value["choices"]) <= choice_values and value["choices"] == [a["speaker"]], "speaker")
            else:
                check(result["type"] == "textarea" and value["text"] == [a["note"]], "note")
    check(seen == len(annotations), f"{seen} of {len(annotations)} regions")


def check_conll(path, project, docs, annotations, unit):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    columns, documents, previous = None, [], None
    for number, line in enumerate(lines, 1):
        if not line:
            previous = None
            continue
        fields = line.split()
        check(" ".join(fields) == line, f"line {number}: columns must be separated by one space")
        columns = columns or len(fields)
        check(len(fields) == columns, f"line {number}: {len(fields)} columns, not {columns}")
        if fields[0] == "-DOCSTART-":
            documents.append([])
            continue
        documents[-1].append(fields[0])
        for c, tag in enumerate(fields[1:]):
            check(re.match(r"^(O|[BI]-\S+)$", tag), f"line {number}: tag {tag!r}")
            if tag.startswith("I-"):
                check(previous is not None and previous[c][2:] == tag[2:] and previous[c] != "O",
                      f"line {number}: {tag} does not continue a span")
        previous = fields[1:]
    check(len(documents) == len(project["documents"]), "one -DOCSTART- per article")
    for doc, tokens in zip(project["documents"], documents):
        # Every character but white space is in a token, in order.
        check("".join(tokens) == "".join(doc["text"].split()), f"{doc['id']}: tokens lose characters")


def check_w3c(path, project, docs, annotations, unit):
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    check(collection["@context"] == "http://www.w3.org/ns/anno.jsonld", "@context")
    check(collection["type"] == "AnnotationCollection" and "id" in collection, "collection")
    page = collection["first"]
    check(page["type"] == "AnnotationPage" and "id" in page, "page")
    items = page["items"]
    check(collection["total"] == len(items), "total")
    spans = 0
    for item in items:
        check(item["type"] == "Annotation" and item["id"].startswith("urn:") and "target" in item, "annotation")
        if item["motivation"] == "linking":
            continue
        a = annotations[item["id"].rsplit(":", 1)[1]]
        text = docs[a["document"]]["text"]
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        start, end = position["start"], position["end"]
        check(text[start:end] == quote["exact"] == a["quote"], f"{item['id']}: exact")
        check(text[max(0, start - len(quote["prefix"])):start] == quote["prefix"], f"{item['id']}: prefix")
        check(text[end:end + len(quote["suffix"])] == quote["suffix"], f"{item['id']}: suffix")
        bodies = item["body"]
        check(bodies[0] == {"type": "TextualBody", "purpose": "tagging", "value": a["label"]}, "label body")
        spans += 1
    check(spans == len(annotations), f"{spans} of {len(annotations)}")


CHECKS = {
    "jsonl": check_jsonl, "csv": check_csv, "brat": check_brat,
    "label-studio": check_label_studio, "conll": check_conll, "w3c": check_w3c,
}


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in CHECKS:
        print(__doc__ or "usage: check-export.py FORMAT PATH PROJECT.json [UNIT]", file=sys.stderr)
        return 2
    unit = sys.argv[4] if len(sys.argv) == 5 else "codepoints"
    project, docs, annotations = load_project(sys.argv[3])
    try:
        CHECKS[sys.argv[1]](sys.argv[2], project, docs, annotations, unit)
    except (Bad, KeyError, ValueError, IndexError, TypeError, ET.ParseError) as error:
        print(f"check-export: {sys.argv[1]}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
