"""Mutation fuzzing of the loaders, shared by tests/robustness and benchmarks/fuzz_loaders.py.

A case is a real file (project JSON, TMX, InterText link or text file) changed by one
to three mutations: byte flips, truncations, insertions of awkward tokens, deletions,
and structure-aware changes (JSON: deleted keys, changed types, huge numbers, deep
nesting; XML: deleted, duplicated, moved and renamed elements, changed attributes).

The loader may accept the file or refuse it with a typed error (a subclass of
``AlignerError``). Anything else is a bug. A file that is accepted must also keep the
document's invariants and survive ``save_project`` + ``load_project`` (an editor who
imports a file and works on it must be able to reopen their work).
"""

from __future__ import annotations

import copy
import json
import math
import random
import re
import shutil
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from aligner_gui.core.errors import AlignerError

# -- awkward values ---------------------------------------------------------------------

TOKENS: tuple[bytes, ...] = (
    b"\x00",
    b"\xff",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\xed\xa0\x80",  # a UTF-8 encoded lone surrogate (invalid UTF-8)
    b"\xc3",  # a cut multi-byte sequence
    b"\xe4\xb8",
    b"9" * 400,
    b"9" * 5000,  # over Python's 4300-digit int parsing limit
    b"-1",
    b"0",
    b"1e999",
    b"-1e999",
    b"NaN",
    b"Infinity",
    b"1.0",
    b"null",
    b"true",
    b"[]",
    b"{}",
    b"[" * 64,
    b"{" * 64,
    b'"',
    b"\\",
    b"\\ud800",
    b"\\u0000",
    b",",
    b":",
    b";",
    b" ",
    b"<",
    b">",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x1F600;",
    b"&xxe;",
    b"]]>",
    b"<![CDATA[",
    b"<!-- -->",
    b"<?pi x?>",
    b'<!DOCTYPE x [<!ENTITY a "bbbbbbbb">]>',
    b'<!DOCTYPE tmx SYSTEM "file:///etc/passwd">',
    b"<s id='1:1'>x</s>",
    b"</s>",
    b"<p>",
    b"\r\n",
    b"\r",
    "\u2028\u2029".encode(),
    "\u202e".encode(),  # right-to-left override
    "e\u0301\u0301\u0301".encode(),
    "𠀀𪚥".encode(),
    "中文句子。".encode(),
    "\ufeff".encode(),
    "\ufffe\uffff".encode(),
)

JSON_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1,
    0.5,
    1.0,
    -0.0,
    2**63,
    10**30,
    -(10**30),
    1e308,
    float("nan"),
    float("inf"),
    float("-inf"),
    "",
    " ",
    "x",
    "\x00",
    "\ud800",
    "<script>alert(1)</script>",
    "中" * 2000,
    "source",
    "target",
    "zh",
    "en",
    "confirmed",
    "aligner-gui",
    [],
    {},
    [0],
    [[]],
    {"": None},
    {"before": 5, "after": []},
)

XML_ATTR_VALUES: tuple[str, ...] = (
    "",
    " ",
    "0",
    "-1",
    "1",
    "1:1",
    "1:1 1:1",
    "1:2 1:1",
    "99999:1",
    "1.1",
    "1_1",
    "a",
    ";",
    ";;",
    "1:1;",
    ";1:1",
    "1:1;1:1",
    "1:1 1:2;1:1",
    "1-1",
    "2-0",
    "0-0",
    "x-y",
    "man",
    "auto",
    "plain",
    "zh",
    "en",
    "zh-CN",
    "*all*",
    "fr",
    "nan",
    "inf",
    "-5",
    "5",
    "1e999",
    "9" * 5000,
    "../../../../etc/passwd",
    "/etc/passwd",
    "seed.en.xml",
    "x-score",
    "x-source-breaks",
    "x-target-paragraphs",
    "中文",
)

