"""Every process the bench starts, pinned to a core, stopped on exit whatever happens."""

import atexit
import os
import signal
import socket
import subprocess
import time
import urllib.request

SERVER_CPU = os.environ.get("BENCH_SERVER_CPU", "0")
CLIENT_CPU = os.environ.get("BENCH_CLIENT_CPU", "1")


class Processes:
    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.running = []
        atexit.register(self.stop_all)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, self._on_signal)

    def _on_signal(self, signum, frame):
        self.stop_all()
        raise SystemExit(128 + signum)

    def start(self, name, argv, *, env=None, cwd=None, cpu=SERVER_CPU):
        """Start `argv` in its own process group on `cpu` (taskset), logging to log_dir/name.log."""
        log = open(os.path.join(self.log_dir, f"{name}.log"), "ab")
        command = ["taskset", "-c", str(cpu), *argv] if cpu is not None else list(argv)
        proc = subprocess.Popen(
            command,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        proc.bench_name = name
        self.running.append(proc)
        return proc

    def stop(self, proc, timeout=10):
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            except ProcessLookupError:
                pass
        if proc in self.running:
            self.running.remove(proc)

    def stop_all(self):
        for proc in list(reversed(self.running)):
            self.stop(proc)


def port_free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def wait_http(url, *, proc=None, timeout=60, ok=(200,)):
    """Poll `url` until it answers with a status in `ok`; fail early when the process died."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{proc.bench_name} exited with {proc.returncode} (see its log)")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status in ok:
                    return resp.read()
                last = resp.status
        except urllib.error.HTTPError as err:
            last = err.code
            if err.code in ok:
                return err.read()
        except OSError as err:
            last = err
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout}s (last: {last})")


def run_checked(argv, *, env=None, cwd=None, log=None, timeout=900):
    """Run a setup command to completion; raise with its output tail when it fails."""
    result = subprocess.run(
        argv,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if log:
        with open(log, "a") as f:
            f.write(f"$ {' '.join(argv)}\n{result.stdout}\n{result.stderr}\n")
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv[:4])}... failed: {(result.stderr or result.stdout)[-800:]}"
        )
    return result.stdout
