-- Shared by every wrk script: the bearer token, and one machine-readable RESULT line at the end.
-- bench/run passes everything through the environment (BENCH_*), so a script can be rerun by hand:
--   BENCH_TOKEN=tf_… BENCH_OP=get BENCH_MAIN_FIRST=20000 BENCH_MAIN_TASKS=100000 \
--     wrk -t2 -c8 -d10s -s bench/wrk/get.lua http://localhost:18471
local env = os.getenv

token = env("BENCH_TOKEN")
threads = tonumber(env("BENCH_THREADS") or "2")
main_first = tonumber(env("BENCH_MAIN_FIRST") or "0")
main_tasks = tonumber(env("BENCH_MAIN_TASKS") or "0")
rec_first = tonumber(env("BENCH_REC_FIRST") or "0")
rec_tasks = tonumber(env("BENCH_REC_TASKS") or "0")
edit_first = tonumber(env("BENCH_EDIT_FIRST") or "0")
edit_tasks = tonumber(env("BENCH_EDIT_TASKS") or "0")

json_headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
auth_headers = { ["Authorization"] = "Bearer " .. token }

-- each thread gets its own number: scripts that must not touch the same task twice (PATCH with
-- If-Match "1", complete) take ids g = tid + 1, tid + 1 + threads, … from a range of their own
local counter = 1
function setup(thread)
   thread:set("tid", counter - 1)
   counter = counter + 1
end

-- the n-th id of this thread in [lo, hi], skipping what skip(g) rejects; nil once the range is used up
function nth_id(state, lo, hi, skip)
   while true do
      local g = lo + tid + threads * state.n
      state.n = state.n + 1
      if g > hi then return nil end
      if not skip or not skip(g) then return g end
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.status + e.timeout
   io.write(string.format(
      "RESULT op=%s requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
      env("BENCH_OP") or "?", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, errors))
end
