-- Looks up words from a file, one per line. args: word file, mode ("cycle" or "once"), how many of the
-- words to use (default all). Each wrk thread takes every Nth word; in "once" mode a thread stops after
-- its share (the cold pass).
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
  for _, t in ipairs(threads) do t:set("nthreads", #threads) end
end

function init(args)
  words = {}
  local limit = tonumber(args[3] or "0")
  for line in io.lines(args[1]) do
    if limit > 0 and #words >= limit then break end
    words[#words + 1] = line
  end
  mode = args[2] or "cycle"
  index = tid + 1
end

function request()
  if index > #words then
    if mode == "once" then wrk.thread:stop() end
    index = tid + 1
  end
  local word = words[index]
  index = index + nthreads
  return wrk.format("GET", "/api/dictionary/" .. word)
end
