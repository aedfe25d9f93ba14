from pathlib import Path

import dataclasses

from dyslexic_writer.runtime.backend import BackendInfo, Device
from dyslexic_writer.runtime.catalog import load_catalog
from dyslexic_writer.runtime.gguf_meta import ModelShape
from dyslexic_writer.runtime.hardware import (
    GIB, GPU, Hardware, Probe, detect, gpu_layers, offload_layers, recommend, run_settings_for,
)


def fake_sysfs(root: Path, cards: dict[str, dict[str, str]]) -> Path:
    for card, files in cards.items():
        dev = root / "class" / "drm" / card / "device"
        dev.mkdir(parents=True)
        for name, value in files.items():
            (dev / name).write_text(value + "\n")
    (root / "class" / "drm" / "card0-HDMI-A-1").mkdir(parents=True, exist_ok=True)
    return root


def probe(tmp_path, cards=None, smi=None, system="Linux", machine="x86_64", ram=16.0, offload=True):
    return Probe(
        run=lambda cmd: smi,
        sysfs=fake_sysfs(tmp_path, cards or {}),
        system=system,
        machine=machine,
        ram_gb=lambda: ram,
        cpu_threads=8,
        offload=lambda: offload,
        backend=lambda: None,
    )


def test_nvidia_from_nvidia_smi(tmp_path):
    hw = detect(probe(tmp_path, smi="NVIDIA GeForce RTX 3060, 12288\n"))
    assert hw.best_gpu == GPU("nvidia", "NVIDIA GeForce RTX 3060", 12.0)


def test_amd_discrete_and_apu(tmp_path):
    hw = detect(probe(tmp_path, cards={
        "card0": {"vendor": "0x1002", "device": "0x73bf", "mem_info_vram_total": str(16 * 2**30)},
        "card1": {"vendor": "0x1002", "device": "0x1638", "mem_info_vram_total": str(512 * 2**20)},
    }))
    assert [(g.vendor, g.discrete, round(g.vram_gb)) for g in hw.gpus] == [("amd", True, 16), ("amd", False, 0)]


def test_intel_arc_versus_integrated(tmp_path):
    hw = detect(probe(tmp_path, cards={
        "card0": {"vendor": "0x8086", "device": "0x56a0"},
        "card1": {"vendor": "0x8086", "device": "0x4680"},
    }))
    arc, igpu = hw.gpus
    assert arc.discrete and "Arc" in arc.name and arc.vram_gb > 0
    assert not igpu.discrete


def test_apple_silicon_uses_unified_memory(tmp_path):
    hw = detect(probe(tmp_path, system="Darwin", machine="arm64", ram=8.0))
    assert hw.best_gpu.vendor == "apple" and round(hw.best_gpu.vram_gb, 1) == 5.3


def hw(gpus=(), ram=16.0, offload=True, system="Linux"):
    return Hardware(system, "x86_64", ram, 8, tuple(gpus), offload)


def published(catalog):
    """The catalog as it will be once the fine-tuned models are on the hub."""
    return tuple(dataclasses.replace(e, published=True) for e in catalog)


def test_recommendations_follow_the_guide():
    cat = published(load_catalog())
    assert recommend(hw([GPU("nvidia", "big", 24)]), cat).model_id == "dw-qwen3-8b"
    assert recommend(hw([GPU("intel", "Arc", 12)]), cat).model_id == "dw-qwen3-4b"
    assert recommend(hw([GPU("nvidia", "laptop", 4)]), cat).model_id == "dw-smollm2-1.7b"
    assert recommend(Hardware("Darwin", "arm64", 8, 8, (GPU("apple", "M1", 5.3),), True), cat).model_id == "dw-qwen3-1.7b"
    assert recommend(hw([GPU("intel", "igpu", 0, discrete=False)], ram=8), cat).model_id == "dw-qwen3-0.6b"
    assert recommend(hw(ram=4), cat).model_id == "dw-smollm2-360m"


def test_cpu_only_build_ignores_the_gpu():
    rec = recommend(hw([GPU("nvidia", "big", 24)], offload=False), published(load_catalog()))
    assert rec.n_gpu_layers == 0 and rec.model_id == "dw-qwen3-1.7b"


def test_an_unpublished_model_is_never_the_recommendation():
    cat = load_catalog()
    for machine in (hw([GPU("nvidia", "big", 24)]), hw(ram=8), hw(ram=4),
                    Hardware("Darwin", "arm64", 16, 8, (GPU("apple", "M2", 10.7),), True)):
        rec = recommend(machine, cat)
        entry = next(e for e in cat if e.id == rec.model_id)
        assert entry.published and not entry.unavailable_reason()
        assert rec.guide_id.startswith("dw-") and "not published yet" in rec.reason


