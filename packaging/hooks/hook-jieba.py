"""Replaces the generic jieba hook, which collects all of jieba's data (about 35 MB).

The aligner uses jieba's default tokenizer only: it needs the main dictionary. The HMM
tables of jieba.finalseg are Python modules (found by import analysis), and the paddle
model (lac_small), the keyword-extraction IDF table (analyse) and the .p pickles (read
only on Jython) are never loaded.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("jieba", includes=["dict.txt"])
