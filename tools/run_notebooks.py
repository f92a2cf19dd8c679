"""Execute the notebooks and save them with their outputs, kept small and steady, so that they read on GitHub with their figures.

Usage: python tools/run_notebooks.py [NAMES ...]      (default: every nbs/[0-9]*.ipynb; then run nbdev-clean)

Cells flagged `slow` or `cuda` are skipped, as under nbdev-test. fastai's progress shows as in Jupyter, and only its last
state — the table of epochs — is kept; run times in the outputs are replaced by '…' so that a re-run changes only what really changed, tracebacks are
refused (the notebook must run clean), and PNG images are reduced to 256 colours when a notebook would pass 1.5 MB.
"""
import argparse, base64, io, re, sys, time
from pathlib import Path
from fastcore.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from PIL import Image

ROOT = Path(__file__).parents[1]
PRELUDE = ("import fastprogress.fastprogress as _fp; _fp.master_bar, _fp.progress_bar = _fp.NBMasterBar, _fp.NBProgressBar\n"
           "import matplotlib; matplotlib.rcParams['figure.dpi'] = 72")
TIMES = [(re.compile(r'\b\d+:\d\d\b'), '…'), (re.compile(r'\[\s*\d+ s\]'), '[… s]'), (re.compile(r'(?<=  )\d+(\.\d+)? s\b'), '… s'),
         (re.compile(r'(trained in|loaded in|in) \d+(\.\d+)? s\b'), r'\1 … s')]

def skip(cell) -> bool:
    "Cells nbdev-test would skip: flagged slow or cuda, or eval: false"
    return cell.cell_type == 'code' and bool(re.search(r'(?m)^#\|\s*(slow|cuda|eval:\s*false)\b', cell.source))

def steady(text:str) -> str:
    "`text` with run times replaced by '…'"
    for rx, rep in TIMES: text = rx.sub(rep, text)
    return text

def shrink_png(b64:str) -> str:
    "A PNG (base64) reduced to 256 colours, if that is smaller"
    im = Image.open(io.BytesIO(base64.b64decode(b64)))
    buf = io.BytesIO(); im.convert('RGB').quantize(256).save(buf, format='PNG', optimize=True)
    small = base64.b64encode(buf.getvalue()).decode()
    return small if len(small) < len(b64) else b64

def last_progress(outputs:list) -> list:
    "`outputs` with only the last of fastai's progress displays (the finished table of epochs)"
    prog = [i for i, o in enumerate(outputs) if 'class="fastprogress"' in ''.join(o.get('data', {}).get('text/html', ''))]
    return [o for i, o in enumerate(outputs) if i not in prog[:-1]]

def tidy(nb, shrink:bool=False):
    "Steady text outputs, one progress table per cell, and (with `shrink`) smaller PNGs, in place; raise on a traceback"
    for c in nb.cells:
        if 'outputs' in c: c['outputs'] = last_progress(c['outputs'])
        for o in c.get('outputs', []):
            if o.get('output_type') == 'error' or 'Traceback (most recent call last)' in str(o): raise RuntimeError(f'a cell failed: {c.source[:200]}')
            if 'text' in o: o['text'] = steady(''.join(o['text']))
            for k, v in o.get('data', {}).items():
                if k in ('text/plain', 'text/html', 'text/markdown'): o['data'][k] = steady(''.join(v))
                if k == 'image/png' and shrink: o['data'][k] = shrink_png(v)

def run(path:Path, limit:float=1.5 * 2**20):
    "Execute notebook `path` in its folder and write it back with tidy outputs"
    t = time.time(); nb = read_nb(path)
    sh = CaptureShell(); sh.set_path(path.parent.resolve()); sh.run_cell(PRELUDE)
    sh.run_all(nb, exc_stop=True, preproc=skip)
    tidy(nb); write_nb(nb, path)
    if path.stat().st_size > limit: tidy(nb, shrink=True); write_nb(nb, path)
    print(f'{path.name}: {time.time() - t:.0f} s, {path.stat().st_size / 2**20:.2f} MB', flush=True)

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('names', nargs='*', help='notebook names (default: all numbered notebooks)')
    a = p.parse_args()
    paths = [ROOT / 'nbs' / (n if n.endswith('.ipynb') else n + '.ipynb') for n in a.names] or sorted((ROOT / 'nbs').glob('[0-9]*.ipynb'))
    for path in paths: run(path)
    print('now run nbdev-clean, and check the sizes: tests/test_docs.py fails above 1.5 MB per notebook')
