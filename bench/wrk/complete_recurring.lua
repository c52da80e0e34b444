-- POST /api/tasks/{id}/complete on a different seeded daily recurring task each time; each creates
-- its next instance through the event path. The last 1,000 are left for the event-latency driver.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local state = { n = 0 }
request = function()
   local g = nth_id(state, 1, rec_tasks - 1000)
   if not g then
      error("complete_recurring.lua ran out of seeded tasks: run shorter or seed more")
   end
   return wrk.format("POST", "/api/tasks/" .. (rec_first + g) .. "/complete", auth_headers)
end
