-- The mixed load behind the front cache: 95% article reads, 4% comment-list reads (anonymous), 1% comment
-- posts as the signed-in bench reader (each with its own text and idempotency key). Counts each kind.
-- args: article path, list path, sessionid, csrftoken, nonce
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  article, list, session, csrf, nonce = args[1], args[2], args[3], args[4], args[5]
  posts, lists, reads, bad, created = 0, 0, 0, 0, 0
end

function request()
  counter = counter + 1
  local slot = counter % 100
  if slot == 0 then
    posts = posts + 1
    local id = nonce .. "-" .. tid .. "-" .. counter
    local body = '{"body":"Mixed-load note ' .. id .. ': the night ferries start in spring.",'
      .. '"idempotency_key":"' .. id .. '"}'
    return wrk.format("POST", list, {["Content-Type"] = "application/json", ["X-CSRFToken"] = csrf,
      ["Cookie"] = "sessionid=" .. session .. "; csrftoken=" .. csrf, ["Referer"] = "http://127.0.0.1/"}, body)
  elseif slot <= 4 then
    lists = lists + 1
    return wrk.format("GET", list)
  end
  reads = reads + 1
  return wrk.format("GET", article)
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
  if status == 201 then created = created + 1 end  -- only a post answers 201: an acknowledged comment
end

function done(summary, latency, requests)
  local p, l, r, b, c = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    p = p + t:get("posts"); l = l + t:get("lists"); r = r + t:get("reads"); b = b + t:get("bad")
    c = c + t:get("created")
  end
  io.write(string.format("MIXED reads=%d lists=%d posts=%d bad=%d created=%d\n", r, l, p, b, c))
end