XML_TAGS = ("s", "p", "text", "link", "linkGrp", "tu", "tuv", "seg", "prop", "note", "body",
            "header", "bpt", "hi", "ph", "sub", "x")


def random_text(rng: random.Random, max_len: int = 40) -> str:
    pools = (
        "abcdefghijklmnopqrstuvwxyz ABCXYZ.,!?;:'\"-()",
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞。，、；：！？“”（）《》",
        "0123456789%$€¥.,",
        "\u00e9\u00fc\u00df\u0142\u03b1\u0416\u05d0\u0627\u0e01\u1100\u3042\u30a2\uac00",
        "\U0001f600\U0001f4a9\U00020000\U0002a6a5\u200b\u200d\u2028\ufeff\u00a0\t\n",
    )
    out = []
    for _ in range(rng.randint(0, max_len)):
        pool = pools[min(len(pools) - 1, int(rng.expovariate(1.2)))]
        out.append(rng.choice(pool))
    return "".join(out)


# -- byte mutations ---------------------------------------------------------------------


def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data)) if data else 0


def mutate_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    op = rng.choice(
        ("flip", "set", "truncate", "insert", "insert", "token", "token", "delete", "duplicate",
         "number")
    )
    if not data:
        return rng.choice(TOKENS), "token into empty"
    if op == "flip":
        k = rng.randrange(len(data))
        bit = 1 << rng.randrange(8)
        return data[:k] + bytes([data[k] ^ bit]) + data[k + 1 :], f"flip bit {bit} at {k}"
    if op == "set":
        k = rng.randrange(len(data))
        value = rng.randrange(256)
        return data[:k] + bytes([value]) + data[k + 1 :], f"byte {value} at {k}"
    if op == "truncate":
        k = rng.randrange(len(data))
        return data[:k], f"truncate at {k}"
    if op == "insert":
        k = _pos(rng, data)
        blob = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        return data[:k] + blob + data[k:], f"insert {blob!r} at {k}"
    if op == "token":
        k = _pos(rng, data)
        token = rng.choice(TOKENS)
        return data[:k] + token + data[k:], f"insert {token[:40]!r} at {k}"
    if op == "delete":
        k = rng.randrange(len(data))
        n = min(len(data) - k, int(rng.expovariate(1 / 20)) + 1)
        return data[:k] + data[k + n :], f"delete {n} at {k}"
    if op == "duplicate":
        k = rng.randrange(len(data))
        n = min(len(data) - k, int(rng.expovariate(1 / 200)) + 1)
        to = _pos(rng, data)
        return data[:to] + data[k : k + n] + data[to:], f"copy {n} from {k} to {to}"
    # number: replace a run of digits by another number
    runs = [m.span() for m in re.finditer(rb"[0-9]+", data)]
    if not runs:
        return mutate_bytes(data, rng)
    k, end = rng.choice(runs)
    new = rng.choice((b"0", b"1", b"2", b"-1", b"99999", b"9" * 30, b"1.0", b"1e999", b"00",
                      b"9" * 5000))
    return data[:k] + new + data[end:], f"number {data[k:end]!r} -> {new!r} at {k}"


# -- JSON mutations ---------------------------------------------------------------------


def _json_paths(obj: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(obj, dict):
        for key, value in obj.items():
            out.extend(_json_paths(value, path + (key,)))
    elif isinstance(obj, list):
        for k, value in enumerate(obj):
            out.extend(_json_paths(value, path + (k,)))
    return out


def _get(obj: Any, path: tuple) -> Any:
    for part in path:
        obj = obj[part]
    return obj


def _deep(depth: int, rng: random.Random) -> Any:
    value: Any = rng.choice((0, "x", None))
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"a": value}
    return value