def cuda_backend(free_gb, total_gb=None, regs=("CUDA", "CPU")):
    devices = (Device("CUDA0", "NVIDIA RTX", "gpu", "CUDA", int(free_gb * GIB), int((total_gb or free_gb) * GIB)),) if free_gb else ()
    return BackendInfo(True, regs, devices + (Device("CPU", "cpu", "cpu", "CPU"),), "/lib", "0.3.36")


def test_vram_comes_from_llama_cpp_free_memory_not_the_card_total():
    # A 24 GB card with 5 GB free (a game running) is a 5 GB card for us.
    m = Hardware("Linux", "x86_64", 32, 8, (GPU("nvidia", "RTX 4090", 24),), True, cuda_backend(5, 24))
    assert round(m.usable_vram_gb()) == 5
    assert recommend(m, published(load_catalog())).model_id == "dw-smollm2-1.7b"


def test_cuda_build_on_an_intel_arc_laptop_is_named_with_the_fix():
    m = Hardware("Linux", "x86_64", 16, 8, (GPU("intel", "Intel Arc GPU 0x5690", 8),), False, cuda_backend(0))
    rec = recommend(m, load_catalog())
    assert m.usable_vram_gb() == 0 and rec.n_gpu_layers == 0
    assert "CUDA build" in rec.gpu_note and "Intel" in rec.gpu_note and "Fix:" in rec.gpu_note
    assert "CUDA build" in m.describe()


def test_detect_asks_the_backend(tmp_path):
    p = probe(tmp_path, smi="NVIDIA GeForce RTX 3060, 12288\n")
    p = dataclasses.replace(p, offload=None, backend=lambda: cuda_backend(11, 12))
    m = detect(p)
    assert m.gpu_offload and m.backend.gpu_backends == ("CUDA",) and m.advice().ok


def test_gpu_layers_policy():
    assert gpu_layers(3.5, 12) == -1
    assert gpu_layers(6, 6) == 0
    assert gpu_layers(1, 0) == 0


QWEN3_4B = ModelShape(int(2.4 * GIB), 36, 8, 128)  # KV at 2048 tokens: 288 MiB


def test_full_offload_counts_weights_kv_cache_and_overhead():
    need = QWEN3_4B.weights_bytes + QWEN3_4B.kv_cache_bytes(2048) + GIB // 2  # about 3.2 GiB
    assert offload_layers(QWEN3_4B, need / 0.85 + 1) == -1
    assert offload_layers(QWEN3_4B, need / 0.85 - 2**20) != -1


def test_partial_offload_rather_than_failing():
    layers = offload_layers(QWEN3_4B, 2 * GIB)  # 1.7 GiB budget, 1.2 GiB after overhead
    assert 0 < layers < 36
    per_layer = (QWEN3_4B.weights_bytes + QWEN3_4B.kv_cache_bytes(2048)) / 36
    assert layers == int((0.85 * 2 * GIB - GIB // 2) // per_layer)


def test_cpu_when_nothing_useful_fits():
    assert offload_layers(QWEN3_4B, 0.5 * GIB) == 0
    assert offload_layers(QWEN3_4B, 0) == 0
    assert offload_layers(ModelShape(int(6 * GIB)), 4 * GIB) == 0  # no layer count: no guessing


def test_longer_context_needs_more_room():
    free = 4 * GIB
    assert offload_layers(QWEN3_4B, free, n_ctx=2048) == -1
    assert offload_layers(QWEN3_4B, free, n_ctx=16384) > 0


def test_run_settings_for_reads_the_file(tmp_path):
    from test_gguf_meta import write_gguf

    path = write_gguf(tmp_path / "m.gguf", [("general.architecture", 8, "qwen3"), ("qwen3.block_count", 4, 28),
                                            ("qwen3.attention.head_count", 4, 16), ("qwen3.attention.head_count_kv", 4, 8),
                                            ("qwen3.attention.key_length", 4, 128)])
    m = Hardware("Linux", "x86_64", 16, 8, (), True, cuda_backend(8))
    assert run_settings_for(path, hw=m) == (4, -1)
    cpu = Hardware("Linux", "x86_64", 16, 2, (), False, BackendInfo(True, ("CPU",)))
    assert run_settings_for(path, hw=cpu) == (2, 0)
