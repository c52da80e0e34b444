-- POST /api/tasks/{id}/complete on a different pending task of the edit user each time (seeded g in
-- [edit_tasks / 2 + 1, edit_tasks]; update takes the first half).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local state = { n = 0 }
request = function()
   local g = nth_id(state, math.floor(edit_tasks / 2) + 1, edit_tasks)
   if not g then
      error("complete.lua ran out of seeded tasks: run shorter or seed more")
   end
   return wrk.format("POST", "/api/tasks/" .. (edit_first + g) .. "/complete", auth_headers)
end
