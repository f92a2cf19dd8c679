"""Seconds and peak memory to build the full LPC Sprites set, the toy set, and to load the LPC set from cache.

Usage: python bench/data.py [--lpc ../shared/lpc_sprites]
Each measurement runs in a fresh process so that its peak resident memory (ru_maxrss) is its own.
"""
import argparse, json, subprocess, sys, tempfile

CHILD = r'''
import json, resource, sys, time
from pathlib import Path
from dsvae.lpc import build_lpc, load_lpc
from dsvae.toy import make_toy
what, lpc, cache = sys.argv[1:4]
t = time.perf_counter()
if what == 'lpc build': d = build_lpc(lpc)
elif what == 'toy build': d = make_toy()
else: d = load_lpc(lpc, cache=cache); d['train'].x.sum(axis=(1, 2, 3, 4)); d['test'].x.max()
secs = time.perf_counter() - t
print(json.dumps(dict(what=what, seconds=round(secs, 2), peak_gb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2),
                      n=[len(d['train']), len(d['test'])])))
'''

def run(what, lpc, cache):
    out = subprocess.run([sys.executable, '-c', CHILD, what, lpc, cache], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])

if __name__ == '__main__':
    import platform, subprocess
    print(subprocess.getoutput("lscpu | grep -E 'Model name'").split(':')[-1].strip(), '|', platform.python_version())
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--lpc', default='../shared/lpc_sprites', help='folder of the LPC layer sheets')
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        run('cache load', a.lpc, cache)   # builds and writes the cache (not timed)
        for what in ('lpc build', 'toy build', 'cache load'):
            r = run(what, a.lpc, cache)
            print(f"{r['what']:<11} {r['seconds']:6.2f} s  peak {r['peak_gb']:.2f} GB  ({r['n'][0]} train / {r['n'][1]} test videos)")
