"""The map step of claimcheck on a Dask distributed cluster.

Splits the documents of a corpus into parts, runs `claimcheck extract` on each part as a
task on the cluster (one claim shard per part, written into a store folder every worker
can reach), then runs `claimcheck compare` on the store here. The report equals
`claimcheck check` on the corpus.

    python3 scripts/dask_extract.py CORPUS --store DIR [--scheduler tcp://HOST:8786]
        [--workers 4] [--parts N] [--claimcheck target/release/claimcheck] [-- COMPARE ARGS]

Without --scheduler a LocalCluster of --workers worker processes (one thread each) is
started here. With one, the claimcheck binary, the corpus and the store folder must be at
the same paths on every worker (a shared file system). Documents are chosen as
claimcheck chooses them when it walks a folder (the same extensions, hidden files and
folders skipped, name order); `.claimcheckignore` files are not applied.
"""

import argparse
import os
import subprocess
import sys
import time

EXTENSIONS = {".txt", ".md", ".markdown", ".text"}


def documents(corpus):
    """The corpus's documents in the order claimcheck walks a folder."""
    if os.path.isfile(corpus):
        return [corpus]
    found = []
    for entry in sorted(os.scandir(corpus), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        path = os.path.join(corpus, entry.name)
        if entry.is_dir(follow_symlinks=True):
            found.extend(documents(path))
        elif os.path.splitext(entry.name)[1].lower() in EXTENSIONS:
            found.append(path)
    return found


def extract(binary, cwd, files, shard):
    """One task: the part's documents into one shard. Returns the shard, its documents and
    the wall time spent."""
    started = time.monotonic()
    done = subprocess.run(
        [binary, "extract", "--quiet", "--threads", "1", *files, "-o", shard],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 2):
        raise RuntimeError(f"extract {shard} failed: {done.stderr}")
    return shard, len(files), time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Arguments after -- go to compare."
    )
    parser.add_argument("corpus")
    parser.add_argument("--store", required=True, help="folder the shards go to")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--workers", type=int, default=4, help="LocalCluster worker processes")
    parser.add_argument("--parts", type=int, help="parts to split the corpus into (default: 4 per worker)")
    parser.add_argument("--claimcheck", default="target/release/claimcheck")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    compare_args = argv[split + 1 :]

    from dask.distributed import Client, LocalCluster

    cwd = os.getcwd()
    binary = os.path.abspath(args.claimcheck)
    files = documents(args.corpus)
    parts = max(1, min(len(files), args.parts or 4 * args.workers))
    os.makedirs(args.store, exist_ok=True)
    started = time.monotonic()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    workers = len(client.scheduler_info()["workers"])
    # Contiguous parts, so each shard holds a run of the walk's order.
    size = -(-len(files) // parts)
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    futures = [
        client.submit(extract, binary, cwd, chunk, os.path.join(args.store, f"part-{n:05}.jsonl"), pure=False)
        for n, chunk in enumerate(chunks)
    ]
    results = client.gather(futures)
    mapped = time.monotonic() - started
    client.close()
    if cluster is not None:
        cluster.close()
    shards = [shard for shard, _, _ in results]
    compared = subprocess.run([binary, "compare", *shards, *compare_args], cwd=cwd)
    total = time.monotonic() - started
    print(
        f"dask: {len(files)} documents in {len(chunks)} parts on {workers} workers: "
        f"extract {mapped:.2f}s, extract + compare {total:.2f}s",
        file=sys.stderr,
    )
    return compared.returncode


if __name__ == "__main__":
    sys.exit(main())
