"""Ship a trained model as package data: fp16 weights in dsvae/weights/NAME.pth, with the command and commit that made it
and its judge-protocol scores, re-measured on the fp16 weights.

Usage: python tools/ship_model.py RUN_FOLDER --command "dsvae-ablate ..." --commit SHA [--name lpc] [--judge J] [--overwrite]

RUN_FOLDER holds `model.pth` (a model checkpoint) and `scores.json` (a record of `run_config`, e.g. from dsvae-ablate).
The scores stored are those of the shipped fp16 weights on the LPC test set (3 seeds); the run's own motion score is printed beside them.
"""
import argparse, json
from pathlib import Path
from dsvae.checkpoint import WEIGHTS, load_checkpoint, save_checkpoint
from dsvae.judge import load_judge, protocol
from dsvae.sources import get_sprites

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('run'); p.add_argument('--command', required=True); p.add_argument('--commit', required=True)
    p.add_argument('--name', default='lpc'); p.add_argument('--path', default='../shared/lpc_sprites')
    p.add_argument('--judge', default=None); p.add_argument('--overwrite', action='store_true')
    a = p.parse_args()
    run, dest = Path(a.run), WEIGHTS / f'{a.name}.pth'
    if dest.exists() and not a.overwrite: raise SystemExit(f"{dest} exists; give --overwrite to replace the shipped model.")
    rec = json.loads((run / 'scores.json').read_text())
    judge = load_judge(a.judge or run.parent / 'judge_lpc.pth')
    model = load_checkpoint(run / 'model.pth', device='cpu').eval()      # read through the validating reader
    tmp = save_checkpoint(run / 'half.pth', model, half=True)          # measure what is shipped: the fp16 weights
    half = load_checkpoint(tmp, device='cpu').eval(); tmp.unlink()
    scores = protocol(half, judge, get_sprites('lpc', a.path)['test'], (0, 1, 2), log=print)
    save_checkpoint(dest, half, half=True, epoch=rec['scores'][-1]['epoch'] - 1, command=a.command, commit=a.commit,
                    settings=rec['run']['settings'], scores=scores, leak=rec['scores'][-1].get('leak'))
    print(f'wrote {dest} ({dest.stat().st_size / 2**20:.1f} MB); fp16 motion {scores["motion_acc"][0]:.4f} '
          f'(run: {rec["final"]["motion_acc"][0]:.4f})')
