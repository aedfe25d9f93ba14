from pathlib import Path

from dyslexic_writer.runtime.catalog import load_catalog
from dyslexic_writer.runtime.hardware import GPU, Hardware, Probe, detect, gpu_layers, recommend


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


def test_recommendations_follow_the_guide():
    cat = load_catalog()
    assert recommend(hw([GPU("nvidia", "big", 24)]), cat).model_id == "dw-qwen3-8b"
    assert recommend(hw([GPU("intel", "Arc", 12)]), cat).model_id == "dw-qwen3-4b"
    assert recommend(hw([GPU("nvidia", "laptop", 4)]), cat).model_id == "dw-smollm2-1.7b"
    assert recommend(Hardware("Darwin", "arm64", 8, 8, (GPU("apple", "M1", 5.3),), True), cat).model_id == "dw-qwen3-1.7b"
    assert recommend(hw([GPU("intel", "igpu", 0, discrete=False)], ram=8), cat).model_id == "dw-qwen3-0.6b"
    assert recommend(hw(ram=4), cat).model_id == "dw-smollm2-360m"


def test_cpu_only_build_ignores_the_gpu():
    rec = recommend(hw([GPU("nvidia", "big", 24)], offload=False), load_catalog())
    assert rec.n_gpu_layers == 0 and rec.model_id == "dw-qwen3-1.7b"


def test_gpu_layers_policy():
    assert gpu_layers(3.5, 12) == -1
    assert gpu_layers(6, 6) == 0
    assert gpu_layers(1, 0) == 0
