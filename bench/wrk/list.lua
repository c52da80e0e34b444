-- GET /api/tasks: the common first pages of the user with 100,000 tasks, in turn.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local paths = {
   "/api/tasks?status=pending&sort=due&limit=20",
   "/api/tasks?status=pending&tag=work&sort=due,-priority&limit=20",
   "/api/tasks?sort=-created&limit=50",
   "/api/tasks?status=pending&priority=high&limit=20",
   "/api/tasks?overdue=true&sort=due&limit=20",
   "/api/tasks?sort=title&limit=20",
   "/api/tasks?tag=home&tag=urgent&tag_mode=all&limit=20",
   "/api/tasks?status=completed&sort=-updated&limit=20",
}
local i = 0
request = function()
   i = i % #paths + 1
   return wrk.format("GET", paths[i], auth_headers)
end
