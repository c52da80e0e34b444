-- POST /api/tasks with the README's task, two tags.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local body = '{"title": "Buy milk", "priority": "high", "tags": ["home", "errand"], "due_at": "2026-12-01"}'
request = function()
   return wrk.format("POST", "/api/tasks", json_headers, body)
end
