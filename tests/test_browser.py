"""The widgets in a real browser: JupyterLab on 127.0.0.1, headless Chromium driven by Playwright.

Slow (a few minutes) and needs `pip install jupyterlab playwright` and a Chromium (Debian: `apt-get install chromium`),
so it runs only with DSVAE_BROWSER_TEST=1:

    DSVAE_BROWSER_TEST=1 .venv/bin/pytest -q tests/test_browser.py

It opens each widget notebook, runs it, then works the widget the notebook displays the way a user would — moves a
slider, changes a filter while the sprite slider is at 0, clicks reset after a traversal offset, lowers the explorer's
set size below the chosen cell — and after each step checks that the picture changed as it should, and that neither the
browser console nor the Jupyter server log shows an error. Screenshots go to $DSVAE_SHOTS (default: a temporary folder);
each step's time from control change to new picture is printed.
"""
import os, re, shutil, socket, subprocess, sys, tempfile, time
from pathlib import Path
import pytest

ROOT = Path(__file__).parents[1]
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
pytestmark = pytest.mark.skipif(os.environ.get('DSVAE_BROWSER_TEST') != '1' or not CHROMIUM,
                                reason='browser test: set DSVAE_BROWSER_TEST=1 (needs jupyterlab, playwright and chromium)')

def free_port():
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def lpc_env() -> dict:
    "DSVAE_LPC for the kernels, which run in a copy of nbs/ where ../shared is not beside them"
    p = ROOT.parent / 'shared' / 'lpc_sprites'
    return {'DSVAE_LPC': str(p)} if p.is_dir() and 'DSVAE_LPC' not in os.environ else {}

@pytest.fixture(scope='module')
def lab(tmp_path_factory):
    "A JupyterLab server on 127.0.0.1 serving a copy of nbs/, with the app exposed to the page; yields (url, log path)"
    root = tmp_path_factory.mktemp('lab'); shutil.copytree(ROOT / 'nbs', root / 'nbs')
    port, token, log = free_port(), 'dsvae-test', root / 'server.log'
    cmd = [sys.executable, '-m', 'jupyterlab', '--no-browser', '--ip=127.0.0.1', f'--port={port}', f'--IdentityProvider.token={token}',
           f'--ServerApp.root_dir={root / "nbs"}', '--LabApp.expose_app_in_browser=True', '--ServerApp.disable_check_xsrf=True', '--allow-root',
           f'--LabApp.workspaces_dir={root / "workspaces"}']
    srv = subprocess.Popen(cmd, stdout=open(log, 'w'), stderr=subprocess.STDOUT, env={**os.environ, 'OMP_NUM_THREADS': '2', **lpc_env()})
    url = f'http://127.0.0.1:{port}'
    for _ in range(120):
        try: socket.create_connection(('127.0.0.1', port), timeout=1).close(); break
        except OSError: time.sleep(0.5)
    yield url, token, log
    srv.terminate(); srv.wait(timeout=30)

@pytest.fixture(scope='module')
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=['--no-sandbox'])
        yield b
        b.close()

def shots() -> Path:
    "Where screenshots go: $DSVAE_SHOTS, or a new temporary folder"
    return Path(os.environ.get('DSVAE_SHOTS') or tempfile.mkdtemp(prefix='dsvae-shots-'))

