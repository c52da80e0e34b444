#!/usr/bin/env python3
"""Where the time goes: aggregates a JFR recording's CPU samples (jdk.ExecutionSample).

    bench/jfr-top.py recording.jfr [top]

Prints (1) samples per thread group, (2) the hottest methods by self time, (3) the share of each part of
the work (a sample counts for the innermost TaskFlow or framework part on its stack) and the share
of the event path inclusive of everything it calls. Reads `jfr print --json`, which is in the JDK.
"""
import collections
import json
import re
import subprocess
import sys

# (part, regex on "Class.method"): a sample belongs to the part of the frame nearest its top (the
# innermost piece of TaskFlow or of the framework that was running), so JDBC under the outbox counts
# for the outbox, JDBC under the task repository for the repository
PARTS = [
    ("event path: outbox relay + embedded transport", r"dev\.taskflow\.eventing\.internal\.(OutboxRelay|embedded\.EmbeddedTransport|embedded\.DeliveryQueue\.enqueue|RelayPositions)"),
    ("event path: embedded dispatcher + consumers", r"dev\.taskflow\.eventing\.internal\.(embedded\.EmbeddedDispatcher|ConsumerInvoker|Inbox)|dev\.taskflow\.(audit|web\.live|recurrence|notifications)\.internal|dev\.taskflow\.web\.live"),
    ("event path: publication registry (outbox write/complete)", r"org\.springframework\.modulith\.events"),
    ("event path: building task events", r"dev\.taskflow\.tasks\.internal\.TaskEventPublisher|dev\.taskflow\.tasks\.TaskChanges|dev\.taskflow\.eventing\.EventEnvelope"),
    ("API token check (SQL + SHA-256)", r"dev\.taskflow\.accounts\.internal\.(ApiTokenService|ApiTokenRepository|AccountRepository)"),
    ("task repository (SQL)", r"dev\.taskflow\.tasks\.internal\.(TaskRepository|TaskListQuery)"),
    ("JDBC: driver, pool, transactions", r"org\.springframework\.(jdbc\.datasource|transaction\.support)|com\.zaxxer\.hikari"),
    ("controller", r"dev\.taskflow\.[a-z]+\.web\."),
    ("rest of TaskFlow (domain, services)", r"dev\.taskflow\."),
    ("Spring AOP + transaction interceptor", r"org\.springframework\.(aop|transaction\.interceptor)"),
    ("JSON read/write of the request/response", r"org\.springframework\.http\.converter|dev\.taskflow\.tasks\.web\.TaskJsonReader"),
    ("Micrometer observations", r"io\.micrometer"),
    ("Spring Security filter chain", r"org\.springframework\.security"),
    ("Tomcat + Spring MVC", r"org\.apache\.(catalina|coyote|tomcat)|org\.springframework\.web"),
]

EVENT_PATH = r"dev\.taskflow\.eventing|org\.springframework\.modulith\.events|dev\.taskflow\.tasks\.internal\.TaskEventPublisher|dev\.taskflow\.(audit|recurrence|notifications)\.internal|dev\.taskflow\.web\.live"

THREADS = [
    ("request threads (http-nio-*-exec)", r"http-nio-.*-exec"),
    ("Tomcat acceptor/poller", r"http-nio"),
    ("embedded dispatcher", r"embedded-event-dispatcher"),
    ("async listeners (outbox relay)", r"task-|applicationTaskExecutor|SimpleAsyncTaskExecutor"),
    ("reminder scheduler", r"reminder"),
    ("scheduling (publication retrier)", r"scheduling"),
    ("Hikari housekeeping", r"Hikari"),
]


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    for frame in trace.get("frames") or []:
        method = frame.get("method") or {}
        owner = (method.get("type") or {}).get("name", "?").replace("/", ".")
        yield f"{owner}.{method.get('name', '?')}"


def thread_of(event):
    thread = event["values"].get("sampledThread") or {}
    return thread.get("javaName") or thread.get("osName") or "?"


def classify(name, table):
    for label, pattern in table:
        if re.search(pattern, name):
            return label
    return "other"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    total = len(events)
    if not total:
        print("no execution samples")
        return
    by_thread = collections.Counter()
    self_time = collections.Counter()
    by_part = collections.Counter()
    by_part_request = collections.Counter()
    request_samples = 0
    event_path = 0
    for event in events:
        stack = list(frames(event))
        thread = classify(thread_of(event), THREADS)
        by_thread[thread] += 1
        if stack:
            self_time[stack[0]] += 1
        part = "other (JVM, GC, JIT, idle pools)"
        for f in stack:
            hit = next((label for label, pattern in PARTS if re.search(pattern, f)), None)
            if hit:
                part = hit
                break
        by_part[part] += 1
        if any(re.search(EVENT_PATH, f) for f in stack):
            event_path += 1
        if thread.startswith("request"):
            request_samples += 1
            by_part_request[part] += 1

    print(f"{total} CPU samples")
    print("\nby thread:")
    for label, n in by_thread.most_common():
        print(f"  {100 * n / total:5.1f}%  {label}")
    print(f"\nevent path, inclusive (any event-path frame on the stack): {100 * event_path / total:.1f}%")
    print(f"\nby part (all threads; a sample counts for the innermost part on its stack):")
    for label, n in by_part.most_common():
        print(f"  {100 * n / total:5.1f}%  {label}")
    if request_samples:
        print(f"\nby part (request threads only, {request_samples} samples):")
        for label, n in by_part_request.most_common():
            print(f"  {100 * n / request_samples:5.1f}%  {label}")
    print(f"\ntop {top} methods by self time:")
    for name, n in self_time.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
