"""Make the README's pictures from a trained checkpoint (or the shipped model): the swap figure and the similarity heatmap.

The widget screenshots come from the browser test: DSVAE_BROWSER_TEST=1 DSVAE_SHOTS=DIR pytest tests/test_browser.py.

Usage: python tools/readme_images.py [CHECKPOINT] [--source lpc --path ../shared/lpc_sprites] [--out nbs/images]
"""
import argparse
from pathlib import Path
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from dsvae.sources import get_sprites
from dsvae.checkpoint import load_checkpoint, pretrained
from dsvae.probe import swap_pairs, swap_figure
from dsvae.similarity_explorer import similarity_explorer

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('checkpoint', nargs='?'); p.add_argument('--source', default='lpc'); p.add_argument('--path'); p.add_argument('--out', default='nbs/images')
    a = p.parse_args()
    out, test = Path(a.out), get_sprites(a.source, a.path)['test']
    model = (load_checkpoint(a.checkpoint) if a.checkpoint else pretrained()).eval()
    out.mkdir(parents=True, exist_ok=True)
    swap_figure(model, test, swap_pairs(test, 3, seed=1), out / f'swaps_{a.source}.png'); plt.close('all')
    se = similarity_explorer(model, test, n=60).state
    (out / f'similarity_{a.source}.png').write_bytes(se.heat.value)
    print('wrote', *sorted(p.name for p in out.glob(f'*_{a.source}.png')))
