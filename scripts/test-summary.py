#!/usr/bin/env python3
"""Count test cases over one or more meson build directories.

Reads BUILD/meson-logs/testlog.json, counts every TAP line ("ok", "not ok",
"# SKIP") in each test's output, and prints "N passed, N failed, N skipped".
A test program that failed without any TAP result counts as one failure.
Exit status 1 if anything failed.
"""
import json
import re
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    try:
        log = open(build + "/meson-logs/testlog.json")
    except OSError:
        print("no test log in %s" % build, file=sys.stderr)
        failed += 1
        continue
    for line in log:
        entry = json.loads(line)
        p = f = s = 0
        for tap in entry.get("stdout", "").splitlines():
            m = re.match(r"^(not ok|ok)\b(.*)$", tap)
            if not m:
                continue
            if m.group(1) == "not ok":
                f += 1
            elif re.search(r"#\s*SKIP", m.group(2), re.I):
                s += 1
            else:
                p += 1
        if entry.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and f == 0:
            f = 1
            print("failed without a TAP result: %s (%s)"
                  % (entry.get("name"), entry.get("result")), file=sys.stderr)
        passed += p
        failed += f
        skipped += s
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed else 0)
