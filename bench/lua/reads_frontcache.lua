-- The reads of the mixed load behind the front cache: of every 99 requests, 95 article reads and 4
-- anonymous comment-list reads (the posts, the mix's last 1%, come from posts_frontcache.lua in a second
-- wrk at the same time, so this run's latencies are the reads' own). Counts each kind.
-- args: article path, list path, and optionally a pause in ms after each answer (a paced run)
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  article, list = args[1], args[2]
  pause = tonumber(args[3] or "0")
  lists, reads, bad = 0, 0, 0
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  if counter % 99 < 4 then
    lists = lists + 1
    return wrk.format("GET", list)
  end
  reads = reads + 1
  return wrk.format("GET", article)
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local l, r, b = 0, 0, 0
  for _, t in ipairs(threads) do
    l = l + t:get("lists"); r = r + t:get("reads"); b = b + t:get("bad")
  end
  io.write(string.format("READS reads=%d lists=%d bad=%d\n", r, l, b))
end
