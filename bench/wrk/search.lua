-- GET /api/tasks?q=…: free-text search over title, description and tags of 100,000 tasks.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local paths = {
   "/api/tasks?q=invoice&limit=20",
   "/api/tasks?q=tax%20return&status=pending&limit=20",
   "/api/tasks?q=garden&sort=due&limit=20",
   "/api/tasks?q=004242&limit=20",
   "/api/tasks?q=finance&limit=20",
   "/api/tasks?q=description%20longer&limit=20",
}
local i = 0
request = function()
   i = i % #paths + 1
   return wrk.format("GET", paths[i], auth_headers)
end
