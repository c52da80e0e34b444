-- POST /api/tasks/{id}/complete on a different pending seeded task each time (g in [40001, 80000]).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local state = { n = 0 }
request = function()
   local g = nth_id(state, 40001, 80000, function(g) return g % 4 == 0 end)
   if not g then
      error("complete.lua ran out of seeded tasks: run shorter or seed more")
   end
   return wrk.format("POST", "/api/tasks/" .. (main_first + g) .. "/complete", auth_headers)
end
