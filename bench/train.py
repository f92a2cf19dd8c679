"""Training throughput of the DSVAE presets at fp32 and bf16, and achieved FLOP/s as a fraction of a matmul peak.

Usage: python bench/train.py [--presets small paper] [--bs 64] [--steps 5] [--device cpu|cuda]

For each preset and precision: sequences per second of full training steps (forward, ELBO, backward, Adam) on random
videos, FLOP per sequence counted by torch's FlopCounterMode (convolutions and matmuls, forward and backward; the
LSTM kernels are not counted, so the fraction is a lower bound), and the same run's peak: a large square matmul of
the same dtype timed on the same device.
"""
import argparse, time, torch
from torch.utils.flop_counter import FlopCounterMode
from dsvae.model import DSVAE, PRESETS
from dsvae.loss import ELBOLoss

def matmul_peak(dtype, device, n=4096, reps=5):
    "FLOP/s of an n x n matmul in `dtype` on `device`"
    a, b = torch.randn(n, n, device=device, dtype=dtype), torch.randn(n, n, device=device, dtype=dtype)
    a @ b; sync(device); t = time.perf_counter()
    for _ in range(reps): a @ b
    sync(device); return 2 * n ** 3 * reps / (time.perf_counter() - t)

def sync(device):
    if device.type == 'cuda': torch.cuda.synchronize()

def make_step(preset, dtype, device, bs):
    m = DSVAE(PRESETS[preset]).to(device).to(memory_format=torch.channels_last)
    opt, lf = torch.optim.Adam(m.parameters(), 1e-3), ELBOLoss()
    x = torch.rand(bs, 8, 64, 64, 3, device=device).permute(0, 1, 4, 2, 3)
    def step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=dtype == torch.bfloat16):
            loss = lf(m(x), x)
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    return step

def bench(preset, dtype, device, bs, steps):
    step = make_step(preset, dtype, device, bs)
    with FlopCounterMode(display=False) as fc: step()
    step(); sync(device); t = time.perf_counter()
    for _ in range(steps): step()
    sync(device); dt = (time.perf_counter() - t) / steps
    return bs / dt, fc.get_total_flops() / bs

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--presets', nargs='+', default=['small', 'paper'])
    p.add_argument('--bs', type=int, default=64)
    p.add_argument('--steps', type=int, default=5)
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    a = p.parse_args()
    dev = torch.device(a.device)
    print(f'device {dev} ({torch.cuda.get_device_name() if dev.type == "cuda" else f"{torch.get_num_threads()} CPU threads"}), batch {a.bs}')
    peaks = {d: matmul_peak(d, dev) for d in (torch.float32, torch.bfloat16)}
    for d, v in peaks.items(): print(f'matmul peak {str(d)[6:]:>8}: {v / 1e12:7.2f} TFLOP/s')
    for preset in a.presets:
        res = {d: bench(preset, d, dev, a.bs, a.steps) for d in (torch.float32, torch.bfloat16)}
        for d, (sps, fl) in res.items():
            print(f'{preset:>5} {str(d)[6:]:>8}: {sps:8.1f} seq/s  {fl / 1e9:6.2f} GFLOP/seq  {sps * fl / 1e12:6.2f} TFLOP/s = {100 * sps * fl / peaks[d]:5.1f}% of matmul peak')
        print(f'{preset:>5} bf16 / fp32 speed-up: {res[torch.bfloat16][0] / res[torch.float32][0]:.2f}x')
