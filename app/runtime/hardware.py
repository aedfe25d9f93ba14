"""What this machine can run: GPUs (NVIDIA, AMD, Intel Arc, Apple), memory, and a model choice.

Detection reads sysfs and asks `nvidia-smi`; both are injectable so tests run on faked outputs.
The recommendation follows the original project's selection guide: 8B/4B on large GPUs, 1.7B on
laptops and 8 GB Macs, 0.6B/360M on integrated graphics and little memory.
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

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

    @property
    def best_gpu(self) -> GPU | None:
        return max(self.gpus, key=lambda g: (g.discrete, g.vram_gb), default=None)

    def describe(self) -> str:
        g = self.best_gpu
        gpu = f"{g.name} ({g.vram_gb:.0f} GB)" if g else "no GPU"
        offload = "GPU offload available" if self.gpu_offload else "CPU-only llama.cpp build"
        return f"{self.system} {self.machine}, {self.ram_gb:.0f} GB RAM, {self.cpu_threads} threads, {gpu}, {offload}"


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


@dataclass
class Probe:
    """Everything detection looks at; tests replace the parts they fake."""

    run: Callable[[list[str]], str | None] = _run
    sysfs: Path = Path("/sys")
    system: str = field(default_factory=platform.system)
    machine: str = field(default_factory=platform.machine)
    ram_gb: Callable[[], float] = total_ram_gb
    cpu_threads: int = field(default_factory=lambda: os.cpu_count() or 1)
    offload: Callable[[], bool] = llama_gpu_offload


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
    return Hardware(p.system, p.machine, ram, p.cpu_threads, tuple(gpus), p.offload())


@dataclass(frozen=True)
class Recommendation:
    model_id: str
    reason: str
    n_gpu_layers: int
    n_threads: int
    fallback_id: str = "gemma3-270m"


def recommend(hw: Hardware, catalog) -> Recommendation:
    """The model this machine should run, with offload and thread settings."""
    by_id = {e.id: e for e in catalog}
    gpu = hw.best_gpu
    usable = gpu.vram_gb if (gpu and gpu.discrete and hw.gpu_offload) else 0.0
    if gpu and gpu.vendor == "apple" and hw.gpu_offload:
        if hw.ram_gb <= 8.5:
            choice, why = "dw-qwen3-1.7b", "8 GB Mac: 1.7B fits beside the system"
        else:
            choice, why = "dw-qwen3-4b", "Mac with room for the 4B model"
    elif usable >= 16:
        choice, why = "dw-qwen3-8b", f"large GPU ({usable:.0f} GB)"
    elif usable >= 6:
        choice, why = "dw-qwen3-4b", f"GPU with {usable:.0f} GB: the 4B model is the sweet spot"
    elif usable >= 2:
        choice, why = "dw-smollm2-1.7b", f"laptop GPU with {usable:.0f} GB"
    elif hw.ram_gb >= 16:
        choice, why = "dw-qwen3-1.7b", "no usable GPU; 16 GB or more of RAM"
    elif hw.ram_gb >= 6:
        choice, why = "dw-qwen3-0.6b", "integrated graphics or modest RAM"
    else:
        choice, why = "dw-smollm2-360m", "little memory"
    entry = by_id.get(choice)
    threads, layers = run_settings(entry.vram_gb if entry else 0.0, hw)
    return Recommendation(choice, why, layers, threads)


def gpu_layers(model_vram_gb: float, usable_vram_gb: float) -> int:
    """All layers (-1) when the model fits in 90% of the GPU's memory, else none (CPU)."""
    if usable_vram_gb > 0 and model_vram_gb <= 0.9 * usable_vram_gb:
        return -1
    return 0


_DETECTED: Hardware | None = None


def machine() -> Hardware:
    """This machine, detected once per process."""
    global _DETECTED
    if _DETECTED is None:
        _DETECTED = detect()
    return _DETECTED


def run_settings(model_vram_gb: float, hw: Hardware | None = None) -> tuple[int, int]:
    """(CPU threads, GPU layers) for loading a model of this size here."""
    hw = hw or machine()
    gpu = hw.best_gpu
    usable = gpu.vram_gb if (gpu and gpu.discrete and hw.gpu_offload) else 0.0
    threads = max(1, min(8, (hw.cpu_threads + 1) // 2 if hw.cpu_threads > 4 else hw.cpu_threads))
    return threads, gpu_layers(model_vram_gb, usable)
