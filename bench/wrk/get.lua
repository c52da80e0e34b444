-- GET /api/tasks/{id}: random tasks of the user with 100,000 tasks.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
request = function()
   return wrk.format("GET", "/api/tasks/" .. (main_first + math.random(1, main_tasks)), auth_headers)
end
