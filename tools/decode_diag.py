"""Where the judge protocol loses its figures: the judge on test videos decoded from codes of other sources.

Motion side: the real test videos (`real videos`), then the videos decoded with z = each video's posterior mean, scored
against its motion, and f from
  `own`: its own posterior mean (a reconstruction), `swap`: another test video's posterior mean (`swap_partners`),
  `prior t=1` (the protocol), `t=0.8`, `t=0.5`: N(0, t^2 I);
for each: motion accuracy, H(y|x) in nats, IS, and H(y|x) over the thirds of |f| (smallest first).
Attribute side (f = each video's posterior mean, scored against its attributes), with z from
  `swap`: another test video's posterior mean, `prior samples`: samples of the learned prior,
  `prior means` (the protocol): the means along a sampled path (of a mixture: the drawn component's).
One round with seed 0 on every test video; it reads the judge of `dsvae-eval --judge`.

Usage: python tools/decode_diag.py JUDGE CHECKPOINT... [--source lpc --path ../shared/lpc_sprites]
"""
import argparse
import numpy as np, torch
from dsvae.checkpoint import load_checkpoint
from dsvae.data import ATTRS, videos
from dsvae.judge import load_judge, judge_split, encode_all, swap_partners, entropy, inception_score
from dsvae.model import fast_eval
from dsvae.sources import get_sprites

def judged(model, judge, f, z, bs=256):
    "Judge probabilities, motion (N, 9) and attributes (N, 4, 6), of the videos decoded from `f` (N, f_dim) and `z` (N, T, z_dim)"
    pm, pa = [], []
    with fast_eval(model, judge) as dev:
        for i in range(0, len(f), bs):
            m, a = judge_split(judge(model.decode(f[i:i + bs].to(dev), z[i:i + bs].to(dev))).float())
            pm.append(m.softmax(-1).cpu()); pa.append(a.softmax(-1).cpu())
    return torch.cat(pm), torch.cat(pa)

@torch.no_grad()
def diagnose(model, judge, test):
    "Print the two tables of the module's docstring for `model`"
    f, z = encode_all(model, test); s = swap_partners(len(test), 0)
    with torch.random.fork_rng():
        torch.manual_seed(0)
        fp = model.sample_f(len(f)).cpu()
        zs, zm = (t.cpu() for t in model.prior.sample(len(f), z.shape[1])[:2])
    print('| f from | motion | H(y\\|x) | IS | H(y\\|x) by third of \\|f\\| |\n|---|---|---|---|---|')
    pr = torch.cat([judge_split(judge(videos(test, np.arange(i, min(i + 256, len(test))), 'cpu')).float())[0].softmax(-1)
                    for i in range(0, len(test), 256)])
    print(f'| real videos | {(pr.argmax(-1).numpy() == test.motion).mean():.4f} | {float(entropy(pr).mean()):.4f} | {inception_score(pr):.2f} | |')
    for name, fx in [('own', f), ('swap', f[s]), ('prior t=1', fp), ('prior t=0.8', 0.8 * fp), ('prior t=0.5', 0.5 * fp)]:
        p = judged(model, judge, fx, z)[0]
        h = entropy(p); q = fx.norm(dim=-1).argsort()
        thirds = ' / '.join(f'{float(h[k].mean()):.3f}' for k in np.array_split(q.numpy(), 3))
        acc = float((p.argmax(-1).numpy() == test.motion).mean())
        print(f'| {name} | {acc:.4f} | {float(h.mean()):.4f} | {inception_score(p):.2f} | {thirds} |')
    print('\n| z from | ' + ' | '.join(ATTRS) + ' |\n|---|' + '---|' * len(ATTRS))
    for name, zx in [('swap', z[s]), ('prior samples', zs), ('prior means', zm)]:
        a = judged(model, judge, f, zx)[1].argmax(-1).numpy()
        print(f'| {name} | ' + ' | '.join(f'{(a[:, k] == test.attrs[:, k]).mean():.4f}' for k in range(len(ATTRS))) + ' |')

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('judge'); p.add_argument('checkpoints', nargs='+')
    p.add_argument('--source', default='lpc'); p.add_argument('--path')
    a = p.parse_args()
    judge, test = load_judge(a.judge, device='cpu'), get_sprites(a.source, a.path)['test']
    for c in a.checkpoints:
        print(f'\n{c}\n'); diagnose(load_checkpoint(c, device='cpu').eval(), judge, test)
