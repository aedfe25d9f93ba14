"""Which llama.cpp build is installed, asked of llama.cpp itself.

`llama_supports_gpu_offload()` only says yes or no. ggml's device registry says which backends the
library was built with (CPU, CUDA, Metal, Vulkan, SYCL, ROCm...) and which devices each one found,
with their free and total memory. That lets us name a CUDA build on an Intel Arc laptop, or a CPU
build on a gaming PC, as such, and say how to get the build the GPU needs (`advise`).

The ggml calls go through ctypes on the libraries llama_cpp has already loaded; `inspect` takes the
library lookup as an argument, so tests run on faked backends.
"""

from __future__ import annotations

import ctypes
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# ggml_backend_dev_type, in ggml-backend.h's order (IGPU and META arrived in 2025; older builds stop at ACCEL).
_DEV_TYPES = ("cpu", "gpu", "igpu", "accel", "meta")
# Registry names of the backends that are not a GPU of their own.
_HOST_BACKENDS = {"CPU", "BLAS", "RPC", "AMX", "ZDNN", "OPENCL-HOST"}
# Registry names as people know them (ggml-metal registers as "MTL").
_DISPLAY = {"MTL": "Metal"}
WHEEL_INDEX = "https://abetlen.github.io/llama-cpp-python/whl"


@dataclass(frozen=True)
class Device:
    name: str  # ggml's device name: "CPU", "CUDA0", "Vulkan0", "MTL0", "SYCL0"...
    description: str  # what the driver calls it: "NVIDIA GeForce RTX 4070", "Intel(R) Arc(TM) A770 Graphics"
    kind: str  # cpu, gpu, igpu, accel
    backend: str  # the registry that owns it: CPU, CUDA, Metal, Vulkan, SYCL, ROCm...
    free_bytes: int = 0
    total_bytes: int = 0

    @property
    def is_gpu(self) -> bool:
        return self.kind in ("gpu", "igpu")


@dataclass(frozen=True)
class BackendInfo:
    loaded: bool
    backends: tuple[str, ...] = ()  # every registry compiled in, even those that found no device
    devices: tuple[Device, ...] = ()
    lib_dir: str = ""
    version: str = ""
    error: str = ""  # why llama.cpp could not be loaded or asked

    @property
    def gpu_devices(self) -> tuple[Device, ...]:
        return tuple(d for d in self.devices if d.is_gpu)

    @property
    def gpu_backends(self) -> tuple[str, ...]:
        return tuple(_DISPLAY.get(b, b) for b in self.backends if b.upper() not in _HOST_BACKENDS)

    @property
    def free_vram_bytes(self) -> int:
        """Free memory of the largest GPU llama.cpp can use (0 when none)."""
        return max((d.free_bytes for d in self.devices if d.kind == "gpu"), default=0)

    def label(self) -> str:
        """One line: "llama.cpp 0.3.36, CUDA build: NVIDIA GeForce RTX 4070 (11.2 of 12.0 GB free)"."""
        if not self.loaded:
            return f"llama.cpp not usable: {self.error}"
        kind = "/".join(self.gpu_backends) + " build" if self.gpu_backends else "CPU-only build"
        gpus = ", ".join(
            f"{d.description or d.name} ({d.free_bytes / 2**30:.1f} of {d.total_bytes / 2**30:.1f} GB free)"
            if d.total_bytes else (d.description or d.name)
            for d in self.gpu_devices
        )
        found = f": {gpus}" if gpus else (": no GPU found by it" if self.gpu_backends else "")
        version = f"llama.cpp {self.version}, " if self.version else ""
        return f"{version}{kind}{found}"


class _Lib:
    """Looks a ggml symbol up in each loaded library in turn (Windows does not search dependencies)."""

    def __init__(self, libs: list[ctypes.CDLL]):
        self.libs = libs

    def __getattr__(self, name):
        for lib in self.libs:
            try:
                return getattr(lib, name)
            except AttributeError:
                continue
        raise AttributeError(name)


def _library_names(lib_dir: Path) -> list[Path]:
    stems = ("ggml", "ggml-base", "llama")
    if sys.platform == "win32":
        names = [f"{s}.dll" for s in stems] + [f"lib{s}.dll" for s in stems]
    elif sys.platform == "darwin":
        names = [f"lib{s}.dylib" for s in stems] + [f"lib{s}.so" for s in stems]
    else:
        names = [f"lib{s}.so" for s in stems]
    return [lib_dir / n for n in names if (lib_dir / n).exists()]


