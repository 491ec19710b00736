-- The posts of the mixed load behind the front cache: signed-in comment posts (each with its own text and
-- idempotency key), each connection waiting `delay` ms after an answer before its next post, so the
-- posts arrive at a set rate beside the reads of reads_frontcache.lua. Counts posts and answers.
-- args: list path, sessionid, csrftoken, nonce, delay in ms
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  list, session, csrf, nonce, pause = args[1], args[2], args[3], args[4], tonumber(args[5])
  posts, bad, created = 0, 0, 0
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  posts = posts + 1
  local id = nonce .. "-" .. tid .. "-" .. counter
  local body = '{"body":"Mixed-load note ' .. id .. ': the night ferries start in spring.",'
    .. '"idempotency_key":"' .. id .. '"}'
  return wrk.format("POST", list, {["Content-Type"] = "application/json", ["X-CSRFToken"] = csrf,
    ["Cookie"] = "sessionid=" .. session .. "; csrftoken=" .. csrf, ["Referer"] = "http://127.0.0.1/"}, body)
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
  if status == 201 then created = created + 1 end  -- an acknowledged comment
end

function done(summary, latency, requests)
  local p, b, c = 0, 0, 0
  for _, t in ipairs(threads) do
    p = p + t:get("posts"); b = b + t:get("bad"); c = c + t:get("created")
  end
  io.write(string.format("POSTS posts=%d bad=%d created=%d\n", p, b, c))
end
