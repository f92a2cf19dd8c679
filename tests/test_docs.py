"Checks of the documents a reader sees: the docs' home page matches the README, every notebook opens on Colab."
import json, re
from pathlib import Path

ROOT = Path(__file__).parents[1]
NBS = sorted(p for p in (ROOT / 'nbs').glob('[0-9]*.ipynb'))
REPO = re.search(r'Repository = "https://github.com/([^"]+)"', (ROOT / 'pyproject.toml').read_text()).group(1)

def sections_and_commands(md:str):
    return re.findall(r'(?m)^#{1,3} .+$', md), re.findall(r'```sh\n(.+?)```', md, re.S)

def test_index_carries_the_readme():
    readme = (ROOT / 'README.md').read_text()
    index = '\n\n'.join(''.join(c['source']) for c in json.loads((ROOT / 'nbs' / 'index.ipynb').read_text())['cells'] if c['cell_type'] == 'markdown')
    assert sections_and_commands(index) == sections_and_commands(readme) and len(sections_and_commands(readme)[0]) > 5

def test_every_notebook_opens_on_colab():
    assert len(NBS) >= 16
    for p in NBS:
        cells = json.loads(p.read_text())['cells']
        badge = f'https://colab.research.google.com/github/{REPO}/blob/main/nbs/{p.name}'
        assert badge in ''.join(cells[0]['source']), f'{p.name}: no Colab badge in the title cell'
        colab = [c for c in cells if c['cell_type'] == 'code' and "'google.colab' in sys.modules" in ''.join(c['source'])]
        assert len(colab) == 1, f'{p.name}: needs one Colab install cell'
        src = ''.join(colab[0]['source'])
        assert f'git+https://github.com/{REPO}' in src and 'torch' not in src.split('pip')[1].split('\n')[0], f'{p.name}: install must keep Colab torch'
        first_export = next(i for i, c in enumerate(cells) if c['cell_type'] == 'code' and '#| export' in ''.join(c['source']))
        assert cells.index(colab[0]) < first_export, f'{p.name}: the Colab cell must come before the package is imported'

def test_notebook_outputs_are_small_and_clean():
    for p in NBS:
        assert p.stat().st_size < 1.5 * 2**20, f'{p.name} is {p.stat().st_size / 2**20:.1f} MB'
        text = p.read_text()
        assert 'Traceback (most recent call last)' not in text, f'{p.name} has a traceback in its outputs'