def mutate_json(obj: Any, rng: random.Random) -> str:
    """Change ``obj`` (a parsed project) in place; returns a description."""
    annotations = obj.get("annotations") if isinstance(obj, dict) else None
    if isinstance(annotations, list) and annotations and rng.random() < 0.15:
        return _mutate_anchor(obj, rng)
    paths = _json_paths(obj)
    # Prefer the interesting structure over the thousands of sentence fields.
    path = rng.choice(paths)
    if rng.random() < 0.5:
        short = [p for p in paths if len(p) <= 3 or p[0] in ("annotations", "meta", "scores")]
        path = rng.choice(short)
    parent_path, key = path[:-1], (path[-1] if path else None)
    value = _get(obj, path)
    op = rng.choice(("delete", "replace", "replace", "tweak", "string", "deep", "swap", "dup",
                     "add"))
    where = "/".join(map(str, path)) or "(root)"
    if key is None:
        if op == "deep":
            obj.clear()
            deep = _deep(rng.randint(50, 5000), rng)
            obj.update({"format": "aligner-gui", "version": 1, "x": deep})
            return "root replaced by deep nesting"
        return mutate_json(obj, rng)
    parent = _get(obj, parent_path)
    if op == "delete":
        del parent[key]
        return f"delete {where}"
    if op == "replace":
        new = copy.deepcopy(rng.choice(JSON_VALUES))
        parent[key] = new
        return f"{where} = {str(new)[:30]!r}"
    if op == "tweak":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            parent[key] = rng.choice(JSON_VALUES)
            return f"{where} = other type"
        choice = rng.choice(("float", "plus", "minus", "neg", "huge"))
        new = {
            "float": float(value),
            "plus": value + 1,
            "minus": value - 1,
            "neg": -value - 1,
            "huge": value + 10**rng.randint(6, 40),
        }[choice]
        parent[key] = new
        return f"{where}: {value!r} -> {new!r}"
    if op == "string":
        parent[key] = random_text(rng, rng.choice((5, 50, 500)))
        return f"{where} = random text"
    if op == "deep":
        parent[key] = _deep(rng.randint(50, 5000), rng)
        return f"{where} = deep nesting"
    if op in ("swap", "dup") and isinstance(parent, list) and len(parent) > 1:
        j = rng.randrange(len(parent))
        if op == "swap":
            parent[key], parent[j] = parent[j], parent[key]
            return f"swap {where} with [{j}]"
        parent.insert(j, copy.deepcopy(parent[key]))
        return f"duplicate {where} at [{j}]"
    if isinstance(value, dict):
        name = rng.choice(("context", "orphan", "details", "uncovered", "role", "x", "id", "score"))
        value[name] = copy.deepcopy(rng.choice(JSON_VALUES))
        return f"{where}.{name} added"
    if isinstance(value, list):
        value.insert(rng.randint(0, len(value)), copy.deepcopy(rng.choice(JSON_VALUES)))
        return f"{where}: item inserted"
    parent[key] = rng.choice(JSON_VALUES)
    return f"{where} = other value"


def _mutate_anchor(obj: dict, rng: random.Random) -> str:
    """Make an annotation's offsets miss its text (re-anchoring runs) with odd context."""
    k = rng.randrange(len(obj["annotations"]))
    annotation = obj["annotations"][k]
    if not isinstance(annotation, dict):
        return "annotation not an object"
    shift = rng.choice((1, -1, 7, 10**6))
    for name in ("start", "end"):
        if isinstance(annotation.get(name), int) and not isinstance(annotation.get(name), bool):
            annotation[name] = max(0, annotation[name] + shift)
    context = rng.choice((
        {"before": "", "after": ""}, "text", 5, None, [], {"before": 5}, {"after": ["x"]},
        {"before": "\ud800" * 3, "after": "中" * 5000},
    ))
    annotation["context"] = context
    if rng.random() < 0.3:
        annotation["text"] = rng.choice(("", "的", "the", "\x00"))
    return f"annotations/{k}: offsets {shift:+}, context {str(context)[:30]!r}"


