"""Dictionary lookups over 10,000 distinct real-text words: a cold first pass, then warm; worker RSS."""

import os
from concurrent.futures import ThreadPoolExecutor

import wrk
from context import PORTS, NotMeasured, fetch

LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lua", "words.lua")
WORDS = int(os.environ.get("BENCH_WORDS", "10000"))
COLD = os.environ.get("BENCH_DICT_COLD", "10s")


def word_list(path):
    """The most frequent English words in real text (wordfreq), alphabetic only."""
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 15000) if w.isascii() and w.isalpha()][:WORDS]
    with open(path, "w") as f:
        f.write("\n".join(words) + "\n")
    return words


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def run(ctx):
    ctx.site  # noqa: B018  (prepares the database)
    path = os.path.join(ctx.work_dir, "words.txt")
    words = word_list(path)
    proc = ctx.start_broadsheet()
    base = f"http://127.0.0.1:{PORTS['broadsheet']}"
    status, _, body = fetch(f"{base}/api/dictionary/house")
    if status != 200:
        raise NotMeasured(f"GET /api/dictionary/house answered {status}: {body[:120]!r}")
    cold = wrk.run(
        base + "/", connections=16, duration=COLD, script=LUA, script_args=[path, "once"]
    )
    rss_cold = rss_mb(proc.pid)
    # Warm means looked up before: every word is asked for once more, eight at a time (those the cold pass
    # did not reach are built now, the others come from the cache), then wrk cycles through all of them.
    covered = len(words)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda word: fetch(f"{base}/api/dictionary/{word}"), words))
    warm = wrk.series(base + "/", script=LUA, script_args=[path, "cycle", str(covered)])
    warm16 = next(r for r in warm if r.connections == 16) if 16 in wrk.CONNECTIONS else warm[0]
    rss = rss_mb(proc.pid)
    ok = warm16.rps >= 3000 and warm16.p99_ms <= 10 and rss <= 250
    return {
        "title": "Dictionary lookups",
        "rows": [
            (f"cold: first pass, each word once (first {COLD} of a fresh worker)", [cold]),
            (f"warm: cycling through all {covered:,} words", warm),
        ],
        "ratios": [
            f"warm at 16 connections: {warm16.rps:,.0f} lookups/s, p99 {warm16.p99_ms:.1f} ms, "
            f"worker RSS {rss:.0f} MB (targets ≥ 3,000/s, p99 ≤ 10 ms, ≤ 250 MB): {'met' if ok else 'NOT met'}"
        ],
        "notes": [
            f"{len(words):,} distinct words: wordfreq top_n_list('en', 15000), alphabetic; the cold pass "
            f"(each word once, in frequency order) reached {cold.requests:,} of them in {COLD}; the rest were "
            f"then looked up once, and the warm runs cycle through all {covered:,}"
            + f". Warm lookups are answered by the page cache at the door (the entries say "
            f"Cache-Control: public). RSS after the cold pass {rss_cold:.0f} MB.",
            "The errors column counts 404 answers: words the dictionary has no entry for (function words "
            f"such as 'the'), a valid JSON answer: {warm16.non2xx:,} of {warm16.requests:,} in "
            f"the warm 16-connection run.",
        ],
    }
