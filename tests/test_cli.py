"End-to-end checks of the console scripts and of CI wiring; the notebooks hold the unit tests (nbdev-test)."
import re, subprocess, sys
from pathlib import Path
import torch
from dsvae.train import read_checkpoint, load_checkpoint

ROOT = Path(__file__).parents[1]

def train(*args):
    return subprocess.run([sys.executable, '-m', 'dsvae.train', *args], capture_output=True, text=True)

def test_train_writes_outputs_and_resumes(tmp_path):
    r = train('--epochs', '1', '--n-train', '64', '--bs', '32', '--out', str(tmp_path))
    assert r.returncode == 0, r.stderr[-2000:]
    for f in ('model.pth', 'losses.png', 'swaps.png', 'swaps.gif', 'cosine.md'): assert (tmp_path / f).stat().st_size > 0, f
    assert read_checkpoint(tmp_path / 'model.pth')['epoch'] == 0
    assert 'both differ' in (tmp_path / 'cosine.md').read_text()
    r = train('--epochs', '2', '--n-train', '64', '--bs', '32', '--out', str(tmp_path), '--resume')
    assert r.returncode == 0, r.stderr[-2000:]
    assert read_checkpoint(tmp_path / 'model.pth')['epoch'] == 1
    m = load_checkpoint(tmp_path / 'model.pth').eval()
    assert m.generate(2).shape == (2, 8, 3, 64, 64)

def test_train_rejects_unknown_preset(tmp_path):
    r = train('--preset', 'huge', '--out', str(tmp_path))
    assert r.returncode != 0 and "use one of small, paper" in r.stderr

def test_ci_runs_the_readme_test_command():
    readme, ci = (ROOT / 'README.md').read_text(), (ROOT / '.ci' / 'run').read_text()
    cmd = re.search(r'<!-- test-command -->\s*```sh\n(.+?)\n```', readme, re.S).group(1).strip()
    assert f"TEST_CMD='{cmd}'" in ci and 'eval "$TEST_CMD"' in ci