def dump_json(obj: Any, rng: random.Random) -> bytes:
    try:
        text = json.dumps(obj, ensure_ascii=rng.random() < 0.3, indent=rng.choice((None, 1)))
    except (RecursionError, ValueError):
        text = json.dumps({"format": "aligner-gui", "version": 1})
    return text.encode("utf-8", "surrogatepass")


# -- XML mutations ----------------------------------------------------------------------


def mutate_xml(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return mutate_bytes(data, rng)
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    element = rng.choice(elements)
    parent = element.getparent()
    op = rng.choice(("delete", "dup", "move", "attr-del", "attr-set", "attr-set", "text",
                     "tail", "child", "rename", "wrap", "lang"))
    desc = f"<{element.tag}> #{elements.index(element)}: {op}"
    if op == "delete" and parent is not None:
        parent.remove(element)
    elif op == "dup" and parent is not None:
        parent.insert(rng.randint(0, len(parent)), copy.deepcopy(element))
    elif op == "move" and parent is not None:
        target = rng.choice(elements)
        if element not in target.iterancestors() and target is not element:
            parent.remove(element)
            target.insert(rng.randint(0, len(target)), element)
    elif op == "attr-del" and element.attrib:
        del element.attrib[rng.choice(list(element.attrib))]
    elif op in ("attr-set", "attr-del"):
        names = list(element.attrib) + ["id", "type", "xtargets", "status", "toDoc", "fromDoc",
                                        "srclang", "tuid"]
        name = rng.choice(names)
        value = rng.choice(XML_ATTR_VALUES) if rng.random() < 0.8 else random_text(rng, 10)
        element.set(name, _xml_legal(value))
        desc += f" {name}={value[:20]!r}"
    elif op == "text":
        element.text = _xml_legal(random_text(rng, rng.choice((0, 10, 200, 5000))))
    elif op == "tail":
        element.tail = _xml_legal(random_text(rng, 20))
    elif op == "child":
        child = etree.SubElement(element, rng.choice(XML_TAGS))
        child.text = _xml_legal(random_text(rng, 10))
        if rng.random() < 0.5:
            child.set("id", rng.choice(XML_ATTR_VALUES))
        if rng.random() < 0.3:
            child.set("type", rng.choice(("x-score", "x-status", "x-source-breaks", "x-flags")))
    elif op == "rename":
        element.tag = rng.choice(XML_TAGS + ("{urn:x}s", "{http://www.tei-c.org/ns/1.0}s"))
    elif op == "wrap" and parent is not None:
        depth = rng.choice((3, 50, 200, 300))
        index = parent.index(element)
        outer = etree.Element(rng.choice(XML_TAGS))
        inner = outer
        for _ in range(depth - 1):
            inner = etree.SubElement(inner, rng.choice(("hi", "sub", "p", "x")))
        parent.remove(element)
        inner.append(element)
        parent.insert(index, outer)
        desc += f" depth {depth}"
    else:
        element.set("{http://www.w3.org/XML/1998/namespace}lang",
                    rng.choice(("zh", "en", "", "fr", "ZH_cn", "zh-Hant", "x")))
    out = etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")
    return out, desc


TSV_CELLS = ("", " ", "0", "-1", "1", "99999999999999999999", "9" * 5000, "1.5", "nan",
             "Major", "minor", "critical", "Neutral", "No-error", "Non-translation!",
             "Accuracy/Omission", "Fluency/Spelling", "Other", "<v>", "</v>", "<v></v>",
             "<v>x</v>", "<v><v>a</v></v>", "a<v>b", "b</v>c", "\"", "\"\"", "\\t",
             "translation", "system2", "doc", "rater1", "中文<v>译文</v>")


def mutate_tsv(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Cell- and row-level changes to a WMT MQM TSV (header kept most of the time)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return mutate_bytes(data, rng)
    lines = text.split("\n")
    if len(lines) < 2:
        return mutate_bytes(data, rng)
    k = rng.randrange(1, len(lines)) if rng.random() < 0.9 else 0
    cells = lines[k].split("\t")
    op = rng.choice(("cell", "cell", "cell", "mark", "drop-cell", "add-cell", "dup-row",
                     "drop-row", "swap-rows"))
    if op == "cell":
        c = rng.randrange(len(cells))
        value = rng.choice(TSV_CELLS) if rng.random() < 0.8 else random_text(rng, 20)
        cells[c] = value.replace("\n", " ").replace("\t", " ")
        lines[k] = "\t".join(cells)
        return "\n".join(lines).encode("utf-8"), f"row {k} cell {c} = {value[:20]!r}"
    if op == "mark":
        c = rng.choice((5, 6)) if len(cells) > 6 else rng.randrange(len(cells))
        cell = cells[c]
        a = rng.randint(0, len(cell))
        b = rng.randint(a, len(cell))
        open_, close = rng.choice((("<v>", "</v>"), ("<v>", ""), ("", "</v>"), ("</v>", "<v>")))
        cells[c] = cell[:a] + open_ + cell[a:b] + close + cell[b:]
        lines[k] = "\t".join(cells)
        return "\n".join(lines).encode("utf-8"), f"row {k} cell {c}: span {open_}{close} {a}:{b}"
    if op == "drop-cell" and len(cells) > 1:
        del cells[rng.randrange(len(cells))]
        lines[k] = "\t".join(cells)
    elif op == "add-cell":
        cells.insert(rng.randint(0, len(cells)), rng.choice(TSV_CELLS))
        lines[k] = "\t".join(cells)
    elif op == "dup-row":
        lines.insert(rng.randint(1, len(lines)), lines[k])
    elif op == "drop-row":
        del lines[k]
    else:
        j = rng.randrange(1, len(lines))
        lines[k], lines[j] = lines[j], lines[k]
    return "\n".join(lines).encode("utf-8"), f"row {k}: {op}"


def _xml_legal(text: str) -> str:
    from aligner_gui.core.text.safe_xml import xml_text

    return xml_text(text).replace("\ufffe", " ").replace("\uffff", " ")


# -- running one case -------------------------------------------------------------------


@dataclass
class Outcome:
    kind: str  # "ok" | "typed" | "bug"
    detail: str = ""
    signature: str = ""  # for bugs: exception type and innermost aligner_gui frame
    trace: str = ""
    seconds: float = 0.0


def _signature(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    inner = [f for f in frames if "aligner_gui" in f.filename]
    where = ""
    if inner:
        frame = inner[-1]
        file = frame.filename.split("aligner_gui/")[-1]
        where = f" at {file}:{frame.name}"
    return f"{type(error).__name__}{where}"


def _guarded(call: Callable[[], Any]) -> tuple[Any, Outcome | None]:
    start = time.perf_counter()
    try:
        return call(), None
    except AlignerError as error:
        return None, Outcome("typed", f"{type(error).__name__}: {error}"[:300],
                             seconds=time.perf_counter() - start)
    except Exception as error:  # noqa: BLE001 - this is what we are looking for
        return None, Outcome(
            "bug",
            f"{type(error).__name__}: {error}"[:300],
            _signature(error),
            traceback.format_exc(),
            time.perf_counter() - start,
        )


def check_loaded(doc: Any, scratch: Path) -> Outcome:
    """An accepted file: the document must be valid and survive a save and a reload."""
    from aligner_gui.core.model import DocumentError
    from aligner_gui.io.project import load_project, save_project

    try:
        doc.check()
    except DocumentError as error:
        return Outcome("bug", f"accepted but invalid: {error}", "invalid document accepted")
    for bead in doc.beads:
        if bead.score is not None and not (
            isinstance(bead.score, (int, float)) and math.isfinite(bead.score)
            and 0 <= bead.score <= 1
        ):
            return Outcome("bug", f"accepted a bead score {bead.score!r}",
                           "score outside [0, 1] accepted")
    out = scratch / "roundtrip.json"
    _, failure = _guarded(lambda: save_project(doc, out, backup=False))
    if failure is not None:
        if failure.kind == "typed":
            return Outcome("bug", f"accepted but cannot be saved: {failure.detail}",
                           "accepted file cannot be saved")
        failure.signature = "save: " + failure.signature
        return failure
    _, failure = _guarded(lambda: load_project(out))
    if failure is not None:
        if failure.kind == "typed":
            first = failure.detail.split(": ", 2)[-1]
            return Outcome("bug", f"saved project cannot be reopened: {failure.detail}",
                           "saved project cannot be reopened: " + _shape(first))
        failure.signature = "reload: " + failure.signature
        return failure
    return Outcome("ok")


def _shape(message: str) -> str:
    """A message with numbers and quoted values blanked, to group similar failures."""
    message = re.sub(r"\[\d+\]", "[]", message)
    message = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", message)
    return re.sub(r"-?\d+(\.\d+)?(e[+-]?\d+)?", "N", message)[:100]


def run_loader(loader: Callable[[Path], Any], path: Path, scratch: Path) -> Outcome:
    start = time.perf_counter()
    doc, failure = _guarded(lambda: loader(path))
    if failure is not None:
        return failure
    outcome = check_loaded(doc, scratch)
    outcome.seconds = time.perf_counter() - start
    return outcome


# -- campaigns --------------------------------------------------------------------------


@dataclass
class Target:
    """One real file set to mutate: ``mutable`` files get mutated, ``entry`` is loaded."""

    name: str
    entry: Path
    mutable: list[Path]
    loader: Callable[[Path], Any]
    structured: str  # "json" | "xml" | "tsv"


@dataclass
class Report:
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)
    bugs: dict[str, list[tuple[int, str, str, str]]] = field(default_factory=dict)
    slowest: tuple[float, int, str] = (0.0, -1, "")

    def add(self, seed: int, desc: str, outcome: Outcome) -> None:
        self.cases += 1
        self.outcomes[outcome.kind] += 1
        if outcome.kind == "bug":
            self.bugs.setdefault(outcome.signature, []).append(
                (seed, desc, outcome.detail, outcome.trace)
            )
        if outcome.seconds > self.slowest[0]:
            self.slowest = (outcome.seconds, seed, desc)


def make_case(target: Target, seed: int, workdir: Path) -> tuple[Path, str]:
    """Copy the target's files to ``workdir`` and mutate them; returns (entry, description)."""
    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    for file in target.mutable:
        shutil.copy(file, workdir / file.name)
    file = workdir / rng.choice(target.mutable).name
    data = file.read_bytes()
    descs = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if target.structured == "json" and rng.random() < 0.6:
            try:
                obj = json.loads(data)
            except (ValueError, RecursionError):
                data, desc = mutate_bytes(data, rng)
            else:
                desc = mutate_json(obj, rng)
                data = dump_json(obj, rng)
        elif target.structured == "xml" and rng.random() < 0.6:
            data, desc = mutate_xml(data, rng)
        elif target.structured == "tsv" and rng.random() < 0.7:
            data, desc = mutate_tsv(data, rng)
        else:
            data, desc = mutate_bytes(data, rng)
        descs.append(desc)
    file.write_bytes(data)
    return workdir / target.entry.name, f"{file.name}: " + "; ".join(descs)


def campaign(
    target: Target,
    seeds: range,
    workdir: Path,
    report: Report | None = None,
    deadline: float | None = None,
) -> Report:
    report = report or Report()
    for seed in seeds:
        if deadline is not None and time.monotonic() > deadline:
            break
        case_dir = workdir / f"{target.name}-case"
        if case_dir.exists():
            shutil.rmtree(case_dir)
        entry, desc = make_case(target, seed, case_dir)
        outcome = run_loader(target.loader, entry, workdir)
        report.add(seed, f"{target.name} seed {seed}: {desc}", outcome)
    return report
