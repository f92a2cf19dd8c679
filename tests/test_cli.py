"End-to-end checks of the console commands, as a user runs them (subprocesses, output not a terminal); the notebooks hold the unit tests."
import os, re, signal, subprocess, sys, time
from pathlib import Path
import numpy as np, pytest, torch
from dsvae.checkpoint import read_file, save_file
from dsvae.toy import make_toy

ROOT = Path(__file__).parents[1]
ENV = {**os.environ, 'OMP_NUM_THREADS': os.environ.get('OMP_NUM_THREADS', '2'), 'PYTHONUNBUFFERED': '1'}

def script(cmd): return str(Path(sys.executable).parent / cmd)      # the console script installed beside this Python

def cli(cmd, *args, timeout=600):
    "Run console command `cmd` (dsvae-train, dsvae-eval, dsvae-ablate) with `args`"
    return subprocess.run([script(cmd), *map(str, args)], capture_output=True, text=True, env=ENV, timeout=timeout)

@pytest.fixture(scope='module')
def small(tmp_path_factory):
    "A small set of toy videos saved as the six .npy files"
    d = tmp_path_factory.mktemp('npy')
    for s, v in make_toy(40, 12, seed=0).items():
        np.save(d / f'sprites_X_{s}.npy', v.x)
        np.save(d / f'sprites_A_{s}.npy', np.repeat(np.eye(6, dtype=np.float32)[v.attrs][:, None], 8, 1))
        np.save(d / f'sprites_D_{s}.npy', np.repeat(np.eye(9, dtype=np.float32)[v.motion][:, None], 8, 1))
    return ['--source', 'npy', '--path', d]

def test_train_progress_outputs_refusal_and_resume(small, tmp_path):
    out = tmp_path / 'r'
    r = cli('dsvae-train', *small, '--epochs', 2, '--n-train', 64, '--bs', 32, '--out', out)
    assert r.returncode == 0, r.stderr[-2000:]
    assert re.search(r'\] data: 360 train / 108 test videos', r.stdout) and 'epoch 1/2  train_loss' in r.stdout and 'epoch 2/2' in r.stdout
    for f in ('model.pth', 'losses.png', 'swaps.png', 'swaps.gif', 'cosine.md', 'cosine_hist.png'): assert (out / f).stat().st_size > 0, f
    assert 'wrote' in r.stdout and 'model.pth, losses.png' in r.stdout
    mtime = (out / 'model.pth').stat().st_mtime_ns
    r = cli('dsvae-train', *small, '--epochs', 2, '--out', out)                         # a new run into a trained folder
    assert r.returncode == 2 and 'holds a trained model' in r.stderr and r.stderr.count('\n') == 1
    r = cli('dsvae-train', *small, '--epochs', 1, '--out', out, '--resume')             # already past --epochs
    assert r.returncode == 0 and 'nothing to do' in r.stdout and (out / 'model.pth').stat().st_mtime_ns == mtime
    r = cli('dsvae-train', *small, '--epochs', 3, '--n-train', 64, '--bs', 32, '--out', out, '--resume')
    assert r.returncode == 0 and 'epoch 3/3' in r.stdout and 'epoch 1/3' not in r.stdout, r.stdout
    ck = read_file(out / 'model.pth', 'model')
    assert ck['epoch'] == 2 and [v[0] for v in ck['history']['values']] == [0, 1, 2]

@pytest.mark.parametrize('args,msg', [(['--epochs', -1], '--epochs must be'), (['--source', 'foo'], "use one of 'toy', 'lpc', 'npy'"),
                                      (['--q-z', 'full2'], '--q-z must be'), (['--precision', 'fp8'], '--precision must be'),
                                      (['--bs', 0], '--bs must be'), (['--n-train', 0], '--n-train must be'),
                                      (['--objectives', 'triplet=1'], 'Unknown objective'), (['--source', 'lpc', '--path', '/nowhere'], 'is not a folder'),
                                      (['--mirror-f', 'maybe'], "argument --mirror-f: invalid bool_arg value: 'maybe'")])
def test_train_rejects_bad_arguments_at_once(tmp_path, args, msg):
    t = time.time(); r = cli('dsvae-train', *args, '--out', tmp_path / 'o')
    assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr, r.stderr
    assert not (tmp_path / 'o').exists() and time.time() - t < 30

def test_train_refuses_unwritable_output_before_data(tmp_path):
    (tmp_path / 'file').write_text('')
    r = cli('dsvae-train', '--out', tmp_path / 'file' / 'out')
    assert r.returncode == 2 and "Can't write to" in r.stderr and 'data:' not in r.stdout

def test_ctrl_c_says_where_and_how_to_continue(small, tmp_path):
    p = subprocess.Popen([script('dsvae-train'), *map(str, [*small, '--epochs', 50, '--n-train', 64, '--bs', 32, '--out', tmp_path])],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # a background shell ignores SIGINT; Python then would too
    for line in p.stdout:
        if line.startswith('epoch 2/50'): break
    p.send_signal(signal.SIGINT)
    err = p.communicate(timeout=120)[1]
    assert p.returncode == 130, err
    last = err.strip().splitlines()[-1]            # one line says it all (warnings of libraries may come before it)
    assert last.startswith('dsvae-train: interrupted:') and "last checkpoint is '" in last and 'continue with: dsvae-train' in last, err
    assert last.endswith('--resume'), last

def test_eval_checks_file_kinds_before_data(small, tmp_path):
    j = save_file(tmp_path / 'judge.pth', 'judge', config={}, model={})
    r = cli('dsvae-eval', j, *small)
    assert r.returncode == 2 and 'is a judge classifier' in r.stderr and 'not a model checkpoint' in r.stderr
    (tmp_path / 'trunc.pth').write_bytes(j.read_bytes()[:100])
    r = cli('dsvae-eval', tmp_path / 'trunc.pth', *small)
    assert r.returncode == 2 and 'may be truncated' in r.stderr and 'Traceback' not in r.stderr

def test_ci_runs_the_readme_test_command():
    readme, ci = (ROOT / 'README.md').read_text(), (ROOT / '.ci' / 'run').read_text()
    cmd = re.search(r'<!-- test-command -->\s*```sh\n(.+?)\n```', readme, re.S).group(1).strip()
    assert f"TEST_CMD='{cmd}'" in ci and 'eval "$TEST_CMD"' in ci
