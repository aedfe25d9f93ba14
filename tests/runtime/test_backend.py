"""The llama.cpp backend report, on faked ggml registries: no GPU or real llama.cpp needed."""

import ctypes

from dyslexic_writer.runtime.backend import BackendInfo, Device, advise, inspect, install_command, query
from dyslexic_writer.runtime.hardware import GPU

GIB = 2**30


class FakeGgml:
    """Just enough of ggml's registry API, with the same calling convention as the ctypes functions."""

    def __init__(self, regs, devices):
        self.regs = regs  # names
        self.devices = devices  # (name, description, type code, reg index, free, total)

    def __getattr__(self, name):
        impl = getattr(self, "_" + name)

        class Fn:
            argtypes = restype = None

            def __call__(self, *args):
                return impl(*args)

        fn = Fn()
        setattr(self, name, fn)
        return fn

    def _ggml_backend_reg_count(self):
        return len(self.regs)

    def _ggml_backend_reg_get(self, i):
        return ("reg", i)

    def _ggml_backend_reg_name(self, reg):
        return self.regs[reg[1]].encode()

    def _ggml_backend_dev_count(self):
        return len(self.devices)

    def _ggml_backend_dev_get(self, i):
        return i

    def _ggml_backend_dev_name(self, d):
        return self.devices[d][0].encode()

    def _ggml_backend_dev_description(self, d):
        return self.devices[d][1].encode()

    def _ggml_backend_dev_type(self, d):
        return self.devices[d][2]

    def _ggml_backend_dev_backend_reg(self, d):
        return ("reg", self.devices[d][3])

    def _ggml_backend_dev_memory(self, d, free, total):
        ctypes.cast(free, ctypes.POINTER(ctypes.c_size_t))[0] = self.devices[d][4]
        ctypes.cast(total, ctypes.POINTER(ctypes.c_size_t))[0] = self.devices[d][5]


def fake(regs, devices):
    return lambda: (FakeGgml(regs, devices), "/fake/lib", "0.3.36")


CPU = ("CPU", "Intel Core i7", 0, 0, 16 * GIB, 16 * GIB)


def test_cuda_build_with_an_nvidia_gpu_is_named_and_measured():
    info = inspect(fake(["CUDA", "CPU"], [("CUDA0", "NVIDIA GeForce RTX 4070", 1, 0, 11 * GIB, 12 * GIB), CPU]))
    assert info.gpu_backends == ("CUDA",)
    assert info.devices[0] == Device("CUDA0", "NVIDIA GeForce RTX 4070", "gpu", "CUDA", 11 * GIB, 12 * GIB)
    assert info.free_vram_bytes == 11 * GIB
    assert "CUDA build: NVIDIA GeForce RTX 4070 (11.0 of 12.0 GB free)" in info.label()
    assert advise(info, [GPU("nvidia", "RTX 4070", 12)]).ok


def test_cuda_build_on_an_intel_arc_laptop_says_why_and_how():
    info = inspect(fake(["CUDA", "CPU"], [CPU]))  # CUDA compiled in, but it finds no NVIDIA device
    advice = advise(info, [GPU("intel", "Intel Arc GPU 0x5690", 8)], frozen=False)
    assert not advice.ok
    assert "CUDA build" in advice.reason and "Intel GPU" in advice.reason
    assert "GGML_VULKAN=on" in advice.fix


def test_cpu_build_on_a_gaming_pc_points_at_the_cuda_wheels():
    info = inspect(fake(["CPU"], [CPU]))
    assert info.label().endswith("CPU-only build")
    advice = advise(info, [GPU("nvidia", "NVIDIA GeForce RTX 3060", 12)], frozen=False)
    assert not advice.ok and "CPU-only build" in advice.reason
    assert "--only-binary llama-cpp-python" in advice.fix and "/whl/cu12" in advice.fix and "==0.3.36" in advice.fix


def test_metal_registers_as_mtl_but_is_called_metal():
    info = inspect(fake(["MTL", "BLAS", "CPU"], [("MTL0", "Apple M2", 1, 0, 10 * GIB, 10 * GIB), CPU]))
    assert info.gpu_backends == ("Metal",)
    assert advise(info, [GPU("apple", "Apple Silicon (Metal)", 10)]).ok


def test_vulkan_build_that_finds_no_device_blames_the_driver():
    info = inspect(fake(["Vulkan", "CPU"], [CPU]))
    advice = advise(info, [GPU("amd", "AMD GPU 0x73bf", 16)])
    assert not advice.ok and "found no usable AMD GPU" in advice.reason


def test_integrated_gpu_only_is_fine_on_the_cpu():
    info = inspect(fake(["Vulkan", "CPU"], [("Vulkan0", "Intel UHD", 2, 0, GIB, GIB), CPU]))
    assert info.free_vram_bytes == 0  # an iGPU shares RAM; it does not count as VRAM
    assert advise(info, [GPU("intel", "integrated", 0, discrete=False)]).ok


def test_a_missing_driver_library_is_explained():
    def broken():
        raise OSError("libcuda.so.1: cannot open shared object file")

    info = inspect(broken)
    assert not info.loaded and "NVIDIA driver" in info.error
    assert not advise(info, []).ok


def test_old_build_without_the_registry_api_still_loads():
    info = inspect(lambda: (object(), "/lib", "0.2.0"))
    assert info.loaded and "not available" in info.error and info.devices == ()


def test_frozen_app_advice_does_not_say_pip():
    assert "pip" not in install_command("nvidia", frozen=True)
    assert "LLAMA_CPP_LIB_PATH" in install_command("intel", frozen=True)


def test_query_reads_the_real_library_when_installed():
    import pytest

    pytest.importorskip("llama_cpp")
    info = inspect()
    assert info.loaded and "CPU" in info.backends and any(d.kind == "cpu" for d in info.devices)


def test_backend_info_is_frozen():
    import dataclasses

    import pytest

    with pytest.raises(dataclasses.FrozenInstanceError):
        BackendInfo(True).loaded = False
