"""A bounded load loop: a fixed number of GET requests per path from a thread pool."""

import statistics
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


@dataclass
class Result:
    path: str
    requests: int
    errors: int
    seconds: float
    median_ms: float
    p95_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.path:<32} {self.requests:>6} req  {self.errors:>3} err  "
            f"median {self.median_ms:7.1f} ms  p95 {self.p95_ms:7.1f} ms  {self.rps:7.1f} req/s"
        )


def _get(url: str) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            ok = response.status == 200
    except (urllib.error.URLError, OSError):
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def run(base_url: str, path: str, *, requests: int, concurrency: int) -> Result:
    url = base_url.rstrip("/") + path
    _get(url)  # warm up (templates, connections)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outcomes = list(pool.map(_get, [url] * requests))
    seconds = time.perf_counter() - started
    latencies = sorted(ms for ms, _ in outcomes)
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    return Result(
        path=path,
        requests=requests,
        errors=sum(1 for _, ok in outcomes if not ok),
        seconds=seconds,
        median_ms=statistics.median(latencies),
        p95_ms=p95,
    )
