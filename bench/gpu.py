"""Train one ablation configuration at a given preset within a wall-clock budget; print sequences/s and the judge's scores.

Issue 9's GPU check: the best variant at the paper's sizes in at most 8 minutes of training, e.g. on a lent GPU or Colab:

    python bench/gpu.py --path ../shared/lpc_sprites                      # mse-fact-mirror-outline-film-mix-wf2, paper preset, 7 min
    python bench/gpu.py --path ../shared/lpc_sprites --preset tiny --minutes 0.5 --n-train 512 --seeds 1   # CPU check

Steps: data; the judge (loaded from --judge, else trained 3 epochs and saved there); two short calibration fits on
12 batches time the training steps; the epochs of the one-cycle schedule are chosen to fill `--minutes` (a schedule
cut short would stop at a high learning rate), with a hard stop at the budget all the same; then the protocol of
`dsvae.judge.protocol` (f resampled for motion, z from the prior for the attributes) over `--seeds` seeds on all
test videos, and the linear read-out of direction from f. The weights (fp16) and a JSON of the figures go to --out.
"""
import argparse, json, time
from pathlib import Path
import torch
from fastai.torch_core import default_device, set_seed
from dsvae.ablation import ABLATIONS, ScoreCB, config_learner
from dsvae.checkpoint import save_checkpoint
from dsvae.cli import load_data, train_judge_run
from dsvae.data import sprites_dls, check_writable, atomic_write_bytes
from dsvae.judge import load_judge, protocol
from dsvae.model import PRESETS, fast_precision
from dsvae.train import EpochLineCB
from train import machine      # bench/train.py, beside this script: the device, CPU model and flags

def seconds_per_video(data, a) -> float:
    "Training seconds per video of the configuration: the second of two one-epoch fits on 12 batches (the first warms up)"
    learn = config_learner(sprites_dls(data, bs=a.bs, n_train=12 * a.bs, n_valid=a.bs), preset=a.preset, **ABLATIONS[a.config])
    with learn.no_bar():
        learn.fit(1, a.lr)
        if torch.cuda.is_available(): torch.cuda.synchronize()
        t = time.perf_counter(); learn.fit(1, a.lr)
        if torch.cuda.is_available(): torch.cuda.synchronize()
    return (time.perf_counter() - t) / (12 * a.bs)

def main(a):
    out = check_writable(a.out)
    if (out / 'model.pth').exists() and not a.overwrite:
        raise SystemExit(f'{out / "model.pth"} exists: pass --overwrite to replace it, or another --out.')
    device = machine(default_device())       # lscpu and /proc/cpuinfo read once, printed and kept in the JSON
    print(device, '| torch', torch.__version__, '| precision', fast_precision(), flush=True)
    data = load_data('lpc', a.path); jpath = Path(a.judge)
    if not jpath.exists(): train_judge_run(data, jpath, 3)
    judge = load_judge(jpath)
    spv = seconds_per_video(data, a)
    n = len(data['train']) if a.n_train is None else min(a.n_train, len(data['train']))
    epochs = max(1, int(a.minutes * 60 * 0.9 / (spv * n)))
    print(f'calibration: {1 / spv:.0f} sequences/s -> {epochs} epochs of {n} videos in {a.minutes} min', flush=True)
    set_seed(0)
    sc = ScoreCB(data, judge, every=epochs, minutes=a.minutes)
    learn = config_learner(sprites_dls(data, bs=a.bs, n_train=a.n_train, n_valid=512), preset=a.preset, **ABLATIONS[a.config])
    t = time.time()
    with learn.no_bar(): learn.fit_one_cycle(epochs, a.lr, cbs=[sc, EpochLineCB()])
    last = sc.scores[-1]; sps = last['epoch'] * n / (last['minutes'] * 60)
    print(f"trained {last['epoch']} epochs in {last['minutes']} min ({time.time() - t:.0f} s with scoring): "
          f"{sps:.0f} sequences/s, validation included", flush=True)
    fin = protocol(learn.model, judge, data['test'], seeds=tuple(range(a.seeds)), log=print)
    res = dict(config=a.config, preset=a.preset, device=device, epochs=last['epoch'], minutes=last['minutes'],
               sequences_per_s=round(sps, 1), direction_from_f=last['leak']['f']['direction'], final=fin)
    save_checkpoint(out / 'model.pth', learn.model, half=True, settings=ABLATIONS[a.config], preset=a.preset)
    atomic_write_bytes(out / 'gpu.json', json.dumps(res, indent=1).encode())
    print(' | '.join(f'{k} {m:.3f} ± {s:.3f}' for k, (m, s) in fin.items()), flush=True)
    print(f"direction read from f: {res['direction_from_f']:.2f} (chance 0.33) -> {out}", flush=True)

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--path', default=None, help='folder of the LPC sheets (default: download)')
    p.add_argument('--config', default='mse-fact-mirror-outline-film-mix-wf2', choices=list(ABLATIONS))
    p.add_argument('--preset', default='paper', choices=list(PRESETS))
    p.add_argument('--minutes', type=float, default=7., help='training budget (wall clock, validation and scoring excluded)')
    p.add_argument('--bs', type=int, default=128)
    p.add_argument('--lr', type=float, default=2e-3)
    p.add_argument('--n-train', type=int, default=None, help='train on this many videos (default: all)')
    p.add_argument('--seeds', type=int, default=3, help='protocol rounds')
    p.add_argument('--judge', default='runs/judge_lpc.pth', help='judge file: loaded if it exists, else trained and saved')
    p.add_argument('--out', default='runs/gpu')
    p.add_argument('--overwrite', action='store_true', help='replace a model.pth already in --out')
    a = p.parse_args()
    if a.minutes <= 0 or a.bs < 1 or a.seeds < 1 or (a.n_train is not None and a.n_train < 1):
        raise SystemExit('--minutes, --bs, --seeds and --n-train must be positive.')
    main(a)