def _load_llama() -> tuple[_Lib, str, str]:
    """(ggml symbols, library folder, version) of the llama.cpp that llama_cpp itself loads."""
    import llama_cpp
    from llama_cpp import llama_cpp as low

    lib_dir = Path(getattr(low, "_base_path", Path(llama_cpp.__file__).parent / "lib"))
    libs = [ctypes.CDLL(str(p)) for p in _library_names(lib_dir)]
    if not libs:
        raise FileNotFoundError(f"no ggml library in {lib_dir}")
    return _Lib(libs), str(lib_dir), getattr(llama_cpp, "__version__", "")


def _text(ptr) -> str:
    return ptr.decode("utf-8", "replace") if ptr else ""


def query(lib) -> tuple[tuple[str, ...], tuple[Device, ...]]:
    """Registries and devices from ggml's registry API."""
    vp, sz, cs = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p
    for fn, args, res in (
        ("ggml_backend_reg_count", [], sz), ("ggml_backend_reg_get", [sz], vp), ("ggml_backend_reg_name", [vp], cs),
        ("ggml_backend_dev_count", [], sz), ("ggml_backend_dev_get", [sz], vp), ("ggml_backend_dev_name", [vp], cs),
        ("ggml_backend_dev_description", [vp], cs), ("ggml_backend_dev_type", [vp], ctypes.c_int),
        ("ggml_backend_dev_backend_reg", [vp], vp),
        ("ggml_backend_dev_memory", [vp, ctypes.POINTER(sz), ctypes.POINTER(sz)], None),
    ):
        f = getattr(lib, fn)
        f.argtypes, f.restype = args, res
    backends = tuple(_text(lib.ggml_backend_reg_name(lib.ggml_backend_reg_get(i))) for i in range(lib.ggml_backend_reg_count()))
    devices = []
    for i in range(lib.ggml_backend_dev_count()):
        dev = lib.ggml_backend_dev_get(i)
        free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
        lib.ggml_backend_dev_memory(dev, ctypes.byref(free), ctypes.byref(total))
        t = lib.ggml_backend_dev_type(dev)
        devices.append(Device(
            name=_text(lib.ggml_backend_dev_name(dev)),
            description=_text(lib.ggml_backend_dev_description(dev)).strip(),
            kind=_DEV_TYPES[t] if 0 <= t < len(_DEV_TYPES) else "unknown",
            backend=_text(lib.ggml_backend_reg_name(lib.ggml_backend_dev_backend_reg(dev))),
            free_bytes=int(free.value), total_bytes=int(total.value),
        ))
    return backends, tuple(devices)


def inspect(load: Callable[[], tuple[object, str, str]] = _load_llama) -> BackendInfo:
    """What the installed llama.cpp was built with and what it finds here; never raises."""
    try:
        lib, lib_dir, version = load()
    except Exception as exc:  # noqa: BLE001 - a missing driver library surfaces as OSError/RuntimeError
        return BackendInfo(False, error=_explain_load_error(str(exc)))
    try:
        backends, devices = query(lib)
    except Exception as exc:  # noqa: BLE001 - an old build without the registry API
        return BackendInfo(True, lib_dir=lib_dir, version=version, error=f"ggml's device list is not available ({exc})")
    return BackendInfo(True, backends, devices, lib_dir, version)


_INFO: BackendInfo | None = None


def installed() -> BackendInfo:
    """This process's llama.cpp, asked once."""
    global _INFO
    if _INFO is None:
        _INFO = inspect()
    return _INFO


def _explain_load_error(msg: str) -> str:
    low = msg.lower()
    if "libcuda" in low or "cudart" in low or "cublas" in low or "nvcuda" in low:
        return f"this is a CUDA build of llama.cpp but the NVIDIA driver or CUDA runtime is missing ({msg})"
    if "vulkan" in low:
        return f"this is a Vulkan build of llama.cpp but the Vulkan loader is missing (install libvulkan1) ({msg})"
    if "hip" in low or "rocblas" in low:
        return f"this is a ROCm build of llama.cpp but ROCm is missing ({msg})"
    if "sycl" in low or "libmkl" in low or "ze_loader" in low:
        return f"this is a SYCL build of llama.cpp but Intel oneAPI is missing ({msg})"
    if "no module named" in low:
        return "llama-cpp-python is not installed"
    return msg


