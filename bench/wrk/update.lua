-- PATCH /api/tasks/{id} with If-Match "1": every request changes a different pending task of the edit
-- user (seeded g in [1, edit_tasks / 2]), so none is stale.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local state = { n = 0 }
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/merge-patch+json",
   ["If-Match"] = '"1"' }
local body = '{"priority": "low", "due_at": "2027-01-15", "tags": ["work", "later"]}'
request = function()
   local g = nth_id(state, 1, math.floor(edit_tasks / 2))
   if not g then
      error("update.lua ran out of seeded tasks: run shorter or seed more")
   end
   return wrk.format("PATCH", "/api/tasks/" .. (edit_first + g), headers, body)
end
