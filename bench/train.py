"""Training throughput of the DSVAE: sequences/s of full training steps per preset, objective, precision, batch size and compile.

Usage: python bench/train.py [--presets small] [--objectives none flip cdsvae] [--configs NAME ...] [--bs 64 128] [--steps 5]
       [--compile] [--device cpu|cuda]

Each case times full training steps (forward, loss with its objectives, backward, Adam) on random videos in [0, 1],
after two warm-up steps. `--objectives` times sets of terms on the paper's encoders (short names of `ABLATIONS`
configurations); `--configs` times any `ABLATIONS` configuration as it trains (likelihood, sigma, q(z), sizes such as
`mirror_f` / `outline_z` / `film_f` / `prior_k`, terms), e.g. `mse-fact-mirror-outline-film-mix`, the default of
`dsvae-train --source lpc`.
bf16 runs only where the device has it (`fast_precision`): on CPUs with AVX2 only it is emulated and slow, so it is
skipped there. The CPU model and its relevant flags are printed first, because these
machines differ. Run it alone: another heavy process on the same cores makes every figure meaningless.
"""
import argparse, platform, subprocess, time, torch
from dsvae.model import fast_precision
from dsvae.ablation import ABLATIONS, config_learner, split_gate

# sets of objectives, by a short name: the ablation's configuration that has them
OBJECTIVES = {'none': 'mse', 'flip': 'mse-flip', 'cdsvae': 'mse-cdsvae', 'cdsvae+flip': 'mse-cdsvae-flip',
              'cdsvae+flip+sil': 'mse-fact-cdsvae10-flip-sil'}

def machine(device):
    "One line naming the device: GPU name, or CPU model, threads and its bf16-relevant flags"
    if device.type == 'cuda': return f'GPU {torch.cuda.get_device_name()}'
    model = subprocess.getoutput("lscpu | grep 'Model name'").split(':')[-1].strip() or platform.processor()
    flags = set(subprocess.getoutput("grep -m1 flags /proc/cpuinfo").split())
    return f"CPU {model}, {torch.get_num_threads()} threads, flags: {' '.join(f for f in ('avx2', 'avx512f', 'avx512_bf16', 'amx_bf16') if f in flags)}"

def make_step(preset, config, dtype, device, bs, compile_model):
    "One full training step of the `ABLATIONS` configuration `config` on a fixed batch of `bs` random videos"
    learn = config_learner(None, preset, **split_gate(ABLATIONS[config])[1])   # the model and loss the ablation trains
    m, lf = learn.model.to(device).to(memory_format=torch.channels_last), learn.loss_func
    fwd = torch.compile(m) if compile_model else m
    opt = torch.optim.Adam(m.parameters(), 1e-3)
    x = torch.rand(bs, 8, 64, 64, 3, device=device).permute(0, 1, 4, 2, 3)
    def step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=dtype == torch.bfloat16): loss = lf(fwd(x), x)
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    return step

def bench(steps, device, *args):
    step = make_step(*args)
    for _ in range(2): step()
    if device.type == 'cuda': torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(steps): step()
    if device.type == 'cuda': torch.cuda.synchronize()
    return (time.perf_counter() - t) / steps

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--presets', nargs='+', default=['small'])
    p.add_argument('--objectives', nargs='+', default=list(OBJECTIVES), choices=list(OBJECTIVES))
    p.add_argument('--configs', nargs='+', default=[], choices=list(ABLATIONS),
                   help='configurations of ABLATIONS to time as they train, instead of --objectives')
    p.add_argument('--bs', nargs='+', type=int, default=[64])
    p.add_argument('--steps', type=int, default=5)
    p.add_argument('--compile', action='store_true', help='also time torch.compile of the model')
    p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    a = p.parse_args()
    dev = torch.device(a.device)
    dtypes = [torch.float32] + ([torch.bfloat16] if fast_precision(dev) == 'bf16' else [])
    print(machine(dev), '| torch', torch.__version__, '| bf16:', 'yes' if len(dtypes) == 2 else 'no (skipped)', flush=True)
    cases = {c: c for c in a.configs} or {k: OBJECTIVES[k] for k in a.objectives}
    w = max(12, *map(len, cases))
    print(f"{'preset':>8} {'case':>{w}} {'dtype':>9} {'bs':>4} {'compile':>7} {'seq/s':>8}", flush=True)
    for preset in a.presets:
        for case, config in cases.items():
            for dt in dtypes:
                for bs in a.bs:
                    for comp in ([False, True] if a.compile else [False]):
                        try: sps = f'{bs / bench(a.steps, dev, preset, config, dt, dev, bs, comp):8.1f}'
                        except Exception as e: sps = f'failed: {type(e).__name__}'
                        print(f'{preset:>8} {case:>{w}} {str(dt)[6:]:>9} {bs:>4} {str(comp):>7} {sps}', flush=True)
