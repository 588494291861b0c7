"""The frozen app from `make dist`: self-test, and the display advice that must precede Qt.

Skipped unless CORROBORATE_FROZEN_APP names the built executable (CI sets it after
`make dist`). Missing system libraries are simulated for real: a private mount namespace
(`unshare -m`, needs root) bind-mounts /dev/null over the library, so the dynamic loader
fails exactly as on a machine without the package.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from ui.first_paint import WINDOW_PAINTED

APP = os.environ.get("CORROBORATE_FROZEN_APP", "")
SYSTEM_LIBRARIES = Path("/usr/lib/x86_64-linux-gnu")

pytestmark = pytest.mark.skipif(not APP or not Path(APP).is_file(),
                                reason="set CORROBORATE_FROZEN_APP to the app built by `make dist`")


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """What a researcher's shell might have: no venv, no PYTHONPATH, no test settings."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", **extra}


def can_hide_libraries() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None or not SYSTEM_LIBRARIES.is_dir():
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


def hiding(libraries: list[str], command: list[str]) -> list[str]:
    mounts = " && ".join(f"mount --bind /dev/null {SYSTEM_LIBRARIES / name}" for name in libraries)
    return ["unshare", "-m", "sh", "-c", f'{mounts} && exec "$@"', "sh", *command]


def test_frozen_self_test_passes_in_a_clean_environment(tmp_path) -> None:
    completed = subprocess.run([APP, "--self-test"], cwd=tmp_path, env=clean_environment(tmp_path),
                               capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "✗" not in completed.stdout
    assert completed.stdout.count("✓") >= 6


def test_frozen_app_without_a_display_says_so(tmp_path) -> None:
    completed = subprocess.run([APP], env=clean_environment(tmp_path), capture_output=True, text=True,
                               timeout=60)
    assert completed.returncode == 2
    assert "no graphical display is available" in completed.stderr


@pytest.mark.skipif(not can_hide_libraries(), reason="needs root and unshare to hide system libraries")
def test_frozen_app_names_the_package_of_a_missing_system_library(tmp_path) -> None:
    """libEGL is not bundled (it belongs to the system's GL driver), so it must be named."""
    completed = subprocess.run(hiding(["libEGL.so.1"], [APP]), env=clean_environment(tmp_path, DISPLAY=":99"),
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2, completed.stderr
    assert "sudo apt-get install libegl1" in completed.stderr
    assert "Aborted" not in completed.stderr and "qt.qpa" not in completed.stderr


@pytest.mark.skipif(not can_hide_libraries() or shutil.which("Xvfb") is None, reason="needs root, unshare and Xvfb")
def test_frozen_app_paints_with_its_bundled_xcb_libraries(tmp_path) -> None:
    """The xcb helper libraries travel inside the app: hiding the system's copies changes nothing."""
    number = 90 + os.getpid() % 50
    display, socket = f":{number}", Path(f"/tmp/.X11-unix/X{number}")
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.1)
        env = clean_environment(tmp_path, DISPLAY=display, CORROBORATE_REPORT_FIRST_PAINT="1")
        with tempfile.TemporaryFile() as errors:
            app = subprocess.Popen(hiding(["libxcb-cursor.so.0", "libxcb-icccm.so.4"], [APP]), env=env,
                                   stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True)
            deadline = time.monotonic() + 30
            painted = False
            while time.monotonic() < deadline and app.poll() is None and not painted:
                time.sleep(0.1)
                errors.seek(0)
                painted = WINDOW_PAINTED in errors.read().decode("utf-8", "replace")
            if app.poll() is None:
                os.killpg(app.pid, signal.SIGTERM)
            app.wait(timeout=10)
            errors.seek(0)
            assert painted, errors.read().decode("utf-8", "replace")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_onedir_carries_the_resources_and_leaves_out_translations() -> None:
    internal = Path(APP).parent / "_internal"
    sample = sorted(path.name for path in (internal / "resources" / "sample").iterdir())
    assert len([name for name in sample if name.endswith(".txt")]) == 5 and "manifest.toml" in sample
    assert (internal / "resources" / "icons" / "corroborate-256.png").is_file()
    assert (internal / "currency_converter" / "eurofxref-hist.zip").is_file()
    assert not list(internal.rglob("*.qm"))
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").is_file()