# -- advice -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Advice:
    ok: bool  # the build can use this computer's best GPU (or there is no GPU worth using)
    summary: str  # "CUDA build, using NVIDIA GeForce RTX 4070"
    reason: str = ""  # why the GPU goes unused
    fix: str = ""  # what to run or download


# Which llama.cpp backends drive which GPU vendor, best first.
BACKENDS_FOR_VENDOR = {
    "nvidia": ("CUDA", "Vulkan"),
    "amd": ("ROCm", "HIP", "Vulkan"),
    "intel": ("Vulkan", "SYCL"),
    "apple": ("MTL", "Metal"),
}
_VENDOR_NAMES = {"nvidia": "NVIDIA", "amd": "AMD", "intel": "Intel", "apple": "Apple"}


def install_command(vendor: str, version: str = "", frozen: bool | None = None) -> str:
    """How to get a llama.cpp build for this GPU vendor."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    pin = f"=={version}" if version else ""
    if frozen:
        variant = {"nvidia": "CUDA", "apple": "macOS (Metal)"}.get(vendor, "Vulkan")
        return (f"download the {variant} build of Dyslexic Writer, or point LLAMA_CPP_LIB_PATH at a folder "
                f"with a {variant} build of llama.cpp's libraries")
    binary = f"pip install --force-reinstall --no-deps --only-binary llama-cpp-python llama-cpp-python{pin}"
    if vendor == "nvidia":
        return f"{binary} --extra-index-url {WHEEL_INDEX}/cu124   (or cu121..cu125 to match `nvidia-smi`)"
    if vendor == "apple":
        return f"{binary} --extra-index-url {WHEEL_INDEX}/metal"
    if vendor == "amd":
        return (f'CMAKE_ARGS="-DGGML_VULKAN=on" pip install --force-reinstall --no-deps --no-cache-dir llama-cpp-python{pin}'
                f"   (needs the Vulkan SDK; or -DGGML_HIP=on with ROCm)")
    if vendor == "intel":
        return (f'CMAKE_ARGS="-DGGML_VULKAN=on" pip install --force-reinstall --no-deps --no-cache-dir llama-cpp-python{pin}'
                "   (needs the Vulkan SDK; SYCL needs Intel oneAPI)")
    return f"{binary} --extra-index-url {WHEEL_INDEX}/cpu"


def advise(info: BackendInfo, gpus, frozen: bool | None = None) -> Advice:
    """Compare the build with the GPUs the system reports (`hardware.GPU`s) and say what to do."""
    if not info.loaded:
        return Advice(False, "llama.cpp cannot be loaded", info.error,
                      install_command("cpu", frozen=frozen) if not frozen else "reinstall Dyslexic Writer")
    discrete = [g for g in gpus if g.discrete]
    build = "/".join(info.gpu_backends) + " build" if info.gpu_backends else "CPU-only build"
    used = [d for d in info.gpu_devices if d.kind == "gpu"]
    if used:
        names = ", ".join(d.description or d.name for d in used)
        return Advice(True, f"{build}, using {names}")
    if not discrete:
        return Advice(True, f"{build}; no separate GPU here, so the CPU does the work")
    gpu = max(discrete, key=lambda g: g.vram_gb)
    wanted = BACKENDS_FOR_VENDOR.get(gpu.vendor, ())
    vendor = _VENDOR_NAMES.get(gpu.vendor, gpu.vendor)
    if info.gpu_backends:
        have = "/".join(info.gpu_backends)
        if not any(b.lower() == w.lower() for b in info.gpu_backends for w in wanted):
            reason = f"this is a {have} build of llama.cpp, which cannot drive the {vendor} GPU ({gpu.name})"
        else:
            reason = f"this {have} build found no usable {vendor} GPU: check the driver ({gpu.name})"
    else:
        reason = f"this llama.cpp is a CPU-only build, so the {vendor} GPU ({gpu.name}) is not used"
    return Advice(False, build, reason, install_command(gpu.vendor, info.version, frozen))


def environment_switches() -> dict[str, str]:
    """Troubleshooting switches that are set, so `doctor` can show them."""
    keys = ("LLAMA_CPP_LIB_PATH", "GGML_VK_DISABLE_F16", "GGML_VK_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES",
            "ONEAPI_DEVICE_SELECTOR", "HIP_VISIBLE_DEVICES")
    return {k: os.environ[k] for k in keys if k in os.environ}
