"""Loads the weights ExportToPyTorch.java wrote into a PyTorch module and checks its output.

    python3 examples/export-pytorch/load_in_pytorch.py OUT_DIR
"""
import sys
from pathlib import Path

import torch
from safetensors.torch import load_file


class MLP(torch.nn.Module):
    def __init__(self):
        super().__init__()
        # ibinit names layer tensors by their place in the stack, activations included: layers.0, layers.2
        self.layers = torch.nn.Sequential(torch.nn.Linear(784, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10))

    def forward(self, x):
        return self.layers(x)


out = Path(sys.argv[1] if len(sys.argv) > 1 else "runs/export-pytorch")
model = MLP()
model.load_state_dict(load_file(str(out / "mlp.safetensors")))  # strict: every name and shape must match
x = torch.arange(784, dtype=torch.float32) / 784
with torch.no_grad():
    scores = model(x)
expected = torch.tensor([float(v) for v in (out / "expected-scores.txt").read_text().split()])
diff = (scores - expected).abs().max().item()
print(f"PyTorch loaded {out / 'mlp.safetensors'}: max |score difference| to ibinit's = {diff:.2e}")
sys.exit(0 if diff < 1e-4 else 1)
