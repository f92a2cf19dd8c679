"""Write nbs/index.ipynb, the docs' home page, from README.md: one markdown cell per section, image paths made relative to nbs/.

Usage: python tools/sync_index.py    (tests/test_docs.py checks that the two carry the same sections and commands)
"""
import re
from pathlib import Path
import nbformat

ROOT = Path(__file__).parents[1]

def index_cells(readme:str) -> list:
    "Markdown cells of the README, split before each '## ' heading, with 'nbs/' removed from relative links"
    text = readme.replace('](nbs/', '](').replace('src="nbs/', 'src="')
    return [nbformat.v4.new_markdown_cell(s.strip()) for s in re.split(r'(?m)^(?=## )', text) if s.strip()]

if __name__ == '__main__':
    nb = nbformat.v4.new_notebook(cells=index_cells((ROOT / 'README.md').read_text()))
    nb.metadata = {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}}
    nbformat.write(nb, ROOT / 'nbs' / 'index.ipynb')
    print('wrote nbs/index.ipynb:', len(nb.cells), 'cells')
