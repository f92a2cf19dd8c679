"""Write nbs/index.ipynb, the docs' home page, from README.md: one markdown cell per section, image paths made relative to nbs/.

Usage: python tools/sync_index.py    (tests/test_docs.py checks that the two carry the same sections and commands)
"""
import hashlib, json, re
from pathlib import Path

ROOT = Path(__file__).parents[1]

def index_cells(readme:str) -> list:
    "Markdown cells of the README, split before each '## ' heading, with 'nbs/' removed from relative links; ids from the headings"
    text = readme.replace('](nbs/', '](').replace('src="nbs/', 'src="')
    cell = lambda s: dict(cell_type='markdown', id=hashlib.sha1(s.split('\n')[0].encode()).hexdigest()[:8], metadata={}, source=s)
    return [cell(s.strip()) for s in re.split(r'(?m)^(?=## )', text) if s.strip()]

if __name__ == '__main__':
    nb = dict(cells=index_cells((ROOT / 'README.md').read_text()), nbformat=4, nbformat_minor=5,
              metadata={'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}})
    (ROOT / 'nbs' / 'index.ipynb').write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    print('wrote nbs/index.ipynb:', len(nb['cells']), 'cells')
