"""Hostile and odd input: each gives a typed one-line error (never a traceback or a hang),
exports never turn text into markup, and no user file reaches eval/exec/pickle."""

from __future__ import annotations

import ast
import html.parser
import io
import os
import re
import subprocess
import sys
import time
from contextlib import redirect_stderr
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner_gui import cli
from aligner_gui.core.errors import InputError
from aligner_gui.core.model import AlignmentDocument, Annotation, Bead, Sentence, Side
from aligner_gui.core.text.load import MAX_FILE_BYTES, load_sides, read_text

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "aligner_gui"
SEED = ROOT / "seeds" / "000_730210bb8f392e85.txt"
SCALE = max(1, int(os.environ.get("ALIGNER_FUZZ_SCALE", "1")))

ZH = "美国和俄罗斯正在接近达成协议。双方将冻结核武库一年。\n这可能避免新的军备竞赛。"
EN = (
    "The U.S. and Russia are moving closer to a deal. Both would freeze arsenals.\n"
    "It could avoid a new arms race."
)


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("aligner: error: ")
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


# -- the text loader and `aligner align` -------------------------------------------------

HOSTILE_TEXTS = {
    "nul-bytes": (b"The deal.\x00\x00\x00 \xe7\xbe\x8e\xe5\x9b\xbd\xe3\x80\x82", "NUL bytes"),
    "utf16-without-bom": (EN.encode("utf-16-le"), "NUL bytes"),
    "invalid-utf8": (b"The deal \xff\xfe\xfa is close. \xc3\x28 \xa0\xa1" * 20, "encoding"),
    "latin1": ("Café déjà vu, naïve façade. ".encode("latin-1") * 20, "encoding"),
    "bom-then-garbage": (b"\xef\xbb\xbf\xff\xff\xfe" + b"x" * 10, "byte-order mark"),
    "utf16-bom-cut": (b"\xff\xfe" + "美国".encode("utf-16-le") + b"\x00", "UTF-16"),
    "empty": (b"", "empty"),
    "blank": (b" \n\t\r\n \n", "empty"),
    "english-only": ((EN + "\n") * 5, "no Chinese"),
    "chinese-only": ((ZH + "\n") * 5, "no English"),
    "neither-language": ("Привет мир. こんにちは。 مرحبا بالعالم. 안녕하세요.\n" * 3, "neither"),
    "numbers-only": ("1 2 3 4 5 6\n7 8 9\n", "no Chinese"),
    "one-english-word": (ZH * 20 + "\nOK", "no English"),
}


def test_interleaved_lines_load_as_two_sides(tmp_path):
    """Chinese and English lines alternating (once refused) load, each line to its side,
    and align line to line."""
    zh_lines, en_lines = ZH.split("\n") * 3, EN.split("\n") * 3
    text = "".join(f"{z}\n{e}\n" for z, e in zip(zh_lines, en_lines, strict=True))
    path = _write(tmp_path, "interleaved.txt", text)
    source, target = load_sides([path])
    assert source.text.split("\n") == [line.strip() for line in en_lines if line.strip()]
    assert target.text.split("\n") == [line.strip() for line in zh_lines if line.strip()]
    code, _out, err = _cli("align", str(path), "-o", str(tmp_path / "out.json"))
    assert code == 0, err


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_bilingual_file_is_a_one_line_error(tmp_path, name):
    data, fragment = HOSTILE_TEXTS[name]
    path = _write(tmp_path, f"{name}.txt", data)
    with pytest.raises(InputError) as info:
        load_sides([path])
    assert "\n" not in str(info.value) and fragment in str(info.value)
    code, _out, err = _cli("align", str(path), "-o", str(tmp_path / "out.json"))
    assert_one_line_error(code, err, str(path), fragment)
    assert not (tmp_path / "out.json").exists()


