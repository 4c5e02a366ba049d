-- wrk script for bench/web_list.sh. Counts every answer whose status is not 200 (wrk itself only
-- counts statuses above 399, so a 303 back to /masuk after a lost session would pass unseen),
-- and after the run prints one line, `WRK_JSON {...}`, with the latency percentiles (ms),
-- requests/s and the error counts; the shell checks them and builds the benchmark's JSON line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_200 = 0
  last_bad = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_200 = not_200 + 1
    last_bad = status
  end
end

function done(summary, latency, requests)
  local not_200, last_bad = 0, 0
  for _, t in ipairs(threads) do
    not_200 = not_200 + t:get("not_200")
    if t:get("last_bad") ~= 0 then last_bad = t:get("last_bad") end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'WRK_JSON {"requests": %d, "seconds": %.3f, "requests_per_s": %.1f, ' ..
    '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f, ' ..
    '"not_200": %d, "last_bad_status": %d, "status_over_399": %d, "socket_errors": %d, ' ..
    '"timeouts": %d, "bytes_per_response": %.0f}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, latency.mean / 1e3,
    not_200, last_bad, e.status, e.connect + e.read + e.write, e.timeout,
    summary.requests > 0 and summary.bytes / summary.requests or 0))
end
