#!/usr/bin/env python3
"""Where the server's CPU goes, from a JFR recording (bench/run.sh with BENCH_JFR=1).

    python3 bench/jfr-summary.py bench/results/<time>-server.jfr [--after HH:MM:SS] [--before HH:MM:SS]

Reads the jdk.ExecutionSample events of the request threads ("Default Executor-thread-*") and
the event subscriber, and prints (1) the share of samples whose stack passes through each
component (inclusive; a sample can count for several), (2) the hottest NexusChat methods
(inclusive) and (3) the hottest leaf methods. --after drops samples before a wall-clock time
(UTC), e.g. the start of the measured window, so server start-up does not count; --before drops
samples after one.
"""
import collections
import json
import re
import subprocess
import sys

COMPONENTS = [
    ("PostgreSQL JDBC (driver + socket wait)", "org.postgresql."),
    ("EclipseLink (JPA)", "org.eclipse.persistence."),
    ("JTA transaction manager", "com.ibm.tx."),
    ("JSON-B / JSON-P (Yasson, Parsson)", ("org.eclipse.yasson.", "org.eclipse.parsson.", "org.glassfish.json.")),
    ("Jedis (Redis)", "redis.clients."),
    ("WebSocket container (wsoc)", "com.ibm.ws.wsoc."),
    ("CDI (Weld) proxies/interceptors", "org.jboss.weld."),
    ("RESTEasy (REST)", "org.jboss.resteasy."),
    ("MessageService.post", "dev.nexuschat.message.control.MessageService.post"),
    ("fan-out (LocalConnections.deliver)", "dev.nexuschat.realtime.control.LocalConnections.deliver"),
    ("EventBus.publish", "dev.nexuschat.realtime.control.EventBus.publish"),
    ("Connection.send", "dev.nexuschat.realtime.control.Connection.send"),
    ("frame decode (FrameCodec)", "dev.nexuschat.realtime.boundary.FrameCodec."),
]


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    after = args[args.index("--after") + 1] if "--after" in args else None
    before = args[args.index("--before") + 1] if "--before" in args else None
    # JSON: `jfr print` as text fails on some of Liberty's generated frames.
    recording = json.loads(subprocess.run(
        ["jfr", "print", "--json", "--events", "jdk.ExecutionSample", args[0]],
        check=True, capture_output=True, text=True).stdout)
    samples = []
    for event in recording["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or ""
        if not re.match(r"Default Executor-thread|nexus-event-subscriber", thread):
            continue
        at = values["startTime"][11:19]
        if (after and at < after) or (before and at >= before):
            continue
        frames = (values.get("stackTrace") or {}).get("frames") or []
        samples.append([f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                        for f in frames])
    n = len(samples)
    if not n:
        sys.exit("no samples of the request threads")
    print(f"{n} samples of request/subscriber threads")
    print("\ninclusive share by component:")
    for name, prefixes in COMPONENTS:
        hits = sum(1 for frames in samples if any(f.startswith(prefixes) for f in frames))
        print(f"  {hits / n * 100:5.1f}%  {name}")
    app, leaf = collections.Counter(), collections.Counter()
    for frames in samples:
        leaf[frames[0]] += 1
        for f in set(frames):
            if f.startswith("dev.nexuschat."):
                app[f] += 1
    print("\nhottest NexusChat methods (inclusive):")
    for f, c in app.most_common(15):
        print(f"  {c / n * 100:5.1f}%  {f}")
    print("\nhottest leaf methods:")
    for f, c in leaf.most_common(15):
        print(f"  {c / n * 100:5.1f}%  {f}")


if __name__ == "__main__":
    main()
