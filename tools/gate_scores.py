"""Score how runs of a configuration start: for each seed, train it up to its gate and print the gate's motion score.

Each seed trains the configuration's settings for the first `gate['epoch']` epochs of its one-cycle schedule (so the model
is the one `GateCB` would score in `dsvae-ablate`) and prints one JSON line: the judge's motion accuracy (f resampled) on
the gate's training videos after each of those epochs. A configuration without a gate is scored at the defaults of
`GATE` (epoch 2, 1000 videos). It measures the odds of a good start; it writes no files.

Usage: python tools/gate_scores.py --seeds 0,2,5 [--config mse-fact-cdsvae10-flip-gate] --path ../shared/lpc_sprites
       --judge runs/ablation/judge_lpc.pth [--epochs 12 --bs 64 --lr 2e-3 --n-train N]
"""
import argparse, json, time
from fastai.callback.core import Callback, CancelFitException
from dsvae.ablation import ABLATIONS, GateCB, check_gate, train_attempt
from dsvae.sources import get_sprites
from dsvae.judge import load_judge

class StopAfter(Callback):
    "Stop the fit after epoch `epoch`"
    order = 99
    def __init__(self, epoch:int): self.at = epoch
    def after_epoch(self):
        if self.epoch + 1 == self.at: raise CancelFitException()

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--seeds', required=True); p.add_argument('--config', default='mse-fact-cdsvae10-flip-gate')
    p.add_argument('--source', default='lpc'); p.add_argument('--path'); p.add_argument('--judge', required=True)
    p.add_argument('--epochs', type=int, default=12); p.add_argument('--bs', type=int, default=64)
    p.add_argument('--lr', type=float, default=2e-3); p.add_argument('--n-train', type=int, help='train on this many videos only')
    a = p.parse_args()
    if a.config not in ABLATIONS: p.error(f'unknown configuration {a.config!r}: use one of {", ".join(ABLATIONS)}')
    settings = dict(ABLATIONS[a.config])
    gate, seeds = check_gate(settings.pop('gate', {})), [int(s) for s in a.seeds.split(',')]
    data, judge = get_sprites(a.source, a.path), load_judge(a.judge)
    videos = data['train'].subset(gate['n'])
    for seed in seeds:     # `dsvae-ablate`'s fit up to the gate; its ScoreCB scores only after the last epoch, never reached
        t, gates = time.time(), [GateCB(videos, judge, e, None, print) for e in range(1, gate['epoch'] + 1)]
        train_attempt(settings, data, judge, seed, epochs=a.epochs, every=a.epochs, bs=a.bs, lr=a.lr, n_train=a.n_train,
                      cbs=[*gates, StopAfter(gate['epoch'])])
        print(json.dumps(dict(seed=seed, **{f'epoch{g.at}': g.score for g in gates}, minutes=round((time.time() - t) / 60, 2))), flush=True)