def test_missing_file_and_folder(tmp_path):
    code, _out, err = _cli("align", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.json"))
    assert_one_line_error(code, err, "no such file")
    code, _out, err = _cli("align", str(tmp_path), "-o", str(tmp_path / "o.json"))
    assert_one_line_error(code, err, "directory")


def test_file_over_the_size_limit_states_the_limit(tmp_path):
    """A sparse file just over the limit: refused from its size, before reading it."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"the limit is 50 MB"):
        read_text(path)
    code, _out, err = _cli("align", str(path), "-o", str(tmp_path / "o.json"))
    assert_one_line_error(code, err, "the limit is 50 MB")
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("suffix", [".json", ".tmx", ".xml", ".tsv"])
def test_project_and_import_size_limits_are_stated(tmp_path, suffix):
    """Sparse files just over the 200 MB limits of load_project / import_file."""
    from aligner_gui.io.format_helpers import MAX_IMPORT_BYTES
    from aligner_gui.io.project import MAX_PROJECT_BYTES

    path = tmp_path / f"huge{suffix}"
    with open(path, "wb") as handle:
        handle.truncate(max(MAX_IMPORT_BYTES, MAX_PROJECT_BYTES) + 1)
    start = time.perf_counter()
    command = ("validate", str(path)) if suffix == ".json" else (
        "import", str(path), "-o", str(tmp_path / "o.json"))
    code, _out, err = _cli(*command)
    assert_one_line_error(code, err, "the limit is 200 MB")
    assert time.perf_counter() - start < 5


def _limited_memory() -> None:  # preexec_fn: 1.5 GB of address space
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


@pytest.mark.parametrize(
    "command, special",
    [("validate", "/dev/zero"), ("align", "/dev/zero"), ("import", "/dev/zero"),
     ("validate", "fifo"),
     ("align", "fifo")],  # align read a pipe to ask whether it is a project (it hung)
)
def test_devices_and_pipes_are_refused_quickly(tmp_path, command, special):
    if special == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)  # nobody ever writes: reading it would block
    else:
        path = Path(special)
        if not path.exists():
            pytest.skip("no /dev/zero here")
    args = [command, str(path)] + ([] if command == "validate" else
                                   ["-o", str(tmp_path / "o.json")])
    try:
        result = subprocess.run(
            [sys.executable, "-m", "aligner_gui.cli", *args], capture_output=True, text=True,
            timeout=3, cwd=ROOT, preexec_fn=_limited_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"aligner {command} {special} hangs")
    assert_one_line_error(result.returncode, result.stderr)


def test_an_output_that_is_no_regular_file_is_refused(tmp_path):
    """-o /dev/null (as root) renamed a regular file over the device and kept a .bak
    beside it; a named pipe as the output is refused the same way."""
    src = _write(tmp_path, "a.txt", "美国和俄罗斯同意延长条约。\n\n" + EN)
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    code, _out, err = _cli("align", str(src), "-o", str(pipe))
    assert_one_line_error(code, err, "not a regular file")
    assert pipe.is_fifo() and not (tmp_path / "out.json.bak").exists()
    from aligner_gui.io.atomic import atomic_write_bytes
    from aligner_gui.io.errors import ProjectWriteError

    with pytest.raises(ProjectWriteError, match="not a regular file"):
        atomic_write_bytes(pipe, b"{}")  # the window's saves and exports
    assert pipe.is_fifo()


def test_same_language_twice(tmp_path):
    a = _write(tmp_path, "a.txt", EN)
    b = _write(tmp_path, "b.txt", EN.upper())
    code, _out, err = _cli("align", str(a), str(b), "-o", str(tmp_path / "o.json"))
    assert_one_line_error(code, err, "both files are English")


def test_ten_megabyte_single_line(tmp_path):
    """A 10 MB line of English words: with a real Chinese file it loads and segments (in
    bounded time); after a short Chinese block in one file it is refused as one-sided."""
    words = EN.replace("\n", " ").split()
    line = " ".join(words[k % len(words)] for k in range(1_900_000))[:10_000_000]
    en = _write(tmp_path, "long-en.txt", line + "\n")
    zh = _write(tmp_path, "zh.txt", ZH * 50)
    start = time.perf_counter()
    source, target = load_sides([zh, en])
    assert time.perf_counter() - start < 30
    assert source.lang == "en" and target.lang == "zh"
    assert len(source.text) >= 9_000_000
    last = source.sentences[-1]
    assert source.text[last.start : last.end] == last.text

    both = _write(tmp_path, "long.txt", ZH + "\n\n" + line + "\n")
    code, _out, err = _cli("align", str(both), "-o", str(tmp_path / "o.json"))
    assert_one_line_error(code, err, "no Chinese block")


def test_mixed_scripts_inside_sentences(tmp_path, lexicon):
    """Emoji, bidi controls, astral Han, combining marks, Latin inside Chinese: aligned."""
    zh = "特朗普\u202e说🙂：New START条约𠀀将延长。普京（Putin）同意了e\u0301。\n第二段。"
    en = "Trump\u200b said 🙂 the New START treaty would be extended. Putin agreed.\nPart two."
    path = _write(tmp_path, "mixed.txt", zh + "\n\n" + en)
    code, _out, err = _cli("align", str(path), "-o", str(tmp_path / "o.json"), "-q")
    assert code == 0, err
    from aligner_gui.io.project import load_project

    doc = load_project(tmp_path / "o.json")
    doc.check()


@settings(max_examples=60 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=300).map(lambda t: t.encode("utf-16", "surrogatepass")),
    st.text(alphabet=st.characters(codec="gb18030"), max_size=300).map(
        lambda t: t.encode("gb18030")
    ),
))
def test_random_bytes_load_or_input_error(tmp_path, data):
    path = _write(tmp_path, "random.txt", data)
    try:
        source, target = load_sides([path])
    except InputError as error:
        assert "\n" not in str(error)
        return
    for side in (source, target):
        for s in side.sentences:
            assert side.text[s.start : s.end] == s.text


def test_cli_subprocess_prints_no_traceback(tmp_path):
    """The installed entry point as an editor runs it: one line on stderr, exit 2."""
    path = _write(tmp_path, "bin.txt", b"\x00\x01\x02 binary \xff" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "aligner_gui.cli", "align", str(path), "-o",
         str(tmp_path / "o.json")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert_one_line_error(result.returncode, result.stderr, "NUL bytes")


@pytest.mark.parametrize(
    "name, data, fragment",
    [
        ("deep.json", b'{"a": ' + b"[" * 200_000, "nested too deeply"),
        ("bomb.tmx",
         b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
         b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx>&b;</tmx>', "entities"),
        ("xxe.tmx",
         b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         b"<tmx><body><tu><tuv xml:lang='en'><seg>&x;</seg></tuv></tu></body></tmx>",
         "entities"),
        ("garbage.bin", os.urandom(2000).replace(b"{", b"x").replace(b"<", b"x"),
         "cannot tell the format"),
        ("empty.tmx", b"", "empty"),
    ],
    ids=["deep-json", "entity-bomb", "external-entity", "garbage", "empty"],
)
def test_cli_import_and_validate_hostile_files(tmp_path, name, data, fragment):
    path = _write(tmp_path, name, data)
    code, _out, err = _cli("import", str(path), "-o", str(tmp_path / "o.json"))
    assert_one_line_error(code, err, fragment)
    assert not (tmp_path / "o.json").exists()
    code, _out, err = _cli("validate", str(path))
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


# -- the aligner on a 4 MB single line ---------------------------------------------------
# Found by this file: core/align.py _compact raised IndexError when every item of one
# side was frequent on the other (fixed in 50c6358).


def test_four_megabyte_single_line_aligns(lexicon):
    from aligner_gui.core.align.aligner import align_sides
    from aligner_gui.core.text.load import split_bilingual
    from aligner_gui.core.text.segment import segment

    zh, en = split_bilingual(read_text(SEED))
    line = " ".join([en.replace("\n", " ")] * 1000)
    source = Side("en", "original", line, segment(line, "en"))
    target = Side("zh", "translation", zh, segment(zh, "zh"))
    beads = align_sides(source, target, lexicon)
    AlignmentDocument(source, target, beads).check()


# -- exports: text never becomes markup -------------------------------------------------

PAYLOADS = (
    "<script>alert('s')</script>",
    "<img src=x onerror=alert(1)>",
    "</td></tr></table><iframe src=javascript:alert(2)>",
    "\"><svg onload=alert(3)>",
    "' onmouseover='alert(4)",
    "<!-- --><style>body{display:none}</style>",
    "&lt;script&gt;already escaped&lt;/script&gt;",
    "<a href=\"javascript:alert(5)\">x</a>",
    "]]><![CDATA[<script>x</script>]]>",
)


def _hostile_doc() -> AlignmentDocument:
    def side(lang: str, role: str, texts: list[str]) -> Side:
        sentences, pos = [], 0
        for k, text in enumerate(texts):
            sentences.append(Sentence(k, k, pos, pos + len(text), text))
            pos += len(text) + 1
        return Side(lang, role, "\n".join(texts), sentences)

    en = [f"Sentence {k} {p} ends." for k, p in enumerate(PAYLOADS)]
    zh = [f"第{k}句{p}。" for k, p in enumerate(PAYLOADS)]
    beads = [Bead((k,), (k,), 0.5, "auto", [f"flag<{k}>", PAYLOADS[k]], {"note": PAYLOADS[k]})
             for k in range(len(PAYLOADS))]
    beads[0] = Bead((0,), (), None, "auto", ["omission", "content"], {"class": "content"})
    beads.insert(1, Bead((), (0,), None, "auto", ["addition"]))
    doc = AlignmentDocument(side("en", "original", en), side("zh", "translation", zh), beads,
                            scores={PAYLOADS[0]: PAYLOADS[1], "mean_score": 0.5},
                            meta={"name": PAYLOADS[2]})
    for k, payload in enumerate(PAYLOADS):
        side_name = "source" if k % 2 else "target"
        s = doc.side(side_name).sentences[k]
        doc.add_annotation(Annotation(
            PAYLOADS[(k + 1) % len(PAYLOADS)], side_name, s.start, s.end, s.text,
            f"Accuracy/{payload}", "major", comment=payload, correction=payload,
            tags=[payload],
        ))
    doc.check()
    return doc


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_html_export_escapes_all_text(tmp_path):
    from aligner_gui.io.formats import export_document

    out = export_document(_hostile_doc(), "html", tmp_path / "report.html")[0]
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"<\s*(script|img|iframe|object|embed|foreignobject)\b", text,
                         re.IGNORECASE)
    parser = _Tags()
    parser.feed(text)
    tags = {tag for tag, _ in parser.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table",
                    "thead", "tbody", "tr", "th", "td", "span", "br", "ol", "ul", "li", "mark",
                    "div", "section", "small", "sup", "em", "strong", "abbr", "footer",
                    "header", "main", "nav", "code", "b", "i", "u", "s", "q", "cite", "dl",
                    "dt", "dd", "caption", "col", "colgroup", "tfoot", "hr", "h3", "h4",
                    # the report's own overview strip (inline SVG) and its links to beads
                    "svg", "defs", "pattern", "rect", "circle", "text", "a", "details",
                    "summary"}, tags
    assert text.count("<style>") == 1  # only the report's own
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action", "formaction", "style", "srcset", "content"):
                assert "javascript:" not in (value or "").lower(), (tag, name, value)
            if name in ("href", "xlink:href"):  # links only to the report's own beads
                assert re.fullmatch(r"#bead-\d+", value or ""), (tag, name, value)
    # The payloads are there, as text.
    assert "&lt;script&gt;alert(&#x27;s&#x27;)&lt;/script&gt;" in text


@pytest.mark.parametrize("fmt", ["tmx", "intertext", "tsv", "mqm-tsv", "annotations-csv", "json"])
def test_other_exports_keep_payloads_as_text(tmp_path, fmt):
    """XML exports escape markup (it reads back as the same text); text exports stay text."""
    from aligner_gui.io.formats import export_document

    files = export_document(_hostile_doc(), fmt, tmp_path / f"out.{fmt}")
    for file in files:
        data = file.read_text(encoding="utf-8")
        if file.suffix in (".tmx", ".xml"):
            from lxml import etree

            root = etree.fromstring(data.encode("utf-8"))
            assert not [e for e in root.iter() if e.tag in ("script", "img", "iframe", "svg")]
            assert "<script>" not in data
    if fmt in ("tmx", "intertext", "json"):
        from aligner_gui.io.formats import import_file

        back = import_file(files[0])
        assert any("<script>alert('s')</script>" in s.text for s in back.source.sentences)


# -- no eval / exec / pickle of user files ----------------------------------------------

FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle",
                     "jsonpickle", "yaml", "joblib"}
FORBIDDEN_BUILTINS = {"eval", "exec", "compile", "__import__", "execfile", "input"}


def _source_files() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    return files


def test_no_eval_exec_or_pickle_in_the_package():
    """AST check over aligner_gui: no unsafe deserialiser imported, no builtin eval/exec.

    Qt's ``box.exec()`` / ``app.exec()`` are methods, not the builtin; ``ast.literal_eval``
    reads literals only and is allowed. ``numpy.load`` must not allow pickles.
    """
    problems = []
    for path in _source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                        problems.append(f"{rel}:{node.lineno}: import {alias.name}")
            elif isinstance(node, ast.ImportFrom):
                if (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
                    problems.append(f"{rel}:{node.lineno}: from {node.module} import")
            elif isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name) and func.id in FORBIDDEN_BUILTINS:
                    problems.append(f"{rel}:{node.lineno}: {func.id}()")
                if isinstance(func, ast.Attribute) and func.attr in ("load", "loads"):
                    owner = func.value
                    if isinstance(owner, ast.Name) and owner.id in ("np", "numpy", "torch"):
                        allow = [k for k in node.keywords if k.arg == "allow_pickle"]
                        if owner.id == "torch" or any(
                            not (isinstance(k.value, ast.Constant) and k.value.value is False)
                            for k in allow
                        ):
                            problems.append(f"{rel}:{node.lineno}: {owner.id}.{func.attr}()")
                if isinstance(func, ast.Attribute) and func.attr == "import_module":
                    # Dynamic imports only of our own modules, named in code (formats._lazy).
                    arg = node.args[0] if node.args else None
                    if not (isinstance(arg, ast.JoinedStr) and isinstance(
                        arg.values[0], ast.Constant) and str(arg.values[0].value).startswith(
                        "aligner_gui.")) and not (isinstance(arg, ast.Constant)):
                        problems.append(f"{rel}:{node.lineno}: import_module(non-constant)")
    assert not problems, "\n".join(problems)


def test_grep_for_unsafe_calls():
    """The plain-text check the issue asks for, on top of the AST one."""
    pattern = re.compile(r"\bpickle\b|(?<![.\w])eval\(|(?<![.\w])exec\(|yaml\.(unsafe_)?load\(")
    hits = []
    for path in _source_files():
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{lineno}: {line.strip()}")
    assert not hits, "\n".join(hits)


def test_literal_eval_of_align_files_runs_no_code(tmp_path):
    """core/evaluation.py reads gold .align files with ast.literal_eval: literals only."""
    from aligner_gui.core.align.evaluation import parse_align

    marker = tmp_path / "pwned"
    for line in (f"__import__('os').system('touch {marker}'):[1]",
                 f"[open('{marker}', 'w')]:[1]", "[" * 1000 + ":[1]"):
        with pytest.raises(ValueError):
            parse_align(line)
    assert not marker.exists()