def open_and_run(browser, lab, name):
    "Open notebook `name` in JupyterLab, run all cells, wait until the kernel is idle; the page and its console errors"
    url, token, _ = lab
    page = browser.new_page(viewport={'width': 1280, 'height': 1600})
    errors = []
    page.on('console', lambda m: errors.append(m.text) if m.type == 'error' else None)
    page.on('pageerror', lambda e: errors.append(str(e)))
    page.goto(f'{url}/lab/tree/{name}?reset&token={token}')   # reset: not the tabs of an earlier test
    page.wait_for_function('window.jupyterapp && window.jupyterapp.shell.currentWidget && window.jupyterapp.shell.currentWidget.sessionContext'
                           ' && window.jupyterapp.shell.currentWidget.sessionContext.session', timeout=120_000)
    page.wait_for_function("window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'", timeout=120_000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_timeout(2000)
    page.wait_for_function("window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'", timeout=600_000)
    page.wait_for_selector('.jp-OutputArea img.widget-image', state='attached', timeout=60_000)
    return page, errors

def widget(page):
    "The first widget the open notebook displays (the one a user sees; the notebook's tests drive a second copy)"
    return page.locator('.jp-NotebookPanel:visible').locator('.jp-OutputArea-output .widget-vbox').first

def picture(loc) -> bytes:
    "A screenshot of element `loc` (a still picture: compare these, not GIF frames)"
    return loc.screenshot(animations='disabled')

def changed(page, loc, before:bytes, timeout=5.0):
    "Seconds until `loc` looks different from `before` (fails after `timeout`)"
    t = time.time()
    while time.time() - t < timeout:
        if picture(loc) != before: return time.time() - t
        page.wait_for_timeout(50)
    raise AssertionError('the picture did not change')

def slider_keys(page, slider, *keys):
    "Focus the handle of an ipywidgets slider and press `keys`"
    slider.locator('.noUi-handle, .ui-slider-handle').first.focus()
    for k in keys: page.keyboard.press(k)

def no_errors(errors, lab, box):
    _, _, log = lab
    assert not [e for e in errors if 'favicon' not in e and 'ERR_NAME_NOT_RESOLVED' not in e and 'ERR_INTERNET_DISCONNECTED' not in e], errors
    assert 'Traceback' not in Path(log).read_text(), Path(log).read_text()[-3000:]
    assert 'error:' not in box.inner_text()

def test_swap_widget_in_a_browser(browser, lab):
    page, errors = open_and_run(browser, lab, '06_swap_widget.ipynb')
    box = widget(page); grid = box.locator('img').nth(1)
    box.scroll_into_view_if_needed(); out = shots(); box.screenshot(path=out / 'swap_widget.png')   # as a user first sees it
    sliders = box.locator('.widget-hslider')
    g0 = picture(grid)
    slider_keys(page, sliders.nth(1), 'ArrowRight')                               # sprite B: one step
    print(f'swap widget: sprite B slider -> new picture in {changed(page, grid, g0):.2f} s')
    g1 = picture(grid)
    box.locator('select').nth(4).select_option(index=3)                           # A's motion filter, slider at 0
    print(f'swap widget: filter at slider 0 -> new picture in {changed(page, grid, g1):.2f} s')
    g2 = picture(grid)
    f_off = box.locator('.widget-hslider').filter(has_text='f offset')
    slider_keys(page, f_off, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight')
    changed(page, grid, g2)
    box.locator('button', has_text='reset').click()
    page.wait_for_timeout(1500)
    assert picture(grid) == g2, 'reset did not restore the picture'
    assert '0.00' in f_off.inner_text(), f_off.inner_text()
    no_errors(errors, lab, box)
    box.screenshot(path=out / 'swap_widget_after.png')

def test_similarity_explorer_in_a_browser(browser, lab):
    page, errors = open_and_run(browser, lab, '07_similarity_explorer.ipynb')
    box = widget(page); heat = box.locator('img').first
    box.scroll_into_view_if_needed(); box.screenshot(path=shots() / 'similarity_explorer.png')   # as a user first sees it
    sliders = box.locator('.widget-hslider')
    n, row = sliders.nth(0), sliders.filter(has_text='row')
    h0 = picture(heat)
    slider_keys(page, row, 'End')                                                  # the last row of the set
    print(f'explorer: row slider -> new picture in {changed(page, heat, h0):.2f} s')
    h1 = picture(heat)
    slider_keys(page, n, 'Home')                                                   # set size down to 2, below the chosen row
    print(f'explorer: set size below the chosen cell -> new picture in {changed(page, heat, h1):.2f} s')
    page.wait_for_timeout(1000)
    assert re.search(r'row 1 = video \d+', box.inner_text()), box.inner_text()[:500]
    no_errors(errors, lab, box)
    box.screenshot(path=shots() / 'similarity_explorer_after.png')
