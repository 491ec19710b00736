-- Posts a distinct comment per request (body and idempotency key carry thread id and a counter),
-- as the signed-in bench reader: session cookie + CSRF cookie and header.
-- args: path, sessionid, csrftoken, nonce
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  path, session, csrf, nonce = args[1], args[2], args[3], args[4]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = "sessionid=" .. session .. "; csrftoken=" .. csrf
  wrk.headers["X-CSRFToken"] = csrf
  wrk.headers["Referer"] = "http://127.0.0.1/"
end

function request()
  counter = counter + 1
  local id = nonce .. "-" .. tid .. "-" .. counter
  local body = '{"body":"Reader note ' .. id .. ': the budget vote was closer than the fronts said.",'
    .. '"idempotency_key":"' .. id .. '"}'
  return wrk.format(nil, path, nil, body)
end
