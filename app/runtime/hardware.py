"""What this machine can run: GPUs (NVIDIA, AMD, Intel Arc, Apple), memory, and a model choice.

Detection reads sysfs and asks `nvidia-smi`, and asks llama.cpp itself which backend and devices it
has (`backend.py`); all are injectable so tests run on faked outputs. The recommendation follows the
original project's selection guide (8B/4B on large GPUs, 1.7B on laptops and 8 GB Macs, 0.6B/360M
on integrated graphics and little memory), but only among models that can be downloaded today.

GPU memory counts what llama.cpp will really allocate: the weights, the KV cache for the context we
use, and about 0.5 GiB of buffers; a model that does not fit whole gets some of its layers on the
GPU rather than failing (`offload_layers`).
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .backend import Advice, BackendInfo, advise
from .gguf_meta import ModelShape

_PCI_VENDORS = {"0x10de": "nvidia", "0x1002": "amd", "0x8086": "intel"}
# Intel discrete GPUs: Alchemist (DG2, 0x56xx) and Battlemage (0xe20x).
_INTEL_ARC_PREFIXES = ("0x56", "0xe20", "0xe21")
_DEFAULT_ARC_VRAM_GB = 8.0


@dataclass(frozen=True)
class GPU:
    vendor: str  # nvidia, amd, intel, apple
    name: str
    vram_gb: float
    discrete: bool = True


@dataclass(frozen=True)
class Hardware:
    system: str
    machine: str
    ram_gb: float
    cpu_threads: int
    gpus: tuple[GPU, ...] = ()
    gpu_offload: bool = False  # whether the installed llama.cpp build can use a GPU at all
    backend: BackendInfo | None = None  # what llama.cpp itself reports (None: not asked)

    @property
    def best_gpu(self) -> GPU | None:
        return max(self.gpus, key=lambda g: (g.discrete, g.vram_gb), default=None)

    def describe(self) -> str:
        g = self.best_gpu
        gpu = f"{g.name} ({g.vram_gb:.0f} GB)" if g else "no GPU"
        offload = "GPU offload available" if self.gpu_offload else "CPU-only llama.cpp build"
        if self.backend is not None:
            offload = self.advice().summary
        return f"{self.system} {self.machine}, {self.ram_gb:.0f} GB RAM, {self.cpu_threads} threads, {gpu}, {offload}"

    def advice(self) -> Advice:
        """Whether the llama.cpp build suits this GPU, why not, and the fix."""
        if self.backend is None:
            ok = self.gpu_offload or not any(g.discrete for g in self.gpus)
            return Advice(ok, "GPU offload available" if self.gpu_offload else "CPU-only llama.cpp build")
        return advise(self.backend, self.gpus)

    def usable_vram_gb(self) -> float:
        """GPU memory llama.cpp can use here: what its GPU device reports free, when it was asked."""
        if self.backend is not None and self.backend.loaded and not self.backend.error:
            return self.backend.free_vram_bytes / 2**30
        g = self.best_gpu
        return g.vram_gb if (g and g.discrete and self.gpu_offload) else 0.0


def _run(cmd: list[str]) -> str | None:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


def nvidia_gpus(run: Callable[[list[str]], str | None] = _run) -> list[GPU]:
    out = run(["nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader,nounits"])
    gpus = []
    for line in (out or "").splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) == 2:
            try:
                gpus.append(GPU("nvidia", parts[0], float(parts[1]) / 1024))
            except ValueError:
                continue
    return gpus


def sysfs_gpus(root: Path = Path("/sys")) -> list[GPU]:
    """AMD and Intel GPUs from /sys/class/drm (NVIDIA is left to nvidia-smi)."""
    gpus = []
    drm = root / "class" / "drm"
    if not drm.is_dir():
        return gpus
    for card in sorted(drm.glob("card[0-9]*")):
        if "-" in card.name:
            continue  # connectors such as card0-HDMI-A-1
        dev = card / "device"
        vendor = _PCI_VENDORS.get((_read(dev / "vendor") or "").lower())
        device = (_read(dev / "device") or "").lower()
        vram = _read(dev / "mem_info_vram_total")
        vram_gb = int(vram) / 2**30 if vram and vram.isdigit() else 0.0
        if vendor == "amd":
            # APUs report a small carve-out as VRAM; call them integrated.
            gpus.append(GPU("amd", f"AMD GPU {device}", vram_gb, discrete=vram_gb >= 2))
        elif vendor == "intel":
            arc = device.startswith(_INTEL_ARC_PREFIXES)
            gpus.append(GPU("intel", f"Intel {'Arc' if arc else 'integrated'} GPU {device}",
                            vram_gb or (_DEFAULT_ARC_VRAM_GB if arc else 0.0), discrete=arc))
    return gpus


def total_ram_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        return 8.0  # Windows without sysconf: a cautious guess


def llama_gpu_offload() -> bool:
    try:
        import llama_cpp

        return bool(llama_cpp.llama_supports_gpu_offload())
    except Exception:  # noqa: BLE001 - no llama.cpp at all means no offload
        return False


def installed_backend() -> BackendInfo:
    from .backend import installed

    return installed()


@dataclass
class Probe:
    """Everything detection looks at; tests replace the parts they fake."""

    run: Callable[[list[str]], str | None] = _run
    sysfs: Path = Path("/sys")
    system: str = field(default_factory=platform.system)
    machine: str = field(default_factory=platform.machine)
    ram_gb: Callable[[], float] = total_ram_gb
    cpu_threads: int = field(default_factory=lambda: os.cpu_count() or 1)
    backend: Callable[[], BackendInfo | None] = installed_backend
    offload: Callable[[], bool] | None = None  # the bare yes/no; None: from the backend's GPU devices


def detect(probe: Probe | None = None) -> Hardware:
    p = probe or Probe()
    ram = p.ram_gb()
    gpus: list[GPU] = []
    if p.system == "Darwin" and p.machine in ("arm64", "aarch64"):
        # Apple Silicon shares memory; Metal may use about two thirds of it.
        gpus.append(GPU("apple", "Apple Silicon (Metal)", ram * 2 / 3, discrete=True))
    else:
        gpus.extend(nvidia_gpus(p.run))
        gpus.extend(sysfs_gpus(p.sysfs))
    info = p.backend()
    if p.offload is not None:
        offload = p.offload()
    elif info is not None:
        offload = any(d.kind == "gpu" for d in info.gpu_devices)
    else:
        offload = llama_gpu_offload()
    return Hardware(p.system, p.machine, ram, p.cpu_threads, tuple(gpus), offload, info)


@dataclass(frozen=True)
class Recommendation:
    model_id: str
    reason: str
    n_gpu_layers: int
    n_threads: int
    fallback_id: str = "gemma3-270m"
    guide_id: str = ""  # what the selection guide picks for this machine, published or not
    gpu_note: str = ""  # why a GPU here goes unused, and the fix


def _guide(hw: Hardware, usable: float) -> tuple[str, str]:
    """The original selection guide: (model id, why)."""
    gpu = hw.best_gpu
    if gpu and gpu.vendor == "apple" and hw.gpu_offload:
        if hw.ram_gb <= 8.5:
            return "dw-qwen3-1.7b", "8 GB Mac: 1.7B fits beside the system"
        return "dw-qwen3-4b", "Mac with room for the 4B model"
    if usable >= 16:
        return "dw-qwen3-8b", f"large GPU ({usable:.0f} GB free)"
    if usable >= 6:
        return "dw-qwen3-4b", f"GPU with {usable:.0f} GB free: the 4B model is the sweet spot"
    if usable >= 2:
        return "dw-smollm2-1.7b", f"laptop GPU with {usable:.0f} GB free"
    if hw.ram_gb >= 16:
        return "dw-qwen3-1.7b", "no usable GPU; 16 GB or more of RAM"
    if hw.ram_gb >= 6:
        return "dw-qwen3-0.6b", "integrated graphics or modest RAM"
    return "dw-smollm2-360m", "little memory"


def recommend(hw: Hardware, catalog) -> Recommendation:
    """The model this machine should run, with offload and thread settings.

    Never a model that cannot be downloaded: while the guide's fine-tuned choice is unpublished, the
    embedded default (the model our own benchmark has measured) is recommended instead. Stock
    instruct models stay selectable, but are not recommended before they are measured.
    """
    by_id = {e.id: e for e in catalog}
    usable = hw.usable_vram_gb()
    guide, why = _guide(hw, usable)
    choice = guide
    entry = by_id.get(guide)
    fallback = next((e for e in catalog if e.embedded), None)
    if (entry is None or not entry.published) and fallback is not None:
        choice, entry = fallback.id, fallback
        why = (f"{why}; the guide's {guide} is not published yet, so the embedded default "
               f"({fallback.score_label()}) is recommended until it is")
    threads = _threads(hw)
    layers = offload_layers(entry.shape, usable * GIB) if entry is not None else 0
    advice = hw.advice()
    note = f"{advice.reason}. Fix: {advice.fix}" if not advice.ok and advice.reason else ""
    return Recommendation(choice, why, layers, threads, guide_id=guide, gpu_note=note)


GIB = 2**30
OVERHEAD_BYTES = GIB // 2  # compute buffers, CUDA/Metal context, scratch
FULL_OFFLOAD_SHARE = 0.85  # of the free VRAM; the rest is for the desktop and other programs
CONTEXT_TOKENS = 2048  # the scorer's context (the generator uses 1024)


def offload_layers(shape: ModelShape, free_vram_bytes: float, n_ctx: int = CONTEXT_TOKENS) -> int:
    """GPU layers for llama.cpp: -1 (all) when weights + KV cache + overhead fit in 85% of the free
    VRAM, else as many whole layers as fit (partial offload), else 0 (CPU)."""
    budget = FULL_OFFLOAD_SHARE * free_vram_bytes
    if budget <= OVERHEAD_BYTES or shape.weights_bytes <= 0:
        return 0
    model = shape.weights_bytes + shape.kv_cache_bytes(n_ctx)
    if model + OVERHEAD_BYTES <= budget:
        return -1
    if shape.layers <= 0:
        return 0  # without the layer count a partial split would be a guess
    n = int((budget - OVERHEAD_BYTES) // (model / shape.layers))
    return min(n, shape.layers - 1) if n >= 1 else 0


def gpu_layers(model_vram_gb: float, usable_vram_gb: float) -> int:
    """All layers (-1) or none for a model known only by its size (which must include its cache)."""
    return offload_layers(ModelShape(int(model_vram_gb * GIB)), usable_vram_gb * GIB)


_DETECTED: Hardware | None = None


def machine() -> Hardware:
    """This machine, detected once per process."""
    global _DETECTED
    if _DETECTED is None:
        _DETECTED = detect()
    return _DETECTED


def _threads(hw: Hardware) -> int:
    # DYSLEXIC_WRITER_THREADS caps llama.cpp's threads: benchmarks run beside other work would
    # otherwise spin threads against each other (a 2-core run then takes many times longer).
    cap = os.environ.get("DYSLEXIC_WRITER_THREADS", "")
    if cap.isdigit() and int(cap) > 0:
        return int(cap)
    return max(1, min(8, (hw.cpu_threads + 1) // 2 if hw.cpu_threads > 4 else hw.cpu_threads))


def run_settings(model_vram_gb: float, hw: Hardware | None = None) -> tuple[int, int]:
    """(CPU threads, GPU layers) for loading a model of this size here (all layers or none)."""
    hw = hw or machine()
    return _threads(hw), gpu_layers(model_vram_gb, hw.usable_vram_gb())


def run_settings_for(path: Path, n_ctx: int = CONTEXT_TOKENS, hw: Hardware | None = None) -> tuple[int, int]:
    """(CPU threads, GPU layers) for a GGUF file, with its KV cache read from the file's metadata;
    a model too big for the GPU gets a partial offload."""
    from .gguf_meta import model_shape

    hw = hw or machine()
    return _threads(hw), offload_layers(model_shape(path), hw.usable_vram_gb() * GIB, n_ctx)
